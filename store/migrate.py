"""Alembic driven from code: `upgrade(url)` and `downgrade(url, revision)`.

The migrations live inside the package so an installed `prm` can migrate without a checkout.
The URL is the synchronous psycopg form of `DATABASE_URL` (Alembic runs synchronously).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate ignores the job queue's tables: procrastinate owns them (installed by 0005)."""
    return not (
        type_ in {"table", "index"} and (name or "").startswith(("procrastinate", "idx_procrastinate"))
    )


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations and at `url`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at `url` up to `revision`."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the database at `url` down to `revision` (`base` empties it)."""
    command.downgrade(alembic_config(url), revision)
