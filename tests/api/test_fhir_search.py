"""FHIR search over HTTP: every Patient and Practitioner parameter, _count paging, _total, lenient
handling, and the formats (`_format`, Accept, Content-Type).

The patients share a random tag in their names, phones and record numbers, so a search narrowed
by it only sees this module's patients in the session's shared database.
"""

from __future__ import annotations

import random
import string
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from store.database import transaction
from store.patients import service as patients
from store.scheduling import service as scheduling
from tests.api.fhir_client import BASE, bundle, fhir_json, ids, link, matches, outcome, warnings
from tests.instant import NOW

MRN = "urn:prm:mrn"  # PRM_FHIR_MRN_SYSTEM's default


@dataclass
class People:
    tag: str
    maria: str  # María José Núñez<tag>-Ortiz, female, 1985-04-12, shares a phone with José
    jose: str  # José Núñez<tag>, male, 1990-01-01
    ana: str  # Ana<tag> Smith, no gender, 1979-11-03, a phone of her own
    shared_phone: str
    ana_phone: str
    doctor: str  # Dr. Zoë<tag> Quinn


def _phone() -> str:
    return f"+1555{random.randint(0, 9_999_999):07d}"


@pytest.fixture(scope="module")
async def people(runtime: Any) -> People:
    tag = "".join(random.choices(string.ascii_lowercase, k=8))
    shared, own = _phone(), _phone()
    async with transaction(runtime.sessions) as session:
        maria = await patients.create(
            session,
            given_name="María José",
            family_name=f"Núñez{tag}-Ortiz",
            birth_date=date(1985, 4, 12),
            phone=shared,
            email=f"Maria.{tag}@Example.org",
            gender="female",
            ehr_id=f"MRN-{tag}-1",
            today=NOW.date(),
        )
        jose = await patients.create(
            session,
            given_name="José",
            family_name=f"Núñez{tag}",
            birth_date=date(1990, 1, 1),
            phone=shared,
            gender="male",
            today=NOW.date(),
        )
        ana = await patients.create(
            session,
            given_name=f"Ana{tag}",
            family_name="Smith",
            birth_date=date(1979, 11, 3),
            phone=own,
            today=NOW.date(),
        )
        doctor = await scheduling.create_practitioner(
            session, given_name=f"Zoë{tag}", family_name="Quinn", specialty="pediatrics"
        )
    return People(tag, str(maria.id), str(jose.id), str(ana.id), shared, own, str(doctor.id))


async def _found(client: httpx.AsyncClient, headers: dict[str, str], query: str) -> set[str]:
    return ids(bundle(await client.get(f"{BASE}/Patient?{query}", headers=headers)))


async def test_family_given_and_name_match_word_prefixes_without_case_or_accents(
    client: httpx.AsyncClient, staff_headers: dict[str, str], people: People
) -> None:
    tag, both = people.tag, {people.maria, people.jose}
    for query, expected in (
        (f"family=nunez{tag}", both),  # no accents
        (f"family=N%C3%9A%C3%91EZ{tag.upper()}", both),  # NÚÑEZ, upper case
        (f"family=n%C3%BA%C3%B1ez{tag[:3]}", both),  # a prefix, accented
        (f"family=ortiz&phone={quote(people.shared_phone)}", {people.maria}),  # a later word
        (f"family=nunez{tag}-ortiz", {people.maria}),  # the whole hyphenated name
        (f"given=mar&family=nunez{tag}", {people.maria}),
        (f"given=jose&family=nunez{tag}", both),  # María José's second given name
        (f"given=ana{tag}", {people.ana}),
        (f"name=maria%20jose%20nunez{tag}", {people.maria}),  # several words, in order
        (f"name=ana{tag}", {people.ana}),
        (f"name=nunez{tag},ana{tag}", {people.maria, people.jose, people.ana}),  # a comma ORs
        (f"name=jose&name=nunez{tag}", both),  # a repeat ANDs
        (f"name=osé&family=nunez{tag}", set()),  # a prefix starts a word, it does not sit inside one
        (f"family=zz{tag}", set()),
    ):
        assert await _found(client, staff_headers, query) == expected, query


async def test_id_identifier_phone_email_telecom_gender_and_birthdate(
    client: httpx.AsyncClient, staff_headers: dict[str, str], people: People
) -> None:
    tag, both = people.tag, {people.maria, people.jose}
    family = f"family=nunez{tag}"
    for query, expected in (
        (f"_id={people.maria},{people.ana}", {people.maria, people.ana}),
        ("_id=not-one-of-ours", set()),
        (f"identifier={quote(f'{MRN}|MRN-{tag}-1')}", {people.maria}),
        (f"identifier=MRN-{tag}-1", {people.maria}),  # any system
        (f"identifier={quote(f'http://other.example/mrn|MRN-{tag}-1')}", set()),  # a system we do not keep
        (f"identifier={quote(f'urn:ietf:rfc:3986|urn:uuid:{people.jose}')}", {people.jose}),
        (f"identifier={quote(f'{MRN}|')}&{family}", {people.maria}),  # anyone with a record number
        (f"phone={quote(people.shared_phone)}", both),
        (f"phone={people.shared_phone}", both),  # an unencoded + arrives as a space
        (f"phone={quote(people.shared_phone[2:])}", both),  # national format
        (f"email=MARIA.{tag}@EXAMPLE.ORG", {people.maria}),
        (f"telecom=email|maria.{tag}@example.org", {people.maria}),
        (f"telecom={quote('phone|' + people.ana_phone)}", {people.ana}),
        (f"telecom=maria.{tag}@example.org,{quote(people.ana_phone)}", {people.maria, people.ana}),
        (f"telecom=fax|5550100&{family}", set()),  # a system we never keep: nobody
        (f"gender=female&{family}", {people.maria}),
        (f"gender=http://hl7.org/fhir/administrative-gender|male&{family}", {people.jose}),
        (f"gender=male,female&{family}", both),
        (f"birthdate=1985-04-12&{family}", {people.maria}),
        (f"birthdate=1985-04&{family}", {people.maria}),
        (f"birthdate=ge1986&{family}", {people.jose}),
        (f"birthdate=lt1990-01-01&birthdate=gt1980&{family}", {people.maria}),
    ):
        assert await _found(client, staff_headers, query) == expected, query


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("gender=yes", "gender"),
        ("gender=female&gender=male", "gender"),  # a token is given once; comma-separate alternatives
        ("phone=12", "phone"),
        ("phone=email|a@example.org", "phone"),
        ("email=not-an-address", "email"),
        ("telecom=carrier-pigeon|x", "telecom"),
        ("name=", "name"),
        ("family=%00", "family"),
        ("birthdate=1985-04-12T10:00", "birthdate"),
        ("name:exact=x", "name:exact"),
        ("_total=some", "_total"),
        ("colour=red", "colour"),
    ],
)
async def test_bad_patient_search_values_are_400_naming_the_parameter(
    client: httpx.AsyncClient, staff_headers: dict[str, str], query: str, expression: str
) -> None:
    found = outcome(await client.get(f"{BASE}/Patient?{query}", headers=staff_headers), 400)
    assert found["issue"][0]["expression"] == [expression]


async def test_count_pages_through_next_links_and_total_none_leaves_the_total_out(
    client: httpx.AsyncClient, staff_headers: dict[str, str], people: People
) -> None:
    query = f"family=nunez{people.tag}&_count=1"
    first = bundle(await client.get(f"{BASE}/Patient?{query}", headers=staff_headers))
    assert first["total"] == 2 and len(matches(first)) == 1
    assert link(first, "self") == f"http://127.0.0.1:8000{BASE}/Patient?family=nunez{people.tag}&_count=1"
    next_url = link(first, "next")
    assert next_url is not None and "_offset=1" in next_url
    second = bundle(await client.get(next_url.removeprefix("http://127.0.0.1:8000"), headers=staff_headers))
    assert ids(first) | ids(second) == {people.maria, people.jose}
    assert link(second, "next") is None and link(second, "previous") is not None
    untotalled = bundle(await client.get(f"{BASE}/Patient?{query}&_total=none", headers=staff_headers))
    assert "total" not in untotalled and len(matches(untotalled)) == 1
    assert link(untotalled, "next") is not None


async def test_unknown_parameters_are_ignored_and_reported_when_the_client_is_lenient(
    client: httpx.AsyncClient, staff_headers: dict[str, str], people: People
) -> None:
    query = f"family=nunez{people.tag}&colour=red&given:exact=Jos%C3%A9"
    strict = outcome(await client.get(f"{BASE}/Patient?{query}", headers=staff_headers), 400)
    assert strict["issue"][0]["expression"] == ["colour"]
    lenient = staff_headers | {"Prefer": "handling=lenient"}
    found = bundle(await client.get(f"{BASE}/Patient?{query}", headers=lenient))
    assert ids(found) == {people.maria, people.jose}  # given:exact was ignored, not applied
    assert [w["diagnostics"] for w in warnings(found)] == [
        "ignored unknown search parameters: colour, given:exact"
    ]
    assert link(found, "self") == f"http://127.0.0.1:8000{BASE}/Patient?family=nunez{people.tag}"
    slots = bundle(await client.get(f"{BASE}/Slot?colour=red&_count=0", headers=lenient))
    assert warnings(slots)[0]["severity"] == "warning"


async def test_practitioner_search_by_name_and_identifier(
    client: httpx.AsyncClient, staff_headers: dict[str, str], people: People
) -> None:
    for query, expected in (
        (f"name=zoe{people.tag}", {people.doctor}),
        (f"name=Z%C3%96E{people.tag.upper()}", {people.doctor}),
        (f"name=dr%20zoe{people.tag}%20quinn", {people.doctor}),  # prefix, given and family
        (f"name=zoe{people.tag}&specialty=cardiology", set()),
        (f"identifier={quote(f'urn:ietf:rfc:3986|urn:uuid:{people.doctor}')}", {people.doctor}),
        (f"identifier=urn:uuid:{people.doctor}", {people.doctor}),
        (f"identifier={quote(f'{MRN}|{people.doctor}')}", set()),
    ):
        found = bundle(await client.get(f"{BASE}/Practitioner?{query}", headers=staff_headers))
        assert ids(found) == expected, query


@pytest.mark.parametrize(
    ("headers", "query", "status"),
    [
        ({}, "_format=json", 200),
        ({}, "_format=application/fhir%2Bjson", 200),
        ({}, "_format=xml", 406),
        ({"Accept": "application/fhir+json"}, "", 200),
        ({"Accept": "application/json"}, "", 200),
        ({"Accept": "text/html, */*;q=0.8"}, "", 200),
        ({"Accept": "application/fhir+xml"}, "", 406),
        ({"Accept": "application/fhir+xml"}, "_format=json", 200),  # _format wins over Accept
    ],
)
async def test_json_is_served_whatever_names_it_and_anything_else_is_406(
    client: httpx.AsyncClient,
    staff_headers: dict[str, str],
    people: People,
    headers: dict[str, str],
    query: str,
    status: int,
) -> None:
    response = await client.get(f"{BASE}/Patient/{people.ana}?{query}", headers=staff_headers | headers)
    if status == 200:
        assert fhir_json(response)["id"] == people.ana
    else:
        assert outcome(response, status)["issue"][0]["code"] == "not-supported"


async def test_a_body_that_is_not_json_is_415(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    for content_type in ("application/fhir+xml", "text/plain", "application/x-www-form-urlencoded"):
        response = await client.post(
            f"{BASE}/Patient", content=b"<Patient/>", headers=staff_headers | {"Content-Type": content_type}
        )
        assert outcome(response, 415)["issue"][0]["code"] == "not-supported"


async def test_an_unknown_id_is_404_whatever_its_shape(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    for resource_id in (str(uuid.uuid4()), "not-a-uuid"):
        response = await client.get(f"{BASE}/Patient/{resource_id}", headers=staff_headers)
        assert outcome(response, 404)["issue"][0]["code"] == "not-found"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("DELETE", "/Patient/{id}", 405),
        ("PATCH", "/Patient/{id}", 405),
        ("POST", "/Slot", 405),
        ("GET", "/Patient/{id}/_history", 405),
        ("GET", "/Observation", 404),
        ("POST", "/Appointment/$cancel", 405),
    ],
)
async def test_what_is_not_served_is_an_operation_outcome_too(
    client: httpx.AsyncClient, staff_headers: dict[str, str], method: str, path: str, status: int
) -> None:
    response = await client.request(method, BASE + path.format(id=uuid.uuid4()), headers=staff_headers)
    assert "metadata" in outcome(response, status)["issue"][0]["diagnostics"]


async def test_a_trailing_slash_is_redirected_away(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    response = await client.get(f"{BASE}/Patient/?_count=0", headers=staff_headers)
    assert response.status_code == 307
    assert response.headers["location"] == f"http://testserver{BASE}/Patient?_count=0"


async def test_the_four_token_forms_follow_fhir(
    client: httpx.AsyncClient, staff_headers: dict[str, str], people: People
) -> None:
    """`code` (any system), `system|code`, `|code` (no system: every value we keep has one, so
    nobody) and `system|` (anything in that system); each was mistaken or refused before."""
    tag, both = people.tag, {people.maria, people.jose}
    everyone = {people.maria, people.jose}
    family = f"family=nunez{tag}"
    gender_system = "http://hl7.org/fhir/administrative-gender"
    for query, expected in (
        (f"identifier={quote(f'|MRN-{tag}-1')}", set()),  # Maria's MRN has a system
        (f"identifier={quote('urn:ietf:rfc:3986|')}&{family}", everyone),  # everyone has a record id
        (f"telecom={quote('phone|')}&{family}", everyone),
        (f"telecom={quote('email|')}&{family}", {people.maria}),  # only she has an e-mail
        (f"telecom={quote('|' + people.shared_phone)}", set()),  # a contact point with no system
        (f"phone={quote('phone|')}&{family}", everyone),
        (f"email={quote('email|')}&{family}", {people.maria}),
        (f"gender={quote(gender_system + '|')}&{family}", both),  # anyone with a gender recorded
        (f"gender={quote(gender_system + '|')}&_id={people.ana}", set()),  # Ana has none
        (f"gender={quote('|female')}&{family}", set()),  # a gender always has its (implicit) system
    ):
        assert await _found(client, staff_headers, query) == expected, query
    practitioners = await client.get(
        f"{BASE}/Practitioner?identifier={quote('urn:ietf:rfc:3986|')}&name=zo%C3%AB{tag}",
        headers=staff_headers,
    )
    assert ids(bundle(practitioners)) == {people.doctor}
    nobody = await client.get(
        f"{BASE}/Practitioner?identifier={quote('|urn:uuid:' + people.doctor)}", headers=staff_headers
    )
    assert ids(bundle(nobody)) == set()
    bare_bar = await client.get(f"{BASE}/Patient?identifier=%7C", headers=staff_headers)
    assert outcome(bare_bar, 400)["issue"][0]["expression"] == ["identifier"]
