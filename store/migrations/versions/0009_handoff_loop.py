"""conversations: when staff handed one back; tickets: the `handoff` queue

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

A conversation released by staff starts its next agent turn clean (`released_at`, cleared by that
turn). A hand-off opens a ticket in the new `handoff` category, so that the staff queue and the
contact's phone find it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CATEGORIES = ("billing", "prescription", "medical_question", "complaint", "records", "other")


def _category_check(categories: tuple[str, ...]) -> None:
    op.drop_constraint(op.f("ck_tickets_ticket_category"), "tickets", type_="check")
    allowed = ", ".join(f"'{c}'" for c in categories)
    op.create_check_constraint(
        op.f("ck_tickets_ticket_category"), "tickets", sa.text(f"category IN ({allowed})")
    )


def upgrade() -> None:
    op.add_column("conversations", sa.Column("released_at", sa.DateTime(timezone=True), nullable=True))
    _category_check((*CATEGORIES, "handoff"))


def downgrade() -> None:
    op.execute("UPDATE tickets SET category = 'other' WHERE category = 'handoff'")
    _category_check(CATEGORIES)
    op.drop_column("conversations", "released_at")
