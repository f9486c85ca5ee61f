"""traces

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

One row per agent turn (inbound messages, the ordered steps the graph took, the reply and the
outcome), indexed for "a conversation's turns in time order" and "the latest turns".
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "traces",
        sa.Column("conversation_id", sa.Uuid(), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("inbound_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("inbound_text", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("model", sa.String(length=100), nullable=True),
        sa.Column("steps", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"], name=op.f("fk_traces_conversation_id_conversations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_traces")),
    )
    op.create_index(
        "ix_traces_conversation_started", "traces", ["conversation_id", "started_at"], unique=False
    )
    op.create_index(op.f("ix_traces_started_at"), "traces", ["started_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_traces_started_at"), table_name="traces")
    op.drop_index("ix_traces_conversation_started", table_name="traces")
    op.drop_table("traces")
