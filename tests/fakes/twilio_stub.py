"""A local Twilio REST API for tests: the Messages resource (create and list), and media behind a redirect.

A real HTTP server on 127.0.0.1 (a thread per request) that speaks Twilio's wire format, so that
twilio's own `Client` and our retries are what the tests exercise:

- `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded (`To`, `From`, `Body`,
  `ContentSid`, `ContentVariables`, `StatusCallback`, …), HTTP basic auth with the configured SID
  and token → 201 with a Message resource as Twilio returns it (`sid` "SM" + 32 hex, `status`
  "queued", `date_sent` null, …), or Twilio's JSON error (401 20003, 404 20404, 400 21604/21603/
  21619/21211/21617/21656). Like Twilio, it honours no idempotency key: every accepted POST is a
  new message. `I-Twilio-Idempotency-Token` is only recorded, so tests can see what was sent.
  A template (`ContentSid`) is stored with its rendered text as `body`, as Twilio lists it
  (`.add_template(sid, "Hi {{1}}")`; an unknown template renders its variables in order).
- `GET /2010-04-01/Accounts/{AccountSid}/Messages.json` with Twilio's filters (`To`, `From`,
  `DateSent`, `DateSent<`, `DateSent>` as `YYYY-MM-DD`) and paging (`PageSize`, default 50, at
  most 1000; `Page` and `PageToken` from `next_page_uri`) → Twilio's list page (`messages`,
  `page`, `page_size`, `start`, `end`, `uri`, `first_page_uri`, `next_page_uri`,
  `previous_page_uri`), most recently sent first. A stored message is `sent` (with its
  `date_sent`) once its create has been answered, as a WhatsApp message normally is a moment later.
- `GET /media/{name}` (basic auth) → 302 to `/cdn/{name}?Expires=…&Signature=…`, which serves the
  file without auth, like Twilio's media URLs and their CDN.

Faults, scripted in order: `.fail_next(n, status=…)` answers errors (by default without creating
the message; `created=True` creates it first, as a Twilio 5xx may), `.fail_next_lists(n, status=…)`
the same for reads of the list; `.lose_next(n, hang_s=…)`
creates the message and then never answers — the connection is closed at once, or after
`hang_s` (or `.release()`), which is "Twilio got it, the answer was lost" for a client timeout
or a process killed mid-request.

Use it as a context manager; read `.url`, `.messages` (every accepted message, in order: the form
as sent — `To`, `From`, `Body`… — plus `sid`, `status` at creation and `idempotency_token`),
`.attempts` (every POST to Messages, failures included), `.lists` (the query of every GET of the
list) and `.media_requests`; serve media with `.add_media(name, content, content_type)`.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit

from tests.fakes.local_server import LocalServer

DEFAULT_ACCOUNT_SID = "AC" + "0" * 32
DEFAULT_AUTH_TOKEN = "stub-auth-token"
API_VERSION = "2010-04-01"
_MESSAGES = re.compile(rf"^/{API_VERSION}/Accounts/([^/]+)/Messages\.json$")
_ADDRESS = re.compile(r"^(whatsapp:)?\+[1-9]\d{6,14}$")
_VARIABLE = re.compile(r"\{\{(\w+)\}\}")
_ERRORS = {  # Twilio's error codes and messages
    401: (20003, "Authenticate"),
    404: (20404, "The requested resource was not found"),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}
_LIST_FILTERS = ("To", "From", "DateSent", "DateSent<", "DateSent>")


@dataclass(frozen=True)
class _Media:
    content: bytes
    content_type: str
    signature: str


@dataclass(frozen=True)
class _Failure:
    status: int
    code: int | None
    created: bool  # the message is created before the error is answered


@dataclass(frozen=True)
class _Lost:
    hang_s: float  # how long the connection stays open, unanswered, before it is closed


@dataclass
class _Stored:
    """One message as Twilio holds it: the resource its list serves, and what the test reads."""

    resource: dict[str, Any]
    record: dict[str, Any]
    sent_at: datetime | None = None


def twilio_error(status: int, code: int | None = None, message: str | None = None) -> dict[str, Any]:
    """A Twilio REST error body."""
    default_code, default_message = _ERRORS.get(status, (status * 100, "Error"))
    code = code or default_code
    return {
        "code": code,
        "message": message or default_message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


class TwilioStub(LocalServer):
    """The server: start it (a context manager), point `PRM_TWILIO_API_URL` at `.url`."""

    def __init__(
        self,
        *,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        latency_s: float = 0.0,
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.latency_s = latency_s  # before every answer
        self.attempts = 0
        self.lists: list[dict[str, str]] = []
        self.media_requests: list[dict[str, Any]] = []
        self._stored: list[_Stored] = []
        self._templates: dict[str, str] = {}
        self._faults: deque[_Failure | _Lost] = deque()
        self._list_failures: deque[int] = deque()
        self._media: dict[str, _Media] = {}
        self._lock = threading.Lock()
        self._serve(self._handler())

    @property
    def url(self) -> str:
        """The base URL, in place of `https://api.twilio.com`."""
        return self.base_url

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every accepted message, in order (a snapshot)."""
        with self._lock:
            return [dict(stored.record) for stored in self._stored]

    def fail_next(
        self, n: int = 1, *, status: int = 500, code: int | None = None, created: bool = False
    ) -> None:
        """The next `n` POSTs to Messages answer `status` with Twilio's error body; with `created`,
        after creating the message (a 5xx that Twilio's own docs say may have sent it)."""
        with self._lock:
            self._faults.extend([_Failure(status, code, created)] * n)

    def lose_next(self, n: int = 1, *, hang_s: float = 0.0) -> None:
        """The next `n` POSTs to Messages create their message and never answer: the connection is
        closed at once, or after `hang_s` unanswered (a client timeout; `.release()` ends it early)."""
        with self._lock:
            self._closing.clear()
            self._faults.extend([_Lost(hang_s)] * n)

    def fail_next_lists(self, n: int = 1, *, status: int = 500) -> None:
        """The next `n` GETs of the Messages list answer `status` with Twilio's error body."""
        with self._lock:
            self._list_failures.extend([status] * n)

    def release(self) -> None:
        """End every hanging lost answer now (its connection is closed, still unanswered): the event
        closing the server sets too."""
        self._closing.set()

    def add_template(self, content_sid: str, text: str) -> None:
        """An approved template: `{{1}}`… are replaced by the message's `ContentVariables`."""
        with self._lock:
            self._templates[content_sid] = text

    def add_media(self, name: str, content: bytes, content_type: str) -> str:
        """Serve `content` at the returned URL (basic auth, then a redirect to the "CDN")."""
        with self._lock:
            self._media[name] = _Media(content, content_type, secrets.token_urlsafe(16))
        return f"{self.url}/media/{name}"

    def _authorized(self, header: str | None) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return header == f"Basic {expected}"

    def _create(
        self, account: str, form: list[tuple[str, str]], token: str | None
    ) -> tuple[int, dict[str, Any], _Stored | None, _Lost | None]:
        """Twilio's checks, in Twilio's order, then the message: (status, body, stored, lost)."""
        with self._lock:
            self.attempts += 1
            fault = self._faults.popleft() if self._faults else None
        if isinstance(fault, _Failure) and not fault.created:
            return fault.status, twilio_error(fault.status, fault.code), None, None
        if account != self.account_sid:
            missing = f"The requested resource /{API_VERSION}/Accounts/{account}/Messages.json was not found"
            return 404, twilio_error(404, message=missing), None, None
        fields = dict(form)
        problem = _problem(fields)
        if problem is not None:
            return 400, twilio_error(400, *problem), None, None
        sid = "SM" + uuid.uuid4().hex
        resource = _resource(self.account_sid, sid, fields, self._rendered(fields))
        stored = _Stored(resource, {**fields, "sid": sid, "status": "queued", "idempotency_token": token})
        with self._lock:
            self._stored.append(stored)
        if isinstance(fault, _Failure):
            return fault.status, twilio_error(fault.status, fault.code), stored, None
        return 201, resource, stored, fault

    def _rendered(self, fields: dict[str, str]) -> str:
        """The text Twilio lists for the message: its body, or its template filled in."""
        if "ContentSid" not in fields:
            return fields.get("Body", "")
        variables: dict[str, str] = json.loads(fields.get("ContentVariables", "{}"))
        with self._lock:
            template = self._templates.get(fields["ContentSid"])
        if template is None:
            return " ".join(str(value) for value in variables.values())
        return _VARIABLE.sub(lambda match: str(variables.get(match.group(1), "")), template)

    def _sent(self, stored: _Stored) -> None:
        """The message left Twilio: `sent`, with its `date_sent` (what its list shows from now on)."""
        with self._lock:
            if stored.sent_at is None:
                stored.sent_at = datetime.now(UTC)
                stored.resource = {**stored.resource, "status": "sent", "date_sent": _rfc2822(stored.sent_at)}

    def _list(self, account: str, query: list[tuple[str, str]]) -> tuple[int, dict[str, Any]]:
        """One page of Twilio's list, filtered like Twilio's, most recently sent first."""
        params = dict(query)
        with self._lock:
            self.lists.append(params)
            stored = list(self._stored)
            failure = self._list_failures.popleft() if self._list_failures else None
        if failure is not None:
            return failure, twilio_error(failure)
        if account != self.account_sid:
            return 404, twilio_error(404)
        try:
            size = min(int(params.get("PageSize", "50")), 1000)
            number = int(params.get("Page", "0"))
        except ValueError:
            return 400, twilio_error(400, 20001, "Invalid paging parameter")
        if size < 1:
            return 400, twilio_error(400, 20001, "Invalid paging parameter")
        chosen = [item for item in stored if _selected(item, params)]
        # most recently sent first; one not sent yet is the most recent of all
        chosen.sort(
            key=lambda item: (item.sent_at is None, item.sent_at or datetime.min.replace(tzinfo=UTC)),
            reverse=True,
        )
        start = 0
        if token := params.get("PageToken"):
            after = [i for i, item in enumerate(chosen) if "PA" + item.resource["sid"] == token]
            if not after:
                return 400, twilio_error(400, 20001, "Invalid PageToken")
            start = after[0] + 1
        page = chosen[start : start + size]
        path = f"/{API_VERSION}/Accounts/{account}/Messages.json"
        filters = [(key, params[key]) for key in _LIST_FILTERS if key in params]

        def uri(page_number: int, token: str | None = None) -> str:
            paging = [("PageSize", str(size)), ("Page", str(page_number))]
            return f"{path}?{urlencode([*filters, *paging, *([('PageToken', token)] if token else [])])}"

        more = start + size < len(chosen)
        return 200, {
            "end": start + len(page) - 1 if page else start,
            "first_page_uri": uri(0),
            "messages": [item.resource for item in page],
            "next_page_uri": uri(number + 1, "PA" + page[-1].resource["sid"]) if more and page else None,
            "page": number,
            "page_size": size,
            "previous_page_uri": uri(number - 1) if number > 0 else None,
            "start": start,
            "uri": f"{path}?{urlencode(query)}",
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode()
                if stub.latency_s:
                    time.sleep(stub.latency_s)
                match = _MESSAGES.match(urlsplit(self.path).path)
                if match is None:
                    self._json(404, twilio_error(404))
                    return
                if not stub._authorized(self.headers.get("Authorization")):
                    self._json(401, twilio_error(401))
                    return
                form = parse_qsl(raw, keep_blank_values=True)
                token = self.headers.get("I-Twilio-Idempotency-Token")
                status, body, stored, lost = stub._create(match.group(1), form, token)
                if lost is not None:
                    stub._closing.wait(lost.hang_s)
                    self.close_connection = True  # closed without a word: the answer is lost
                else:
                    self._json(status, body)
                if stored is not None:
                    stub._sent(stored)

            def do_GET(self) -> None:
                if stub.latency_s:
                    time.sleep(stub.latency_s)
                parts = urlsplit(self.path)
                listing = _MESSAGES.match(parts.path)
                if listing is not None:
                    if not stub._authorized(self.headers.get("Authorization")):
                        self._json(401, twilio_error(401))
                        return
                    self._json(*stub._list(listing.group(1), parse_qsl(parts.query, keep_blank_values=True)))
                    return
                kind, _, name = parts.path.strip("/").partition("/")
                with stub._lock:
                    media = stub._media.get(name)
                    stub.media_requests.append(
                        {"path": parts.path, "authorized": "Authorization" in self.headers}
                    )
                if kind == "media" and media is not None:
                    if not stub._authorized(self.headers.get("Authorization")):
                        self._json(401, twilio_error(401))
                        return
                    expires = int(time.time()) + 300
                    target = f"/cdn/{name}?Expires={expires}&Signature={media.signature}"
                    self._send(302, b"", {"Location": target, "Content-Type": "text/plain"})
                elif kind == "cdn" and media is not None:
                    signature = parse_qs(parts.query).get("Signature", [""])[0]
                    if signature != media.signature:
                        self._send(403, b"AccessDenied", {"Content-Type": "text/plain"})
                        return
                    self._send(200, media.content, {"Content-Type": media.content_type})
                else:
                    self._json(404, twilio_error(404))

            def _json(self, status: int, body: dict[str, Any]) -> None:
                self._send(status, json.dumps(body).encode(), {"Content-Type": "application/json"})

            def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout, or a refused size): nothing to answer

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output quiet

        return Handler


def _rfc2822(moment: datetime) -> str:
    """Twilio's date format: `Tue, 01 Dec 2026 14:00:00 +0000`."""
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0))


def _selected(item: _Stored, params: dict[str, str]) -> bool:
    """Whether a stored message passes the list's filters (a `DateSent` filter skips unsent ones)."""
    resource = item.resource
    if "To" in params and resource["to"] != params["To"]:
        return False
    if "From" in params and resource["from"] != params["From"]:
        return False
    bounds = {key: params[key][:10] for key in ("DateSent", "DateSent<", "DateSent>") if key in params}
    if not bounds:
        return True
    if item.sent_at is None:
        return False
    day = item.sent_at.date().isoformat()
    return (
        ("DateSent" not in bounds or day == bounds["DateSent"])
        and ("DateSent<" not in bounds or day <= bounds["DateSent<"])
        and ("DateSent>" not in bounds or day >= bounds["DateSent>"])
    )


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _problem(fields: dict[str, str]) -> tuple[int, str] | None:
    """The first reason Twilio would refuse this message (code, message), or None."""
    if not fields.get("To"):
        return 21604, "A 'To' phone number is required."
    if not fields.get("From") and not fields.get("MessagingServiceSid"):
        return 21603, "A 'From' phone number is required."
    if not (fields.get("Body") or fields.get("MediaUrl") or fields.get("ContentSid")):
        return 21619, "A text message body or media urls must be specified."
    if not _ADDRESS.match(fields["To"]):
        return 21211, "Invalid 'To' Phone Number"
    if _units(fields.get("Body", "")) > 1600:
        return 21617, "The concatenated message body exceeds the 1600 character limit."
    if "ContentVariables" in fields:
        try:
            valid = isinstance(json.loads(fields["ContentVariables"]), dict)
        except ValueError:
            valid = False
        if not valid:
            return 21656, "The ContentVariables Parameter is invalid."
    return None


def _resource(account_sid: str, sid: str, fields: dict[str, str], body: str) -> dict[str, Any]:
    """A Message resource as Twilio's create returns it (queued, not sent yet)."""
    now = _rfc2822(datetime.now(UTC))
    uri = f"/{API_VERSION}/Accounts/{account_sid}/Messages/{sid}"
    return {
        "account_sid": account_sid,
        "api_version": API_VERSION,
        "body": body,
        "date_created": now,
        "date_sent": None,
        "date_updated": now,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": fields.get("From"),
        "messaging_service_sid": fields.get("MessagingServiceSid"),
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "price_unit": "USD",
        "sid": sid,
        "status": "queued",
        "subresource_uris": {"media": f"{uri}/Media.json"},
        "to": fields["To"],
        "uri": f"{uri}.json",
    }
