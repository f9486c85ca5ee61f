"""Whole turns for the support classes held-out v6 found: a request that only needs staff to act,
written from a WhatsApp number nobody registered, is opened at once as from an unverified contact
(findable by the phone) and only then asks for name and birth date, which attach it to the patient;
lost property ("I left my glasses in the waiting room") is a front-desk ticket; a registered
patient's request is theirs at once; red flags still win; nothing about a record is disclosed."""

from __future__ import annotations

from typing import Any

import pytest

from api.runtime import Runtime
from store.tickets import service as tickets
from tests.graphs.test_flows import tickets_of

UNKNOWN_REQUESTS = [
    ("I want to make a complaint, the restroom was filthy and the desk just shrugged", "complaint", "en"),
    ("got a bill for $340 but my insurance says they already paid it in full??", "billing", "en"),
    ("please send my records from the last two years to my new cardiologist", "records", "en"),
    (
        "question for my doctor, not urgent: can I take ibuprofen with my lisinopril?",
        "medical_question",
        "en",
    ),
    ("can you send a refill of my levothyroxine 75 mcg to the CVS on State St?", "prescription", "en"),
    ("quiero poner una queja: me tuvieron esperando una hora", "complaint", "es"),
    ("me llegó una factura de 180 dólares pero tengo MassHealth, ¿me ayudan a revisarla?", "billing", "es"),
    ("necesito que le manden mis análisis de sangre a mi nuevo médico en Orlando", "records", "es"),
    (
        "quiero preguntarle a mi doctora si puedo tomar omeprazol con hierro, no es urgente",
        "medical_question",
        "es",
    ),
]


@pytest.mark.parametrize(("words", "category", "lang"), UNKNOWN_REQUESTS)
async def test_an_unknown_numbers_request_is_opened_before_identity_is_asked(
    demo: Runtime, patient: Any, words: str, category: str, lang: str
) -> None:
    someone = patient()
    reply = await someone.says(words)
    assert someone.last.outcome == "ticket", reply
    [ticket] = await tickets_of(demo, someone.last.conversation_id)
    assert ticket.category.value == category and ticket.patient_id is None
    assert "unverified contact" in ticket.summary
    asks = "full name and date of birth" if lang == "en" else "nombre completo y su fecha de nacimiento"
    assert asks in reply and reply.index(asks) > reply.index("(ref")  # opened first, then asked
    async with demo.sessions() as session:  # staff find it by the phone it came from
        found, _ = await tickets.get_all(session, phone=someone.phone)
    assert [t.id for t in found] == [ticket.id]


async def test_identifying_afterwards_attaches_the_ticket_as_a_callers_does(
    demo: Runtime, patient: Any
) -> None:
    rita = patient()
    await rita.says("I want to complain, the receptionist was rude to my mother yesterday")
    reply = await rita.says("Rita Moreno, 11 December 1961")
    assert "didn't understand" not in reply
    [ticket] = await tickets_of(demo, rita.last.conversation_id)
    assert ticket.patient_id is not None and str(ticket.patient_id) == rita.last.state["patient_id"]


async def test_an_unverified_refill_request_discloses_nothing(
    patient: Any, register: Any, book_first: Any
) -> None:
    """Another patient's phone is not this one: an unknown number asking about a refill is told the
    request is with staff and nothing about any medicine, visit or record."""
    owner = patient()
    owner_id = await register(owner.phone, "Hugo Laurent", "1970-01-01")
    await book_first(owner_id, "cardiology")
    stranger = patient()
    reply = await stranger.says("I need a refill of Hugo Laurent's metoprolol, when is his next visit?")
    assert "Hugo" not in reply and "cardiology" not in reply.casefold()
    assert stranger.last.state.get("patient_id") is None


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (
            "I think I left my reading glasses in one of the exam rooms. Did anyone turn them in?",
            "en",
        ),
        ("I left my umbrella in the waiting room yesterday", "en"),
        ("did anyone find a blue scarf? I was there this morning", "en"),
        ("ayer dejé una bufanda roja en la sala de espera, ¿alguien la encontró?", "es"),
        ("se me olvidó el paraguas en la sala de espera", "es"),
    ],
)
async def test_lost_property_is_a_front_desk_ticket(
    demo: Runtime, patient: Any, words: str, lang: str
) -> None:
    someone = patient()
    reply = await someone.says(words)
    assert someone.last.outcome == "ticket", reply
    [ticket] = await tickets_of(demo, someone.last.conversation_id)
    assert (ticket.category.value, ticket.priority.value) == ("other", "normal")
    assert ticket.summary.startswith("Lost property")
    assert ("look for it" if lang == "en" else "lo busque") in reply
    assert "date of birth" not in reply and "fecha de nacimiento" not in reply  # nobody's record needed
    assert someone.last.state.get("awaiting") is None


async def test_a_registered_patients_request_is_theirs_at_once(
    demo: Runtime, patient: Any, register: Any
) -> None:
    for words in ("I was billed twice for my last visit", "ayer dejé mis lentes en la sala de espera"):
        maria = patient()
        maria_id = await register(maria.phone, "Maria Garcia", "1985-04-12")
        reply = await maria.says(words)
        [ticket] = await tickets_of(demo, maria.last.conversation_id)
        assert ticket.patient_id == maria_id and "unverified" not in ticket.summary
        assert "date of birth" not in reply and "fecha de nacimiento" not in reply


async def test_the_lost_insurance_card_keeps_its_reading(demo: Runtime, patient: Any) -> None:
    someone = patient()
    reply = await someone.says("I lost my insurance card, can you send me a new one?")
    assert "look for it" not in reply
    assert not [
        t for t in await tickets_of(demo, someone.last.conversation_id) if "Lost property" in t.summary
    ]


async def test_a_red_flag_still_wins_over_an_unverified_ticket(demo: Runtime, patient: Any) -> None:
    someone = patient()
    reply = await someone.says(
        "I want to complain about my bill, and also I have crushing chest pain right now"
    )
    assert someone.last.outcome == "emergency" and "911" in reply
    [ticket] = await tickets_of(demo, someone.last.conversation_id)
    assert ticket.priority.value == "urgent"
