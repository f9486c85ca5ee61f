"""`prm token` and `prm user` as an operator runs them: create (the secret alone on stdout, its id on
stderr, an optional expiry), list without secrets, revoke → 401 from then on; console accounts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app
from api.runtime import ServerUrls, open_runtime
from api.settings import Settings
from store.auth import users
from store.clock import clock_from
from tests.instant import NOW


@pytest.fixture
def database(
    monkeypatch: pytest.MonkeyPatch, make_database: Callable[[], str], redis_url: str, data_dir: Path
) -> str:
    url = make_database()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("PRM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PRM_ENV", "test")
    monkeypatch.setenv("COLUMNS", "200")  # rich's tables at a wide terminal's width
    monkeypatch.setenv("PRM_NOW", NOW.isoformat())  # the CLI's clock: expiry is counted from NOW
    return url


def invoke(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=stdin, catch_exceptions=False)


async def _status(url: str, redis_url: str, secret: str) -> int:
    settings = Settings(PRM_ENV="test")
    async with open_runtime(settings, ServerUrls(url, redis_url), clock=clock_from(NOW)) as runtime:
        transport = httpx.ASGITransport(app=create_app(runtime=runtime))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            response = await http.get("/api/v1/prm/tickets", headers={"Authorization": f"Bearer {secret}"})
            return response.status_code


def test_tokens_are_created_listed_and_revoked(database: str, redis_url: str) -> None:
    import asyncio

    created = invoke("token", "create", "--role", "staff", "--name", "n8n-flows", "--expires-days", "30")
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert re.fullmatch(r"prm_[\w-]{43}", secret), (
        created.stdout
    )  # alone on stdout: TOKEN=$(prm token create …)
    found = re.search(r"token id ([0-9a-f-]{36}) \(staff, n8n-flows, expires (\S+)", created.stderr)
    assert found is not None and found.group(2) == f"{NOW + timedelta(days=30):%Y-%m-%d}"
    token_id = found.group(1)
    assert asyncio.run(_status(database, redis_url, secret)) == 200

    listed = invoke("token", "list")
    assert token_id in listed.stdout and "n8n-flows" in listed.stdout and secret not in listed.stdout
    revoked = invoke("token", "revoke", token_id)
    assert revoked.exit_code == 0 and f"revoked {token_id}" in revoked.stdout
    assert asyncio.run(_status(database, redis_url, secret)) == 401
    unknown = invoke("token", "revoke", "00000000-0000-0000-0000-000000000000")
    assert unknown.exit_code == 1 and "not found" in unknown.stdout.lower()


def test_console_accounts_from_the_command_line(database: str) -> None:
    made = invoke(
        "user", "create", "--email", "Lee@Clinic.example", "--name", "Lee Admin", "--role", "admin",
        "--password-stdin", stdin="a long enough password\n",
    )  # fmt: skip
    assert made.exit_code == 0 and "created lee@clinic.example (admin)" in made.stdout
    short = invoke(
        "user",
        "create",
        "--email",
        "kim@clinic.example",
        "--name",
        "Kim",
        "--password-stdin",
        stdin="short\n",
    )
    assert short.exit_code == 1 and "at least 12 characters" in short.stdout
    again = invoke(
        "user", "create", "--email", "lee@clinic.example", "--name", "Lee", "--password-stdin",
        stdin="another long password\n",
    )  # fmt: skip
    assert again.exit_code == 1 and "already exists" in again.stdout
    listed = invoke("user", "list")
    assert (
        "lee@clinic.example" in listed.stdout and "Lee Admin" in listed.stdout and "kim@" not in listed.stdout
    )
    assert invoke("user", "disable", "--email", "lee@clinic.example").exit_code == 0
    assert re.search(r"lee@clinic\.example .* admin .* no", invoke("user", "list").stdout)
    assert users.MIN_PASSWORD == 12


def test_bad_arguments_exit_2_before_anything_starts(tmp_path: Path) -> None:
    missing = invoke("kb", "ingest", str(tmp_path / "missing.md"))
    assert missing.exit_code == 2 and "does not exist" in missing.stdout
    junk = invoke("chat", "--phone", "junk")
    assert junk.exit_code == 2 and "--phone" in junk.stdout
