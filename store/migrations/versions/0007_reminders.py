"""appointments: reminder, follow-up and confirmation times

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

The reminder before a visit and the follow-up after it are sent once per appointment row; the
sweeps that send them read the appointment as it is now, so a cancelled appointment loses its
reminder and a rescheduled one (a new row) earns a new one at its new time. `confirmed_at` is
set when the patient confirms by replying to the reminder. Two partial indexes keep each sweep
on the rows still owed a message, however many appointments there are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("appointments", sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("appointments", sa.Column("followup_sent_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("appointments", sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_appointments_reminder_due",
        "appointments",
        ["start_at"],
        postgresql_where=sa.text("status = 'booked' AND reminder_sent_at IS NULL"),
    )
    op.create_index(
        "ix_appointments_followup_due",
        "appointments",
        ["end_at"],
        postgresql_where=sa.text("followup_sent_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_appointments_followup_due", table_name="appointments")
    op.drop_index("ix_appointments_reminder_due", table_name="appointments")
    op.drop_column("appointments", "confirmed_at")
    op.drop_column("appointments", "followup_sent_at")
    op.drop_column("appointments", "reminder_sent_at")
