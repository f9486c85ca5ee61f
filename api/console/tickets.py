"""The console's ticket queues: urgent first, filtered by queue, status and assignee; one ticket with
its thread, and the actions staff take on it (assign, comment, move along the workflow).

Every action goes through store/tickets/service.py, as the REST API does, audited with the person.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.console.auth import Acting, SignedIn
from api.console.pages import page
from api.deps import NowDep, SessionDep
from api.routes.common import audit_reads
from store.auth import users
from store.tickets import service as tickets
from store.tickets.models import TicketCategory, TicketStatus

router = APIRouter(prefix="/console/tickets", include_in_schema=False)
SHOWN = 200


@router.get("")
async def queue(
    request: Request,
    person: SignedIn,
    session: SessionDep,
    category: str | None = None,
    status: str = TicketStatus.OPEN.value,
    mine: bool = False,
) -> HTMLResponse:
    """Tickets most urgent and soonest due first: the queue staff work through."""
    try:
        chosen = TicketCategory(category) if category else None
        state = TicketStatus(status)
    except ValueError as error:
        raise HTTPException(422, f"filter: {error}") from None
    found, total = await tickets.get_all(
        session,
        status=state,
        category=chosen,
        assignee_id=person.user.id if mine else None,
        limit=SHOWN,
    )
    await audit_reads(
        session, staff=person, resource_type="ticket", records=[(t.id, t.patient_id) for t in found]
    )
    return page(
        request,
        "tickets.jinja",
        person=person,
        tickets=found,
        total=total,
        category=category,
        status=state.value,
        mine=mine,
        categories=list(TicketCategory),
        statuses=list(TicketStatus),
    )


@router.get("/{ticket_id}")
async def ticket(
    request: Request, ticket_id: uuid.UUID, person: SignedIn, session: SessionDep
) -> HTMLResponse:
    found = await tickets.get(session, ticket_id=ticket_id)
    staff = [u for u in await users.get_all(session) if u.active]
    await audit_reads(session, staff=person, resource_type="ticket", records=[(found.id, found.patient_id)])
    return page(
        request,
        "ticket.jinja",
        person=person,
        ticket=found,
        staff=staff,
        assignee=next((u for u in staff if u.id == found.assignee_id), None),
        moves=tickets.allowed(found.status),
    )


def _back(ticket_id: uuid.UUID) -> RedirectResponse:
    return RedirectResponse(f"/console/tickets/{ticket_id}", status_code=303)


@router.post("/{ticket_id}/assign")
async def assign(
    ticket_id: uuid.UUID,
    person: Acting,
    session: SessionDep,
    assignee: Annotated[str, Form()] = "",
) -> Response:
    """`assignee`: a staff user's id, `me`, or empty for nobody."""
    try:
        chosen = person.user.id if assignee == "me" else uuid.UUID(assignee) if assignee else None
    except ValueError:
        raise HTTPException(422, "assignee: not a staff user's id") from None
    await tickets.assign(session, ticket_id=ticket_id, assignee_id=chosen, actor=person.actor)
    return _back(ticket_id)


@router.post("/{ticket_id}/comment")
async def comment(
    ticket_id: uuid.UUID,
    person: Acting,
    session: SessionDep,
    body: Annotated[str, Form(min_length=1, max_length=10_000)],
) -> Response:
    """A private note on the ticket: staff see it, the patient never does."""
    await tickets.comment(session, ticket_id=ticket_id, author=person.actor, body=body.strip())
    return _back(ticket_id)


@router.post("/{ticket_id}/transition")
async def transition(
    ticket_id: uuid.UUID,
    person: Acting,
    session: SessionDep,
    now: NowDep,
    to: Annotated[str, Form()],
) -> Response:
    await tickets.transition(session, ticket_id=ticket_id, to=to, now=now, actor=person.actor)
    return _back(ticket_id)
