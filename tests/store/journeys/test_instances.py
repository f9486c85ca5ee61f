"""Journey instances: start once, advance forward only on the right event, complete, cancel,
react to domain events, and keep an ordered history with an outbox event and audit entry per change."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.audit.models import AuditEntry
from store.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from store.journeys import service as journeys
from store.journeys.models import JourneyDefinition, JourneyInstance, JourneyStatus
from store.journeys.schemas import StageSpec
from store.outbox.models import OutboxEvent
from store.patients.models import Patient

Make = Callable[..., Awaitable[JourneyDefinition]]


async def outbox(session: AsyncSession, instance_id: uuid.UUID) -> list[OutboxEvent]:
    query = select(OutboxEvent).where(OutboxEvent.payload["journey_id"].astext == str(instance_id))
    return list(await session.scalars(query.order_by(OutboxEvent.id)))


async def steps(session: AsyncSession, instance: JourneyInstance) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.event, e.from_stage, e.to_stage) for e in await journeys.history(session, instance_id=instance.id)
    ]


async def start(
    session: AsyncSession, patient: Patient, definition: JourneyDefinition, now: datetime
) -> JourneyInstance:
    return await journeys.start(session, patient_id=patient.id, definition_key=definition.key, now=now)


async def test_start_enters_the_first_stage_once(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    definition = await onboarding()
    instance = await journeys.start(
        session,
        patient_id=patient.id,
        definition_key=definition.key,
        now=now,
        context={"source": "web"},
        actor="agent",
    )
    assert (instance.status, instance.current_stage_key, instance.stage_entered_at) == (
        JourneyStatus.ACTIVE,
        "intake",
        now,
    )
    assert instance.context == {"source": "web"}
    again = await start(session, patient, definition, now + timedelta(days=1))
    assert again.id == instance.id and again.stage_entered_at == now
    assert await steps(session, instance) == [("started", None, "intake")]
    [event] = await outbox(session, instance.id)
    assert event.topic == "journey.started"
    assert event.payload == {
        "journey_id": str(instance.id),
        "patient_id": str(patient.id),
        "definition_key": definition.key,
        "status": "active",
        "to_stage": "intake",
    }
    entry = await session.scalar(select(AuditEntry).where(AuditEntry.resource_id == str(instance.id)))
    assert entry is not None and (entry.actor, entry.action, entry.patient_id) == (
        "agent",
        "journey.started",
        patient.id,
    )


async def test_start_refuses_unknown_records_and_bad_context(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    definition = await onboarding()
    with pytest.raises(NotFound, match="journey definition"):
        await journeys.start(session, patient_id=patient.id, definition_key=f"nope-{tag}", now=now)
    with pytest.raises(NotFound, match="patient"):
        await journeys.start(session, patient_id=uuid.uuid4(), definition_key=definition.key, now=now)
    for context, field in [
        ({"appointment_start": "tomorrow"}, "context.appointment_start"),
        ({"appointment_start": "2031-06-03T09:00:00"}, "context.appointment_start"),  # no offset
        ({"done": []}, "context.done"),
    ]:
        with pytest.raises(InvalidInput) as raised:
            await journeys.start(
                session, patient_id=patient.id, definition_key=definition.key, now=now, context=context
            )
        assert raised.value.field == field
    definition.active = False
    with pytest.raises(Conflict, match="inactive"):
        await start(session, patient, definition, now)


async def test_advance_forward_on_the_right_event_until_complete(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    definition = await onboarding()
    instance = await start(session, patient, definition, now)
    t1, t2, t3 = (now + timedelta(hours=h) for h in (1, 2, 3))
    # intake has no advance_on: any event (here, the patient's answers) completes it.
    moved = await journeys.advance(
        session, instance_id=instance.id, now=t1, event="answers.received", note="done"
    )
    assert (moved.current_stage_key, moved.stage_entered_at) == ("visit", t1)
    with pytest.raises(InvalidTransition) as raised:
        await journeys.advance(session, instance_id=instance.id, now=t2, event="survey.answered")
    assert raised.value.allowed == [f"appointment.completed.{tag}"]
    assert "advances on event" in raised.value.message and raised.value.current == "visit"
    await journeys.advance(session, instance_id=instance.id, now=t2, event=f"appointment.completed.{tag}")
    done = await journeys.advance(session, instance_id=instance.id, now=t3, event=f"survey.answered.{tag}")
    assert (done.status, done.current_stage_key, done.completed_at) == (JourneyStatus.COMPLETED, None, t3)
    assert await steps(session, instance) == [
        ("started", None, "intake"),
        ("answers.received", "intake", "visit"),
        (f"appointment.completed.{tag}", "visit", "follow_up"),
        (f"survey.answered.{tag}", "follow_up", None),
    ]
    events = await outbox(session, instance.id)
    assert [e.topic for e in events] == ["journey.started"] + ["journey.advanced"] * 3
    assert events[-1].payload["status"] == "completed" and events[-1].payload["from_stage"] == "follow_up"
    with pytest.raises(InvalidTransition, match="completed"):
        await journeys.advance(session, instance_id=instance.id, now=t3, event="anything")
    restarted = await start(session, patient, definition, t3)  # a finished journey may be taken again
    assert restarted.id != instance.id and restarted.current_stage_key == "intake"


async def test_to_stage_jumps_forward_only(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    definition = await onboarding(
        key=f"free-{uuid.uuid4().hex[:8]}", stages=[StageSpec(key=k, name=k.upper()) for k in "abcd"]
    )
    instance = await start(session, patient, definition, now)
    jumped = await journeys.advance(session, instance_id=instance.id, now=now, event="staff", to_stage="c")
    assert jumped.current_stage_key == "c"
    assert await steps(session, instance) == [("started", None, "a"), ("staff", "a", "c")]
    for refused in ("a", "b", "c"):
        with pytest.raises(InvalidTransition) as raised:
            await journeys.advance(session, instance_id=instance.id, now=now, event="staff", to_stage=refused)
        assert (raised.value.current, raised.value.target, raised.value.allowed) == ("c", refused, ["d"])
    with pytest.raises(InvalidInput, match="to_stage"):
        await journeys.advance(session, instance_id=instance.id, now=now, event="staff", to_stage="z")
    with pytest.raises(InvalidInput, match="event"):
        await journeys.advance(session, instance_id=instance.id, now=now, event=" ")
    assert (await journeys.get(session, instance_id=instance.id)).current_stage_key == "c"


async def test_the_event_guard_applies_to_jumps_too(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    instance = await start(session, patient, await onboarding(), now)
    await journeys.advance(session, instance_id=instance.id, now=now, event="answers")
    with pytest.raises(InvalidTransition) as raised:
        await journeys.advance(
            session, instance_id=instance.id, now=now, event="answers", to_stage="follow_up"
        )
    assert raised.value.allowed == [f"appointment.completed.{tag}"]
    await journeys.advance(
        session, instance_id=instance.id, now=now, event=f"appointment.completed.{tag}", to_stage="follow_up"
    )


async def test_cancel(session: AsyncSession, onboarding: Make, patient: Patient, now: datetime) -> None:
    instance = await start(session, patient, await onboarding(), now)
    cancelled = await journeys.cancel(
        session, instance_id=instance.id, now=now, reason="moved away", actor="token:desk"
    )
    assert (cancelled.status, cancelled.current_stage_key) == (JourneyStatus.CANCELLED, None)
    assert (
        await journeys.cancel(session, instance_id=instance.id, now=now)
    ).status == JourneyStatus.CANCELLED
    assert [e.topic for e in await outbox(session, instance.id)] == ["journey.started", "journey.cancelled"]
    with pytest.raises(InvalidTransition, match="cancelled"):
        await journeys.advance(session, instance_id=instance.id, now=now, event="answers")
    with pytest.raises(NotFound):
        await journeys.cancel(session, instance_id=uuid.uuid4(), now=now)
    assert await steps(session, instance) == [("started", None, "intake"), ("cancelled", "intake", None)]


async def test_cancel_refuses_a_completed_journey(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    definition = await onboarding(
        key=f"one-{uuid.uuid4().hex[:8]}", stages=[StageSpec(key="only", name="Only")]
    )
    instance = await start(session, patient, definition, now)
    await journeys.advance(session, instance_id=instance.id, now=now, event="done")
    with pytest.raises(InvalidTransition, match="completed"):
        await journeys.cancel(session, instance_id=instance.id, now=now)


async def test_handle_event_advances_waiting_journeys_and_starts_triggered_ones(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    completed = f"appointment.completed.{tag}"
    onboard = await start(session, patient, await onboarding(), now)
    await journeys.advance(
        session, instance_id=onboard.id, now=now, event="answers"
    )  # now waits for `completed`
    survey = await onboarding(
        key=f"survey-{tag}",
        trigger=completed,
        stages=[StageSpec(key="ask", name="Ask", advance_on=completed), StageSpec(key="thank", name="Thank")],
    )
    later = now + timedelta(days=2)
    touched = await journeys.handle_event(
        session, patient_id=patient.id, event=completed, now=later, context={"appointment_id": "a-1"}
    )
    assert [t.definition.key for t in touched] == [f"onboarding-{tag}", survey.key]
    assert (touched[0].id, touched[0].current_stage_key, touched[0].context) == (
        onboard.id,
        "follow_up",
        {"appointment_id": "a-1"},
    )
    # The journey the event started stays at its first stage although that stage waits for this event.
    assert (touched[1].current_stage_key, touched[1].context) == ("ask", {"appointment_id": "a-1"})
    again = await journeys.handle_event(session, patient_id=patient.id, event=completed, now=later)
    assert [t.id for t in again] == [touched[1].id] and again[0].current_stage_key == "thank"
    assert (
        await journeys.handle_event(session, patient_id=patient.id, event=f"unrelated.{tag}", now=later) == []
    )


async def test_history_breaks_timestamp_ties_by_stage_order(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    instance = await start(session, patient, await onboarding(), now)
    await journeys.advance(session, instance_id=instance.id, now=now, event="answers")
    await journeys.advance(session, instance_id=instance.id, now=now, event=f"appointment.completed.{tag}")
    await journeys.cancel(session, instance_id=instance.id, now=now)
    session.expunge_all()  # read back from the database, where the four rows share one timestamp
    assert [e.to_stage for e in await journeys.history(session, instance_id=instance.id)] == [
        "intake",
        "visit",
        "follow_up",
        None,
    ]


async def test_get_instances_filters(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    first = await start(session, patient, await onboarding(), now)
    other = await onboarding(key=f"other-{tag}")
    second = await start(session, patient, other, now)
    await journeys.cancel(session, instance_id=second.id, now=now)
    everything, total = await journeys.get_instances(session, patient_id=patient.id)
    assert {i.id for i in everything} == {first.id, second.id} and total == 2
    active, _ = await journeys.get_instances(session, patient_id=patient.id, status="active")
    assert [i.id for i in active] == [first.id]
    keyed, _ = await journeys.get_instances(session, patient_id=patient.id, definition_key=other.key)
    assert [i.id for i in keyed] == [second.id]
    with pytest.raises(InvalidInput, match="status"):
        await journeys.get_instances(session, status="paused")
    with pytest.raises(NotFound, match="journey"):
        await journeys.get(session, instance_id=uuid.uuid4())


async def test_events_roll_back_with_the_journey(runtime: Any, now: datetime, tag: str) -> None:
    """History, outbox and audit rows are written in the caller's transaction and vanish with it."""
    async with runtime.sessions() as session, session.begin():
        patient = Patient(
            given_name="Ro", family_name="Back", birth_date=date(1990, 1, 1), phone="+15550199999"
        )
        session.add(patient)
        definition = await journeys.create_definition(
            session, key=f"rollback-{tag}", name="Rollback", stages=[StageSpec(key="only", name="Only")]
        )
        instance = await start(session, patient, definition, now)
        await journeys.advance(session, instance_id=instance.id, now=now, event="done")
        assert [e.topic for e in await outbox(session, instance.id)] == [
            "journey.started",
            "journey.advanced",
        ]
        await session.rollback()
    async with runtime.sessions() as check:
        assert await check.get(JourneyInstance, instance.id) is None
        assert await outbox(check, instance.id) == []
        assert (
            await check.scalar(select(AuditEntry).where(AuditEntry.resource_id == str(instance.id))) is None
        )
