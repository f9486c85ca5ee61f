"""channels: the inbox and outbox of messages, and the job queue

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Inbound messages wait with `processed_at IS NULL` until a worker's turn takes them (a partial
index keeps that lookup cheap); each points at the reply its turn produced (`reply_id`), which is
how a webhook waiting within its TwiML budget finds it. Outbound messages say what they are
(`kind`) and how they went out (`sent_via`). A conversation remembers an opt-out keyword
(`opted_out_at`): WhatsApp consent belongs to the number, whoever the patient is. The procrastinate job queue's schema is installed
here so that `prm db upgrade` is the only set-up step.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from procrastinate.schema import SchemaManager

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("messages", sa.Column("reply_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(op.f("fk_messages_reply_id_messages"), "messages", "messages", ["reply_id"], ["id"])
    op.add_column("messages", sa.Column("kind", sa.String(length=32), nullable=False, server_default="reply"))
    op.add_column("messages", sa.Column("sent_via", sa.String(length=16), nullable=True))
    op.add_column("messages", sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.create_index(
        "ix_messages_pending_inbound",
        "messages",
        ["conversation_id", "created_at"],
        postgresql_where=sa.text("direction = 'inbound' AND processed_at IS NULL"),
    )
    op.add_column("conversations", sa.Column("opted_out_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(SchemaManager.get_schema())


def downgrade() -> None:
    op.execute(
        """
        DO $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT tablename FROM pg_tables
                   WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate%' LOOP
            EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.tablename);
          END LOOP;
          FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p
                   JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%' LOOP
            EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', r.fn);
          END LOOP;
          FOR r IN SELECT t.typname FROM pg_type t
                   JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate%'
                     AND t.typtype IN ('e', 'c') LOOP
            EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', r.typname);
          END LOOP;
        END $$;
        """
    )
    op.drop_column("conversations", "opted_out_at")
    op.drop_index("ix_messages_pending_inbound", table_name="messages")
    op.drop_column("messages", "attempts")
    op.drop_column("messages", "sent_via")
    op.drop_column("messages", "kind")
    op.drop_constraint(op.f("fk_messages_reply_id_messages"), "messages", type_="foreignkey")
    op.drop_column("messages", "reply_id")
