"""Timed actions: due at anchor + offset, once each, within the lateness window, current stage only."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import NotFound
from store.journeys import service as journeys
from store.journeys.models import JourneyDefinition, JourneyInstance
from store.patients.models import Patient

Make = Callable[..., Awaitable[JourneyDefinition]]


async def due(
    session: AsyncSession,
    instance: JourneyInstance,
    now: datetime,
    window: timedelta = journeys.DEFAULT_WINDOW,
) -> list[str]:
    """Templates due for this test's instance (other tests' journeys share the database)."""
    found = await journeys.due_actions(session, now=now, window=window)
    return [a.template for a in found if a.instance_id == instance.id]


async def test_stage_entered_action_is_due_once(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    instance = await journeys.start(
        session, patient_id=patient.id, definition_key=(await onboarding()).key, now=now
    )
    [action] = [a for a in await journeys.due_actions(session, now=now) if a.instance_id == instance.id]
    assert (action.template, action.kind, action.stage_key, action.due_at) == (
        "welcome",
        "send_message",
        "intake",
        now,
    )
    assert (action.patient_id, action.definition_key) == (patient.id, f"onboarding-{tag}")
    assert await journeys.mark_done(session, instance_id=instance.id, key=action.key) is True
    assert await journeys.mark_done(session, instance_id=instance.id, key=action.key) is False
    assert await due(session, instance, now + timedelta(minutes=5)) == []
    assert instance.context["done"] == [action.key]


async def test_actions_follow_the_current_stage_and_its_anchors(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    visit_at = now + timedelta(days=3)
    instance = await journeys.start(
        session,
        patient_id=patient.id,
        definition_key=(await onboarding()).key,
        now=now,
        context={"appointment_start": visit_at.isoformat()},
    )
    entered = now + timedelta(hours=1)
    await journeys.advance(session, instance_id=instance.id, now=entered, event="answers")
    # visit: reminder 24 h before the appointment, nudge 60 min after entering the stage.
    assert await due(session, instance, entered) == []  # the welcome belonged to intake
    assert await due(session, instance, entered + timedelta(minutes=59)) == []
    assert await due(session, instance, entered + timedelta(minutes=60)) == ["nudge"]
    day_before = visit_at - timedelta(days=1)
    week = timedelta(days=7)  # wide enough that the nudge, two days old by then, is still due
    assert await due(session, instance, day_before - timedelta(seconds=1), window=week) == ["nudge"]
    found = [
        a
        for a in await journeys.due_actions(session, now=day_before, window=week)
        if a.instance_id == instance.id
    ]
    assert [(a.template, a.due_at) for a in found] == [
        ("nudge", entered + timedelta(hours=1)),
        ("reminder", day_before),
    ]
    for action in found:
        assert await journeys.mark_done(session, instance_id=instance.id, key=action.key)
    assert await due(session, instance, day_before + timedelta(hours=1), window=week) == []


async def test_a_rescheduled_appointment_earns_its_reminder_again(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime, tag: str
) -> None:
    visit_at = now + timedelta(days=1, hours=2)
    instance = await journeys.start(
        session,
        patient_id=patient.id,
        definition_key=(await onboarding()).key,
        now=now,
        context={"appointment_start": visit_at.isoformat()},
    )
    await journeys.advance(session, instance_id=instance.id, now=now, event="answers")
    check = now + timedelta(hours=2)
    [reminder] = [
        a
        for a in await journeys.due_actions(session, now=check, window=timedelta(minutes=5))
        if a.instance_id == instance.id
    ]
    assert await journeys.mark_done(session, instance_id=instance.id, key=reminder.key)
    moved = visit_at + timedelta(days=2)
    instance.context = {**instance.context, "appointment_start": moved.isoformat()}
    await session.flush()
    assert await due(session, instance, moved - timedelta(days=1), window=timedelta(minutes=5)) == [
        "reminder"
    ]


async def test_late_actions_beyond_the_window_are_dropped(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    instance = await journeys.start(
        session, patient_id=patient.id, definition_key=(await onboarding()).key, now=now
    )
    assert await due(session, instance, now + timedelta(hours=23)) == ["welcome"]
    assert await due(session, instance, now + timedelta(hours=25)) == []
    assert await due(session, instance, now + timedelta(hours=25), window=timedelta(days=2)) == ["welcome"]


async def test_no_appointment_time_means_no_appointment_anchored_action(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    instance = await journeys.start(
        session, patient_id=patient.id, definition_key=(await onboarding()).key, now=now
    )
    await journeys.advance(session, instance_id=instance.id, now=now, event="answers")
    assert await due(session, instance, now + timedelta(hours=2)) == ["nudge"]


async def test_a_claim_fails_once_the_journey_moved_on(
    session: AsyncSession, onboarding: Make, patient: Patient, now: datetime
) -> None:
    instance = await journeys.start(
        session, patient_id=patient.id, definition_key=(await onboarding()).key, now=now
    )
    [welcome] = [a for a in await journeys.due_actions(session, now=now) if a.instance_id == instance.id]
    await journeys.advance(session, instance_id=instance.id, now=now, event="answers")
    assert await journeys.mark_done(session, instance_id=instance.id, key=welcome.key) is False
    await journeys.cancel(session, instance_id=instance.id, now=now)
    assert await due(session, instance, now + timedelta(hours=2)) == []
    with pytest.raises(NotFound):
        await journeys.mark_done(session, instance_id=uuid.uuid4(), key=welcome.key)
