"""message_parts: each part of an outbound message as posted to Twilio, recorded before the post

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08

Twilio's Messages API honours no idempotency key, so a post whose answer was lost may or may not
have sent the message. The row written before each post is that "maybe sent" state: a retry looks
the message up in Twilio before posting again (channels/twilio/sender.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "message_parts",
        sa.Column("message_id", sa.Uuid(), nullable=False),
        sa.Column("part", sa.SmallInteger(), nullable=False),
        sa.Column("first_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("provider_sid", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_message_parts_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("message_id", "part", name=op.f("pk_message_parts")),
        sa.UniqueConstraint("provider_sid", name=op.f("uq_message_parts_provider_sid")),
    )


def downgrade() -> None:
    op.drop_table("message_parts")
