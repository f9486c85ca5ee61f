"""A local Twilio REST API for tests: the Messages resource, and media behind a redirect.

A real HTTP server on 127.0.0.1 (a thread per request) that speaks Twilio's wire format, so that
twilio's own `Client` and our retries are what the tests exercise:

- `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded (`To`, `From`, `Body`,
  `ContentSid`, `ContentVariables`, `StatusCallback`, …), HTTP basic auth with the configured SID
  and token → 201 with a Message resource as Twilio returns it (`sid` "SM" + 32 hex, `status`
  "queued", …), or Twilio's JSON error (401 20003, 404 20404, 400 21604/21603/21619/21211/21617/
  21656). `I-Twilio-Idempotency-Token` is honoured: the same token gets the same message back,
  recorded once.
- `GET /media/{name}` (basic auth) → 302 to `/cdn/{name}?Expires=…&Signature=…`, which serves the
  file without auth, like Twilio's media URLs and their CDN.

Use it as a context manager; read `.url`, `.messages` (every accepted message, in order: the form
as sent — `To`, `From`, `Body`… — plus `sid`, `status` and `idempotency_token`), `.attempts`
(every POST to Messages, failures and replays included) and `.media_requests`; script failures
with `.fail_next(n, status=…)`; serve media with `.add_media(name, content, content_type)`.
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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

DEFAULT_ACCOUNT_SID = "AC" + "0" * 32
DEFAULT_AUTH_TOKEN = "stub-auth-token"
API_VERSION = "2010-04-01"
_MESSAGES = re.compile(rf"^/{API_VERSION}/Accounts/([^/]+)/Messages\.json$")
_ADDRESS = re.compile(r"^(whatsapp:)?\+[1-9]\d{6,14}$")
_ERRORS = {  # Twilio's error codes and messages
    401: (20003, "Authenticate"),
    404: (20404, "The requested resource was not found"),
    429: (20429, "Too Many Requests"),
    500: (20500, "Internal Server Error"),
    503: (20503, "Service Unavailable"),
}


@dataclass(frozen=True)
class _Media:
    content: bytes
    content_type: str
    signature: str


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


class TwilioStub:
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
        self.media_requests: list[dict[str, Any]] = []
        self._messages: list[dict[str, Any]] = []
        self._by_token: dict[str, dict[str, Any]] = {}
        self._failures: deque[tuple[int, int | None]] = deque()
        self._media: dict[str, _Media] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        """The base URL, in place of `https://api.twilio.com`."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every accepted message, in order (a snapshot)."""
        with self._lock:
            return list(self._messages)

    def fail_next(self, n: int = 1, *, status: int = 500, code: int | None = None) -> None:
        """The next `n` POSTs to Messages answer `status` with Twilio's error body, sending nothing."""
        with self._lock:
            self._failures.extend([(status, code)] * n)

    def add_media(self, name: str, content: bytes, content_type: str) -> str:
        """Serve `content` at the returned URL (basic auth, then a redirect to the "CDN")."""
        with self._lock:
            self._media[name] = _Media(content, content_type, secrets.token_urlsafe(16))
        return f"{self.url}/media/{name}"

    def __enter__(self) -> TwilioStub:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _authorized(self, header: str | None) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return header == f"Basic {expected}"

    def _create(
        self, account: str, form: list[tuple[str, str]], token: str | None
    ) -> tuple[int, dict[str, Any]]:
        """Twilio's checks, in Twilio's order, then the message (or the one this token made)."""
        with self._lock:
            self.attempts += 1
            if self._failures:
                status, code = self._failures.popleft()
                return status, twilio_error(status, code)
            if token is not None and token in self._by_token:
                return 201, self._by_token[token]
        if account != self.account_sid:
            resource = f"/{API_VERSION}/Accounts/{account}/Messages.json"
            return 404, twilio_error(404, message=f"The requested resource {resource} was not found")
        fields = dict(form)
        problem = _problem(fields)
        if problem is not None:
            return 400, twilio_error(400, *problem)
        sid = "SM" + uuid.uuid4().hex
        resource = _resource(self.account_sid, sid, fields)
        with self._lock:
            if token is not None and token in self._by_token:  # a concurrent twin got here first
                return 201, self._by_token[token]
            self._messages.append({**fields, "sid": sid, "status": "queued", "idempotency_token": token})
            if token is not None:
                self._by_token[token] = resource
        return 201, resource

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
                self._json(*stub._create(match.group(1), form, token))

            def do_GET(self) -> None:
                if stub.latency_s:
                    time.sleep(stub.latency_s)
                parts = urlsplit(self.path)
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


def _resource(account_sid: str, sid: str, fields: dict[str, str]) -> dict[str, Any]:
    """A Message resource as Twilio's create returns it."""
    now = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    uri = f"/{API_VERSION}/Accounts/{account_sid}/Messages/{sid}"
    return {
        "account_sid": account_sid,
        "api_version": API_VERSION,
        "body": fields.get("Body", ""),
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
