"""knowledge full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

A generated English+Spanish tsvector on knowledge chunks and its GIN index, so that search can
fuse word matches with embeddings (all-MiniLM-L6-v2 alone cannot tell Spanish chunks apart).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "knowledge_chunks",
        sa.Column(
            "search_terms",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', text) || to_tsvector('spanish', text)", persisted=True),
            nullable=False,
        ),
    )
    op.create_index(
        "ix_knowledge_chunks_search_terms",
        "knowledge_chunks",
        ["search_terms"],
        unique=False,
        postgresql_using="gin",
    )


def downgrade() -> None:
    op.drop_index("ix_knowledge_chunks_search_terms", table_name="knowledge_chunks", postgresql_using="gin")
    op.drop_column("knowledge_chunks", "search_terms")
