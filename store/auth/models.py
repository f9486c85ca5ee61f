"""Staff users and API tokens. Tokens are stored as SHA-256 hashes; the secret is shown once."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from store.base import Base, Timestamps, UUIDPk, text_enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    STAFF = "staff"


class StaffUser(UUIDPk, Timestamps, Base):
    __tablename__ = "staff_users"

    name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    role: Mapped[Role] = mapped_column(text_enum(Role, "role"), default=Role.STAFF)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class ApiToken(UUIDPk, Timestamps, Base):
    __tablename__ = "api_tokens"

    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(text_enum(Role, "role"))
    staff_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"))
    last_used_at: Mapped[datetime | None]  # to the minute: written at most once a minute
    revoked_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]  # None: until revoked


class ConsoleSession(UUIDPk, Base):
    """A person signed in to the console: the cookie carries a random secret, stored here hashed.

    Server-side so that logout, disabling the person or expiry end it at once; `csrf_token` is the
    session's own token that every state-changing console request must echo.
    """

    __tablename__ = "console_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
