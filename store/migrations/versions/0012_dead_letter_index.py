"""messages: a partial index on dead-lettered inbound messages (the /metrics gauge counts them)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # CONCURRENTLY: `prm serve` migrates at start, and a plain CREATE INDEX would block every insert
    # into messages (webhooks answering 503) while it scans the table
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_messages_dead_letter",
            "messages",
            ["id"],
            postgresql_where=sa.text("error_code = 'dead_letter'"),
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("ix_messages_dead_letter", table_name="messages", postgresql_concurrently=True)
