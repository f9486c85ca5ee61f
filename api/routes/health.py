"""Liveness, readiness (Postgres and Redis) and Prometheus metrics."""

from __future__ import annotations

import asyncio
import hmac
import os

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest, multiprocess
from sqlalchemy import text

from api.deps import RuntimeDep, SessionDep
from graphs.dead_letter import dead_lettered
from store.redis_client import ready as redis_ready

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(runtime: RuntimeDep, response: Response) -> dict[str, str]:
    """200 when Postgres and Redis both answer within 2 s, else 503 naming which did not. On a
    Redis Cluster every primary must answer and report `cluster_state:ok`."""
    checks: dict[str, str] = {}

    async def postgres() -> None:
        async with runtime.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def redis() -> None:
        await redis_ready(runtime.redis)

    for name, check in (("postgres", postgres), ("redis", redis)):
        try:
            await asyncio.wait_for(check(), timeout=2)
            checks[name] = "ok"
        except Exception as exc:  # any failure means not ready; the kind is reported, not raised
            checks[name] = f"unavailable: {type(exc).__name__}"
    ready = all(v == "ok" for v in checks.values())
    response.status_code = 200 if ready else 503
    return {"status": "ready" if ready else "unavailable", **checks}


DEAD_LETTERED = Gauge(
    "prm_dead_lettered_messages",
    "Inbound messages whose turn kept failing and was dead-lettered (ever)",
    multiprocess_mode="mostrecent",  # set from the database at each scrape, by whichever process
)


def _exposition() -> bytes:
    """Every API process's metrics when `prm serve` runs several (api/supervisor.py), else this one's."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return generate_latest()
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return generate_latest(registry)


@router.get("/metrics", include_in_schema=False)  # Prometheus text, not part of the API
async def metrics(request: Request, runtime: RuntimeDep, session: SessionDep) -> Response:
    """Prometheus text. With `PRM_METRICS_TOKEN` set it wants that bearer token; in production
    without one it is off (404), since route names and counts say more than a clinic may want."""
    token = runtime.settings.metrics_token
    if token is None and runtime.settings.environment == "production":
        return Response(status_code=404)
    if token is not None:
        sent = request.headers.get("Authorization", "")
        expected = f"Bearer {token.get_secret_value()}"
        if not hmac.compare_digest(sent.encode(), expected.encode()):
            return JSONResponse(
                {
                    "error": "unauthorized",
                    "message": "metrics need Authorization: Bearer <PRM_METRICS_TOKEN>",
                },
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
    # read from the database, so the count covers every worker process, not only this one's
    DEAD_LETTERED.set(await dead_lettered(session))
    return Response(_exposition(), media_type=CONTENT_TYPE_LATEST)
