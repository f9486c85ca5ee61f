"""A WhatsApp attachment fetched from Twilio, checked, and stored under a content-addressed name.

Twilio's media URLs want the account's credentials (HTTP basic auth) and answer with a redirect
to a CDN. httpx applies the credentials to the first request only and follows the redirect, so
they never reach the CDN. What patients send is untrusted, so before anything is kept:

- the announced type must be on the allow-list (images, PDF, the audio formats of voice notes),
  and what the server says it sends must agree with it;
- the size must stay within `max_bytes` — refused on the `Content-Length` alone when it says so,
  and otherwise counted while streaming, stopping as soon as it is over, so a huge file is never
  read whole;
- the URL, and every redirect, must be on one of `hosts` (Twilio's media hosts by default; a
  message's media URL comes from the form, and Twilio's credentials go only to the first host);
- the file's leading bytes must be those of the announced type (a "PDF" that is an HTML page, or
  an untyped download, is refused).

The bytes are stored as `<sha256><extension>` under `store_url`: a directory, or — when fsspec is
installed — any fsspec URL (`s3://bucket/media`, `memory://media`). The same file sent twice is
stored once, and the name reveals nothing about the patient. Neither the URL (its query may hold a
signed CDN token) nor the content ever appears in an error or a log line.

`MediaRejected` is final (a retry would fetch the same refusal); `MediaUnavailable` (no answer, a
5xx, a 429) may succeed later.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import os
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

MAX_BYTES = 16 * 1024 * 1024
ALLOWED: dict[str, str] = {  # content type → extension of the stored file
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "application/pdf": ".pdf",
    "audio/ogg": ".ogg",  # WhatsApp voice notes (Opus)
    "audio/mpeg": ".mp3",
    "audio/amr": ".amr",
    "audio/mp4": ".m4a",
}
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
# where Twilio serves media from: its API, then a redirect to its CDN (a pattern `*.x` is any subdomain)
TWILIO_MEDIA_HOSTS = ("api.twilio.com", "*.twilio.com", "*.twiliocdn.com", "s3-external-1.amazonaws.com")
MAX_REDIRECTS = 3
_LEADING: dict[str, tuple[bytes, ...]] = {  # what a file of each type starts with
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "application/pdf": (b"%PDF-",),
    "audio/ogg": (b"OggS",),
    "audio/amr": (b"#!AMR",),
    "audio/mpeg": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3"),
}


def _looks_like(kind: str, data: bytes) -> bool:
    """Whether `data` starts the way a file of type `kind` does."""
    if kind == "image/webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if kind == "audio/mp4":
        return data[4:8] == b"ftyp"
    return data.startswith(_LEADING[kind])


def host_allowed(url: str, hosts: Collection[str]) -> bool:
    """Whether `url` is https (or http) on one of `hosts` (`*.example.com`: any subdomain of it)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"https", "http"} or not host:
        return False
    return any(host.endswith(h[1:]) if h.startswith("*.") else host == h.lower() for h in hosts)


class MediaError(Exception):
    """The attachment could not be stored; `reason` is short and safe to log and to keep."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MediaRejected(MediaError):
    """Refused for good: a type or size we do not accept, or Twilio refused to serve it."""


class MediaUnavailable(MediaError):
    """Not fetched this time (no answer, a 5xx, a 429); a later attempt may succeed."""


@dataclass(frozen=True)
class StoredMedia:
    """Where the attachment now is: a file path, or the fsspec URL when `store_url` was one."""

    path: str
    content_type: str
    size: int
    sha256: str


def _base_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


async def _download(
    http: httpx.AsyncClient,
    url: str,
    auth: httpx.BasicAuth,
    content_type: str,
    max_bytes: int,
    hosts: Collection[str],
) -> bytes:
    """The body at `url`, following redirects by hand: each must stay on `hosts`, and the
    credentials go with the first request only."""
    for hop in range(MAX_REDIRECTS + 1):
        if not host_allowed(url, hosts):
            raise MediaRejected("the media URL is not on an allowed host")
        async with http.stream("GET", url, auth=auth if hop == 0 else None) as response:
            if response.is_redirect and "location" in response.headers:
                url = str(response.url.join(response.headers["location"]))
                continue
            return await _body(response, content_type, max_bytes)
    raise MediaRejected("too many redirects")


async def _body(response: httpx.Response, content_type: str, max_bytes: int) -> bytes:
    """The body of a final (non-redirect) answer, checked as the module's docstring says."""
    status = response.status_code
    if status == 429 or status >= 500:
        raise MediaUnavailable(f"HTTP {status}")
    if status != 200:
        raise MediaRejected(f"HTTP {status}")
    served = _base_type(response.headers.get("Content-Type", ""))
    if served not in _UNTYPED and served != content_type:
        raise MediaRejected(f"announced as {content_type} but served as {served}")
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise MediaRejected(f"larger than {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise MediaRejected(f"larger than {max_bytes} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not _looks_like(content_type, data):
        raise MediaRejected(f"the file is not a {content_type}")
    return data


def _store_file(directory: Path, name: str, data: bytes) -> str:
    """Write once, atomically: a reader never sees half a file, a second writer changes nothing."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    if not target.exists():
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".part-", delete=False) as part:
            part.write(data)
        os.replace(part.name, target)
    return str(target.resolve())


def _store_fsspec(store_url: str, name: str, data: bytes) -> str:
    try:
        fsspec: Any = importlib.import_module("fsspec")  # optional: only for store URLs
    except ImportError:
        raise ValueError(f"storing media at {store_url.split('://')[0]}:// needs fsspec") from None
    filesystem, root = fsspec.core.url_to_fs(store_url)
    path = f"{root.rstrip('/')}/{name}"
    if not filesystem.exists(path):
        filesystem.pipe_file(path, data)
    return str(filesystem.unstrip_protocol(path))


async def fetch_media(
    *,
    url: str,
    content_type: str,
    account_sid: str,
    auth_token: str,
    store_url: str,
    max_bytes: int = MAX_BYTES,
    http: httpx.AsyncClient,
    hosts: Collection[str] = TWILIO_MEDIA_HOSTS,
) -> StoredMedia:
    """Fetch the attachment at `url` (a Twilio media URL), check it, and store it under `store_url`."""
    kind = _base_type(content_type)
    if kind not in ALLOWED:
        raise MediaRejected(f"type {kind or 'unknown'} is not accepted")
    try:
        data = await _download(http, url, httpx.BasicAuth(account_sid, auth_token), kind, max_bytes, hosts)
    except httpx.HTTPError as error:  # its message would quote the URL
        raise MediaUnavailable(type(error).__name__) from None
    digest = hashlib.sha256(data).hexdigest()
    name = digest + ALLOWED[kind]
    if "://" in store_url:
        path = await asyncio.to_thread(_store_fsspec, store_url, name, data)
    else:
        path = await asyncio.to_thread(_store_file, Path(store_url), name, data)
    return StoredMedia(path=path, content_type=kind, size=len(data), sha256=digest)
