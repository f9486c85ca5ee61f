"""Conversation tools: hand off to staff, record consent."""

from __future__ import annotations

from store.conversations import handoff
from store.database import transaction
from store.patients import service as patients
from tools.context import ToolContext
from tools.schemas import ConsentArgs, HandoffArgs


async def hand_off(args: HandoffArgs, ctx: ToolContext) -> None:
    """Staff own the conversation from now on; the agent stays silent until they release it."""
    async with transaction(ctx.sessions) as session:
        await handoff.hand_off(session, conversation_id=ctx.conversation_id, reason=args.reason, now=ctx.now)


async def update_consent(args: ConsentArgs, ctx: ToolContext) -> int:
    """Record opt-out or opt-in for every patient on the verified phone; returns how many."""
    async with transaction(ctx.sessions) as session:
        return await patients.set_consent(session, phone=ctx.phone, opted_in=args.opted_in, now=ctx.now)
