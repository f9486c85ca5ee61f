"""The parts of an outbound message as posted to Twilio: what makes a lost answer "maybe sent", not unknown.

A part's row is written before each post (`record_post`) and completed with Twilio's SID once it
is known (`record_sid`) — from the post's answer, or from a look-up in Twilio's list after an
answer was lost. A row without a SID is a part that may or may not be at Twilio: whoever sends it
next looks it up first (channels/outbound.py, channels/twilio/sender.py). Times are Twilio's clock
(real UTC), compared only with the `date_created` of Twilio's list, never with the clinic's clock.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, not_, select, union
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from store.conversations.models import Direction, Message, MessagePart


async def get(session: AsyncSession, *, message_id: uuid.UUID, part: int) -> MessagePart | None:
    return await session.get(MessagePart, (message_id, part), populate_existing=True)


async def record_post(session: AsyncSession, *, message_id: uuid.UUID, part: int, at: datetime) -> None:
    """A post of the part begins at `at`: the first one opens the window a later look-up searches."""
    statement = insert(MessagePart).values(
        message_id=message_id, part=part, first_attempt_at=at, last_attempt_at=at
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[MessagePart.message_id, MessagePart.part],
            set_={"last_attempt_at": statement.excluded.last_attempt_at},
        )
    )


async def record_sid(session: AsyncSession, *, message_id: uuid.UUID, part: int, sid: str) -> bool:
    """Twilio's SID for the part; False when that SID is already another part's (a look-up matched a
    message someone else has claimed since: the caller looks again). Two claims racing for one SID
    end in the unique constraint's error for the later one."""
    owner = await session.scalar(select(MessagePart).where(MessagePart.provider_sid == sid))
    if owner is not None:
        return (owner.message_id, owner.part) == (message_id, part)
    row = await get(session, message_id=message_id, part=part)
    if row is None:
        raise LookupError(f"part {part} of message {message_id} was never posted (record_post first)")
    row.provider_sid = sid
    await session.flush()
    return True


async def taken(
    session: AsyncSession, *, conversation_id: uuid.UUID, message_id: uuid.UUID, part: int
) -> set[str]:
    """Every Twilio SID already recorded for the conversation, but this part's: a look-up must never
    take another message (say, an identical "Thank you" sent earlier) as this one."""
    parts = (
        select(MessagePart.provider_sid)
        .join(Message, Message.id == MessagePart.message_id)
        .where(
            Message.conversation_id == conversation_id,
            MessagePart.provider_sid.is_not(None),
            not_(and_(MessagePart.message_id == message_id, MessagePart.part == part)),
        )
    )
    messages = select(Message.provider_message_id).where(  # sends recorded before parts were
        Message.conversation_id == conversation_id,
        Message.direction == Direction.OUTBOUND,
        Message.provider_message_id.is_not(None),
        Message.id != message_id,
    )
    return {sid for sid in await session.scalars(union(parts, messages)) if sid}
