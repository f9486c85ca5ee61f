"""Documents from files into the knowledge base (`prm kb ingest`, the demo's documents).

Every path is checked before anything is ingested, so a typo fails fast and writes nothing; each
file is its own transaction (embedding is the slow part), and a file whose content is unchanged is
skipped. Progress goes to a `Tracker` (rich's `Progress` is one; the default says nothing).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.database import transaction
from store.errors import InvalidInput
from store.knowledge import service as knowledge
from store.knowledge.embeddings import Embedder
from store.knowledge.models import KnowledgeDocument

DOCUMENT_SUFFIXES = (".md", ".txt")


class Tracker(Protocol):
    """Where long work reports progress (rich's `Progress` fits)."""

    def add_task(self, description: str, *, total: float | None) -> Any: ...

    def advance(self, task_id: Any, advance: float = 1) -> None: ...


class _Silent:
    def add_task(self, description: str, *, total: float | None) -> Any:
        return 0

    def advance(self, task_id: Any, advance: float = 1) -> None:
        return None


SILENT: Tracker = _Silent()


@dataclass
class IngestReport:
    """Per-file outcome of an ingest: `ingested` (new or changed) or `unchanged`."""

    ingested: int = 0
    unchanged: int = 0
    chunks: int = 0


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The .md/.txt files named, or found (recursively) in the folders named; sorted, no repeats."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in DOCUMENT_SUFFIXES)
        elif path.is_file() and path.suffix in DOCUMENT_SUFFIXES:
            files.append(path)
        elif path.exists():
            raise InvalidInput("path", f"{path} is not a .md or .txt file")
        else:
            raise InvalidInput("path", f"{path} does not exist")
    return list(dict.fromkeys(p.resolve() for p in files))


async def _ingest_one(session: AsyncSession, embedder: Embedder, path: Path, source: str) -> tuple[bool, int]:
    text = await asyncio.to_thread(path.read_text, encoding="utf-8")
    title = knowledge.title_of(text, default=path.stem.replace("-", " ").replace("_", " ").capitalize())
    before = await session.scalar(
        select(KnowledgeDocument.content_sha256).where(KnowledgeDocument.source == source)
    )
    document = await knowledge.ingest(session, embedder=embedder, source=source, title=title, text=text)
    return before != document.content_sha256, len(document.chunks)


async def ingest_files(
    sessions: async_sessionmaker[AsyncSession],
    embedder: Embedder,
    files: Sequence[Path],
    *,
    source: Callable[[Path], str],
    progress: Tracker = SILENT,
) -> IngestReport:
    """Ingest each file under the source name `source(path)`."""
    report = IngestReport()
    task = progress.add_task("Knowledge base", total=len(files))
    for path in files:
        async with transaction(sessions) as session:
            changed, chunks = await _ingest_one(session, embedder, path, source(path))
        report.ingested += changed
        report.unchanged += not changed
        report.chunks += chunks
        progress.advance(task)
    return report


async def ingest_paths(
    sessions: async_sessionmaker[AsyncSession],
    embedder: Embedder,
    paths: Iterable[Path],
    *,
    progress: Tracker = SILENT,
) -> IngestReport:
    """Chunk, embed and index Markdown/text files (or folders of them); the source is the file's URI."""
    files = collect_files(paths)
    return await ingest_files(sessions, embedder, files, progress=progress, source=lambda path: path.as_uri())
