"""Sending a WhatsApp or SMS message through Twilio's REST API, retried and idempotent.

The request is made by twilio's own `Client` (`messages.create_async`), so the wire format,
authentication and error parsing are Twilio's. Three things are ours:

- **Where it goes.** `PRM_TWILIO_API_URL` (`api_url`) replaces `https://api.twilio.com` as the
  base URL of the client's Api domain (`client.api.base_url`, the attribute every resource of that
  domain builds its URL from), so the same client talks to a Twilio-compatible gateway or to the
  test stub. Edge and region rewriting (`TWILIO_EDGE`, `TWILIO_REGION`) is switched off then: it
  would rewrite the gateway's host name as if it were Twilio's.
- **The HTTP transport** (`_Transport`, on aiohttp like twilio's own `AsyncTwilioHttpClient`). That
  client opens its aiohttp session when constructed (which needs a running event loop), never
  applies its own timeout, cannot add a header per request, and leaks its session when the
  connection fails. Ours opens a session per send and always closes it, applies `timeout_s`, and
  adds `I-Twilio-Idempotency-Token: <idempotency_key>`, so that a gateway which honours the header
  answers a retried send with the message it already created instead of sending it twice.
- **Retries.** 429 and 5xx, timeouts and lost connections are retried with exponential back-off
  (`Retry`), with the same idempotency token; when the attempts run out, or at once for any other
  4xx (a bad number, a template that does not exist, wrong credentials), `TwilioSendError` says
  whether trying again later may help (`permanent`). Its message never quotes Twilio's, which may
  contain the phone number.

SMS is the same call with plain `+E164` addresses; WhatsApp addresses are `whatsapp:+E164`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import aiohttp
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http import AsyncHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from store.phones import WHATSAPP_PREFIX

IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token"

# what twilio raises for an HTTP error (the legacy body, or an RFC 9457 problem) and for no answer
_API_ERRORS = (TwilioRestException, TwilioServiceException)
_NETWORK_ERRORS = (aiohttp.ClientError, TimeoutError)


def whatsapp_address(phone: str) -> str:
    """`+15550100001` → `whatsapp:+15550100001` (an address that already has the prefix is kept)."""
    return phone if phone.startswith(WHATSAPP_PREFIX) else WHATSAPP_PREFIX + phone


@dataclass(frozen=True)
class Retry:
    """How often and how patiently a send is retried (waits double: 0.5 s, 1 s, … ≤ max)."""

    attempts: int = 4
    first_wait_s: float = 0.5
    max_wait_s: float = 8.0


@dataclass(frozen=True)
class SentMessage:
    """Twilio took the message: its SID (`SM…`) and Twilio's status (`queued`, `accepted`, …)."""

    sid: str
    status: str


class TwilioSendError(Exception):
    """Twilio did not take the message. `status` is the HTTP status (None: no answer at all),
    `code` Twilio's error code when it gave one, and `permanent` whether the same request can
    never succeed (a 4xx other than 429) — otherwise a later retry may."""

    def __init__(self, status: int | None, code: int | None, permanent: bool) -> None:
        kind = "refused" if permanent else "failed"
        super().__init__(f"Twilio send {kind}: HTTP {status or 'no response'}, error code {code}")
        self.status = status
        self.code = code
        self.permanent = permanent


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


def _send_error(error: BaseException) -> TwilioSendError:
    if not isinstance(error, _API_ERRORS):
        return TwilioSendError(None, None, permanent=False)
    code = getattr(error, "code", None)
    return TwilioSendError(_status(error), code if isinstance(code, int) else None, not _transient(error))


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
    ) -> None:
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._api_url = api_url.rstrip("/") if api_url else None
        self._timeout_s = timeout_s
        self._retry = retry

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
    ) -> SentMessage:
        """Send free text (`body`) or an approved template (`content_sid` and its variables).

        `idempotency_key` must be the same on every retry of the same message — including retries
        by the caller's job queue — and different for different messages (or parts of one).
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
        messages = self._client(idempotency_key).messages
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._retry.attempts),
            wait=wait_exponential(multiplier=self._retry.first_wait_s, max=self._retry.max_wait_s),
            retry=retry_if_exception(_transient),
            reraise=True,
        )

        async def attempt() -> Any:
            return await messages.create_async(**fields)

        try:
            created: Any = await retrying(attempt)
        except (*_API_ERRORS, *_NETWORK_ERRORS) as error:
            raise _send_error(error) from error
        return SentMessage(sid=str(created.sid), status=str(created.status))
