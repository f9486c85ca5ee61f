"""A long reply cut into parts that Twilio sends: at paragraphs, then lines, sentences, words.

Twilio takes at most 1,600 characters in a message body (WhatsApp and SMS alike). Length is
counted in UTF-16 code units, as Twilio's own counters do, so an emoji weighs two and a part never
goes over whichever way it is measured. Each part is as long as fits, and ends at the strongest
boundary available in it: a blank line, then a line break, then the end of a sentence, then a
space; only a single "word" longer than the limit (a URL, say) is cut inside, and then not between
a letter and its accent, nor inside an emoji joined or modified by the next character.

Nothing is dropped or reordered: the parts are slices of the text, in order, and only the
whitespace at the cuts (and around the whole) is left out. No part is empty or blank.
"""

from __future__ import annotations

import re
import unicodedata

LIMIT = 1600
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"[.!?…。！？]+[\"'”’»)\]]*(?=\s)")
_SPACE = re.compile(r"\s")
_JOINERS = frozenset({"\u200d", "\ufe0e", "\ufe0f"})  # zero-width joiner, variation selectors


def _units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _fit(text: str, start: int, limit: int) -> int:
    """The end of the longest slice from `start` that is at most `limit` UTF-16 units."""
    used, end = 0, start
    while end < len(text) and used + _units(text[end]) <= limit:
        used += _units(text[end])
        end += 1
    return end


def _inside_cluster(text: str, index: int) -> bool:
    """Whether cutting before `text[index]` would split a character from its accent or an emoji."""
    char = text[index]
    return (
        unicodedata.combining(char) > 0
        or char in _JOINERS
        or text[index - 1] in _JOINERS
        or 0x1F3FB <= ord(char) <= 0x1F3FF  # skin tone modifiers
    )


def _cut(text: str, start: int, end: int) -> int:
    """Where the part that starts at `start` (not a space) and may run to `end` should end."""
    for pattern in (_PARAGRAPH, _LINE):
        breaks = [match.start() for match in pattern.finditer(text, start, end + 1)]
        if breaks:
            return breaks[-1]
    sentences = [match.end() for match in _SENTENCE.finditer(text, start, end + 1)]
    if sentences:
        return sentences[-1]
    spaces = [match.start() for match in _SPACE.finditer(text, start + 1, end + 1)]
    if spaces:
        return spaces[-1]
    cut = end
    while cut > start + 1 and _inside_cluster(text, cut):
        cut -= 1
    return end if _inside_cluster(text, cut) else cut


def _skip_spaces(text: str, index: int, stop: int) -> int:
    while index < stop and text[index].isspace():
        index += 1
    return index


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """`text` as parts of at most `limit` UTF-16 units each; `[]` when it is blank."""
    if limit < 2:
        raise ValueError("limit must be at least 2 (one character of any kind)")
    parts: list[str] = []
    stop = len(text.rstrip())
    start = _skip_spaces(text, 0, stop)
    while start < stop:
        end = _fit(text, start, limit)
        cut = stop if end >= stop else _cut(text, start, end)
        parts.append(text[start:cut].rstrip())
        start = _skip_spaces(text, cut, stop)
    return parts
