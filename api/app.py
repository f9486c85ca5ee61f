"""The FastAPI application factory and its lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from api import console, errors
from api.metrics import MetricsMiddleware
from api.routes import ROUTERS
from api.runtime import Runtime, open_runtime, servers
from api.settings import Settings


class BodyLimitMiddleware(BaseHTTPMiddleware):
    """413 for a declared body over the limit, before anything reads it."""

    def __init__(self, app: object, max_bytes: int) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.max_bytes = max_bytes

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            return JSONResponse(
                {"error": "too_large", "message": f"request body over {self.max_bytes} bytes"},
                status_code=413,
            )
        return await call_next(request)


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
    )
    if runtime is not None:
        app.state.runtime = runtime
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    console.install(app)
    return app
