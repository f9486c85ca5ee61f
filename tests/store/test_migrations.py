"""The Alembic migrations build exactly the models' schema, and tear it down again."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from store.database import libpq_url
from store.migrate import downgrade, include_object, upgrade
from store.models import Base


def test_upgrade_matches_models_and_downgrade_empties(make_database: Callable[[], str]) -> None:
    empty_database = make_database()
    upgrade(empty_database)
    engine = create_engine(empty_database)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}), Base.metadata
        )
        assert diff == [], f"models and migrations disagree: {diff}"
        assert set(inspect(conn).get_table_names()) >= set(Base.metadata.tables) | {"procrastinate_jobs"}

    downgrade(empty_database, "base")
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == {"alembic_version"}

    upgrade(empty_database)  # and up again from nothing
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) >= set(Base.metadata.tables)
    engine.dispose()


def test_audit_log_is_append_only(database_url: str) -> None:
    with psycopg.connect(libpq_url(database_url)) as conn:
        conn.execute(
            "INSERT INTO audit_log (actor, action, resource_type, details) VALUES ('t', 'x', 'y', '{}')"
        )
        conn.commit()
        for statement in ("UPDATE audit_log SET actor = 'z'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(statement)
            conn.rollback()


def test_0013_checks_gender_without_scanning_patients_under_an_exclusive_lock(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CHECK is added NOT VALID (no scan under ALTER TABLE's ACCESS EXCLUSIVE lock) and
    validated after that transaction commits, in its own (SHARE UPDATE EXCLUSIVE: reads and
    writes go on); and it is valid once migrated."""
    from alembic import command

    from store.migrate import alembic_config

    command.upgrade(alembic_config(database_url), "0012:0013", sql=True)
    script = capsys.readouterr().out
    added = script.index("ADD CONSTRAINT ck_patients_gender")
    assert script[added : script.index(";", added)].endswith("NOT VALID")
    validated = script.index("VALIDATE CONSTRAINT ck_patients_gender")
    assert "COMMIT" in script[added:validated]
    with psycopg.connect(libpq_url(database_url)) as connection:
        row = connection.execute(
            "SELECT convalidated FROM pg_constraint WHERE conname = 'ck_patients_gender'"
        )
        assert row.fetchone() == (True,)
