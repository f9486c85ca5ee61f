"""Settings: the contract's variable names, URL normalisation, refusal of placeholders in production."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr, ValidationError

from api.settings import Settings


def test_defaults_match_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "REDIS_URL", "PRM_LLM_MODEL", "PRM_CLINIC_TZ", "PRM_WHATSAPP_REPLY"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.storage.database_url is None and settings.storage.redis_url is None
    assert settings.models.embeddings == "local" and settings.models.stt_model == "whisper-1"
    assert settings.twilio.whatsapp_reply == "twiml" and settings.twilio.twiml_budget_ms == 8000
    assert settings.public_url == "http://127.0.0.1:8000"
    assert str(settings.tz) == "America/New_York"


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db:5432/prm")
    monkeypatch.setenv("PRM_CLINIC_TZ", "Europe/Madrid")
    monkeypatch.setenv("PRM_WHATSAPP_REPLY", "rest")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.storage.database_url == "postgresql+psycopg://u:p@db:5432/prm"
    assert str(settings.tz) == "Europe/Madrid"
    assert settings.twilio.whatsapp_reply == "rest"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PRM_CLINIC_TZ", "Mars/Olympus", "not an IANA time zone"),
        ("PRM_EMBEDDINGS", "magic", "PRM_EMBEDDINGS must be"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL must be"),
        ("PRM_WHATSAPP_REPLY", "carrier-pigeon", "twiml"),
    ],
)
def test_bad_values_are_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match=message):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_placeholder_secrets_are_refused_in_production_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "changeme")
    assert Settings(_env_file=None).twilio.auth_token is not None  # type: ignore[call-arg]
    monkeypatch.setenv("PRM_ENV", "production")
    with pytest.raises(ValidationError, match="TWILIO_AUTH_TOKEN is a placeholder"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_prm_now_starts_the_clinic_clock_there_and_is_refused_in_production(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import datetime, timedelta

    from store.clock import clock_from

    monkeypatch.delenv("PRM_ENV", raising=False)
    monkeypatch.setenv("PRM_NOW", "2027-03-14T08:30")  # naive: the clinic's wall-clock time
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    start = settings.start_of_clock
    assert start is not None and start.utcoffset() == timedelta(hours=-4)  # New York, daylight time
    assert start.replace(tzinfo=None) == datetime(2027, 3, 14, 8, 30)
    clock = clock_from(start)
    first, second = clock(), clock()
    assert start <= first <= second < start + timedelta(seconds=5)  # it ticks from there
    monkeypatch.setenv("PRM_ENV", "production")
    monkeypatch.setenv(
        "PRM_CHECKPOINT_KEY", STRONG
    )  # production's own requirements met: only PRM_NOW is wrong
    monkeypatch.setenv("PRM_LOG_KEY", STRONG)
    with pytest.raises(ValidationError, match="PRM_NOW"):
        Settings(_env_file=None)  # type: ignore[call-arg]


STRONG = "k" + "".join(chr(ord("a") + i % 26) for i in range(40))  # 41 characters, 26 different


def test_production_wants_strong_secrets_and_its_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRM_ENV", "production")
    with pytest.raises(ValidationError, match="needs PRM_CHECKPOINT_KEY and PRM_LOG_KEY"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("PRM_CHECKPOINT_KEY", STRONG)
    monkeypatch.setenv("PRM_LOG_KEY", STRONG)
    production = Settings(_env_file=None)  # type: ignore[call-arg]
    assert not production.docs_exposed and production.metrics_token is None
    for weak in ("x", "abcabcabcabcabcabcabcabcabcabcabcabc", "short-but-random-9f3"):
        monkeypatch.setenv("PRM_VOICE_WEBHOOK_SECRET", weak)
        with pytest.raises(ValidationError, match="PRM_VOICE_WEBHOOK_SECRET is too weak"):
            Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("PRM_VOICE_WEBHOOK_SECRET", STRONG)
    monkeypatch.setenv("PRM_CHECKPOINT_KEY", f"abc,{STRONG}")  # the weak first key would encrypt
    with pytest.raises(ValidationError, match="PRM_CHECKPOINT_KEY is too weak"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("PRM_CHECKPOINT_KEY", f"{STRONG},{STRONG[::-1]}")  # rotation: both strong
    monkeypatch.setenv("PRM_PUBLIC_DOCS", "true")
    assert Settings(_env_file=None).docs_exposed  # type: ignore[call-arg]
    monkeypatch.setenv("PRM_ENV", "test")
    monkeypatch.setenv("PRM_VOICE_WEBHOOK_SECRET", "x")
    assert Settings(_env_file=None).voice_webhook_secret is not None  # type: ignore[call-arg]  # not production


async def test_production_hides_docs_and_guards_metrics(
    runtime: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    from api.app import create_app

    production = runtime.settings.model_copy(update={"environment": "production"})
    monkeypatch.setattr(runtime, "settings", production)
    app = create_app(production, runtime)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        assert (await http.get("/docs")).status_code == 404
        assert (await http.get("/openapi.json")).status_code == 404
        assert (await http.get("/metrics")).status_code == 404  # off without a token
        monkeypatch.setattr(
            runtime, "settings", production.model_copy(update={"metrics_token": SecretStr(STRONG)})
        )
        assert (await http.get("/metrics")).status_code == 401
        wrong = await http.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = await http.get("/metrics", headers={"Authorization": f"Bearer {STRONG}"})
        assert right.status_code == 200 and "prm_http_requests_total" in right.text
        assert (await http.get("/healthz")).status_code == 200
