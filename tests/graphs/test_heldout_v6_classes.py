"""Whole turns for the move classes the blind held-out v6 found: a day said in so many words with
"same time" ("can we do Friday the 3rd instead, same time?", "cámbiemela al miércoles 5 a la misma
hora") is that day at the appointment's own time, and a plain yes then moves it there; a pick among
the times offered for a move the patient asked for is the agreement, with no "Please confirm"."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import TZ

_DAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@pytest.mark.parametrize(
    ("language", "move", "yes"),
    [
        ("en", "sorry, can we do {weekday} the {nth} instead, same time?", "yes thanks"),
        ("es", "ay no, cámbiemela al {dia} {day} a la misma hora", "sí, gracias"),
    ],
)
async def test_a_day_said_outright_with_same_time_is_that_day_at_the_appointments_time(
    demo: Runtime, patient: Any, register: Any, language: str, move: str, yes: str
) -> None:
    ada = patient()
    await register(ada.phone, "Ada Quintero", "1979-09-09", language=language)
    await ada.says("dermatology as soon as possible" if language == "en" else "dermatología lo antes posible")
    await ada.says("1")
    [(_, first)] = await appointments_of(demo, ada.phone)
    booked = first.start_at.astimezone(TZ)
    target = datetime.combine(booked.date() + timedelta(days=7), booked.time(), tzinfo=TZ)
    weekday = target.weekday()
    said = move.format(
        weekday=_DAYS_EN[weekday], nth=_ordinal(target.day), dia=_DAYS_ES[weekday], day=target.day
    )
    await ada.says(said)
    when = ada.last.state.get("gathered", {}).get("when") or {}
    assert ada.last.state.get("task") == "reschedule", said
    assert when.get("near") == target, (said, when)
    starts = [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in ada.last.state.get("offered", [])]
    assert starts, said  # the nearest free times to `target` (on a shifted clock its hour can be full)
    if target in starts:  # free at that very time: a plain yes takes it
        await ada.says(yes)
        assert ada.last.outcome == "rescheduled", ada.last.reply
        [(_, moved)] = await appointments_of(demo, ada.phone)
        assert moved.start_at.astimezone(TZ) == target
