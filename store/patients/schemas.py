"""Patients as the staff API receives and returns them."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from store.patients.models import Language, Patient


class PatientCreate(BaseModel):
    """`name` is split into given and family names ("Given Family" or "Family, Given")."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=201)
    birth_date: date
    phone: str = Field(min_length=1, max_length=40)
    preferred_language: Language = Language.EN
    email: str | None = Field(default=None, max_length=254)


class PatientOut(BaseModel):
    id: uuid.UUID
    name: str
    given_name: str
    family_name: str
    birth_date: date
    phone: str
    email: str | None
    preferred_language: Language
    created_at: datetime

    @classmethod
    def of(cls, patient: Patient) -> PatientOut:
        return cls(
            id=patient.id,
            name=patient.full_name,
            given_name=patient.given_name,
            family_name=patient.family_name,
            birth_date=patient.birth_date,
            phone=patient.phone,
            email=patient.email,
            preferred_language=patient.preferred_language,
            created_at=patient.created_at,
        )
