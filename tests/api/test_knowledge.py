"""Staff API for the knowledge base: search (staff), list documents (staff), add one (admin only).

The session database is shared, so each test posts documents about a made-up word of its own,
searches for that word, and deletes its documents afterwards.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from store.audit.models import AuditEntry
from store.knowledge import service as knowledge

BASE = "/api/v1/prm/knowledge"


@pytest.fixture
async def cleanup(runtime: Any) -> AsyncIterator[list[str]]:
    """Ids of documents the test created, deleted when it ends."""
    created: list[str] = []
    yield created
    async with runtime.sessions() as session, session.begin():
        for document_id in set(created):
            await knowledge.delete(session, document_id=uuid.UUID(document_id))


def word() -> str:
    return "zorblax" + secrets.token_hex(3)


def body(term: str, **extra: Any) -> dict[str, Any]:
    text = f"# The {term} room\n\nThe {term} room is on the third floor, next to radiology.\n"
    return {"title": f"The {term} room", "text": text} | extra


async def test_admin_adds_a_document_and_staff_find_it(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    staff_headers: dict[str, str],
    runtime: Any,
    cleanup: list[str],
) -> None:
    term = word()
    created = await client.post(f"{BASE}/documents", json=body(term), headers=admin_headers)
    assert created.status_code == 201, created.text
    document = created.json()
    cleanup.append(document["id"])
    assert (document["title"], document["language"], document["chunks"]) == (f"The {term} room", "en", 1)
    assert document["source"].startswith("api/") and len(document["content_sha256"]) == 64

    found = await client.get(
        f"{BASE}/search", params={"q": f"where is the {term} room?"}, headers=staff_headers
    )
    assert found.status_code == 200
    hits = found.json()
    assert 1 <= len(hits) <= 5
    assert set(hits[0]) == {"document_id", "title", "source", "text", "score"}
    assert hits[0]["document_id"] == document["id"]
    assert hits[0]["text"].startswith(f"The {term} room\n\n") and hits[0]["score"] > 0.5

    async with runtime.sessions() as session:
        entries = list(
            await session.scalars(select(AuditEntry).where(AuditEntry.resource_id == document["id"]))
        )
    assert [(e.action, e.actor, e.patient_id) for e in entries] == [
        ("knowledge.ingest", "token:test-admin", None)
    ]


async def test_posting_again_is_idempotent_and_a_source_makes_it_replaceable(
    client: httpx.AsyncClient, admin_headers: dict[str, str], cleanup: list[str]
) -> None:
    term = word()
    first = (await client.post(f"{BASE}/documents", json=body(term), headers=admin_headers)).json()
    again = (await client.post(f"{BASE}/documents", json=body(term), headers=admin_headers)).json()
    assert again["id"] == first["id"] and again["content_sha256"] == first["content_sha256"]

    source = f"test/{term}.md"
    one = (
        await client.post(f"{BASE}/documents", json=body(term, source=source), headers=admin_headers)
    ).json()
    changed = body(term, source=source, language="es")
    changed["text"] += "\n## Horario\n\nAbre de 9 a 5.\n"
    two = (await client.post(f"{BASE}/documents", json=changed, headers=admin_headers)).json()
    cleanup.extend([first["id"], one["id"]])
    assert two["id"] == one["id"] != first["id"]
    assert (two["chunks"], two["language"]) == (2, "es") and two["content_sha256"] != one["content_sha256"]


async def test_documents_are_listed_in_the_page_envelope(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    staff_headers: dict[str, str],
    cleanup: list[str],
) -> None:
    created = (await client.post(f"{BASE}/documents", json=body(word()), headers=admin_headers)).json()
    cleanup.append(created["id"])
    listed = await client.get(f"{BASE}/documents", params={"limit": 200}, headers=staff_headers)
    assert listed.status_code == 200
    page = listed.json()
    assert (page["limit"], page["offset"]) == (200, 0) and page["total"] >= 1
    assert created in page["items"]


async def test_only_admins_add_documents_and_only_staff_search(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    refused = await client.post(f"{BASE}/documents", json=body(word()), headers=staff_headers)
    assert refused.status_code == 403
    assert (await client.get(f"{BASE}/search", params={"q": "parking"})).status_code == 401
    assert (await client.get(f"{BASE}/documents")).status_code == 401


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({}, "q"),
        ({"q": "parking", "k": 0}, "k"),
        ({"q": "parking", "k": 51}, "k"),
        ({"q": "parking", "k": "many"}, "k"),
    ],
)
async def test_bad_search_parameters_are_422_naming_the_parameter(
    client: httpx.AsyncClient, staff_headers: dict[str, str], params: dict[str, Any], field: str
) -> None:
    response = await client.get(f"{BASE}/search", params=params, headers=staff_headers)
    assert response.status_code == 422
    assert field in response.json()["message"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "body"}, "title"),
        ({"title": "T", "text": ""}, "text"),
        ({"title": "T", "text": "   "}, "text"),
        ({"title": "T", "text": "body", "language": "x"}, "language"),
        ({"title": "T", "text": "body", "tags": ["x"]}, "tags"),
    ],
)
async def test_bad_documents_are_422_naming_the_field_and_store_nothing(
    client: httpx.AsyncClient,
    admin_headers: dict[str, str],
    runtime: Any,
    payload: dict[str, Any],
    field: str,
) -> None:
    async with runtime.sessions() as session:
        _, before = await knowledge.get_documents(session)
    response = await client.post(f"{BASE}/documents", json=payload, headers=admin_headers)
    assert response.status_code == 422
    assert field in response.json()["message"]
    async with runtime.sessions() as session:
        _, after = await knowledge.get_documents(session)
    assert after == before
