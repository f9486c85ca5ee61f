"""`GET /fhir/R4/metadata`: a valid R4 CapabilityStatement, served without a token, that says exactly
what the routes do: every search parameter it lists is accepted, every interaction it lists answers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from api.routes.fhir_http import FHIR_BASE
from api.routes.fhir_metadata import supported
from store.fhir import params
from tests.api.fhir_client import BASE, fhir_json, outcome

IHE = "https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-"


async def _statement(client: httpx.AsyncClient) -> dict[str, Any]:
    statement = fhir_json(await client.get(f"{BASE}/metadata"))  # no Authorization header
    assert statement["resourceType"] == "CapabilityStatement"
    return statement


def _resources(statement: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["type"]: r for r in statement["rest"][0]["resource"]}


async def test_metadata_is_a_valid_capability_statement_served_without_a_token(
    client: httpx.AsyncClient,
) -> None:
    statement = await _statement(client)
    assert statement["fhirVersion"] == "4.0.1" and statement["kind"] == "instance"
    assert statement["status"] == "active" and "application/fhir+json" in statement["format"]
    assert statement["implementation"]["url"] == f"http://127.0.0.1:8000{BASE}"
    assert statement["rest"][0]["mode"] == "server"
    assert list(_resources(statement)) == ["Patient", "Practitioner", "Schedule", "Slot", "Appointment"]


async def test_it_states_each_resources_interactions_versioning_and_operations(
    client: httpx.AsyncClient,
) -> None:
    resources = _resources(await _statement(client))
    interactions = {name: {i["code"] for i in r["interaction"]} for name, r in resources.items()}
    assert interactions == {
        "Patient": {"read", "vread", "update", "create", "search-type"},
        "Practitioner": {"read", "search-type"},
        "Schedule": {"read", "search-type"},
        "Slot": {"read", "search-type"},
        "Appointment": {"read", "search-type"},
    }
    patient = resources["Patient"]
    assert patient["conditionalCreate"] is True and patient["versioning"] == "versioned-update"
    assert patient["updateCreate"] is False and patient["conditionalUpdate"] is False
    assert resources["Slot"]["versioning"] == "no-version" and resources["Slot"]["conditionalCreate"] is False
    assert resources["Appointment"]["operation"] == [
        {"name": op, "definition": IHE + op} for op in ("find", "hold", "book")
    ]


async def test_its_search_parameters_are_the_declared_ones_and_each_is_accepted(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    resources = _resources(await _statement(client))
    for name, resource in resources.items():
        listed = [(p["name"], p["type"], p.get("definition")) for p in resource["searchParam"]]
        assert listed == [(p.name, p.type, p.definition) for p in params.SEARCH[name]]
        for param in resource["searchParam"]:  # strict handling: a name the route did not know is a 400
            response = await client.get(f"{BASE}/{name}?{param['name']}=x&_count=0", headers=staff_headers)
            if response.status_code == 400:
                diagnostics = outcome(response, 400)["issue"][0]["diagnostics"]
                assert "unknown search parameter" not in diagnostics, (name, param["name"])
            else:
                assert response.status_code == 200, (name, param["name"], response.text)
    assert (
        resources["Patient"]["searchParam"][0]["definition"]
        == "http://hl7.org/fhir/SearchParameter/Resource-id"
    )
    patient = {p["name"] for p in resources["Patient"]["searchParam"]}
    assert patient == {
        "_id",
        "identifier",
        "name",
        "family",
        "given",
        "birthdate",
        "phone",
        "email",
        "telecom",
        "gender",
    }


async def test_every_interaction_it_lists_is_answered(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    """Not a 404 or 405 from the router: each listed interaction reaches a handler."""
    resources = _resources(await _statement(client))
    missing = "00000000-0000-0000-0000-000000000000"
    requests = {
        "read": ("GET", "/{type}/" + missing),
        "vread": ("GET", "/{type}/" + missing + "/_history/1"),
        "search-type": ("GET", "/{type}?_count=0"),
        "create": ("POST", "/{type}"),
        "update": ("PUT", "/{type}/" + missing),
    }
    for name, resource in resources.items():
        for interaction in resource["interaction"]:
            method, path = requests[interaction["code"]]
            response = await client.request(
                method, BASE + path.format(type=name), json={}, headers=staff_headers
            )
            body = fhir_json(response, response.status_code)
            assert response.status_code == 200 or body["issue"][0]["code"] != "not-supported", (
                name,
                interaction,
            )
            assert response.status_code != 405 or "POST" in body["issue"][0]["diagnostics"]


def test_a_new_route_shows_up_without_anything_else_to_change() -> None:
    router = APIRouter(prefix=FHIR_BASE)

    @router.get("/Location/{resource_id}")
    async def read_location(resource_id: str) -> None: ...

    @router.post("/Location/$near")
    async def near() -> None: ...

    app = FastAPI()
    app.include_router(router)
    (location,) = supported(app.openapi()["paths"])
    assert location.type == "Location" and location.interactions == {"read"}
    assert location.operations == ("near",) and location.search_params == ()


@pytest.mark.parametrize(
    ("query", "status"), [("mode=full", 200), ("mode=terminology", 400), ("_format=xml", 406)]
)
async def test_metadata_modes_and_formats(client: httpx.AsyncClient, query: str, status: int) -> None:
    fhir_json(await client.get(f"{BASE}/metadata?{query}"), status)
