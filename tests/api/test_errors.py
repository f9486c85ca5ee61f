"""One error envelope everywhere in the REST API: `{"error", "message"}`, with `field`/`problems` when
fields are at fault, whether the refusal comes from auth, paging, validation, a domain rule or an
unknown route (it used to be FastAPI's `{"detail"}` for some and `{"error", "fields"}` for others)."""

from __future__ import annotations

import httpx


async def test_every_refusal_has_the_same_shape(
    client: httpx.AsyncClient, staff_headers: dict[str, str]
) -> None:
    cases = [
        (await client.get("/api/v1/prm/patients"), 401, "unauthorized"),  # no token
        (
            await client.get("/api/v1/prm/patients", params={"limit": 0}, headers=staff_headers),
            422,
            "invalid_input",
        ),
        (await client.post("/api/v1/prm/subscribers", json={}, headers=staff_headers), 403, "forbidden"),
        (await client.get("/api/v1/prm/no-such-thing", headers=staff_headers), 404, "not_found"),
        (
            await client.post("/api/v1/prm/tickets", json={"summary": "x"}, headers=staff_headers),
            422,
            "invalid_input",
        ),
        (await client.delete("/healthz"), 405, "method_not_allowed"),
    ]
    for response, status, code in cases:
        body = response.json()
        assert response.status_code == status and body["error"] == code, (status, body)
        assert isinstance(body["message"], str) and body["message"] and "detail" not in body
    assert cases[0][0].headers["www-authenticate"] == "Bearer"
    assert cases[4][0].json()["problems"][0]["field"] == "category"
