"""The request-size limit holds on the bytes actually received, against a real uvicorn server: a
chunked body with no Content-Length is cut off at the limit with a 413, before anything parses it,
and the server keeps serving."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from api.body_limit import BodyLimit
from tests.api.test_commit_before_response import server  # noqa: F401  (fixture: a real uvicorn server)

MB = 1024 * 1024


async def _chunks(total: int, sent: list[int]) -> AsyncIterator[bytes]:
    piece = b"x" * 64 * 1024
    while sent[0] < total:
        sent[0] += len(piece)
        yield piece


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/api/v1/prm/webhooks/voice-agent", "application/json"),
        ("/api/v1/prm/webhooks/twilio/whatsapp", "application/x-www-form-urlencoded"),
        ("/api/v1/prm/patients", "application/json"),
    ],
)
async def test_a_chunked_5_mb_body_gets_413(server: str, path: str, content_type: str) -> None:  # noqa: F811
    sent = [0]
    async with httpx.AsyncClient(base_url=server, timeout=30) as http:
        response = await http.post(
            path, content=_chunks(5 * MB, sent), headers={"Content-Type": content_type}
        )
        assert "content-length" not in response.request.headers  # chunked: nothing declared
        assert response.status_code == 413 and response.json()["error"] == "too_large"
        assert (await http.get("/healthz")).status_code == 200  # and the server is fine


async def test_the_app_never_pulls_more_than_the_limit_and_one_chunk() -> None:
    pulled = [0]

    async def app(scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            pulled[0] += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    transport = httpx.ASGITransport(app=BodyLimit(app, max_bytes=MB))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.post("/", content=_chunks(5 * MB, [0]))
    assert response.status_code == 413 and pulled[0] <= MB  # the chunk that crossed it never reached the app


async def test_a_body_under_the_limit_passes_whatever_its_framing() -> None:
    seen: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen.append(body)
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    limited = BodyLimit(app, max_bytes=10)
    transport = httpx.ASGITransport(app=limited)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        assert (await http.post("/", content=b"0123456789")).status_code == 204
        assert (await http.post("/", content=b"0123456789!")).status_code == 413  # declared: refused early
        assert (await http.post("/", content=b"x", headers={"content-length": "ten"})).status_code == 413
    assert seen == [b"0123456789"]
