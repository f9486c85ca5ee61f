"""Booking conversations end to end: real database, real Redis checkpointer, the offline agent."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from api.runtime import Runtime
from store.patients.models import Patient as PatientRow
from store.scheduling.models import Appointment, AppointmentStatus


async def appointments_of(demo: Runtime, phone: str) -> list[Appointment]:
    async with demo.sessions() as session:
        query = (
            select(Appointment)
            .join(PatientRow, PatientRow.id == Appointment.patient_id)
            .where(PatientRow.phone == phone, Appointment.status == AppointmentStatus.BOOKED)
        )
        return list(await session.scalars(query))


@pytest.mark.calendar
async def test_new_patient_books_a_dermatologist_in_three_turns(demo: Runtime, patient: Any) -> None:
    lena = patient()
    reply = await lena.says("Hi, I'd like to see a dermatologist next Tuesday afternoon")
    assert "date of birth" in reply
    reply = await lena.says("Lena Park, 14 Feb 1990")
    assert "Lena" in reply and "1." in reply and "3." in reply and "Tuesday, December 8" in reply
    reply = await lena.says("the first one")
    assert "You're booked" in reply and "1200 Riverside Avenue" in reply
    assert lena.last.outcome == "booked"
    [booked] = await appointments_of(demo, lena.phone)
    local = booked.start_at.astimezone(demo.settings.tz)
    assert booked.specialty == "dermatology"
    assert local.date().isoformat() == "2026-12-08" and 12 <= local.hour < 17


async def test_every_turn_leaves_a_trace_of_nodes_and_tool_calls(
    demo: Runtime, patient: Any, register: Any
) -> None:
    from store.traces import service as traces

    bea = patient()
    await register(bea.phone, "Bea Trace", "1990-01-01")
    await bea.says("book me a dermatologist asap")
    await bea.says("2")
    async with demo.sessions() as session:
        recorded, total = await traces.get_all(session, conversation_id=bea.last.conversation_id)
    assert total == 2
    booking = max(recorded, key=lambda t: t.turn)
    assert booking.outcome == "booked" and booking.reply.startswith("You're booked")
    nodes = [s["name"] for s in booking.steps if s["kind"] == "node"]
    assert nodes[:2] == ["receive", "plan_step"] and "book" in nodes and nodes[-1] == "respond"
    [booked] = [s for s in booking.steps if s["kind"] == "tool" and s["name"] == "book_appointment"]
    assert booked["error"] is None and booked["output"]["status"] == "booked"
    assert booked["duration_ms"] >= 0
