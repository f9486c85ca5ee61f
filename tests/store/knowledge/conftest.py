"""A database of its own holding only the demo knowledge base, for ranking tests.

The session database is shared with every other test, and search ranks across all of it, so the
ranking tests must not see anyone else's documents.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

import store.demo.documents
from store.database import create_database, create_engine, drop_database, session_factory, transaction
from store.knowledge import service as knowledge
from store.knowledge.embeddings import Embedder
from store.migrate import upgrade

DEMO = Path(store.demo.documents.__file__).parent


@pytest.fixture(scope="module")
async def demo_kb(
    server_database_url: str, embedder: Embedder
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = make_url(server_database_url).set(database=f"prm_test_kb_{secrets.token_hex(4)}")
    rendered = url.render_as_string(hide_password=False)
    create_database(rendered)
    upgrade(rendered)
    engine = create_engine(rendered)
    sessions = session_factory(engine)
    async with transaction(sessions) as session:
        for path in sorted(DEMO.glob("*.md")):
            text = path.read_text()
            await knowledge.ingest(
                session,
                embedder=embedder,
                source=f"demo/{path.name}",
                title=knowledge.title_of(text),
                text=text,
            )
    yield sessions
    await engine.dispose()
    drop_database(rendered)
