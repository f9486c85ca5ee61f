"""Identity tools: who is writing, from the verified phone plus name and birth date when needed."""

from __future__ import annotations

from datetime import date

from store.database import transaction
from store.patients import service as patients
from store.patients.models import Patient
from tools.context import ToolContext
from tools.schemas import IdentifyArgs, PatientRef, RegisterArgs

ADULT_AGE = 18


def _ref(patient: Patient, ctx: ToolContext) -> PatientRef:
    today = ctx.now.astimezone(ctx.tz).date()
    return PatientRef(
        id=patient.id,
        given_name=patient.given_name,
        language=patient.preferred_language.value,
        minor=_age(patient.birth_date, today) < ADULT_AGE,
    )


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


async def patients_on_phone(ctx: ToolContext) -> list[PatientRef]:
    """Everyone registered on the verified channel phone (a family may share one)."""
    async with transaction(ctx.sessions) as session:
        return [_ref(p, ctx) for p in await patients.find_by_phone(session, phone=ctx.phone)]


async def verify_patient(args: IdentifyArgs, ctx: ToolContext) -> PatientRef | None:
    """The patient on the verified phone with this name and birth date, or None."""
    async with transaction(ctx.sessions) as session:
        patient = await patients.match(session, phone=ctx.phone, name=args.name, birth_date=args.birth_date)
        return _ref(patient, ctx) if patient else None


async def register_patient(args: RegisterArgs, ctx: ToolContext) -> PatientRef:
    """Register the person on the verified phone; a replay returns the patient already made."""
    async with transaction(ctx.sessions) as session:
        existing = await patients.match(session, phone=ctx.phone, name=args.name, birth_date=args.birth_date)
        if existing is not None:
            return _ref(existing, ctx)
        given, family = patients.split_name(args.name)
        patient = await patients.create(
            session,
            given_name=given,
            family_name=family,
            birth_date=args.birth_date,
            phone=ctx.phone,
            preferred_language=args.language,
            today=ctx.now.astimezone(ctx.tz).date(),
        )
        return _ref(patient, ctx)
