"""Operations endpoints answer from the real servers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio.cluster import RedisCluster

from api.app import create_app
from api.runtime import ServerUrls, open_runtime
from api.settings import Settings
from store.clock import clock_from
from store.embedded.cluster import EmbeddedValkeyCluster
from store.knowledge.embeddings import Embedder
from tests.instant import NOW


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


@pytest.fixture
async def on_cluster(
    settings: Settings, database_url: str, embedder: Embedder, tmp_path: Path
) -> AsyncIterator[tuple[httpx.AsyncClient, EmbeddedValkeyCluster]]:
    """The app with `REDIS_URL` on a local cluster of its own (the test stops one of its nodes)."""
    with EmbeddedValkeyCluster(tmp_path) as cluster:
        urls = ServerUrls(database_url, cluster.url)
        async with open_runtime(settings, urls, embedder=embedder, clock=clock_from(NOW)) as runtime:
            assert isinstance(runtime.redis, RedisCluster)
            transport = httpx.ASGITransport(app=create_app(runtime=runtime))
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                yield client, cluster


async def test_readyz_on_a_cluster_wants_every_primary(
    on_cluster: tuple[httpx.AsyncClient, EmbeddedValkeyCluster],
) -> None:
    client, cluster = on_cluster
    ready = await client.get("/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ready", "postgres": "ok", "redis": "ok"})
    stopped = cluster.nodes[2].process
    assert stopped is not None
    stopped.terminate()
    stopped.wait()
    down = await client.get("/readyz")
    assert down.status_code == 503
    assert down.json()["redis"].startswith("unavailable: ") and down.json()["postgres"] == "ok"
