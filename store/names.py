"""Name search as FHIR's string parameters want it: case- and accent-insensitive, by prefix.

Patients and practitioners are both looked up this way. A value matches when it starts one of
the name's words ("garc" finds García; "lopez" finds García López; "maria garcia" finds the
whole name). Both sides are folded by the same SQL expression (`folded`), so a stored name and
the searched value can never be normalised two different ways.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, false, func, literal, literal_column, or_
from sqlalchemy.orm import QueryableAttribute

Text = ColumnElement[str] | QueryableAttribute[str]

COMBINING_MARKS = "[\\u0300-\\u036f]"  # a Postgres regex: the accents NFKD splits off Latin letters


def folded(value: Text) -> ColumnElement[str]:
    """Accents dropped, lower case, every run of non-alphanumerics one space, trimmed: 'García-López'
    becomes 'garcia lopez'. Every function in it is immutable, so an index could use it.

    The accents go first: `lower()` follows the database's collation, and under `C` it folds
    only ASCII letters, so lowering 'NÚÑEZ' first would give 'nÚÑez' and then 'nUNez'. With the
    accents already off, the Latin letters are ASCII, which every collation lowers alike.
    """
    decomposed = func.normalize(value, literal_column("NFKD"))
    bare = func.regexp_replace(decomposed, COMBINING_MARKS, "", "g")
    return func.btrim(func.regexp_replace(func.lower(bare), "[^[:alnum:]]+", " ", "g"))


def word_prefix(column: Text, prefixes: Sequence[str]) -> ColumnElement[bool]:
    """Whether any of `prefixes` starts a word of `column`.

    A folded value holds only letters, digits and single spaces, so it cannot carry a LIKE
    wildcard; one that folds to nothing (punctuation only) matches nobody.
    """
    words = literal(" ") + folded(column)
    matches = []
    for prefix in prefixes:
        wanted = folded(literal(prefix))
        matches.append(and_(wanted != "", words.like(literal("% ") + wanted + literal("%"))))
    return or_(*matches) if matches else false()
