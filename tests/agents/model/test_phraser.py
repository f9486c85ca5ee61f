"""ModelPhraser against the local stub: faithful rephrasings are sent, anything else is not."""

from __future__ import annotations

import pytest

from agents.model import ModelPhraser, TemplatePhraser, make_phraser
from agents.phrasing import say
from agents.understanding import Language
from tests.agents.model.conftest import FAST, MODEL
from tests.fakes.openai_stub import OpenAIStub, error, text, tool_call

BOOKED = say(
    "booked",
    "en",
    specialty="dermatology",
    practitioner="Dr. Patel",
    when="Tuesday, December 8 at 2:30 PM",
    address="12 River Road",
)
BOOKED_WARM = (
    "Great news! You're all set for dermatology with Dr. Patel on Tuesday, December 8 at 2:30 PM, "
    "at 12 River Road. If you need to change or cancel it, just message me here."
)
TICKET = say(
    "ticket_opened", "en", team="billing", reference="3FA2B9C1", next_steps="They reply within a day."
)
RESERVADA = say(
    "booked",
    "es",
    specialty="dermatología",
    practitioner="Dra. García",
    when="martes 8 de diciembre a las 14:30",
    address="12 River Road",
)


def phraser(stub: OpenAIStub) -> ModelPhraser:
    made = make_phraser(MODEL, api_key="sk-test", base_url=f"{stub.url}/v1", timeout_s=5, retry=FAST)
    assert isinstance(made, ModelPhraser)
    return made


async def test_a_faithful_rephrase_is_sent(openai_stub: OpenAIStub) -> None:
    openai_stub.script(text(f"  {BOOKED_WARM}\n"))
    assert await phraser(openai_stub)(BOOKED, language="en") == BOOKED_WARM
    (request,) = openai_stub.requests
    assert request["model"] == MODEL and request["temperature"] == 0 and "tools" not in request
    system, human = request["messages"]
    assert "English" in system["content"] and "Keep every fact" in system["content"]
    assert human == {"role": "user", "content": BOOKED}


async def test_a_faithful_spanish_rephrase_is_sent(openai_stub: OpenAIStub) -> None:
    warm = (
        "¡Listo! Su cita de dermatología con la Dra. García queda reservada para el martes 8 de diciembre "
        "a las 14:30, en 12 River Road. Si necesita cambiarla o cancelarla, escríbame por aquí."
    )
    openai_stub.script(text(warm))
    assert await phraser(openai_stub)(RESERVADA, language="es") == warm
    assert "Spanish" in openai_stub.requests[0]["messages"][0]["content"]


@pytest.mark.parametrize(
    ("original", "rephrased"),
    [
        (BOOKED, BOOKED_WARM.replace("2:30 PM", "3:30 PM")),  # a changed time
        (BOOKED, BOOKED_WARM.replace("Tuesday", "Wednesday")),  # a changed day
        (BOOKED, BOOKED_WARM.replace("Dr. Patel", "Dr. Smith")),  # another practitioner
        (BOOKED, BOOKED_WARM + " Please arrive 15 minutes early."),  # a new number
        (TICKET, "I've passed this to our billing team. They reply within a day."),  # the reference dropped
        (TICKET, TICKET.replace("3FA2B9C1", "3FA2B9C7")),  # the reference changed
        (RESERVADA, RESERVADA.replace("martes", "miércoles")),  # a changed Spanish weekday
        (
            RESERVADA,
            "You're booked: dermatology with Dra. García on martes 8 de diciembre a las 14:30, at 12 River "
            "Road. To change or cancel it, just message me here.",
        ),  # the wrong language
        (BOOKED, ""),  # nothing
    ],
    ids=[
        "time",
        "weekday",
        "practitioner",
        "new-number",
        "dropped-ref",
        "changed-ref",
        "es-weekday",
        "language",
        "empty",
    ],
)
async def test_an_unfaithful_rephrase_is_replaced_by_the_template(
    openai_stub: OpenAIStub, original: str, rephrased: str
) -> None:
    openai_stub.script(text(rephrased))
    language: Language = "es" if original is RESERVADA else "en"
    assert await phraser(openai_stub)(original, language=language) == original


async def test_a_tool_call_instead_of_text_is_not_sent(openai_stub: OpenAIStub) -> None:
    openai_stub.script(tool_call({"reply": BOOKED_WARM}, name="reply"))
    assert await phraser(openai_stub)(BOOKED, language="en") == BOOKED


async def test_failures_after_retries_send_the_template(openai_stub: OpenAIStub) -> None:
    openai_stub.script(error(429), error(500), error(500))
    assert await phraser(openai_stub)(BOOKED, language="en") == BOOKED
    assert len(openai_stub.requests) == 3


async def test_a_rate_limit_is_retried(openai_stub: OpenAIStub) -> None:
    openai_stub.script(error(429), text(BOOKED_WARM))
    assert await phraser(openai_stub)(BOOKED, language="en") == BOOKED_WARM


@pytest.mark.parametrize("key", ["emergency", "emergency_suicidal"])
@pytest.mark.parametrize("language", ["en", "es"])
async def test_emergency_guidance_is_never_rephrased(
    openai_stub: OpenAIStub, key: str, language: str
) -> None:
    reply = say(key, language)
    assert await phraser(openai_stub)(reply, language=language) == reply  # type: ignore[arg-type]
    assert openai_stub.requests == []


async def test_no_model_sends_templates_as_written() -> None:
    made = make_phraser(None)
    assert isinstance(made, TemplatePhraser)
    assert await made(BOOKED, language="en") == BOOKED
