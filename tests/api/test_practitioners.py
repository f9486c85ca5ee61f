"""Staff API for practitioners: anyone on staff reads, only an admin adds."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import func, select

from store.database import transaction
from store.scheduling.models import Practitioner

URL = "/api/v1/prm/practitioners"


async def _count_named(runtime: Any, family_name: str) -> int:
    async with transaction(runtime.sessions) as session:
        query = select(func.count()).where(Practitioner.family_name == family_name)
        return await session.scalar(query) or 0


async def test_admin_adds_staff_reads_and_filters_by_specialty(
    client: httpx.AsyncClient, admin_headers: dict[str, str], staff_headers: dict[str, str]
) -> None:
    family = f"Api{uuid.uuid4().hex[:8]}"
    body = {"given_name": "Rosa", "family_name": family, "specialty": "pediatrics"}
    created = await client.post(URL, json=body, headers=admin_headers)
    assert created.status_code == 201, created.text
    practitioner = created.json()
    assert (practitioner["name"], practitioner["specialty_display"]) == (f"Dr. Rosa {family}", "Pediatrics")

    read = await client.get(f"{URL}/{practitioner['id']}", headers=staff_headers)
    assert read.status_code == 200 and read.json()["id"] == practitioner["id"]
    listed = await client.get(URL, params={"specialty": "pediatrics", "limit": 200}, headers=staff_headers)
    items = listed.json()["items"]
    assert practitioner["id"] in {p["id"] for p in items}
    assert {p["specialty"] for p in items} == {"pediatrics"}


async def test_staff_may_not_add_a_practitioner(
    client: httpx.AsyncClient, staff_headers: dict[str, str], runtime: Any
) -> None:
    family = f"Api{uuid.uuid4().hex[:8]}"
    body = {"given_name": "Rosa", "family_name": family, "specialty": "pediatrics"}
    response = await client.post(URL, json=body, headers=staff_headers)
    assert response.status_code == 403 and "admin" in response.json()["message"]
    assert await _count_named(runtime, family) == 0


async def test_unknown_specialty_is_422_naming_it(
    client: httpx.AsyncClient, admin_headers: dict[str, str], runtime: Any
) -> None:
    listed = await client.get(URL, params={"specialty": "astrology"}, headers=admin_headers)
    assert listed.status_code == 422
    assert (listed.json()["error"], listed.json()["field"]) == ("unknown_specialty", "specialty")
    family = f"Api{uuid.uuid4().hex[:8]}"
    body = {"given_name": "Rosa", "family_name": family, "specialty": "astrology"}
    assert (await client.post(URL, json=body, headers=admin_headers)).status_code == 422
    assert await _count_named(runtime, family) == 0


async def test_unknown_practitioner_is_404(client: httpx.AsyncClient, staff_headers: dict[str, str]) -> None:
    response = await client.get(f"{URL}/{uuid.uuid4()}", headers=staff_headers)
    assert response.status_code == 404


async def test_token_required(client: httpx.AsyncClient) -> None:
    assert (await client.get(URL)).status_code == 401
