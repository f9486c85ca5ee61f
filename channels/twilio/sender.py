"""Sending a WhatsApp or SMS message through Twilio's REST API: retried, and never re-posted blindly.

**What Twilio guarantees, and what it does not.** Creating a Message (`POST /2010-04-01/Accounts/
{sid}/Messages.json`) is not idempotent, and the Messages API takes no idempotency key. Twilio's
page for error 20500 says so: "Other POST requests - sending an SMS or triggering an outbound call
- are not idempotent. If you get a 500 Server Error on these requests, and you retry the request,
it is possible for a customer to receive multiple messages or calls from your application"
(https://www.twilio.com/docs/api/errors/20500). `I-Twilio-Idempotency-Token` is a header Twilio
*sends* on its webhooks, so that a receiver can recognise Twilio's own retries; nothing in Twilio's
documentation says the API honours it on requests. We still send it (the caller's key): it costs
nothing and a Twilio-compatible gateway may honour it — but nothing here relies on it.

**"Maybe sent" is a state.** A post answered 4xx (429 included) or that never connected created
nothing, and is simply retried. A post that timed out, lost its connection or was answered 5xx
may have created the message. Before posting that part again the sender *looks it up* in Twilio's
list of messages (`GET …/Messages.json?To=…&From=…`, most recently sent first, paged): an
`outbound-api` message to the same address from the same sender, created since the first post
(less `Lookup.skew` for the two clocks), with the same text — the body for free text, every
variable's text for a template, since Twilio lists a template's rendered text. A match is the
message: its SID is returned and nothing is posted. Only when the list holds none is the part
posted again. Twilio may still be creating a message it received when our client gave up, so an
empty list is believed only `Lookup.settle_s` after the last post began; a list that cannot be
read, or has more than `Lookup.max_pages` newer messages for the address, raises a temporary
error instead of posting (the caller's job tries again later). Two limits remain, both Twilio's:
a message created more than `settle_s` after its post began would be missed; and the list's
order for a message not sent yet (no `date_sent`) is taken to be "most recent" — the scan stops
at the first message *sent* before the window.

The caller owns the record of attempts (channels/outbound.py, `message_parts`): `before_post` is
awaited before each post, so a process killed mid-request leaves "maybe sent" behind; `posted`
hands an earlier process's attempts back in, so a job retried after a crash looks up first too;
`taken` lists SIDs already recorded as other messages' (an identical earlier message is not ours).

The request is made by twilio's own `Client`, so the wire format, authentication, paging and error
parsing are Twilio's. `PRM_TWILIO_API_URL` (`api_url`) replaces `https://api.twilio.com` as the
base URL of the client's Api domain (edge and region rewriting, which would rewrite a gateway's
host as if it were Twilio's, is switched off then). The HTTP transport (`_Transport`, on aiohttp
like twilio's own `AsyncTwilioHttpClient`, which opens its session at construction, applies no
timeout, cannot add a header and leaks its session when the connection fails) opens a session per
request, always closes it and applies `timeout_s`. Errors never quote Twilio's message, which may
contain the phone number. SMS is the same call with plain `+E164` addresses; WhatsApp addresses are
`whatsapp:+E164`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http import AsyncHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from store.phones import WHATSAPP_PREFIX

IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token"
OUTBOUND_API = "outbound-api"  # `direction` of a message created through this API (not a TwiML reply)

# what twilio raises for an HTTP error (the legacy body, or an RFC 9457 problem) and for no answer
_API_ERRORS = (TwilioRestException, TwilioServiceException)
_NETWORK_ERRORS = (aiohttp.ClientError, TimeoutError)


def whatsapp_address(phone: str) -> str:
    """`+15550100001` → `whatsapp:+15550100001` (an address that already has the prefix is kept)."""
    return phone if phone.startswith(WHATSAPP_PREFIX) else WHATSAPP_PREFIX + phone


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Retry:
    """How often a part is posted and how patiently (waits double: 0.5 s, 1 s, … ≤ max)."""

    attempts: int = 4
    first_wait_s: float = 0.5
    max_wait_s: float = 8.0


@dataclass(frozen=True)
class Lookup:
    """How a "maybe sent" part is looked up in Twilio's list before it is posted again."""

    settle_s: float = 20.0  # after the last post began, before an empty list is believed
    skew: timedelta = timedelta(minutes=5)  # our clock against Twilio's `date_created`
    page_size: int = 100
    max_pages: int = 10


@dataclass(frozen=True)
class Posted:
    """Earlier posts of a part that may have reached Twilio, from the caller's records: when the
    first and the last began, on Twilio's clock (real UTC, never the clinic's)."""

    first: datetime
    last: datetime


@dataclass(frozen=True)
class SentMessage:
    """Twilio has the message: its SID (`SM…`) and Twilio's status (`queued`, `sent`, …)."""

    sid: str
    status: str


class TwilioSendError(Exception):
    """Twilio did not (knowingly) take the message. `status` is the HTTP status (None: no answer at
    all), `code` Twilio's error code when it gave one, `permanent` whether the same request can never
    succeed (a 4xx other than 429) — otherwise a later retry may — and `maybe_sent` whether a post
    may have created the message anyway (the next try looks it up before posting)."""

    def __init__(
        self, status: int | None, code: int | None, permanent: bool, *, maybe_sent: bool = False
    ) -> None:
        kind = "refused" if permanent else "failed"
        super().__init__(f"Twilio send {kind}: HTTP {status or 'no response'}, error code {code}")
        self.status = status
        self.code = code
        self.permanent = permanent
        self.maybe_sent = maybe_sent


class _Transport(AsyncHttpClient):  # type: ignore[misc]  # twilio ships no type information
    """One aiohttp session per request, a timeout that applies, and the idempotency header."""

    def __init__(self, *, timeout_s: float, idempotency_key: str) -> None:
        super().__init__(logger=None, is_async=True, timeout=timeout_s)
        self._idempotency_key = idempotency_key

    async def request(
        self,
        method: str,
        uri: str,
        params: dict[str, str] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,  # noqa: ASYNC109 - the name is twilio's HttpClient interface
        allow_redirects: bool = False,
    ) -> Response:
        sent_headers = {**(headers or {}), IDEMPOTENCY_HEADER: self._idempotency_key}
        if auth is not None:
            sent_headers["Authorization"] = aiohttp.encode_basic_auth(*auth)
        budget = aiohttp.ClientTimeout(total=timeout or self.timeout)
        async with (
            aiohttp.ClientSession(timeout=budget) as session,
            session.request(
                method.upper(),
                uri,
                params=params,
                data=data,
                headers=sent_headers,
                allow_redirects=allow_redirects,
            ) as response,
        ):
            return Response(response.status, await response.text(), response.headers)


def _status(error: BaseException) -> int | None:
    """The HTTP status of an API error (an RFC 9457 body may give it as a string)."""
    status = getattr(error, "status", None)
    return int(status) if isinstance(status, int | str) and str(status).isdigit() else None


def _transient(error: BaseException) -> bool:
    """Whether the same request may succeed later: 429, 5xx, no answer in time, a lost connection."""
    if isinstance(error, _API_ERRORS):
        status = _status(error)
        return status is None or status == 429 or status >= 500
    return isinstance(error, _NETWORK_ERRORS)


def _maybe_created(error: BaseException) -> bool:
    """Whether a failed post may have created the message: anything but a 4xx answer (Twilio looked
    and refused) or a connection that never opened (nothing was sent)."""
    if isinstance(error, _API_ERRORS):
        status = _status(error)
        return status is None or status >= 500
    return not isinstance(error, aiohttp.ClientConnectorError)


def _send_error(error: BaseException, *, maybe_sent: bool) -> TwilioSendError:
    if not isinstance(error, _API_ERRORS):
        return TwilioSendError(None, None, permanent=False, maybe_sent=maybe_sent)
    code = getattr(error, "code", None)
    status = _status(error)
    return TwilioSendError(
        status, code if isinstance(code, int) else None, not _transient(error), maybe_sent=maybe_sent
    )


def _same_text(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


def _matcher(body: str | None, variables: dict[str, str] | None) -> Callable[[str], bool]:
    """What makes a listed message ours: the same body, or (a template) every variable's text in it."""
    if body is not None:
        expected = _same_text(body)
        return lambda listed: _same_text(listed) == expected
    wanted = [_same_text(value) for value in (variables or {}).values() if _same_text(value)]
    # a template without variables has nothing of ours to recognise: it can only be posted again
    return lambda listed: bool(wanted) and all(value in _same_text(listed) for value in wanted)


class TwilioSender:
    """Sends messages for one Twilio account; safe to share, holds no connection between sends."""

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        api_url: str | None = None,
        *,
        timeout_s: float = 10.0,
        retry: Retry = Retry(),
        lookup: Lookup = Lookup(),
        wall: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._api_url = api_url.rstrip("/") if api_url else None
        self._timeout_s = timeout_s
        self._retry = retry
        self._lookup = lookup
        self._wall = wall  # Twilio's clock: real UTC, whatever clock the clinic lives on

    def _client(self, idempotency_key: str) -> Any:
        """A twilio `Client` whose every request carries `idempotency_key`."""
        transport = _Transport(timeout_s=self._timeout_s, idempotency_key=idempotency_key)
        client = Client(self._account_sid, self._auth_token, http_client=transport)
        if self._api_url is not None:
            client.edge = client.region = None
            client.api.base_url = self._api_url
        return client

    async def send(
        self,
        *,
        to: str,
        from_: str,
        body: str | None = None,
        content_sid: str | None = None,
        content_variables: dict[str, str] | None = None,
        status_callback: str | None = None,
        idempotency_key: str,
        posted: Posted | None = None,
        taken: Collection[str] = (),
        before_post: Callable[[datetime], Awaitable[None]] | None = None,
    ) -> SentMessage:
        """Send free text (`body`) or an approved template (`content_sid` and its variables) once.

        `posted`: earlier posts of this very part that may have reached Twilio (it is looked up
        before anything is posted); `taken`: SIDs that are other messages', never a match;
        `before_post(at)`: awaited before each post, to record it durably. `idempotency_key` goes
        out as `I-Twilio-Idempotency-Token`, for gateways that honour it (Twilio does not).
        """
        if (body is None) == (content_sid is None):
            raise ValueError("send either a body or a content_sid")
        if content_variables is not None and content_sid is None:
            raise ValueError("content_variables need a content_sid")
        if not idempotency_key:
            raise ValueError("idempotency_key is required")
        fields: dict[str, Any] = {"to": to, "from_": from_}
        if body is not None:
            fields["body"] = body
        if content_sid is not None:
            fields["content_sid"] = content_sid
        if content_variables is not None:
            fields["content_variables"] = json.dumps(content_variables, ensure_ascii=False)
        if status_callback is not None:
            fields["status_callback"] = status_callback
        client = self._client(idempotency_key)
        ours = _matcher(body, content_variables)
        maybe = posted
        failures = 0
        while True:
            if maybe is not None:
                found = await self._look_up(client, to=to, from_=from_, ours=ours, posted=maybe, taken=taken)
                if found is not None:
                    return found
            began = self._wall()
            if before_post is not None:
                await before_post(began)
            try:
                created: Any = await client.messages.create_async(**fields)
            except (*_API_ERRORS, *_NETWORK_ERRORS) as error:
                failures += 1
                if _maybe_created(error):
                    maybe = Posted(maybe.first if maybe else began, began)
                if not _transient(error) or failures >= self._retry.attempts:
                    raise _send_error(error, maybe_sent=maybe is not None) from error
                wait = self._retry.first_wait_s * 2 ** (failures - 1)
                await asyncio.sleep(min(wait, self._retry.max_wait_s))
                continue
            return SentMessage(sid=str(created.sid), status=str(created.status))

    async def _look_up(
        self,
        client: Any,
        *,
        to: str,
        from_: str,
        ours: Callable[[str], bool],
        posted: Posted,
        taken: Collection[str],
    ) -> SentMessage | None:
        """The message an earlier post created, or None when Twilio certainly holds none."""
        settled = (posted.last + timedelta(seconds=self._lookup.settle_s) - self._wall()).total_seconds()
        if settled > 0:
            await asyncio.sleep(min(settled, self._lookup.settle_s))
        since = posted.first - self._lookup.skew
        try:
            page = await client.messages.page_async(to=to, from_=from_, page_size=self._lookup.page_size)
            for _ in range(self._lookup.max_pages):
                for listed in page:
                    if listed.date_sent is not None and listed.date_sent < since:
                        return None  # sorted by date sent: everything further is older still
                    if (
                        listed.direction == OUTBOUND_API
                        and listed.date_created is not None
                        and listed.date_created >= since
                        and listed.sid not in taken
                        and ours(listed.body or "")
                    ):
                        return SentMessage(sid=str(listed.sid), status=str(listed.status))
                page = await page.next_page_async()
                if page is None:
                    return None
        except (TwilioException, *_NETWORK_ERRORS) as error:
            # not knowing is not "not sent": nothing is posted until the list can be read
            raise TwilioSendError(_status(error), None, permanent=False, maybe_sent=True) from error
        raise TwilioSendError(None, None, permanent=False, maybe_sent=True)  # too many newer messages to tell
