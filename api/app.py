"""The FastAPI application factory and its lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI

from api import console, errors
from api.body_limit import BodyLimit
from api.metrics import MetricsMiddleware
from api.routes import ROUTERS
from api.runtime import Runtime, open_runtime, servers
from api.settings import Settings


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> FastAPI:
    """The app. Given a `runtime` (tests, the CLI) it uses it; otherwise the lifespan builds one."""
    settings = settings or (runtime.settings if runtime else Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if runtime is None:
                urls = stack.enter_context(servers(settings))
                app.state.runtime = await stack.enter_async_context(open_runtime(settings, urls))
            yield

    app = FastAPI(
        title="PRM Agent",
        version="0.1.0",
        summary="Conversational agent backend for clinics: scheduling, tickets, knowledge, journeys.",
        lifespan=lifespan,
        # production hides the API's map unless PRM_PUBLIC_DOCS=true
        docs_url="/docs" if settings.docs_exposed else None,
        redoc_url="/redoc" if settings.docs_exposed else None,
        openapi_url="/openapi.json" if settings.docs_exposed else None,
    )
    if runtime is not None:
        app.state.runtime = runtime
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)  # outermost: before any parsing
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    console.install(app)
    return app
