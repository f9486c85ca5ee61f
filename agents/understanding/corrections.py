"""Self-corrections: "pediatría... no, con medicina familiar", "el martes once... no, espere, el
miércoles doce", "Tuesday, I mean Wednesday", "cardiology, wait, actually dermatology".

People, and voice transcripts above all, correct themselves mid-sentence. When the same kind of
thing (a specialty, a day) is said both before and after a correction word, the last choice wins;
what was said before it was taken back. A correction word with nothing of that kind on one side
of it changes nothing ("no, el martes está bien", "Tuesday works, actually"), and "no" only counts
as one when a pause follows it ("no, …", "no...") — "no fever", "no puedo" are no corrections.

Works on folded text (lower case, no accents).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# "mejor" and "actually" also compare and stress ("el lunes es mejor que el martes", "Tuesday is
# actually better"): only "mejor" that is no comparison, and "actually" opening a clause, correct.
_CORRECTION = re.compile(
    r"\bno\s*(?:\.\.\.|…|[,.;:!])|(?:\.\.\.|…)\s*no\b|\bno\s+(?:espere|espera|wait|perdon|sorry|mejor)\b"
    r"|\bno\s+(?:lol|lmao|haha\w*|jaja\w*|jeje\w*|jk|oops|my\s+bad)\b"
    r"|\b(?:perdon|perdona|perdone|espere|espera|i\s+mean|i\s+meant|quiero\s+decir|o\s+sea|or\s+rather)\b"
    r"|(?<!\bes\s)(?<!\bseria\s)(?<!\bqueda\s)(?<!\bva\s)\bmejor\b(?!\s+que\b)"
    r"|(?:^|[,.;:!?…]\s*|\b(?:no|oh|wait|um|uh|hmm)\s+)actually\b"
    r"|(?<!can't\s)(?<!cant\s)(?<!cannot\s)(?<!\bto\s)(?<!\bthe\s)\bwait\b|\bdigo\s*,"
)


def correction_cut(text: str, positions: Sequence[int], retold: Sequence[int] | None = None) -> int:
    """Where what is still meant starts: the end of the last correction word with something said
    (at `positions`) before it and something said again (at `retold`, by default the same
    positions) after it; 0 when nothing was taken back."""
    again = positions if retold is None else retold
    for marker in reversed(list(_CORRECTION.finditer(text))):
        before = [p for p in positions if p < marker.start()]
        if before and any(p >= marker.end() for p in again):
            return marker.end()
    return 0
