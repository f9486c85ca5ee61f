"""The words of a birth date said after "born" / "nacida el", wherever a date reader might take them
for the day wanted.

A caller restates a birth date the way people do on the phone ("born, uh, ten twelve eighty-eight,
October twelfth"): the digits-in-words form no birth-date pattern reads, then the month and day
again. Held-out v9 booked "October twelfth" as the visit's day, although the caller asked for
"this Friday" right after. The run of date words that follows a birth word (numbers and ordinals in
words or digits, months, "of"/"de", hesitations, commas) is the birth date's, whatever else reads
it; it ends at the first other word, so "born 3/4/2019, can she come Friday" keeps Friday.

Works on folded text (lower case, no accents); returns spans into it.
"""

from __future__ import annotations

import re

from agents.understanding.birthwords import EN_ONES, EN_TEENS, EN_TENS, ES_DAYS, ES_TENS
from agents.understanding.text import alternation
from agents.understanding.timewords import MONTH_OR_ABBR_RE

_LEAD = (
    r"\b(?:born(?:\s+on)?|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is|'s)?"
    r"|nacid[oa](?:\s+el)?|naci(?:o)?(?:\s+el)?|fecha\s+de\s+nacimiento|cumpleanos(?:\s+es)?(?:\s+el)?)\b"
)
_EN_ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_NUMBER_WORD = (
    rf"(?:{alternation(EN_ONES)}|{alternation(EN_TEENS)}|{alternation(EN_TENS)}|{_EN_ORDINALS}"
    rf"|{alternation(ES_DAYS)}|{alternation(ES_TENS)}|hundred|thousand|oh|mil|novecientos|y)"
)
_TOKEN = (
    rf"(?:\d{{1,4}}(?:st|nd|rd|th)?(?:[/.-]\d{{1,4}})*|{MONTH_OR_ABBR_RE}|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?"
    r"|the|of|de|del|uh|um|eh|em|este)"
)
_CLAUSE = re.compile(rf"{_LEAD}(?:[\s,:]*(?:{_TOKEN})\b)+")


def birth_clauses(folded: str) -> list[tuple[int, int]]:
    """The spans of the date words said right after a birth word ("born, uh, ten twelve
    eighty-eight, october twelfth"), to be kept out of the day wanted."""
    return [match.span() for match in _CLAUSE.finditer(folded)]
