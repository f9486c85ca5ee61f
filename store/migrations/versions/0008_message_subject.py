"""messages: the subject of an outbound e-mail; conversations: room for an e-mail; ticket attachments

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

E-mail is the one channel whose messages have a subject; it is kept with the message so that a
send retried by the worker (and what staff see in the console) is the message that was queued.
An e-mail conversation's address is the patient's e-mail, up to 254 characters like the patient's.
A ticket keeps the media (stored images, documents) of the messages of the turn that opened it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("messages", sa.Column("subject", sa.String(200), nullable=True))
    op.alter_column("conversations", "address", type_=sa.String(254), existing_type=sa.String(64))
    op.add_column(
        "tickets",
        sa.Column(
            "attachments",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            server_default=sa.text("'[]'::jsonb"),
        ),
    )


def downgrade() -> None:
    op.drop_column("tickets", "attachments")
    op.alter_column("conversations", "address", type_=sa.String(64), existing_type=sa.String(254))
    op.drop_column("messages", "subject")
