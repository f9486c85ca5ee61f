"""Whole turns for the classes of dates, picks and moves the fourth held-out set found: "first thing"
is early that day, "a week from Friday" counts from that Friday, a day said to be full is not the
one searched, the last specialty named after a self-correction is the one booked, a move relative
to the appointment ("the afternoon of the same day", "same time a week from that") is searched on
the appointment's day, a date said in so many words wins over a relative one, and picks by
position from the end or with a fallback."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from agents.understanding.timewords import next_weekday
from api.runtime import Runtime
from tests.graphs.test_understanding_classes import appointments_of
from tests.instant import NOW, TZ

TODAY = NOW.astimezone(TZ).date()


def _starts(offered: list[Any]) -> list[datetime]:
    return [datetime.fromisoformat(o["start"]).astimezone(TZ) for o in offered]


def _weekday_name(day: date) -> str:
    return day.strftime("%A").lower()


async def test_first_thing_offers_that_weekday_in_the_morning(patient: Any, register: Any) -> None:
    owen = patient()
    await register(owen.phone, "Owen Fairley", "1991-12-03")
    thursday = next_weekday(TODAY, 3)
    await owen.says("could I get cardiology Thursday first thing?")
    starts = _starts(owen.last.state.get("offered", []))
    assert starts, owen.last.reply
    assert all(s.date() == thursday and s.hour < 12 for s in starts), starts


async def test_a_week_from_a_weekday_offers_the_one_after_it(patient: Any, register: Any) -> None:
    wes = patient()
    await register(wes.phone, "Wesley Pruitt", "1972-01-29")
    friday = next_weekday(TODAY, 4) + timedelta(days=7)
    await wes.says("family medicine a week from friday, afternoon")
    starts = _starts(wes.last.state.get("offered", []))
    assert starts and all(s.date() == friday and 12 <= s.hour < 17 for s in starts), starts


async def test_a_day_said_to_be_full_is_not_searched(patient: Any, register: Any) -> None:
    noemi = patient()
    await register(noemi.phone, "Noemi Trujillo", "1992-12-12", language="es")
    monday = next_weekday(TODAY, 0)
    await noemi.says("ya no tenian citas el viernes jaja 💔 el lunes en la tarde hay? medicina familiar")
    starts = _starts(noemi.last.state.get("offered", []))
    assert starts and all(s.date() == monday and s.hour >= 12 for s in starts), starts


async def test_the_specialty_named_after_a_self_correction_is_booked(
    demo: Runtime, patient: Any, register: Any
) -> None:
    camila = patient()
    await register(camila.phone, "Camila Orozco", "1997-02-03", language="es")
    await camila.says("quiero cita con pediatria... no, con medicina familiar, lo antes posible")
    assert camila.last.state.get("gathered", {}).get("specialty") == "family-medicine"
    await camila.says("la primera")
    [(_, booked)] = await appointments_of(demo, camila.phone)
    assert camila.last.outcome == "booked"
    assert booked.start_at is not None


async def test_the_afternoon_of_the_same_day_searches_the_appointments_day(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for words in (
        "mejor cambiamela para la tarde del mismo dia",
        "actually move it to the afternoon of the same day",
    ):
        mara = patient()
        await register(mara.phone, "Mara Quiroga", "1981-08-08", language="es")
        await mara.says("cita de medicina familiar la semana que viene por la mañana")
        await mara.says("1")
        [(_, first)] = await appointments_of(demo, mara.phone)
        day = first.start_at.astimezone(TZ).date()
        await mara.says(words)
        assert mara.last.state.get("task") == "reschedule", words
        starts = _starts(mara.last.state.get("offered", []))
        assert starts and all(s.date() == day and s.hour >= 12 for s in starts), (words, starts)
        await mara.says("la primera")  # the pick among the move's times moves it
        assert mara.last.outcome == "rescheduled", words


async def test_same_time_a_week_from_that_and_a_pick_by_date_and_time(
    demo: Runtime, patient: Any, register: Any
) -> None:
    dana = patient()
    await register(dana.phone, "Dana Whitcombe", "1986-04-04")
    await dana.says("dermatology as soon as possible, in the morning")
    await dana.says("1")
    [(_, first)] = await appointments_of(demo, dana.phone)
    local = first.start_at.astimezone(TZ)
    week_on = local.date() + timedelta(days=7)
    await dana.says("hey sorry, can we do same time a week from that instead?")
    starts = _starts(dana.last.state.get("offered", []))
    assert starts and all(s.date() == week_on for s in starts), starts
    chosen = starts[-1]
    clock = chosen.strftime("%-I:%M").replace(":00", "")
    await dana.says(f"yes the {week_on.day}th at {clock}")  # a pick from the list, not a new search
    if dana.last.outcome == "rescheduled":  # "yes" with the pick agrees to the move
        [(_, moved)] = await appointments_of(demo, dana.phone)
        assert moved.start_at.astimezone(TZ) == chosen
    else:
        picked = (dana.last.state.get("pending") or {}).get("slot")
        assert picked is not None, dana.last.reply
        assert datetime.fromisoformat(picked["start"]).astimezone(TZ) == chosen


async def test_a_date_said_outright_wins_over_a_relative_move(
    demo: Runtime, patient: Any, register: Any
) -> None:
    leah = patient()
    await register(leah.phone, "Leah Brennan", "1985-10-30")
    # two weeks on, so that the day wanted lies outside "the following week" said relative to today
    await leah.says("dermatology in two weeks")
    await leah.says("1")
    [(_, first)] = await appointments_of(demo, leah.phone)
    day = first.start_at.astimezone(TZ).date()
    wanted = day + timedelta(days=8)
    holiday = day + timedelta(days=7)
    await leah.says(
        f"oh wait, can we do same time the following week? {_weekday_name(holiday)} {holiday.day}th is a"
        f" holiday right, so {_weekday_name(wanted)} the {wanted.day}th at 10:30 then"
    )
    starts = _starts(leah.last.state.get("offered", []))
    assert starts and leah.last.state.get("task") == "reschedule", leah.last.reply
    assert all(s.date() == wanted for s in starts) or "nearest" in leah.last.reply.lower(), starts


async def test_the_last_of_the_list_is_booked(demo: Runtime, patient: Any, register: Any) -> None:
    sole = patient()
    await register(sole.phone, "Soledad Ferrer", "1974-09-17", language="es")
    await sole.says("quisiera cita de medicina familiar la semana que viene en la tarde")
    offered = sole.last.state.get("offered", [])
    assert len(offered) > 1
    await sole.says("la ultima de la lista")
    assert sole.last.outcome == "booked", sole.last.reply
    [(_, booked)] = await appointments_of(demo, sole.phone)
    assert booked.start_at == datetime.fromisoformat(offered[-1]["start"])


async def test_a_time_not_offered_with_a_fallback_takes_the_first_offered(
    demo: Runtime, patient: Any, register: Any
) -> None:
    farah = patient()
    await register(farah.phone, "Farah Siddiqui", "1990-06-18")
    await farah.says("family medicine next week in the afternoon")
    offered = farah.last.state.get("offered", [])
    starts = _starts(offered)
    assert starts
    absent = next(
        f"{h}:{m:02d}"
        for h in (9, 10, 11)
        for m in (0, 30)
        if all((s.hour, s.minute) != (h, m) for s in starts)
    )
    await farah.says(f"the {absent} one if it's there, otherwise any")
    assert farah.last.outcome == "booked", farah.last.reply
    [(_, booked)] = await appointments_of(demo, farah.phone)
    assert booked.start_at == datetime.fromisoformat(offered[0]["start"])
