"""Offline, deterministic understanding of patient messages in English and Spanish.

Pure functions over text and an injected clock: no database, network or model. The graph calls
`understand()` once per message and the helpers when it needs one thing (a slot choice against
the options it offered, a date range, a birth date or a name).
"""

from agents.understanding.choices import resolve_choice
from agents.understanding.dates import parse_when
from agents.understanding.identity import parse_birth_date
from agents.understanding.language import detect_language
from agents.understanding.names import parse_name
from agents.understanding.redflags import screen as screen_red_flags
from agents.understanding.redflags.reader import RedFlagReader, with_red_flag
from agents.understanding.redflags.semantic import SemanticScreen
from agents.understanding.types import (
    Expecting,
    Fields,
    Intent,
    Language,
    PartOfDay,
    RedFlag,
    RedFlagKind,
    TicketCategory,
    TicketPriority,
    Understanding,
    When,
)
from agents.understanding.understand import understand

__all__ = [
    "Expecting",
    "Fields",
    "Intent",
    "Language",
    "PartOfDay",
    "RedFlag",
    "RedFlagKind",
    "RedFlagReader",
    "SemanticScreen",
    "TicketCategory",
    "TicketPriority",
    "Understanding",
    "When",
    "detect_language",
    "parse_birth_date",
    "parse_name",
    "parse_when",
    "resolve_choice",
    "screen_red_flags",
    "understand",
    "with_red_flag",
]
