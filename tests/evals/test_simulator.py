"""The simulated patient: it answers what the agent waits for from `user.facts`, and knows when to stop."""

from __future__ import annotations

from pathlib import Path

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from evals.dataset import Scenario, load_scenarios
from evals.simulator import REPEATS_BEFORE_GIVING_UP, OfflineSimulator, infer_awaiting, model_simulator

[_, SIMULATED_ES, _, _] = load_scenarios(Path(__file__).parent / "data" / "tiny.jsonl")


def with_facts(**facts: str) -> Scenario:
    return SIMULATED_ES.model_copy(update={"user": SIMULATED_ES.user.model_copy(update={"facts": facts})})


async def test_it_opens_with_the_request_and_answers_each_question_from_the_facts() -> None:
    patient = OfflineSimulator(SIMULATED_ES)
    assert (
        await patient.next_message(replies=[], awaiting=None)
        == "Hola, quisiera una cita de pediatría mañana por la tarde"
    )
    who = await patient.next_message(replies=["¿Nombre y fecha de nacimiento?"], awaiting="identity")
    assert who == "Diego Rodriguez, 30 de octubre de 2016"
    assert await patient.next_message(replies=["1. …\n2. …"], awaiting="choice") == "2"  # "second"
    assert await patient.next_message(replies=["Cita reservada."], awaiting=None) is None  # nothing asked


async def test_without_the_graph_awaiting_the_question_is_read_from_the_wording() -> None:
    assert (
        infer_awaiting("Here are the first free times:\n1. …\nReply with the number of the one") == "choice"
    )
    assert infer_awaiting("Could you tell me your full name and date of birth?") == "identity"
    assert infer_awaiting("You're booked.") is None
    patient = OfflineSimulator(with_facts(reason="a rash", when="next week"))
    assert (
        await patient.next_message(replies=[], awaiting=None)
        == "Hola, necesito una cita por a rash next week"
    )
    assert await patient.next_message(replies=["¿Qué tipo de cita necesita?"], awaiting=None) == "a rash"
    assert (
        await patient.next_message(replies=["¿Y su fecha de nacimiento?"], awaiting=None) is None
    )  # unknown


async def test_it_gives_up_when_the_agent_asks_the_same_thing_again_and_again() -> None:
    patient = OfflineSimulator(with_facts(specialty="dermatología"))
    await patient.next_message(replies=[], awaiting=None)
    answers = [await patient.next_message(replies=["?"], awaiting="specialty") for _ in range(5)]
    assert answers[:REPEATS_BEFORE_GIVING_UP] == ["dermatología"] * REPEATS_BEFORE_GIVING_UP
    assert answers[REPEATS_BEFORE_GIVING_UP] is None


async def test_the_model_simulator_plays_the_facts_and_stops_on_done() -> None:
    model = GenericFakeChatModel(messages=iter([AIMessage("hola, cita pediatría"), AIMessage("DONE.")]))
    patient = model_simulator(model)(SIMULATED_ES)
    assert await patient.next_message(replies=[], awaiting=None) == "hola, cita pediatría"
    assert await patient.next_message(replies=["¿Algo más?"], awaiting=None) is None
    system = patient.history[0].text  # type: ignore[attr-defined]
    assert "Spanish" in system and "name: Diego Rodriguez" in system and "when: mañana por la tarde" in system
