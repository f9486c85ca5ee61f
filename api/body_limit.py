"""The request-size limit, on the bytes actually received, before anything parses them.

`Content-Length` alone is not enough: a chunked body has none, and FastAPI reads and parses a body
(a JSON document, Twilio's form) before any route or dependency runs. This pure ASGI middleware
counts the bytes as the app pulls them from the server; at the limit it stops handing them over and
answers 413 in the API's error envelope, whatever the app then makes of the failed read (FastAPI
turns it into a 400, a middleware's task group into an exception group). The body is never buffered
whole, parsed or spooled to disk. The rest of it is read and thrown away, up to a bound, so that the
client (which writes its whole request before reading) hears the 413 instead of a reset connection.
"""

from __future__ import annotations

import asyncio
import json
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DRAIN_BYTES = 64 * 1024 * 1024  # past this, or DRAIN_SECONDS, the connection is closed unread
DRAIN_SECONDS = 10.0


class _TooLarge(Exception):
    """Raised from `receive` once the body passes the limit."""


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        received = 0
        tripped = refused = False
        more = True

        async def counted() -> Message:
            nonlocal received, tripped, more
            if tripped:
                raise _TooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                more = bool(message.get("more_body"))
                if received > self.max_bytes:
                    tripped = True
                    raise _TooLarge
            return message

        async def guarded(message: Message) -> None:
            nonlocal refused
            if not tripped:
                await send(message)
            elif not refused:  # whatever the app answers to a read that failed, the answer is 413
                refused = True
                await self._drain(receive, more)
                await self._refuse(send)

        try:
            await self.app(scope, counted, guarded)
        except* _TooLarge:  # bare, or in the exception group of a middleware's task group
            pass
        if tripped and not refused:
            await self._drain(receive, more)
            await self._refuse(send)

    async def _drain(self, receive: Receive, more: bool) -> None:
        """Read and discard what is left of the body, within bounds (see the module's docstring)."""
        thrown, deadline = 0, time.monotonic() + DRAIN_SECONDS
        while more and thrown < DRAIN_BYTES and (left := deadline - time.monotonic()) > 0:
            try:
                message = await asyncio.wait_for(receive(), timeout=left)  # a client that stalls is cut off
            except TimeoutError:
                return
            if message["type"] != "http.request":
                return
            thrown += len(message.get("body", b""))
            more = bool(message.get("more_body"))

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            {"error": "too_large", "message": f"request body over {self.max_bytes} bytes"}
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
