"""Scheduling tools: find slots, book, list, cancel and reschedule the verified patient's appointments."""

from __future__ import annotations

from datetime import timedelta

from store.database import transaction
from store.errors import Conflict, NotFound
from store.patients import service as patients
from store.scheduling import reminders
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment, AppointmentStatus, Slot
from tools.context import ToolContext
from tools.schemas import (
    AppointmentArgs,
    AppointmentView,
    BookArgs,
    BookingOutcome,
    FindSlotsArgs,
    PractitionerArgs,
    RescheduleArgs,
    SlotOption,
)

SEARCH_HORIZON = timedelta(days=60)
DAY = timedelta(days=1)
DAY_LIMIT = 200  # more than a specialty can have free in one day, so a day's search sees them all


def slot_option(slot: Slot) -> SlotOption:
    practitioner = slot.schedule.practitioner
    return SlotOption(
        slot_id=slot.id,
        start=slot.start_at,
        end=slot.end_at,
        practitioner=practitioner.display_name,
        specialty=practitioner.specialty,
    )


def appointment_view(appointment: Appointment) -> AppointmentView:
    return AppointmentView(
        id=appointment.id,
        start=appointment.start_at,
        practitioner=appointment.practitioner.display_name,
        specialty=appointment.specialty,
        address=appointment.location.address,
        status=appointment.status.value,
    )


async def find_slots(args: FindSlotsArgs, ctx: ToolContext) -> list[SlotOption]:
    """Free slots for the specialty in the range, earliest first (a named practitioner first if any)."""
    return await _free(args, ctx, limit=args.limit)


async def practitioner_specialty(args: PractitionerArgs, ctx: ToolContext) -> str | None:
    """The specialty of the practitioner the patient named, when everyone of that name shares one
    (a booking "con el Dr. Brooks" needs no "which kind of appointment?"); None when nobody or
    practitioners of several specialties have that name."""
    words = patients.fold(args.name).split()
    if not words:
        return None
    async with transaction(ctx.sessions) as session:
        staff, _ = await scheduling.get_practitioners(session, names=[[word] for word in words], limit=200)
    found = {p.specialty for p in staff}
    return found.pop() if len(found) == 1 else None


async def _free(args: FindSlotsArgs, ctx: ToolContext, *, limit: int) -> list[SlotOption]:
    async with transaction(ctx.sessions) as session:
        practitioner_id = None
        if words := patients.fold(args.practitioner or "").split():
            # Each word starts a word of their name, as FHIR's name search: "Reed" is Dr. Marcus
            # Reed, and "Ed" is nobody (a substring once found him).
            staff, _ = await scheduling.get_practitioners(
                session, specialty=args.specialty, names=[[word] for word in words], limit=1
            )
            practitioner_id = staff[0].id if staff else None
        slots = await scheduling.find_free_slots(
            session,
            start=args.start,
            end=args.end,
            specialty=args.specialty,
            practitioner_id=practitioner_id,
            part_of_day=args.part_of_day,
            earliest=args.earliest,
            latest=args.latest,
            tz=ctx.tz,
            now=ctx.now,
            limit=limit,
        )
        return [slot_option(s) for s in slots]


async def nearest_slots(args: FindSlotsArgs, ctx: ToolContext) -> list[SlotOption]:
    """When the asked range is empty: the free slots nearest to it; [] only when none is free at all.

    First the earliest from the asked start on (any part of the day); when the asked date is past
    the open calendar (slots are published `SEARCH_HORIZON` ahead), the latest ones before it.
    """
    start = max(args.start, ctx.now)
    later = args.model_copy(
        update={
            "start": start,
            "end": start + SEARCH_HORIZON,
            "part_of_day": None,
            "earliest": None,
            "latest": None,
        }
    )
    return await find_slots(later, ctx) or await _latest_before(later, ctx)


async def _latest_before(args: FindSlotsArgs, ctx: ToolContext) -> list[SlotOption]:
    """The `args.limit` free slots closest before `args.start`, earliest first.

    A search returns the earliest slots of its range, so the time before the asked date is walked
    back a day at a time; one search of the whole range first tells whether anything is free.
    """
    if args.start <= ctx.now or not await _free(
        args.model_copy(update={"start": ctx.now, "end": args.start}), ctx, limit=1
    ):
        return []
    found: list[SlotOption] = []
    end = args.start
    while end > ctx.now and len(found) < args.limit:
        day = args.model_copy(update={"start": max(end - DAY, ctx.now), "end": end})
        found = (await _free(day, ctx, limit=DAY_LIMIT))[-(args.limit - len(found)) :] + found
        end -= DAY
    return found


async def book_appointment(args: BookArgs, ctx: ToolContext) -> BookingOutcome:
    """Book the slot; if someone else just took it, say so and return alternatives instead."""
    patient_id = ctx.require_patient("book_appointment")
    try:
        async with transaction(ctx.sessions) as session:
            appointment = await scheduling.book(
                session,
                slot_id=args.slot_id,
                patient_id=patient_id,
                reason=args.reason,
                now=ctx.now,
                idempotency_key=ctx.key("book", args.slot_id),
                actor=ctx.actor,
            )
            return BookingOutcome(status="booked", appointment=appointment_view(appointment))
    except scheduling.SlotUnavailable as lost:
        return BookingOutcome(
            status="slot_unavailable", alternatives=[slot_option(s) for s in lost.alternatives]
        )


async def list_appointments(ctx: ToolContext) -> list[AppointmentView]:
    """The verified patient's upcoming booked appointments, soonest first."""
    patient_id = ctx.require_patient("list_appointments")
    async with transaction(ctx.sessions) as session:
        appointments, _ = await scheduling.get_appointments(
            session, patient_id=patient_id, status=AppointmentStatus.BOOKED, start_from=ctx.now, limit=20
        )
        return [appointment_view(a) for a in appointments]


async def cancel_appointment(args: AppointmentArgs, ctx: ToolContext) -> AppointmentView:
    """Cancel one of the verified patient's own appointments (NotFound for anyone else's)."""
    patient_id = ctx.require_patient("cancel_appointment")
    async with transaction(ctx.sessions) as session:
        appointment = await scheduling.cancel(
            session,
            appointment_id=args.appointment_id,
            patient_id=patient_id,
            now=ctx.now,
            reason=args.reason or "cancelled by the patient",
            actor=ctx.actor,
        )
        return appointment_view(appointment)


async def reschedule_appointment(args: RescheduleArgs, ctx: ToolContext) -> BookingOutcome:
    """Move one of the verified patient's appointments; on a lost slot nothing changes."""
    patient_id = ctx.require_patient("reschedule_appointment")
    try:
        async with transaction(ctx.sessions) as session:
            appointment = await scheduling.reschedule(
                session,
                appointment_id=args.appointment_id,
                new_slot_id=args.slot_id,
                patient_id=patient_id,
                now=ctx.now,
                idempotency_key=ctx.key("reschedule", args.appointment_id, args.slot_id),
                actor=ctx.actor,
            )
            return BookingOutcome(status="booked", appointment=appointment_view(appointment))
    except scheduling.SlotUnavailable as lost:
        return BookingOutcome(
            status="slot_unavailable", alternatives=[slot_option(s) for s in lost.alternatives]
        )


async def confirm_appointment(args: AppointmentArgs, ctx: ToolContext) -> AppointmentView | None:
    """Record that the verified patient will come to one of their own booked appointments.

    None when it is not theirs, no longer booked (cancelled, moved) or already started.
    """
    patient_id = ctx.require_patient("confirm_appointment")
    try:
        async with transaction(ctx.sessions) as session:
            appointment = await reminders.confirm(
                session,
                appointment_id=args.appointment_id,
                patient_id=patient_id,
                now=ctx.now,
                actor=ctx.actor,
            )
            return appointment_view(appointment)
    except (NotFound, Conflict):
        return None
