"""Fetching media: Twilio's basic auth and CDN redirect (the stub), the allow-list, the size limit."""

from __future__ import annotations

import asyncio
import hashlib
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import fsspec
import httpx
import pytest

from channels.twilio.media import (
    TWILIO_MEDIA_HOSTS,
    MediaRejected,
    MediaUnavailable,
    StoredMedia,
    fetch_media,
)
from tests.fakes.twilio_stub import TwilioStub

SID = "AC" + "2" * 32
TOKEN = "media-test-token"
JPEG = b"\xff\xd8\xff\xe0" + b"jpeg bytes " * 100


@pytest.fixture
def stub() -> Iterator[TwilioStub]:
    with TwilioStub(account_sid=SID, auth_token=TOKEN) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5) as client:
        yield client


def files(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def content(path: str) -> bytes:
    return Path(path).read_bytes()


async def fetch(
    http: httpx.AsyncClient,
    url: str,
    store: str,
    *,
    content_type: str = "image/jpeg",
    token: str = TOKEN,
    **kw: int,
) -> StoredMedia:
    return await fetch_media(
        url=url,
        content_type=content_type,
        account_sid=SID,
        auth_token=token,
        store_url=store,
        http=http,
        hosts=(*TWILIO_MEDIA_HOSTS, "127.0.0.1"),  # the local stand-in for Twilio
        **kw,
    )


async def test_media_are_fetched_through_the_redirect_and_stored_by_content(
    stub: TwilioStub, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    url = stub.add_media("ME1", JPEG, "image/jpeg")
    stored = await fetch(http, url, str(tmp_path / "media"))
    digest = hashlib.sha256(JPEG).hexdigest()
    assert stored == StoredMedia(
        path=str(tmp_path / "media" / f"{digest}.jpg"),
        content_type="image/jpeg",
        size=len(JPEG),
        sha256=digest,
    )
    assert content(stored.path) == JPEG
    assert [r["path"] for r in stub.media_requests] == ["/media/ME1", "/cdn/ME1"]
    again = await fetch(http, stub.add_media("ME2", JPEG, "image/jpeg"), str(tmp_path / "media"))
    assert again.path == stored.path and files(tmp_path / "media") == [f"{digest}.jpg"]


async def test_a_voice_note_with_codec_parameters_is_accepted(
    stub: TwilioStub, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    url = stub.add_media("ME3", b"OggS voice", "audio/ogg")
    stored = await fetch(http, url, str(tmp_path), content_type="audio/ogg; codecs=opus")
    assert stored.content_type == "audio/ogg" and stored.path.endswith(".ogg")


async def test_types_outside_the_allow_list_are_refused_without_a_request(
    stub: TwilioStub, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    url = stub.add_media("ME4", b"<html>", "text/html")
    for content_type in ("text/html", "image/svg+xml", "application/octet-stream", "video/mp4", ""):
        with pytest.raises(MediaRejected):
            await fetch(http, url, str(tmp_path), content_type=content_type)
    assert stub.media_requests == [] and files(tmp_path) == []


async def test_a_file_served_as_another_type_than_announced_is_refused(
    stub: TwilioStub, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    url = stub.add_media("ME5", b"<script>", "text/html")
    with pytest.raises(MediaRejected, match="served as text/html"):
        await fetch(http, url, str(tmp_path), content_type="image/png")
    assert files(tmp_path) == []


async def test_a_file_over_the_limit_is_refused(
    stub: TwilioStub, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    url = stub.add_media("ME6", JPEG, "image/jpeg")
    with pytest.raises(MediaRejected, match="larger than"):
        await fetch(http, url, str(tmp_path), max_bytes=len(JPEG) - 1)
    assert files(tmp_path) == []
    assert (await fetch(http, url, str(tmp_path), max_bytes=len(JPEG))).size == len(JPEG)


async def test_without_a_length_the_stream_stops_as_soon_as_it_is_over_the_limit(tmp_path: Path) -> None:
    sent: list[int] = []

    async def endless() -> AsyncIterator[bytes]:
        while True:
            sent.append(1)
            yield b"\0" * 65536

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "image/png"}, content=endless())

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        with pytest.raises(MediaRejected, match="larger than"):
            await fetch(
                http, "https://api.twilio.com/m", str(tmp_path), content_type="image/png", max_bytes=200_000
            )
    assert len(sent) == 4  # 3 chunks fit, the 4th is over: nothing more was read


async def test_wrong_credentials_and_missing_media_are_refused(
    stub: TwilioStub, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    url = stub.add_media("ME7", JPEG, "image/jpeg")
    with pytest.raises(MediaRejected, match="HTTP 401"):
        await fetch(http, url, str(tmp_path), token="wrong")
    with pytest.raises(MediaRejected, match="HTTP 404"):
        await fetch(http, f"{stub.url}/media/nothing-here", str(tmp_path))
    assert [r["path"] for r in stub.media_requests] == ["/media/ME7", "/media/nothing-here"]


async def test_server_errors_and_no_answer_are_temporary_and_never_quote_the_url(tmp_path: Path) -> None:
    secret_query = "Signature=cdn-secret-token"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        with pytest.raises(MediaUnavailable, match="HTTP 503"):
            await fetch(http, f"https://media.twiliocdn.com/m?{secret_query}", str(tmp_path))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with httpx.AsyncClient(timeout=2) as http:
        with pytest.raises(MediaUnavailable) as raised:
            await fetch(http, f"http://127.0.0.1:{port}/m?{secret_query}", str(tmp_path))
    assert secret_query not in str(raised.value) and raised.value.__cause__ is None
    assert raised.value.__suppress_context__


async def test_any_fsspec_url_can_hold_the_media(stub: TwilioStub, http: httpx.AsyncClient) -> None:
    url = stub.add_media("ME8", b"%PDF-1.7 referral", "application/pdf")
    stored = await fetch(http, url, "memory://prm-test/media", content_type="application/pdf")
    assert stored.path.startswith("memory://") and stored.path.endswith(".pdf")
    with fsspec.open(stored.path, "rb") as file:
        assert file.read() == b"%PDF-1.7 referral"


async def test_media_only_from_allowed_hosts_redirects_included_and_credentials_only_to_the_first(
    tmp_path: Path,
) -> None:
    seen: list[tuple[str, bool]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, "authorization" in request.headers))
        if request.url.host == "api.twilio.com":
            target = request.url.params.get("to", "https://media.twiliocdn.com/file")
            return httpx.Response(302, headers={"Location": target})
        return httpx.Response(200, headers={"Content-Type": "image/jpeg"}, content=JPEG)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        stored = await fetch(http, "https://api.twilio.com/2010-04-01/Media/ME1", str(tmp_path))
        assert stored.size == len(JPEG)
        assert seen == [("api.twilio.com", True), ("media.twiliocdn.com", False)]
        for url in (
            "https://evil.example/ME1",
            "https://api.twilio.com.evil.example/ME1",
            "file:///etc/passwd",
        ):
            with pytest.raises(MediaRejected, match="not on an allowed host"):
                await fetch(http, url, str(tmp_path))
        with pytest.raises(MediaRejected, match="not on an allowed host"):  # a redirect off the allow-list
            await fetch(http, "https://api.twilio.com/ME1?to=http://169.254.169.254/latest", str(tmp_path))


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"<html><script>alert(1)</script>", "application/pdf"),
        (b"MZ\x90\x00 an executable", "image/png"),
        (b"plain text", "audio/ogg"),
    ],
)
async def test_what_a_file_starts_with_must_match_its_type(
    tmp_path: Path, content: bytes, content_type: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:  # untyped: the announced type decides
        return httpx.Response(200, headers={"Content-Type": "application/octet-stream"}, content=content)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        with pytest.raises(MediaRejected, match="the file is not a"):
            await fetch(http, "https://api.twilio.com/ME9", str(tmp_path), content_type=content_type)
    assert not await asyncio.to_thread(lambda: any(tmp_path.iterdir()))  # nothing kept
