"""The staff console (/console): pages, their static files, and what to do when a request fails.

`install(app)` adds the routes, serves the vendored static files from the app itself, and turns
refusals and errors under /console into pages rather than the API's JSON: no session → the sign-in
page (htmx is told to go there), a missing CSRF token or a role that may not → 403, a domain error
(a move the workflow forbids, an unknown record) → its 4xx with the message.
"""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from api import errors
from api.console import admin, annotating, tickets
from api.console.auth import CsrfRefused, NeedsSignIn, NotAllowed
from api.console.pages import HERE
from api.console.routes import router
from store.errors import DomainError


def _problem(title: str, message: str, status: int) -> HTMLResponse:
    body = (
        f"<!doctype html><meta charset='utf-8'><link rel='stylesheet' href='/console/static/console.css'>"
        f"<title>{escape(title)}</title><main><h1>{escape(title)}</h1><p class='error'>{escape(message)}</p>"
        "<p><a href='javascript:history.back()'>Back</a> · <a href='/console'>Inbox</a></p></main>"
    )
    return HTMLResponse(body, status)


async def _sign_in(request: Request, exc: Exception) -> Response:
    if request.headers.get("HX-Request"):
        return Response(status_code=401, headers={"HX-Redirect": "/console/login"})
    return RedirectResponse("/console/login", status_code=303)


async def _csrf_refused(request: Request, exc: Exception) -> Response:
    return _problem("Forbidden", "The form expired: reload the page and try again.", 403)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return _problem("Forbidden", "Only admins may open this page.", 403)


def _in_console(request: Request) -> bool:
    return request.url.path == "/console" or request.url.path.startswith("/console/")


async def _domain_error(request: Request, exc: Exception) -> Response:
    response = await errors.domain_error(request, exc)
    if not _in_console(request):
        return response
    assert isinstance(exc, DomainError)
    return _problem("That did not work", exc.message, response.status_code)


async def _invalid_input(request: Request, exc: Exception) -> Response:
    response = await errors.validation_error(request, exc)
    if not _in_console(request):
        return response
    assert isinstance(exc, RequestValidationError)
    fields = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
    return _problem("Please check the form", fields, response.status_code)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if not _in_console(request) or exc.status_code < 400:
        return await errors.http_error(request, exc)
    return _problem("That did not work", str(exc.detail), exc.status_code)


def install(app: FastAPI) -> None:
    for part in (router, tickets.router, annotating.router, admin.router):
        app.include_router(part)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    app.add_exception_handler(NeedsSignIn, _sign_in)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(NotAllowed, _not_allowed)
    app.add_exception_handler(DomainError, _domain_error)  # replaces api.errors' own, for /console only
    app.add_exception_handler(RequestValidationError, _invalid_input)
    app.add_exception_handler(HTTPException, _http_error)
