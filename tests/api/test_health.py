"""Operations endpoints answer from the real servers."""

from __future__ import annotations

import httpx


async def test_healthz_and_readyz(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "postgres": "ok", "redis": "ok"}


async def test_metrics_in_prometheus_format(client: httpx.AsyncClient) -> None:
    await client.get("/healthz")
    response = await client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    assert 'prm_http_requests_total{method="GET",route="/healthz",status="200"}' in response.text
    assert "\nprm_dead_lettered_messages " in response.text  # read from the database at each scrape


async def test_oversized_body_is_refused_with_413(client: httpx.AsyncClient) -> None:
    response = await client.post("/healthz", content=b"x" * 2_000_000)
    assert response.status_code == 413
    assert "request body over" in response.json()["message"]
