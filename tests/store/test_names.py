"""FHIR-style name folding, whatever the database's collation."""

from __future__ import annotations

import pytest
from sqlalchemy import literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.names import folded, word_prefix


@pytest.mark.parametrize("collation", ["C", "default"])
async def test_accented_capitals_fold_the_same_under_any_collation(
    session: AsyncSession, collation: str
) -> None:
    """Under `C`, lower() folds ASCII only: lowering before dropping accents made 'NÚÑEZ' 'nUNez'."""
    name = literal("NÚÑEZ-ÁLVAREZ, Ígor").collate(collation)
    assert await session.scalar(select(folded(name))) == "nunez alvarez igor"
    assert await session.scalar(select(word_prefix(name, ["núñ", "ALVA", "igo"])))
    assert await session.scalar(select(word_prefix(name, ["unez"]))) is False
