"""Staff API for slot search: defaults, filters, clinic-time rendering and bad input."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from store.database import transaction
from store.scheduling import service as scheduling

URL = "/api/v1/prm/slots"
TZ = ZoneInfo("America/New_York")  # the test settings' PRM_CLINIC_TZ default


async def _practitioner(runtime: Any, first_day: date, specialty: str = "orthopedics") -> SimpleNamespace:
    """A practitioner of this test's own with a week of the standard grid from `first_day`."""
    async with transaction(runtime.sessions) as session:
        location = await scheduling.create_location(
            session, name="Api", address_line="1 A St", city="A", state="NY", postal_code="1", timezone=TZ.key
        )
        practitioner = await scheduling.create_practitioner(
            session, given_name="Ann", family_name=f"Api{uuid.uuid4().hex[:6]}", specialty=specialty
        )
        schedule = await scheduling.create_schedule(
            session, practitioner_id=practitioner.id, location_id=location.id
        )
        slots = await scheduling.create_slots(
            session, schedule_id=schedule.id, intervals=scheduling.weekday_grid(first_day, 7, TZ)
        )
    return SimpleNamespace(practitioner=practitioner, slots=slots)


async def test_defaults_search_from_now_for_fourteen_days(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    mine = await _practitioner(runtime, runtime.clock().astimezone(TZ).date() + timedelta(days=1))
    params = {"practitioner_id": str(mine.practitioner.id), "limit": 3}
    response = await client.get(URL, params=params, headers=staff_headers)
    assert response.status_code == 200, response.text
    body = response.json()
    start, end = datetime.fromisoformat(body["start"]), datetime.fromisoformat(body["end"])
    # fourteen days on the clinic's wall clock (across a DST change that is 14 days ± 1 hour)
    assert end.replace(tzinfo=None) - start.replace(tzinfo=None) == timedelta(days=14)
    assert abs(start - runtime.clock()) < timedelta(minutes=1)
    assert [s["id"] for s in body["items"]] == [str(s.id) for s in mine.slots[:3]]
    first = body["items"][0]
    assert first["start"] == mine.slots[0].start_at.astimezone(TZ).isoformat()
    assert first["start"].endswith(("-05:00", "-04:00")) and first["start"][11:16] == "09:00"
    assert (first["specialty"], first["status"], first["location"]) == ("orthopedics", "free", "Api")


async def test_specialty_and_part_of_day_in_a_window(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    monday = date(2400, 1, 3) + timedelta(weeks=random.randint(0, 20_000))
    mine = await _practitioner(runtime, monday, specialty="dermatology")
    params = {
        "specialty": "dermatology",
        "start": f"{monday.isoformat()}T00:00:00",  # no offset: clinic-local
        "end": f"{(monday + timedelta(days=1)).isoformat()}T00:00:00",
        "part_of_day": "afternoon",
        "limit": 100,
    }
    response = await client.get(URL, params=params, headers=staff_headers)
    items = response.json()["items"]
    assert [i["id"] for i in items] == [str(s.id) for s in mine.slots[6:14]]  # 13:00 .. 16:30
    assert {i["start"][11:13] for i in items} == {"13", "14", "15", "16"}


async def test_bad_search_input_is_422_naming_the_problem(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    unknown = await client.get(URL, params={"specialty": "astrology"}, headers=staff_headers)
    assert unknown.status_code == 422 and unknown.json()["field"] == "specialty"
    backwards = await client.get(
        URL, params={"start": "2030-01-02T09:00:00Z", "end": "2030-01-01T09:00:00Z"}, headers=staff_headers
    )
    assert backwards.status_code == 422 and backwards.json()["field"] == "end"
    night = await client.get(URL, params={"part_of_day": "night"}, headers=staff_headers)
    assert night.status_code == 422 and "part_of_day" in night.json()["message"]
    malformed = await client.get(URL, params={"practitioner_id": "7"}, headers=staff_headers)
    assert malformed.status_code == 422 and "practitioner_id" in malformed.json()["message"]


async def test_single_slot_and_unknown_slot(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    mine = await _practitioner(runtime, runtime.clock().astimezone(TZ).date() + timedelta(days=1))
    found = await client.get(f"{URL}/{mine.slots[0].id}", headers=staff_headers)
    assert found.status_code == 200 and found.json()["practitioner_id"] == str(mine.practitioner.id)
    assert (await client.get(f"{URL}/{uuid.uuid4()}", headers=staff_headers)).status_code == 404


async def test_token_required(client: httpx.AsyncClient) -> None:
    assert (await client.get(URL)).status_code == 401
