"""What the patient wants, from keywords in English and Spanish (typos already corrected).

Intents are tried in a fixed order, most consequential first: opting out and asking for a person
beat everything; changing or cancelling an appointment beats booking one; a medical question
beats a clinic question; the small talk (thanks — which also covers goodbyes — and greetings)
comes last. `Reading` carries the
intent with how sure we are: an exact keyword, a keyword reached through a typo, or a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from agents.understanding.belongings import reports_lost_property
from agents.understanding.bookedtimes import asks_when_booked
from agents.understanding.changeguards import only_a_constraint, only_told, policy_first, swaps_day
from agents.understanding.closedsaid import without_closed_said
from agents.understanding.intentwords import (
    AFFIRM_SET,
    DENY_SET,
    GREETING_SET,
    HESITATIONS,
    NO_LEAD,
    OPT_IN_WORDS,
    OPT_OUT_TAIL,
    OPT_OUT_WORDS,
    PATTERNS,
    THANKS_SET,
    VOCABULARY,
    YES_LEAD,
)
from agents.understanding.moverequests import asks_to_move, only_made_after, without_rebooking_later
from agents.understanding.owndetails import updates_own_details
from agents.understanding.persons import asks_for_person
from agents.understanding.requestshapes import (
    asks_how_to,
    asks_if_booking_needed,
    asks_number_for,
    asks_record_copy,
    asks_results_by_chat,
    asks_to_come,
    asks_to_send_own_records,
    asks_which_way,
    uses_book_verb,
    without_no_booking,
)
from agents.understanding.text import Text, analyse, tokens
from agents.understanding.topics import (
    asks_about_policy,
    asks_for_something,
    asks_own_refill,
    asks_permission,
    asks_to_arrange_payments,
    asks_to_pay_over_time,
    is_medical_question,
    is_question,
    mentions_clinic_info,
    opens_with_interrogative,
    ticket_category,
)
from agents.understanding.types import Intent
from agents.understanding.visitwishes import visit_about_a_topic

EXACT, TYPO, GUESS, NONE = 0.9, 0.75, 0.6, 0.2

# "move my Friday appointment", "cambiar la cita del martes": a move, whatever words sit between.
_MOVE_APPOINTMENT = re.compile(
    r"\b(?:move|change|switch|push|shift|bump|reschedule)\s+(?:my|the|our|her|his|this|that)\s+(?:[\w']+\s+){0,3}?"
    r"(?:appointment|appt|visit|booking|consult|checkup|check-up)s?\b"
    r"|\b(?:cambiar|mover|pasar|cambiarme|moverme|pasarme|cambiame|cambieme|muevame|mueveme|pasame)\s+(?:mi|la|el)\s+"
    r"(?:\w+\s+){0,2}?(?:cita|turno|consulta)\b"
)
_CLAUSE = re.compile(r"[,.;!?:]|\s(?:but|pero)\s")
# A call back asked for ("a nurse to call me back and tell me if that's normal", "que la enfermera me llame"):
# with a medical question beside it, the care team's to answer (a ticket), not a hand-off to reception.
# "can someone from billing call me back?" about a bill: billing staff to act on it (a ticket), not a
# person to take over the chat.
_FROM_BILLING = re.compile(
    r"\b(?:someone|somebody|anyone|alguien)\s+(?:from|in|at|de|en|del)\s+(?:the\s+)?(?:billing|facturacion|cobros"
    r"|cobranza|departamento\s+de\s+(?:facturacion|cobros)|accounts)\b"
)
_CALL_BACK = re.compile(
    r"\b(?:call|ring|get\s+back\s+to|text|reach)\s+me\b|\bme\s+(?:llame|llamen|conteste|contesten|responda|respondan)\b"
    r"|\bll[aá]m(?:eme|enme|ame)\b"
)


@dataclass(frozen=True)
class Reading:
    """An intent and the confidence it was read with."""

    intent: Intent
    confidence: float


def _found(text: Text, intent: Intent) -> bool:
    return bool(PATTERNS[intent].search(text.corrected))


def _sure(text: Text) -> float:
    return TYPO if text.typo else EXACT


def _is_only(words: list[str], vocabulary: frozenset[str]) -> bool:
    """Whether `words` can be read entirely as phrases from `vocabulary` (greedy, longest first)."""
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            if " ".join(words[i : i + size]) in vocabulary:
                i += size
                break
        else:
            return False
    return bool(words)


def yes_or_no(text: Text) -> Intent | None:
    """AFFIRM or DENY when the reply's first clause is nothing but yes-words or no-words."""
    first = _CLAUSE.split(text.corrected, maxsplit=1)[0]
    words = tokens(first)
    while words and words[0] in HESITATIONS:
        words = words[1:]
    if _is_only(words, THANKS_SET):
        return None
    says_no = bool(words) and (words[0] in NO_LEAD or _is_only(words, DENY_SET))
    says_yes = bool(words) and (words[0] in YES_LEAD or _is_only(words, AFFIRM_SET))
    if says_no and not any(w in YES_LEAD for w in words):
        return Intent.DENY
    if says_yes and not any(w in NO_LEAD for w in words):
        return Intent.AFFIRM
    return None


def agrees(text: str) -> bool:
    """Whether a reply opens with a plain yes ("yes, the 2pm one", "sí, la de las 10", "ok 2"): with
    a pick among times offered for a move, the patient has agreed to the move as well."""
    words = tokens(analyse(text, VOCABULARY).corrected)
    while words and words[0] in HESITATIONS:
        words = words[1:]
    return bool(words) and words[0] in YES_LEAD and not any(w in NO_LEAD for w in words)


def opt_change(text: Text) -> Intent | None:
    """OPT_OUT/OPT_IN: a carrier keyword alone ("STOP", "BAJA", "START") or an explicit phrase."""
    words = tokens(text.corrected)
    if len(words) <= 2 and words and words[0] in OPT_OUT_WORDS and words[-1] in OPT_OUT_TAIL:
        return Intent.OPT_OUT
    if len(words) <= 2 and words and words[0] in OPT_IN_WORDS:
        return Intent.OPT_IN
    for intent in (Intent.OPT_OUT, Intent.OPT_IN):
        if _found(text, intent):
            return intent
    return None


def strong_intent(text: Text) -> Reading | None:
    """Intents that hold whatever the agent was waiting for: opt-out, a person, change, cancel, list."""
    if intent := opt_change(text):
        return Reading(intent, _sure(text))
    if _found(text, Intent.CANCEL):  # "cancel that appointment, I'll rebook later": a cancellation
        text = replace(text, corrected=without_rebooking_later(text.corrected))
    care = (is_medical_question(text) or bool(_FROM_BILLING.search(text.corrected))) and bool(
        _CALL_BACK.search(text.corrected)
    )
    if asks_for_person(text) and not care:
        return Reading(Intent.HANDOFF, _sure(text))
    policy = policy_first(text)
    moves = _MOVE_APPOINTMENT.search(text.corrected) or asks_to_move(text.corrected)
    if moves and not policy and not _corrects_own_booking(text):
        return Reading(Intent.RESCHEDULE, _sure(text))
    # "could my next visit be over video?" asks how a visit works, not when it is
    how = asks_permission(text) and mentions_clinic_info(text)
    for intent in (Intent.HANDOFF, Intent.RESCHEDULE, Intent.CANCEL, Intent.LIST_APPOINTMENTS):
        changes = intent in (Intent.RESCHEDULE, Intent.CANCEL)
        said = _found(text, intent) or (intent is Intent.LIST_APPOINTMENTS and asks_when_booked(text))
        if (
            said
            and not (policy and changes)
            and not (how and intent is Intent.LIST_APPOINTMENTS)
            and not (intent is Intent.CANCEL and (only_a_constraint(text) or only_told(text)))
            and not (intent is Intent.HANDOFF and care)
        ):
            return Reading(intent, _sure(text))
    return None


def _corrects_own_booking(text: Text) -> bool:
    """A booking asked in so many words whose day is then corrected with "make it …" ("need to book a
    skin check tues morning.. no wait, make it wednesday morning"): a booking, not a move."""
    book = PATTERNS[Intent.BOOK].search(text.corrected)
    if book is None or _MOVE_APPOINTMENT.search(text.corrected):
        return False
    return only_made_after(text.corrected, book.end())


def request_intent(text: Text) -> Reading | None:
    """A medical question, a clinic question, a ticket or a booking, in that order."""
    sure = _sure(text)
    if reports_lost_property(text) or is_medical_question(text):
        return Reading(Intent.TICKET, sure)  # "did anyone find my scarf?" asks staff to look
    if asks_to_arrange_payments(text):
        return Reading(Intent.TICKET, sure)  # "pónganme en un plan de pagos": billing staff set it up
    if asks_about_policy(text) or asks_to_pay_over_time(text):
        return Reading(Intent.QUESTION, sure)  # "¿lo puedo pagar en partes?": the billing policy answers
    if asks_how_to(text) and ticket_category(text) != "complaint":
        return Reading(Intent.QUESTION, sure)  # "how do I get my records?" asks how it works
    if asks_which_way(text) and ticket_category(text) != "complaint":
        return Reading(Intent.QUESTION, sure)
    if asks_results_by_chat(text) or asks_number_for(text):
        return Reading(Intent.QUESTION, sure)  # "¿me mandan los resultados por aquí?": the portal answers
    if updates_own_details(text, question=is_question(text)):
        return Reading(Intent.TICKET, sure)  # "can you update my address on file?": staff change the record
    if visit_about_a_topic(text):
        return Reading(Intent.BOOK, sure)  # "need to see someone in family med about my results"
    if asks_to_send_own_records(text) or asks_record_copy(text):
        return Reading(Intent.TICKET, sure)
    if asks_own_refill(text):
        return Reading(Intent.TICKET, sure)  # "can I get a refill on my lisinopril?" asks someone to act
    # "I know ur closed monday, so tuesday": a closing told is no question about the hours
    info = mentions_clinic_info(replace(text, corrected=without_closed_said(text.corrected)))
    if info and (opens_with_interrogative(text) or (asks_permission(text) and not uses_book_verb(text))):
        return Reading(Intent.QUESTION, sure)
    if ticket_category(text) is not None:
        return Reading(Intent.TICKET, sure)
    if swaps_day(text) and not info:  # "a video visit instead of coming in?" asks about telehealth
        return Reading(Intent.RESCHEDULE, GUESS)
    if is_question(text) and asks_if_booking_needed(text):
        return Reading(Intent.QUESTION, sure)
    if PATTERNS[Intent.BOOK].search(without_no_booking(text.corrected)):
        if info and is_question(text) and not uses_book_verb(text) and not asks_to_come(text):
            return Reading(Intent.QUESTION, sure)  # "¿la consulta con el dermatólogo la cubre el seguro?"
        return Reading(Intent.BOOK, sure)
    if info and (asks_for_something(text) or len(tokens(text.corrected)) <= 3):
        return Reading(Intent.QUESTION, sure)
    words = tokens(text.corrected)
    if is_question(text) and len(words) > 2 and not _is_only(words, GREETING_SET | THANKS_SET):
        return Reading(Intent.QUESTION, GUESS)
    return None


def small_talk(text: Text) -> Reading | None:
    """Thanks, yes/no and greetings — what is left when nothing else was asked."""
    words = tokens(text.corrected)
    if words and words[0] in NO_LEAD and _found(text, Intent.THANKS):
        return Reading(Intent.DENY, _sure(text))  # "no thanks", "no gracias": declined, politely
    if _found(text, Intent.THANKS):
        return Reading(Intent.THANKS, _sure(text))
    if intent := yes_or_no(text):
        return Reading(intent, _sure(text))
    if _found(text, Intent.GREETING):
        return Reading(Intent.GREETING, _sure(text))
    return None
