"""Small talk around a task (issue #16 item 4): acknowledgements, closings and thanks are read as
such in both languages, never as "not understood"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, Language, understand

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "language", "intent"),
    [
        ("yes", "en", Intent.AFFIRM),
        ("ok", "en", Intent.AFFIRM),
        ("ok great", "en", Intent.AFFIRM),
        ("great", "en", Intent.AFFIRM),
        ("perfect", "en", Intent.AFFIRM),
        ("awesome", "en", Intent.AFFIRM),
        ("cool", "en", Intent.AFFIRM),
        ("sounds good", "en", Intent.AFFIRM),
        ("yep that works", "en", Intent.AFFIRM),
        ("no that's all", "en", Intent.DENY),
        ("nope", "en", Intent.DENY),
        ("no thanks", "en", Intent.DENY),
        ("thanks!", "en", Intent.THANKS),
        ("thank you so much", "en", Intent.THANKS),
        ("ok thanks bye", "en", Intent.THANKS),
        ("vale", "es", Intent.AFFIRM),
        ("perfecto", "es", Intent.AFFIRM),
        ("genial", "es", Intent.AFFIRM),
        ("listo", "es", Intent.AFFIRM),
        ("de acuerdo", "es", Intent.AFFIRM),
        ("no gracias", "es", Intent.DENY),
        ("nada más", "es", Intent.DENY),
        ("gracias", "es", Intent.THANKS),
        ("muchas gracias, hasta luego", "es", Intent.THANKS),
        ("mil gracias", "es", Intent.THANKS),
    ],
)
def test_small_talk(text: str, language: Language, intent: Intent) -> None:
    u = understand(text, now=NOW, tz=TZ, language_hint=language)
    assert u.intent is intent and u.language == language
