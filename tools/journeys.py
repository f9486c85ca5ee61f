"""Journey tools: let events advance the patient's journeys and record intake answers."""

from __future__ import annotations

from store.database import transaction
from store.journeys import service as journeys
from tools.context import ToolContext
from tools.schemas import IntakeAnswerArgs, JourneyEventArgs


async def record_journey_event(args: JourneyEventArgs, ctx: ToolContext) -> list[str]:
    """Advance or start the verified patient's journeys on `event`; returns their current stages."""
    patient_id = ctx.require_patient("record_journey_event")
    context = {"appointment_start": args.appointment_start.isoformat()} if args.appointment_start else None
    async with transaction(ctx.sessions) as session:
        touched = await journeys.handle_event(
            session, patient_id=patient_id, event=args.event, now=ctx.now, context=context, actor=ctx.actor
        )
        return [f"{i.definition.key}:{i.current_stage_key}" for i in touched]


async def record_intake_answer(args: IntakeAnswerArgs, ctx: ToolContext) -> None:
    """Store an intake answer on the patient's onboarding journey (advancing it when complete)."""
    patient_id = ctx.require_patient("record_intake_answer")
    async with transaction(ctx.sessions) as session:
        await journeys.record_answer(
            session, patient_id=patient_id, question=args.question, answer=args.answer, now=ctx.now
        )


async def pending_intake_question(ctx: ToolContext) -> str | None:
    """The next unanswered intake question of the verified patient's journeys, if any."""
    patient_id = ctx.require_patient("pending_intake_question")
    async with transaction(ctx.sessions) as session:
        return await journeys.pending_question(session, patient_id=patient_id)
