"""The whole clinic runs on its own clock (`Runtime.clock`), never on the real date.

The clinic fixture is seeded at `NOW` and its clock starts there; the real date is days, months or
(under the calendar guard) years away from it. Code that read the wall clock instead would stamp
messages at the real date and find nothing due, or everything due, at the worker's sweeps.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select

from api.worker import register
from store.conversations.models import Channel, Conversation, Direction, Message
from store.database import transaction
from store.patients import service as patients
from store.queue import build_app
from store.scheduling import service as scheduling
from tests.instant import NOW
from tests.pipeline.conftest import Clinic

SLOT = timedelta(minutes=30)


def _phone() -> str:
    return f"+1555070{uuid.uuid4().int % 10_000:04d}"


async def test_an_inbound_message_is_stamped_by_the_clinic_clock(clinic: Clinic) -> None:
    phone = _phone()
    assert (await clinic.whatsapp(phone, "hello")).status_code == 200
    [inbound] = await clinic.messages(Message.body == "hello", Message.channel == Channel.WHATSAPP)
    assert abs(inbound.created_at - clinic.runtime.clock()) < timedelta(minutes=1)


async def _appointment_in(clinic: Clinic, phone: str, ahead: timedelta) -> uuid.UUID:
    """A patient of the test's own, booked on a practitioner of its own `ahead` of the clinic's now."""
    now = clinic.runtime.clock()
    start = (now + ahead).replace(second=0, microsecond=0)
    async with transaction(clinic.runtime.sessions) as session:
        location = await scheduling.create_location(
            session,
            name="Clock",
            address_line="1 Clock St",
            city="C",
            state="NY",
            postal_code="1",
            timezone=clinic.runtime.settings.tz.key,
        )
        practitioner = await scheduling.create_practitioner(
            session, given_name="Tic", family_name=f"Toc{uuid.uuid4().hex[:6]}", specialty="cardiology"
        )
        schedule = await scheduling.create_schedule(
            session, practitioner_id=practitioner.id, location_id=location.id
        )
        [slot] = await scheduling.create_slots(
            session, schedule_id=schedule.id, intervals=[(start, start + SLOT)]
        )
        patient = await patients.create(
            session,
            given_name="Ada",
            family_name="Clock",
            birth_date=date(1980, 1, 1),
            phone=phone,
            today=NOW.date(),
        )
        appointment = await scheduling.book(
            session, slot_id=slot.id, patient_id=patient.id, reason=None, now=now
        )
        return appointment.id


async def test_the_worker_sweep_finds_a_reminder_due_on_the_clinic_clock(clinic: Clinic) -> None:
    phone = _phone()
    await _appointment_in(clinic, phone, timedelta(hours=20))  # due now on the clinic's clock, on no other
    queue = build_app(clinic.runtime.urls.database_url)
    register(queue, clinic.worker)  # the tasks exactly as the running worker has them
    await queue.tasks["timed.sweep"].func(timestamp=0)  # what the cron fires every minute

    async def reminded() -> bool:
        async with transaction(clinic.runtime.sessions) as session:
            found = await session.scalars(
                select(Message)
                .join(Conversation, Conversation.id == Message.conversation_id)
                .where(Conversation.address == phone, Message.direction == Direction.OUTBOUND)
            )
            return any(message.kind == "reminder" for message in found)

    await clinic.until(reminded, timeout_s=60)
    [reminder] = await clinic.messages(
        Message.kind == "reminder",
        Message.conversation_id.in_(select(Conversation.id).where(Conversation.address == phone)),
    )
    assert abs(reminder.created_at - clinic.runtime.clock()) < timedelta(minutes=1)
    assert "Reply 1 or CONFIRM" in reminder.body
