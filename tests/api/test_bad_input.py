"""A corpus of bad input against every endpoint that takes a body, the webhooks included: each gets a
4xx (never a 5xx), and the server is healthy after. The fuzz suite (test_fuzz.py) explores inputs the
schema describes; this one sends what no schema describes: broken encodings, NUL characters,
absurd nesting and sizes, unicode digits, floods of form fields."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from api.app import create_app

DEEP = b"[" * 50_000 + b"]" * 50_000
BODIES: dict[str, tuple[bytes, str]] = {
    "invalid utf-8": (b'{"name": "\xff\xfe\xfa"}', "application/json"),
    "nul characters": (
        b'{"name": "a\\u0000b", "summary": "\\u0000", "body": "x\\u0000"}',
        "application/json",
    ),
    "deep nesting": (DEEP, "application/json"),
    "huge number": (b'{"limit": 1' + b"0" * 5000 + b"}", "application/json"),
    "float overflow": (b'{"duration_seconds": 1e999, "k": 1e400}', "application/json"),
    "not json": (b"{{{{", "application/json"),
    "json scalar": (b"42", "application/json"),
    "10,000 form fields": (
        b"&".join(b"f%d=x" % i for i in range(10_000)),
        "application/x-www-form-urlencoded",
    ),
    "form with nul": (b"Body=a%00b&From=whatsapp%3A%2B15550100001", "application/x-www-form-urlencoded"),
}


def _operations(app: Any) -> list[tuple[str, str]]:
    """Every operation that takes a body (path parameters filled with a valid-looking id)."""
    found = []
    for path, methods in app.openapi()["paths"].items():
        for method in methods:
            if method in {"post", "put", "patch"}:
                found.append((method.upper(), path.replace("{", "").replace("}", "").split("/")))
    blank = "00000000-0000-0000-0000-000000000000"
    return [(method, "/".join(blank if p.endswith("_id") else p for p in parts)) for method, parts in found]


@pytest.mark.parametrize("kind", list(BODIES))
async def test_bad_bodies_get_a_4xx_on_every_endpoint(
    client: httpx.AsyncClient, runtime: Any, admin_headers: dict[str, str], kind: str
) -> None:
    body, content_type = BODIES[kind]
    operations = _operations(create_app(runtime=runtime))
    assert len(operations) > 20
    failures = []
    for method, path in operations:
        response = await client.request(
            method, path, content=body, headers=admin_headers | {"Content-Type": content_type}
        )
        if not 400 <= response.status_code < 500:
            failures.append(f"{method} {path}: {response.status_code}")
    assert failures == []
    assert (await client.get("/healthz")).status_code == 200


@pytest.mark.parametrize(
    "query", ["limit=%C2%B2", "offset=%D9%A3", "limit=1e3", "offset=99999999999999999999999999", "limit=-1"]
)
async def test_unicode_digits_and_huge_numbers_in_queries_are_a_4xx(
    client: httpx.AsyncClient, staff_headers: dict[str, str], query: str
) -> None:
    for path in (
        "/api/v1/prm/patients",
        "/api/v1/prm/tickets",
        "/api/v1/prm/appointments",
        "/fhir/R4/Patient",
    ):
        fhir = (
            query.replace("limit", "_count").replace("offset", "_offset")
            if path.startswith("/fhir")
            else query
        )
        response = await client.get(f"{path}?{fhir}", headers=staff_headers)
        assert 400 <= response.status_code < 500, (path, fhir, response.status_code)


END_OF_CALENDAR = [
    ("GET", "/fhir/R4/Patient?birthdate=9999-12-31", None),
    ("GET", "/fhir/R4/Patient?birthdate=9999", None),
    ("GET", "/fhir/R4/Patient?birthdate=gt9999-12", None),
    ("GET", "/fhir/R4/Slot?start=gt9999-12-31T23:59:59Z", None),
    ("GET", "/fhir/R4/Slot?start=9999-12-31T23:59:59.999999%2B14:00", None),
    ("GET", "/fhir/R4/Appointment?date=9999-12-31", None),
    ("GET", "/fhir/R4/Appointment?date=le9999-12-31&date=ge0001-01-01", None),
    ("POST", "/fhir/R4/Patient", "birthdate=9999-12-31"),
    ("POST", "/fhir/R4/Appointment/$find", None),
]


@pytest.mark.parametrize(("method", "target", "condition"), END_OF_CALENDAR)
async def test_the_last_day_of_the_calendar_is_a_valid_date_not_a_500(
    client: httpx.AsyncClient, staff_headers: dict[str, str], method: str, target: str, condition: str | None
) -> None:
    """The day after 9999-12-31 cannot be held (OverflowError): its period runs to the end of time."""
    headers = staff_headers | {"Content-Type": "application/fhir+json"}
    body: dict[str, Any] | None = None
    if target.endswith("/Patient"):
        headers |= {"If-None-Exist": condition or ""}
        body = {
            "resourceType": "Patient",
            "name": [{"family": "Calendar", "given": ["End"]}],
            "birthDate": "1990-01-01",
            "telecom": [{"system": "phone", "value": "+15550199999"}],
        }
    elif target.endswith("$find"):
        body = {
            "resourceType": "Parameters",
            "parameter": [
                {"name": "start", "valueDate": "9999-12-30"},
                {"name": "end", "valueDate": "9999-12-31"},
            ],
        }
    response = await client.request(method, target, json=body, headers=headers)
    assert response.status_code in (200, 201), (target, response.status_code, response.text)
    found = response.json()
    if found["resourceType"] == "Bundle" and "ge0001-01-01" in target:  # the whole calendar: every one
        everything = await client.get("/fhir/R4/Appointment?_count=0", headers=staff_headers)
        assert found["total"] == everything.json()["total"]
    elif found["resourceType"] == "Bundle":  # nothing is on or after the last day of the calendar
        assert [e for e in found.get("entry", []) if e["search"]["mode"] == "match"] == []
