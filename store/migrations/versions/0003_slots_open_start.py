"""free-slot search index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

A partial index on the start time of slots that can still be taken (free, or held), so the
"first available" search reads slots in time order and stops at its limit instead of sorting
every open slot in the window (about 15 ms -> 1 ms at 100 practitioners x one year).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_slots_open_start",
        "slots",
        ["start_at"],
        unique=False,
        postgresql_where=sa.text("status IN ('free', 'busy-tentative')"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_slots_open_start",
        table_name="slots",
        postgresql_where=sa.text("status IN ('free', 'busy-tentative')"),
    )
