"""Alembic migrations; run them with `prm db upgrade` or `store.migrate.upgrade(url)`."""
