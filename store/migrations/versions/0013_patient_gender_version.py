"""patients: FHIR administrative gender, and a version for FHIR's ETag / If-Match

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENDERS = ("male", "female", "other", "unknown")


def upgrade() -> None:
    # both are metadata-only changes in Postgres (a NULL column, a constant default): no table rewrite
    op.add_column("patients", sa.Column("gender", sa.String(length=32), nullable=True))
    op.create_check_constraint(
        op.f("ck_patients_gender"), "patients", "gender IN (" + ", ".join(f"'{g}'" for g in GENDERS) + ")"
    )
    op.add_column("patients", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    op.drop_column("patients", "version")
    op.drop_constraint(op.f("ck_patients_gender"), "patients", type_="check")
    op.drop_column("patients", "gender")
