"""Stages that ask the patient something (intake: insurance, allergies, medications; check-ins).

A stage's `asks` are conversational steps of the patient's chat: the agent asks the first one not
yet answered, records the answer in the instance's `context["answers"]`, and once every question
of the stage is answered the journey moves on (event `intake.answered`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import InvalidInput, NotFound
from store.journeys.instances import advance, current_stage
from store.journeys.models import JourneyInstance, JourneyStatus

ANSWERED = "intake.answered"


async def _asking(session: AsyncSession, patient_id: uuid.UUID) -> list[JourneyInstance]:
    query = (
        select(JourneyInstance)
        .where(JourneyInstance.patient_id == patient_id, JourneyInstance.status == JourneyStatus.ACTIVE)
        .order_by(JourneyInstance.created_at, JourneyInstance.id)
    )
    return list(await session.scalars(query))


def _unanswered(instance: JourneyInstance) -> list[str]:
    stage = current_stage(instance)
    answers = instance.context.get("answers", {})
    return [q for q in (stage.asks if stage else []) if q not in answers]


async def pending_question(session: AsyncSession, *, patient_id: uuid.UUID) -> str | None:
    """The first unanswered question of the patient's active journeys, oldest journey first."""
    for instance in await _asking(session, patient_id):
        if questions := _unanswered(instance):
            return questions[0]
    return None


async def record_answer(
    session: AsyncSession,
    *,
    patient_id: uuid.UUID,
    question: str,
    answer: str,
    now: datetime,
    actor: str = "agent",
) -> JourneyInstance:
    """Store the answer on the journey asking `question`; advance it when its stage is fully answered.

    Answering the same question again (a replayed step) overwrites it with the same text and
    advances nothing twice, because the stage has already moved on.
    """
    if not answer.strip():
        raise InvalidInput("answer", "must not be empty")
    for instance in await _asking(session, patient_id):
        if question in _unanswered(instance):
            answers = {**instance.context.get("answers", {}), question: answer.strip()[:1000]}
            instance.context = {**instance.context, "answers": answers}
            await session.flush()
            if not _unanswered(instance):
                return await advance(session, instance_id=instance.id, now=now, event=ANSWERED, actor=actor)
            return instance
    raise NotFound("journey question", question)
