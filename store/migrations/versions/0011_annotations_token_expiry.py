"""trace_annotations: staff verdicts on agent turns; api_tokens: an optional expiry

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

A turn annotated in the console (good or bad, a note, the expected outcome in the eval dataset's
`expect` shape) becomes a regression scenario with `prm eval export --annotated`. Tokens created
with `--expires-days` stop working at `expires_at`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "trace_annotations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("trace_id", sa.Uuid(), nullable=False),
        sa.Column("conversation_id", sa.Uuid(), nullable=False),
        sa.Column(
            "verdict",
            sa.Enum("good", "bad", name="verdict", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("expect", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["trace_id"], ["traces.id"], name=op.f("fk_trace_annotations_trace_id_traces"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_trace_annotations_conversation_id_conversations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trace_annotations")),
        sa.UniqueConstraint("trace_id", name=op.f("uq_trace_annotations_trace_id")),
    )
    op.create_index(op.f("ix_trace_annotations_conversation_id"), "trace_annotations", ["conversation_id"])
    op.add_column("api_tokens", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("api_tokens", "expires_at")
    op.drop_index(op.f("ix_trace_annotations_conversation_id"), table_name="trace_annotations")
    op.drop_table("trace_annotations")
