"""Markdown-aware chunking: headings and paragraphs are the seams, never the middle of a sentence.

A heading always starts a new chunk (a section is one topic, and a short Spanish summary must not
be blurred into the English text above it); long sections are cut at paragraph boundaries into
balanced pieces of at most `MAX_CHARS`. Every chunk is prefixed with the document title and its
section heading, so that a two-line section still embeds with the context of what it is about.
"""

from __future__ import annotations

import re

MAX_CHARS = 800  # body characters per chunk, before the title prefix
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def title_of(text: str, default: str = "") -> str:
    """The first `# ` heading of `text`, else `default`."""
    for line in text.splitlines():
        match = _HEADING.match(line)
        if match and len(match.group(1)) == 1:
            return match.group(2).strip()
    return default


def _sections(text: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) in order; text before any `## ` heading has an empty heading.

    The first `# ` heading is the title and is left out (it prefixes every chunk instead).
    """
    sections: list[tuple[str, list[str]]] = [("", [])]
    paragraph: list[str] = []
    title_seen = False

    def close_paragraph() -> None:
        if paragraph:
            sections[-1][1].append("\n".join(paragraph))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        match = _HEADING.match(line)
        if match:
            close_paragraph()
            if len(match.group(1)) == 1 and not title_seen:
                title_seen = True
                continue
            sections.append((match.group(2).strip(), []))
        elif line.strip():
            paragraph.append(line)
        else:
            close_paragraph()
    close_paragraph()
    return [(heading, paragraphs) for heading, paragraphs in sections if paragraphs]


def _pieces(paragraph: str) -> list[str]:
    """A paragraph small enough, or its sentences (and, for monster sentences, word runs)."""
    if len(paragraph) <= MAX_CHARS:
        return [paragraph]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        while len(sentence) > MAX_CHARS:
            cut = sentence.rfind(" ", 0, MAX_CHARS)
            cut = cut if cut > 0 else MAX_CHARS
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    return pieces


def _pack(pieces: list[str]) -> list[str]:
    """Consecutive pieces joined into balanced groups of at most MAX_CHARS.

    Balanced rather than greedy: 1,000 characters become two chunks of about 500, not 800 + 200,
    because a 200-character tail embeds poorly on its own.
    """
    total = sum(len(p) for p in pieces) + 2 * (len(pieces) - 1)
    groups = max(1, -(-total // MAX_CHARS))
    target = total / groups
    packed: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        grown = size + len(piece) + (2 if current else 0)
        if current and (grown > MAX_CHARS or size >= target):
            packed.append("\n\n".join(current))
            current, grown = [], len(piece)
        current.append(piece)
        size = grown
    packed.append("\n\n".join(current))
    return packed


def chunk(text: str, *, title: str | None = None) -> list[str]:
    """`text` cut into chunks of at most ~800 characters of body, each prefixed by its context.

    `title` defaults to the first `# ` heading. The prefix is `"<title>\\n\\n"`, or
    `"<title> — <section heading>\\n\\n"` inside a section.
    """
    title = (title if title is not None else title_of(text)).strip()
    chunks: list[str] = []
    for heading, paragraphs in _sections(text):
        prefix = " — ".join(part for part in (title, heading) if part)
        pieces = [piece for paragraph in paragraphs for piece in _pieces(paragraph)]
        chunks.extend(f"{prefix}\n\n{body}" if prefix else body for body in _pack(pieces))
    return chunks
