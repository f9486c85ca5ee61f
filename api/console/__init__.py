"""The staff console (/console): pages, their static files, and what to do without a session.

`install(app)` adds the routes, serves the vendored static files from the app itself, and turns
the console's auth refusals into pages: no session → the sign-in page (htmx is told to go there),
a missing CSRF token → 403.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from api.console.auth import CsrfRefused, NeedsSignIn
from api.console.routes import HERE, router


async def _sign_in(request: Request, exc: Exception) -> Response:
    if request.headers.get("HX-Request"):
        return Response(status_code=401, headers={"HX-Redirect": "/console/login"})
    return RedirectResponse("/console/login", status_code=303)


async def _forbidden(request: Request, exc: Exception) -> Response:
    page = "<!doctype html><title>Forbidden</title><p>The form expired: reload the page and try again.</p>"
    return HTMLResponse(page + "<p><a href='/console'>Back</a></p>", 403)


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    app.add_exception_handler(NeedsSignIn, _sign_in)
    app.add_exception_handler(CsrfRefused, _forbidden)
