"""Annotate → dataset: staff mark an agent turn good or bad, say what should have happened, and the
annotated turns download as eval scenarios (the same file `prm eval export --annotated` writes).

The expected outcome is checked against the dataset format (evals/dataset.py `Expect`) before it is
stored, so that every annotation exports to a scenario `prm eval run` accepts.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import ValidationError

from api.console.auth import Acting, SignedIn
from api.console.pages import page
from api.console.views import step_tree, trace
from api.deps import RuntimeDep, SessionDep
from api.routes.common import audit_reads
from evals.dataset import Expect, Outcome, PartOfDay, TicketCategory, TicketPriority
from evals.export import annotated_scenarios, as_jsonl
from store.audit import service as audit
from store.scheduling.specialties import SPECIALTIES
from store.traces import annotations as annotated_turns
from store.traces.models import Verdict

router = APIRouter(prefix="/console", include_in_schema=False)
CHOICES: dict[str, Any] = {
    "outcomes": get_args(Outcome),
    "categories": get_args(TicketCategory),
    "priorities": get_args(TicketPriority),
    "parts_of_day": get_args(PartOfDay),
    "specialties": SPECIALTIES,
}


async def trace_page(
    request: Request,
    session: SessionDep,
    person: SignedIn,
    trace_id: uuid.UUID,
    *,
    error: str | None = None,
    form: dict[str, Any] | None = None,
) -> HTMLResponse:
    """A turn's trace with its annotation form (filled from the saved annotation, or the turn's outcome)."""
    found = await trace(session, reader=person, trace_id=trace_id)
    saved = await annotated_turns.get(session, trace_id=trace_id)
    if form is None:
        form = (
            _form_of(saved.expect, saved.verdict.value, saved.note) if saved else {"outcome": found.outcome}
        )
    return page(
        request,
        "trace.jinja",
        status_code=422 if error else 200,
        person=person,
        trace=found,
        tree=step_tree(found.steps),
        annotation=saved,
        form=form,
        error=error,
        **CHOICES,
    )


def _form_of(expect: dict[str, Any], verdict: str, note: str) -> dict[str, Any]:
    appointment, ticket = expect.get("appointment") or {}, expect.get("ticket") or {}
    return {
        "verdict": verdict,
        "note": note,
        "outcome": expect.get("outcome"),
        "specialty": appointment.get("specialty"),
        "date": appointment.get("date"),
        "part_of_day": appointment.get("part_of_day"),
        "category": ticket.get("category"),
        "priority": ticket.get("priority"),
        "reply_contains": "\n".join(expect.get("reply_contains", [])),
        "reply_not_contains": "\n".join(expect.get("reply_not_contains", [])),
    }


def _expect_of(form: dict[str, Any]) -> dict[str, Any]:
    """The form as the dataset's `expect` object: empty fields left out, one phrase per line."""
    appointment = {k: form[k] for k in ("specialty", "date", "part_of_day") if form.get(k)}
    ticket = {k: form[k] for k in ("category", "priority") if form.get(k)}
    expect: dict[str, Any] = {"outcome": form.get("outcome")}
    if appointment:
        expect["appointment"] = appointment
    if ticket:
        expect["ticket"] = ticket
    for key in ("reply_contains", "reply_not_contains"):
        if lines := [line.strip() for line in str(form.get(key) or "").splitlines() if line.strip()]:
            expect[key] = lines
    checked = Expect.model_validate(expect).model_dump(mode="json", exclude_defaults=True)
    return {"outcome": checked.pop("outcome"), **checked}


@router.post("/traces/{trace_id}/annotation")
async def annotate(
    request: Request,
    trace_id: uuid.UUID,
    person: Acting,
    session: SessionDep,
    verdict: Annotated[str, Form()],
    outcome: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=annotated_turns.NOTE_LIMIT)] = "",
    specialty: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    part_of_day: Annotated[str, Form()] = "",
    category: Annotated[str, Form()] = "",
    priority: Annotated[str, Form()] = "",
    reply_contains: Annotated[str, Form(max_length=2000)] = "",
    reply_not_contains: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    form = {
        "verdict": verdict,
        "note": note,
        "outcome": outcome,
        "specialty": specialty,
        "date": date,
        "part_of_day": part_of_day,
        "category": category,
        "priority": priority,
        "reply_contains": reply_contains,
        "reply_not_contains": reply_not_contains,
    }
    if verdict not in {v.value for v in Verdict}:
        return await trace_page(request, session, person, trace_id, error="Choose good or bad.", form=form)
    try:
        expect = _expect_of(form)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return await trace_page(request, session, person, trace_id, error=problems, form=form)
    await annotated_turns.annotate(
        session, trace_id=trace_id, verdict=verdict, note=note, expect=expect, author=person.actor
    )
    return RedirectResponse(f"/console/traces/{trace_id}#annotation", status_code=303)


@router.get("/annotations")
async def annotation_list(request: Request, person: SignedIn, session: SessionDep) -> HTMLResponse:
    found = await annotated_turns.get_all(session)
    records = [
        (a.trace_id, a.trace.conversation.patient_id) for a in found
    ]  # staff notes about patients' turns
    await audit_reads(session, staff=person, resource_type="trace", records=records)
    return page(request, "annotations.jinja", person=person, annotations=list(reversed(found)))


@router.get("/annotations/scenarios.jsonl")
async def download(person: SignedIn, runtime: RuntimeDep, session: SessionDep) -> Response:
    """Every annotated turn as a scenario, phones, names and birth dates replaced by synthetic ones."""
    scenarios = await annotated_scenarios(session, tz=runtime.settings.tz)
    await audit.record(
        session,
        actor=person.actor,
        action="annotation.export",
        resource_type="trace",
        details={"scenarios": len(scenarios)},
    )
    return PlainTextResponse(
        as_jsonl(scenarios),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="annotated-scenarios.jsonl"'},
    )
