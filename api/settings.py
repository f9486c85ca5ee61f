"""Settings, one pydantic-settings class per concern, read from the environment and `.env`.

The names are the public contract (CONTRACT.md). Validators refuse placeholder secrets outside
development so that a production deployment cannot start with `changeme`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDERS = {"changeme", "change-me", "secret", "password", "placeholder", "xxx", "todo"}


class _Base(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)


MIN_SECRET_LENGTH, MIN_DISTINCT = 32, 10  # production: at least 32 characters, 10 of them different


def _refuse_placeholder(value: SecretStr | None, name: str, environment: str) -> None:
    if value is None or environment == "development":
        return
    for secret in (
        value.get_secret_value().split(",") if name == "PRM_CHECKPOINT_KEY" else [value.get_secret_value()]
    ):
        _refuse_weak(secret.strip(), name, environment)


def _refuse_weak(secret: str, name: str, environment: str) -> None:
    """Each key on its own: of `PRM_CHECKPOINT_KEY=new,old` the first encrypts, so each must be strong."""
    if secret.lower() in PLACEHOLDERS:
        raise ValueError(f"{name} is a placeholder; set a real secret (PRM_ENV={environment})")
    if environment == "production" and (len(secret) < MIN_SECRET_LENGTH or len(set(secret)) < MIN_DISTINCT):
        raise ValueError(
            f"{name} is too weak for production: use at least {MIN_SECRET_LENGTH} random characters"
            " (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
        )


class StorageSettings(_Base):
    """Where data lives: Postgres, Redis, and the embedded servers' directory."""

    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    redis_url: str | None = Field(default=None, alias="REDIS_URL")
    data_dir: Path = Field(default=Path(".prm"), alias="PRM_DATA_DIR")
    checkpoint_key: SecretStr | None = Field(default=None, alias="PRM_CHECKPOINT_KEY")
    checkpoint_ttl_days: int = Field(default=30, alias="PRM_CHECKPOINT_TTL_DAYS", ge=1)

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str | None) -> str | None:
        """Accept `postgres://` and `postgresql://` and use psycopg 3 for them."""
        if value is None:
            return None
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        if not value.startswith("postgresql+psycopg://"):
            raise ValueError("DATABASE_URL must be a postgresql:// (or postgresql+psycopg://) URL")
        return value


class ModelSettings(_Base):
    """The optional OpenAI-compatible model and the embeddings backend."""

    llm_model: str | None = Field(default=None, alias="PRM_LLM_MODEL")
    openai_api_key: SecretStr | None = Field(default=None, alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, alias="OPENAI_BASE_URL")
    embeddings: str = Field(default="local", alias="PRM_EMBEDDINGS")
    stt_model: str = Field(default="whisper-1", alias="PRM_STT_MODEL")
    # per model call; a WhatsApp turn must fit PRM_TWIML_BUDGET_MS with retries and the offline fallback
    llm_timeout_s: float = Field(default=4.0, alias="PRM_LLM_TIMEOUT_S", gt=0)

    @field_validator("embeddings")
    @classmethod
    def _known_embeddings(cls, value: str) -> str:
        if value != "local" and not (value.startswith("openai:") and len(value) > len("openai:")):
            raise ValueError("PRM_EMBEDDINGS must be 'local' or 'openai:<model>'")
        return value


class TwilioSettings(_Base):
    account_sid: str | None = Field(default=None, alias="TWILIO_ACCOUNT_SID")
    auth_token: SecretStr | None = Field(default=None, alias="TWILIO_AUTH_TOKEN")
    whatsapp_from: str | None = Field(default=None, alias="TWILIO_WHATSAPP_FROM")
    api_url: str | None = Field(default=None, alias="PRM_TWILIO_API_URL")
    whatsapp_reply: Literal["twiml", "rest"] = Field(default="twiml", alias="PRM_WHATSAPP_REPLY")
    twiml_budget_ms: int = Field(default=8000, alias="PRM_TWIML_BUDGET_MS", ge=0)
    # message kind → approved template ContentSid, for WhatsApp outside the 24-hour window,
    # e.g. {"reply": "HX…", "reminder": "HX…", "followup": "HX…"}
    whatsapp_templates: dict[str, str] = Field(default_factory=dict, alias="PRM_WHATSAPP_TEMPLATES")
    sms_from: str | None = Field(default=None, alias="TWILIO_SMS_FROM")
    # a send whose answer was lost is looked up in Twilio's list before it is posted again, and an
    # empty list believed only this long after the post began (channels/twilio/sender.py)
    lookup_settle_s: float = Field(default=20, alias="PRM_TWILIO_LOOKUP_SETTLE_S", ge=0)


class ChannelSettings(_Base):
    """How inbound traffic is paced and where media and jobs go."""

    rate_limit_per_minute: int = Field(default=20, alias="PRM_RATE_LIMIT_PER_MINUTE", ge=1)
    media_url: str | None = Field(default=None, alias="PRM_MEDIA_URL")  # default: PRM_DATA_DIR/media
    media_max_bytes: int = Field(default=16 * 1024 * 1024, alias="PRM_MEDIA_MAX_BYTES", ge=1024)
    worker_concurrency: int = Field(default=4, alias="PRM_WORKER_CONCURRENCY", ge=1)
    # `prm serve`'s worker processes besides its own (one Python process uses one core); unset:
    # one per core but the one the API runs on
    worker_processes: int | None = Field(default=None, alias="PRM_WORKER_PROCESSES", ge=0)
    # a worker heartbeats every PRM_WORKER_HEARTBEAT_S; after PRM_WORKER_STALLED_S of silence its
    # running jobs (a worker killed with -9) are retried by another worker
    worker_heartbeat_s: float = Field(default=10, alias="PRM_WORKER_HEARTBEAT_S", gt=0)
    worker_stalled_s: float = Field(default=30, alias="PRM_WORKER_STALLED_S", gt=0)
    voice_wait_ms: int = Field(default=20000, alias="PRM_VOICE_WAIT_MS", ge=0)
    smtp_host: str | None = Field(default=None, alias="PRM_SMTP_HOST")
    smtp_port: int = Field(default=25, alias="PRM_SMTP_PORT")
    smtp_from: str = Field(default="clinic@localhost", alias="PRM_SMTP_FROM")
    smtp_username: str | None = Field(default=None, alias="PRM_SMTP_USERNAME")
    smtp_password: SecretStr | None = Field(default=None, alias="PRM_SMTP_PASSWORD")
    smtp_starttls: bool = Field(default=False, alias="PRM_SMTP_STARTTLS")


class ClinicSettings(_Base):
    timezone: str = Field(default="America/New_York", alias="PRM_CLINIC_TZ")
    # the identifier system (a URI) of the clinic's medical record numbers: how FHIR names a
    # patient's MRN, and what `Patient?identifier=<system>|<mrn>` and If-None-Exist search by
    mrn_system: str = Field(default="urn:prm:mrn", alias="PRM_FHIR_MRN_SYSTEM")

    @field_validator("mrn_system")
    @classmethod
    def _uri(cls, value: str) -> str:
        scheme, colon, rest = value.partition(":")
        if not (colon and scheme.isascii() and scheme.isalpha() and rest) or any(
            c.isspace() or c == "|" for c in value
        ):
            raise ValueError(
                f"PRM_FHIR_MRN_SYSTEM {value!r} is not a URI (e.g. urn:oid:1.2.3 or https://…/mrn)"
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"PRM_CLINIC_TZ {value!r} is not an IANA time zone") from None
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Settings(_Base):
    """Everything, assembled; `PRM_ENV=production` turns on the placeholder checks."""

    environment: Literal["development", "test", "production"] = Field(default="development", alias="PRM_ENV")
    public_url: str = Field(default="http://127.0.0.1:8000", alias="PRM_PUBLIC_URL")
    voice_webhook_secret: SecretStr | None = Field(default=None, alias="PRM_VOICE_WEBHOOK_SECRET")
    max_body_bytes: int = Field(default=1_000_000, alias="PRM_MAX_BODY_BYTES", ge=1024)
    # `prm serve`'s API processes, its own included, accepting on one socket (one Python process
    # uses one core: staff and FHIR requests beyond one core's worth need more)
    api_processes: int = Field(default=1, alias="PRM_API_PROCESSES", ge=1)
    # /docs, /redoc and /openapi.json: on by default outside production, off in it unless asked for
    public_docs: bool | None = Field(default=None, alias="PRM_PUBLIC_DOCS")
    # /metrics wants `Authorization: Bearer <this>` when set; in production it is off without one
    metrics_token: SecretStr | None = Field(default=None, alias="PRM_METRICS_TOKEN")
    # the key of the logs' redaction hashes (PHI becomes <redacted:…>); required in production
    log_key: SecretStr | None = Field(default=None, alias="PRM_LOG_KEY")
    # webhook subscribers on loopback, private or link-local addresses (development and tests only)
    webhooks_allow_private: bool = Field(default=False, alias="PRM_WEBHOOKS_ALLOW_PRIVATE")
    storage: StorageSettings = Field(default_factory=StorageSettings)
    models: ModelSettings = Field(default_factory=ModelSettings)
    twilio: TwilioSettings = Field(default_factory=TwilioSettings)
    clinic: ClinicSettings = Field(default_factory=ClinicSettings)
    channels: ChannelSettings = Field(default_factory=ChannelSettings)
    # the clinic's clock starts at this instant and ticks from there (demos, evaluations, tests);
    # a naive value is clinic wall-clock time. Refused in production: patients live in real time.
    now: datetime | None = Field(default=None, alias="PRM_NOW")

    @model_validator(mode="after")
    def _no_placeholders(self) -> Settings:
        _refuse_placeholder(self.voice_webhook_secret, "PRM_VOICE_WEBHOOK_SECRET", self.environment)
        _refuse_placeholder(self.twilio.auth_token, "TWILIO_AUTH_TOKEN", self.environment)
        _refuse_placeholder(self.storage.checkpoint_key, "PRM_CHECKPOINT_KEY", self.environment)
        _refuse_placeholder(self.metrics_token, "PRM_METRICS_TOKEN", self.environment)
        _refuse_placeholder(self.log_key, "PRM_LOG_KEY", self.environment)
        return self

    @model_validator(mode="after")
    def _production_needs_its_keys(self) -> Settings:
        """Conversation state encrypted at rest and logs hashed with a key of the clinic's own."""
        if self.environment == "production":
            missing = [
                name
                for name, value in (
                    ("PRM_CHECKPOINT_KEY", self.storage.checkpoint_key),
                    ("PRM_LOG_KEY", self.log_key),
                )
                if value is None
            ]
            if missing:
                raise ValueError(f"PRM_ENV=production needs {' and '.join(missing)} (see docs/operations.md)")
        return self

    @property
    def hash_key(self) -> bytes:
        """The key of PHI-free names derived from phones and e-mails (logs, Redis keys): PRM_LOG_KEY."""
        return hashlib.sha256(self.log_key.get_secret_value().encode()).digest() if self.log_key else b""

    @property
    def docs_exposed(self) -> bool:
        return self.public_docs if self.public_docs is not None else self.environment != "production"

    @model_validator(mode="after")
    def _real_time_in_production(self) -> Settings:
        if self.now is not None and self.environment == "production":
            raise ValueError("PRM_NOW moves the clinic's clock; it is refused with PRM_ENV=production")
        return self

    @cached_property
    def tz(self) -> ZoneInfo:
        return self.clinic.tz

    @property
    def start_of_clock(self) -> datetime | None:
        """`PRM_NOW` as an aware instant (naive means clinic wall-clock time), or None for real time."""
        if self.now is None:
            return None
        return self.now.replace(tzinfo=self.tz) if self.now.tzinfo is None else self.now
