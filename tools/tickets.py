"""Ticket tools: open a ticket for staff on behalf of the patient (verified or not)."""

from __future__ import annotations

from store.conversations import inbox
from store.database import transaction
from store.tickets import service as tickets
from tools.context import ToolContext
from tools.schemas import TicketArgs, TicketRef


async def open_ticket(args: TicketArgs, ctx: ToolContext) -> TicketRef:
    """Open a ticket linked to the conversation (and to the patient once verified); idempotent per step."""
    async with transaction(ctx.sessions) as session:
        attachments = []  # what the patient sent with this turn (a photo of a rash, an invoice)
        if ctx.conversation_id is not None:
            attachments = await inbox.pending_media(session, conversation_id=ctx.conversation_id)
        ticket = await tickets.create(
            session,
            category=args.category,
            priority=args.priority,
            summary=args.summary,
            description=args.description,
            patient_id=ctx.patient_id,
            conversation_id=ctx.conversation_id,
            now=ctx.now,
            idempotency_key=ctx.key("ticket", args.category),
            actor=ctx.actor,
            attachments=attachments,
        )
        return TicketRef(
            id=ticket.id,
            reference=ticket.id.hex[:8].upper(),
            category=ticket.category.value,
            priority=ticket.priority.value,
            due_at=ticket.due_at,
        )


async def attach_tickets(ctx: ToolContext) -> int:
    """Give this conversation's tickets opened before the patient was identified to the patient now
    verified (how many); nothing when no one is verified."""
    if ctx.patient_id is None or ctx.conversation_id is None:
        return 0
    async with transaction(ctx.sessions) as session:
        attached = await tickets.attach_to_patient(
            session, conversation_id=ctx.conversation_id, patient_id=ctx.patient_id, actor=ctx.actor
        )
        return len(attached)
