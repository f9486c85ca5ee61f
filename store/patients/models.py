"""The Patient table (FHIR R4 Patient: name, telecom, birthDate, gender, communication)."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from store.base import Base, Timestamps, UUIDPk, text_enum


class Language(enum.StrEnum):
    """Languages the agent speaks (BCP-47 primary tags)."""

    EN = "en"
    ES = "es"


class Gender(enum.StrEnum):
    """FHIR R4 AdministrativeGender (what the record says, for administration; not sex at birth)."""

    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class Patient(UUIDPk, Timestamps, Base):
    """A patient. Several patients may share one phone (a family); name + birth date tell them apart."""

    __tablename__ = "patients"
    __table_args__ = (
        CheckConstraint(r"phone ~ '^\+[1-9][0-9]{6,14}$'", name="phone_e164"),
        Index("ix_patients_phone", "phone"),
        Index("ix_patients_family_birth", "family_name", "birth_date"),
    )

    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    phone: Mapped[str] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(254))
    preferred_language: Mapped[Language] = mapped_column(text_enum(Language, "language"), default=Language.EN)
    consent_messaging: Mapped[bool] = mapped_column(default=True)
    opted_out_at: Mapped[datetime | None]
    ehr_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # the clinic's MRN
    gender: Mapped[Gender | None] = mapped_column(text_enum(Gender, "gender"))
    # FHIR's meta.versionId and ETag: bumped by every change made through `patients.update`, so an
    # EHR's If-Match can tell that someone changed the record since it read it
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"
