"""The worker's `prepare` step on messages with no media: their text as it is, without the work of
fetching (no HTTP client is built for plain text, so a text turn pays nothing for media)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from channels.media import MediaReader
from store.conversations.models import Message

NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def _message(body: str) -> Message:
    return Message(body=body, media=[], created_at=NOW)


async def test_plain_text_is_read_as_it_is_and_opens_no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_client(*args: object, **kwargs: object) -> None:
        raise AssertionError("an HTTP client was built for messages without media")

    monkeypatch.setattr(httpx, "AsyncClient", no_client)
    reader = MediaReader(sessions=None, clock=lambda: NOW, store_url="/unused", max_bytes=1)  # type: ignore[arg-type]
    assert await reader([_message("  Hi there \n"), _message(""), _message("book me")]) == [
        "Hi there",
        "",
        "book me",
    ]
    assert await reader([]) == [""]
