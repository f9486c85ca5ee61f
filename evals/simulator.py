"""The simulated patient of scenarios without scripted `turns`: it answers what the agent waits for.

Offline (the default) it is deterministic: the answer to each question comes from the scenario's
`user.facts`, worded in the scenario's language, so a run is reproducible and a failure is the
agent's, not the simulator's. What the agent waits for is the graph's own `awaiting` when the
sandbox can tell, else read from the reply's wording. With a model configured, `ModelSimulator`
plays the same facts more like a person would (temperature 0, so still repeatable).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from agents.phrasing.format import MONTHS
from evals.dataset import Scenario

REPEATS_BEFORE_GIVING_UP = 3  # the same answer to the same question: the agent is stuck
DONE = "DONE"
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "primera": 1, "primero": 1, "segunda": 2, "segundo": 2,
    "tercera": 3, "tercero": 3, "1": 1, "2": 2, "3": 3,
}  # fmt: skip
WORDS = {
    "en": {"yes": "yes", "none": "none", "asap": "as soon as possible"},
    "es": {"yes": "sí", "none": "ninguno", "asap": "lo antes posible"},
}
# The agent's wording when the graph's `awaiting` is not available, most specific first.
QUESTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("choice", re.compile(r"reply with the number|responda con el n[uú]mero", re.I)),
    ("confirm", re.compile(r"reply yes or no|responda s[ií] o no", re.I)),
    ("identity", re.compile(r"date of birth|fecha de nacimiento", re.I)),
    ("specialty", re.compile(r"what kind of appointment|qu[eé] tipo de cita", re.I)),
    ("when", re.compile(r"when would suit you|cu[aá]ndo le viene bien", re.I)),
    ("intake", re.compile(r"insurance|allerg|medications|seguro|alergia|medicamentos", re.I)),
]
INTAKE_FACTS = [
    ("insurance", re.compile(r"insurance|seguro", re.I)),
    ("allergies", re.compile(r"allerg|alergia", re.I)),
    ("medications", re.compile(r"medication|medicamento", re.I)),
]


class Simulator(Protocol):
    """One simulated patient for one try of one scenario (it remembers the conversation)."""

    async def next_message(self, *, replies: list[str], awaiting: str | None) -> str | None:
        """The patient's next message after `replies` ([] to open), or None when they have no more."""
        ...


SimulatorFactory = Callable[[Scenario], Simulator]


def infer_awaiting(reply: str) -> str | None:
    """What a reply asks for, read from the agent's wording (EN/ES), or None."""
    for awaiting, pattern in QUESTION_PATTERNS:
        if pattern.search(reply):
            return awaiting
    return None


def birth_date_words(iso: str, language: str) -> str:
    """'1990-02-14' as a patient writes it: '14 February 1990' / '14 de febrero de 1990'."""
    year, month, day = (int(part) for part in iso.split("-"))
    name = MONTHS["es" if language == "es" else "en"][month - 1]
    return f"{day} de {name} de {year}" if language == "es" else f"{day} {name} {year}"


class OfflineSimulator:
    """Answers from `user.facts`; deterministic, no model."""

    def __init__(self, scenario: Scenario) -> None:
        self.facts = scenario.user.facts
        self.language = scenario.language
        self.words = WORDS[scenario.language]
        self.said: list[tuple[str | None, str]] = []  # (what was asked, what was answered)

    async def next_message(self, *, replies: list[str], awaiting: str | None) -> str | None:
        if not self.said and not replies:
            return self._remember(None, self.opening())
        text = "\n".join(replies)
        asked = awaiting or infer_awaiting(text)
        answer = self.answer(asked, text) if asked else None
        if answer is None:
            return None
        repeats = [pair for pair in self.said[-REPEATS_BEFORE_GIVING_UP:] if pair == (asked, answer)]
        if len(repeats) >= REPEATS_BEFORE_GIVING_UP:
            return None
        return self._remember(asked, answer)

    def opening(self) -> str:
        """The first message: the patient's request, or a booking built from what they want."""
        facts, es = self.facts, self.language == "es"
        if request := facts.get("request"):
            return request
        when = f" {facts['when']}" if facts.get("when") else ""
        if specialty := facts.get("specialty"):
            return (
                f"Hola, quisiera una cita de {specialty}{when}"
                if es
                else f"Hi, I'd like a {specialty} appointment{when}"
            )
        reason = facts.get("reason", "una consulta" if es else "a check-up")
        return (
            f"Hola, necesito una cita por {reason}{when}"
            if es
            else f"Hi, I need an appointment for {reason}{when}"
        )

    def answer(self, asked: str, reply: str) -> str | None:
        """The answer to `asked` from the facts; None when the patient has nothing to say to it."""
        facts = self.facts
        if asked == "identity":
            if "name" not in facts or "birth_date" not in facts:
                return None
            return f"{facts['name']}, {birth_date_words(facts['birth_date'], self.language)}"
        if asked == "specialty":
            return facts.get("specialty") or facts.get("reason")
        if asked == "when":
            rebooking = any(pair[0] == "choice" for pair in self.said) and "new_when" in facts
            return facts["new_when"] if rebooking else facts.get("when", self.words["asap"])
        if asked in ("choice", "which_appointment"):
            return str(ORDINALS.get(facts.get("choice", "first").strip().lower(), 1))
        if asked == "confirm":
            return facts.get("confirm", self.words["yes"])
        if asked == "intake":
            for key, pattern in INTAKE_FACTS:
                if pattern.search(reply):
                    return facts.get(key, self.words["none"])
            return self.words["none"]
        return None  # reminders and follow-ups are not part of a scenario's conversation

    def _remember(self, asked: str | None, answer: str) -> str:
        self.said.append((asked, answer))
        return answer


PERSONA = """You are a patient writing to your clinic, Riverside Health, on WhatsApp. Write in {language}.
Write like a real patient: short, informal messages, one at a time. You only know these facts about
yourself and what you want: {facts}. Answer what the clinic's assistant asks using only these facts;
if it asks something they do not cover, say briefly that you do not know. Never invent medical
details, never ask about other patients. When what you wanted is done, or the assistant asks nothing,
answer exactly {done}."""
OPEN = "(The conversation has not started yet. Write your first message to the clinic.)"


class ModelSimulator:
    """A chat model (temperature 0, built by the composition root) playing the patient of the facts."""

    def __init__(self, model: BaseChatModel, scenario: Scenario) -> None:
        facts = "; ".join(f"{key}: {value}" for key, value in scenario.user.facts.items())
        language = "Spanish" if scenario.language == "es" else "English"
        self.model = model
        self.history: list[BaseMessage] = [
            SystemMessage(PERSONA.format(language=language, facts=facts or "none", done=DONE))
        ]

    async def next_message(self, *, replies: list[str], awaiting: str | None) -> str | None:
        # from the simulator's side the clinic is the "user" and the patient is the "assistant"
        self.history.append(HumanMessage("\n".join(replies) if replies else OPEN))
        answer = await self.model.ainvoke(self.history)
        text = answer.text.strip()
        if not text or text.strip(". ").upper() == DONE:
            return None
        self.history.append(AIMessage(text))
        return text


def model_simulator(model: BaseChatModel) -> SimulatorFactory:
    """A factory of `ModelSimulator`s sharing one model client."""
    return lambda scenario: ModelSimulator(model, scenario)
