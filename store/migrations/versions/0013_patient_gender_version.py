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
    # Adding a NULL column and a column with a constant default is metadata-only in Postgres (no
    # rewrite, no scan), but a CHECK constraint added plainly scans the whole table to prove it,
    # under the ACCESS EXCLUSIVE lock ALTER TABLE holds: every read and write of patients would
    # wait. So it is added NOT VALID (enforced for new rows at once, no scan), and validated after
    # this transaction commits, in its own: VALIDATE takes only SHARE UPDATE EXCLUSIVE, so reads
    # and writes carry on while it scans.
    op.add_column("patients", sa.Column("gender", sa.String(length=32), nullable=True))
    op.create_check_constraint(
        op.f("ck_patients_gender"),
        "patients",
        "gender IN (" + ", ".join(f"'{g}'" for g in GENDERS) + ")",
        postgresql_not_valid=True,
    )
    op.add_column("patients", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE patients VALIDATE CONSTRAINT ck_patients_gender")


def downgrade() -> None:
    op.drop_column("patients", "version")
    op.drop_constraint(op.f("ck_patients_gender"), "patients", type_="check")
    op.drop_column("patients", "gender")
