"""locations: opening hours, so the clinic's profile (name, address, phone, hours, specialties) is data

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("locations", sa.Column("hours", sa.String(300), nullable=True))


def downgrade() -> None:
    op.drop_column("locations", "hours")
