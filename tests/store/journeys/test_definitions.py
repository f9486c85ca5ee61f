"""Journey definitions: stages in order, their actions and questions, unique keys, validation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from store.errors import Conflict, InvalidInput, NotFound
from store.journeys import service as journeys
from store.journeys.models import JourneyDefinition
from store.journeys.schemas import StageSpec

Make = Callable[..., Awaitable[JourneyDefinition]]


async def test_create_keeps_stages_in_order_with_asks_and_actions(
    session: AsyncSession, onboarding: Make, tag: str
) -> None:
    definition = await onboarding()
    fetched = await journeys.get_definition(session, key=f"onboarding-{tag}")
    assert fetched.id == definition.id and fetched.active
    assert [(s.position, s.key, s.advance_on) for s in fetched.stages] == [
        (0, "intake", None),
        (1, "visit", f"appointment.completed.{tag}"),
        (2, "follow_up", f"survey.answered.{tag}"),
    ]
    assert fetched.stages[0].asks == ["insurance", "allergies"]
    assert fetched.stages[1].actions[0] == {
        "kind": "send_message",
        "template": "reminder",
        "offset_minutes": -1440,
        "anchor": "appointment_start",
    }


async def test_key_is_unique(session: AsyncSession, onboarding: Make, tag: str) -> None:
    await onboarding()
    with pytest.raises(Conflict, match=f"onboarding-{tag}"):
        await onboarding(name="Another")
    # The refused insert ran in a savepoint: the transaction is still usable.
    assert (await journeys.get_definition(session, key=f"onboarding-{tag}")).name == "New patient onboarding"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"key": "Has Spaces"}, "key"),
        ({"key": ""}, "key"),
        ({"name": "  "}, "name"),
        ({"trigger": " "}, "trigger"),
        ({"stages": []}, "stages"),
        ({"stages": [StageSpec(key="a", name="A"), StageSpec(key="a", name="Again")]}, "stages"),
        ({"stages": [StageSpec(key="a", name=" ")]}, "stages.0.name"),
    ],
)
async def test_bad_definitions_name_the_field(
    onboarding: Make, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        await onboarding(**overrides)
    assert raised.value.field == field


async def test_get_and_list(session: AsyncSession, onboarding: Make, tag: str) -> None:
    with pytest.raises(NotFound, match="journey definition"):
        await journeys.get_definition(session, key=f"missing-{tag}")
    first = await onboarding()
    second = await onboarding(key=f"post-visit-{tag}", trigger=f"appointment.completed.{tag}")
    triggered, total = await journeys.get_definitions(session, trigger=f"appointment.completed.{tag}")
    assert [d.id for d in triggered] == [second.id] and total == 1
    everything, count = await journeys.get_definitions(session, limit=None)
    assert {first.id, second.id} <= {d.id for d in everything} and count >= 2
