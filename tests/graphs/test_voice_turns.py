"""A voice call handed over: one turn does what it can, and the conversation goes on on WhatsApp."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from agents.understanding import understand
from api.runtime import Runtime
from graphs.conversation.prefill import caller_text, merge, read_prefill
from graphs.runner import Runner, TurnResult
from store.conversations.models import Channel, Conversation, ConversationStatus
from store.database import transaction
from store.patients.models import Patient
from store.scheduling import service as scheduling
from store.scheduling.models import Appointment, AppointmentStatus
from store.tickets.models import Ticket
from tests.graphs.conftest import new_phone
from tests.instant import TZ

INTRO = "Thank you for calling Riverside Health. Let's finish here on WhatsApp."
INTRO_ES = "Gracias por llamar a Riverside Health. Terminamos por aquí, por WhatsApp."


async def call(runner: Runner, phone: str, transcript: str, data: dict[str, Any]) -> TurnResult:
    """The turn the worker runs for a call: the transcript as the text, `extracted_data` as prefill."""
    return await runner.run_turn(channel=Channel.WHATSAPP, phone=phone, texts=[transcript], prefill=data)


async def appointments_of(demo: Runtime, patient_id: uuid.UUID | str) -> list[Appointment]:
    async with demo.sessions() as session:
        query = select(Appointment).where(Appointment.patient_id == uuid.UUID(str(patient_id)))
        return list(await session.scalars(query.order_by(Appointment.start_at)))


async def tickets_of(demo: Runtime, conversation_id: uuid.UUID) -> list[Ticket]:
    async with demo.sessions() as session:
        return list(await session.scalars(select(Ticket).where(Ticket.conversation_id == conversation_id)))


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ)


@pytest.mark.calendar
async def test_a_call_with_specialty_and_day_offers_slots_on_whatsapp_then_books(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    james = patient()
    pid = await register(james.phone, "James Smith", "1979-11-03")
    result = await call(
        runner,
        james.phone,
        "Agent: Riverside Health, how can I help? Caller: Hi, it's James Smith. I'd like to see a "
        "cardiologist on Thursday morning. Agent: I'll send you the available times on WhatsApp.",
        {"intent": "book_appointment", "specialty": "cardiology", "preferred_date": "2026-12-03",
         "preferred_time": "morning", "patient_name": "James Smith"},
    )  # fmt: skip
    assert result.reply.startswith(INTRO + "\n\nHere are the first free times for cardiology:")
    assert "Thursday, December 3" in result.reply and "Reply with the number" in result.reply
    assert result.actions == ["slots.offered"] and result.outcome == "none"
    offered = result.state["offered"]
    assert offered and all(local(datetime.fromisoformat(o["start"])).hour < 12 for o in offered)

    assert "You're booked" in await james.says("1")  # the conversation goes on, on WhatsApp
    [booked] = await appointments_of(demo, pid)
    assert booked.specialty == "cardiology" and local(booked.start_at).date().isoformat() == "2026-12-03"


@pytest.mark.calendar
async def test_a_call_naming_a_free_minute_books_it_in_the_same_turn(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    pid = await register(phone, "Lena Park", "1990-02-14")
    day = datetime(2026, 12, 8, 13, 0, tzinfo=TZ)
    async with transaction(demo.sessions) as session:
        [free] = await scheduling.find_free_slots(
            session, start=day, end=day + timedelta(hours=4), specialty="dermatology", tz=TZ,
            now=runner.clock(), limit=1,
        )  # fmt: skip
    at = local(free.start_at)
    result = await call(
        runner,
        phone,
        "Caller: a dermatology appointment on the eighth, please",
        {"intent": "BookAppointment", "specialty": "Dermatology", "preferred_date": "2026-12-08",
         "preferred_time": f"{at:%H:%M}", "reason": "rash on my arm"},
    )  # fmt: skip
    assert result.actions == ["appointment.booked"] and result.outcome == "booked"
    assert result.reply.startswith("Thank you for calling Riverside Health.\n\nYou're booked: dermatology")
    [booked] = await appointments_of(demo, pid)
    assert booked.start_at == free.start_at and booked.reason == "rash on my arm"


@pytest.mark.calendar
async def test_a_new_caller_who_gave_name_and_birth_date_is_registered_and_offered_slots(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    grace = patient()
    result = await call(
        runner,
        grace.phone,
        "Agent: Riverside Health. Caller: Hi, I'm a new patient, Grace Kim, born August 19 1993. I'd "
        "like a dermatology appointment next Monday for a mole I want checked.",
        {"intent": "book_appointment", "specialty": "dermatology", "preferred_date": "2026-12-07",
         "patient_name": "Grace Kim", "date_of_birth": "1993-08-19", "reason": "mole check"},
    )  # fmt: skip
    assert result.actions == ["patient.registered", "slots.offered"]
    assert "I've registered you as a new patient" in result.reply and "Monday, December 7" in result.reply
    assert "You're booked" in await grace.says("2")
    async with demo.sessions() as session:
        [made] = await session.scalars(select(Patient).where(Patient.phone == grace.phone))
    assert (made.given_name, made.family_name, made.birth_date.isoformat()) == ("Grace", "Kim", "1993-08-19")
    [booked] = await appointments_of(demo, made.id)
    assert booked.reason == "mole check"


@pytest.mark.calendar
async def test_not_enough_from_the_call_asks_for_the_rest_on_whatsapp(
    runner: Runner, patient: Any, register: Any
) -> None:
    maria = patient()
    await register(maria.phone, "Maria Garcia", "1985-04-12")
    result = await call(
        runner,
        maria.phone,
        "Agent: Riverside Health, how can I help? Caller: Yeah hi I need to make an appointment, I'm "
        "not sure with who... [call dropped]",
        {"intent": "book_appointment"},
    )
    assert result.reply.startswith(INTRO + "\n\nWhat kind of appointment do you need?")
    assert result.actions == ["details.requested"] and result.state["awaiting"] == "specialty"
    assert "When would suit you" in await maria.says("my knee, it's been swollen for a week")
    assert "Here are the first free times for orthopedics" in await maria.says("tomorrow afternoon")


async def test_an_unknown_caller_without_identity_is_asked_who_they_are_in_spanish(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    camila = patient()
    result = await call(
        runner,
        camila.phone,
        "Agente: Riverside Health, dígame. Paciente: Hola, quería una cita con el pediatra para mi "
        "hija... Agente: ¿Para qué día? Paciente: [se corta la llamada]",
        {"intent": "book_appointment", "specialty": "pediatrics", "language": "es"},
    )
    # the appointment is for the caller's daughter: her details are asked for
    assert result.reply.startswith(INTRO_ES) and "la persona para quien es la cita" in result.reply
    assert result.actions == ["identity.requested"]
    reply = await camila.says("Camila Ortiz, 14/02/2018")
    assert "He registrado a Camila" in reply and "¿Cuándo le viene bien?" in reply  # the daughter, by name
    assert "pediatría" in await camila.says("el viernes por la mañana")  # the call's specialty was kept


async def test_ticket_intents_open_the_right_ticket_with_the_call_details(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    await register(phone, "James Smith", "1979-11-03")
    result = await call(
        runner,
        phone,
        "Agent: Riverside Health. Caller: Hi, James Smith, I need a refill of my atorvastatin 20 "
        "milligrams, please send it to the CVS on Main Street.",
        {"intent": "prescription_refill", "medication": "atorvastatin 20mg", "pharmacy": "CVS Main St"},
    )
    assert result.actions == ["ticket.opened"] and result.outcome == "ticket"
    assert result.reply.startswith(
        "Thank you for calling Riverside Health.\n\nI've passed this to our prescriptions"
    )
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert (ticket.category.value, ticket.priority.value) == ("prescription", "normal")
    assert ticket.patient_id is not None and ticket.summary.endswith("(via a call)")
    assert ticket.description is not None and "medication: atorvastatin 20mg" in ticket.description
    assert "pharmacy: CVS Main St" in ticket.description and "Agent:" not in ticket.description

    ana = new_phone()
    await register(ana, "Ana Rodriguez", "1992-07-21", "es")
    billed = await call(
        runner,
        ana,
        "Agente: Riverside Health. Paciente: Hola, me cobraron dos veces la última consulta.",
        {"intent": "billing_question", "language": "es"},
    )
    assert "facturación" in billed.reply and billed.actions == ["ticket.opened"]
    [bill] = await tickets_of(demo, billed.conversation_id)
    assert bill.category.value == "billing"


async def test_asking_for_a_person_on_the_call_hands_the_conversation_to_staff(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    await register(phone, "Maria Garcia", "1985-04-12")
    result = await call(
        runner,
        phone,
        "Caller: I want to talk to someone about my test results.",
        {"intent": "speak_to_staff"},
    )
    assert result.outcome == "handoff" and result.actions == ["conversation.handoff"]
    async with demo.sessions() as session:
        conversation = await session.get(Conversation, result.conversation_id)
    assert conversation is not None and conversation.status == ConversationStatus.HANDOFF


async def test_a_red_flag_in_the_transcript_wins_over_the_booking_intent(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    phone = new_phone()
    await register(phone, "James Smith", "1979-11-03")
    result = await call(
        runner,
        phone,
        "Agent: Riverside Health. Caller: I've had chest pain since this morning and I'd like an "
        "appointment with the heart doctor.",
        {"intent": "book_appointment", "specialty": "cardiology"},
    )
    assert result.reply.startswith("This could be an emergency") and "911" in result.reply
    assert result.actions == ["ticket.opened", "emergency.alerted"]
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert ticket.priority.value == "urgent"


@pytest.mark.calendar
async def test_bad_extracted_fields_are_ignored_and_the_transcript_decides(
    runner: Runner, register: Any
) -> None:
    phone = new_phone()
    await register(phone, "Lee Chen", "1988-08-08")
    result = await call(
        runner,
        phone,
        "Caller: I'd like to see a dermatologist next Tuesday afternoon.",
        {"intent": "book_appointment", "specialty": "neurology", "preferred_date": "2020-01-01",
         "preferred_time": "25:99", "appointment_id": "APT-42", "language": "klingon"},
    )  # fmt: skip
    assert "Here are the first free times for dermatology" in result.reply
    assert "Tuesday, December 8" in result.reply and result.state["language"] == "en"
    ignored = result.state["prefilled"]["ignored"]
    assert set(ignored) == {"specialty", "preferred_date", "preferred_time", "appointment_id", "language"}


async def test_identity_comes_from_the_phone_never_from_the_extracted_data(
    demo: Runtime, runner: Runner, register: Any
) -> None:
    other_phone = new_phone()
    other = await register(other_phone, "Victor Stone", "1970-07-07")
    phone = new_phone()
    owner = await register(phone, "Nina Ray", "1995-05-05")
    claims = {
        "intent": "book_appointment", "specialty": "cardiology", "preferred_date": "2026-12-10",
        "patient_name": "Victor Stone", "date_of_birth": "1970-07-07", "patient_id": str(other),
        "patient_phone": other_phone,
    }  # fmt: skip
    result = await call(runner, phone, "Caller: a cardiology appointment on the tenth", claims)
    assert result.state["patient_id"] == str(owner)  # the one patient on the verified phone
    assert {"patient_id", "patient_phone"} <= set(result.state["prefilled"]["ignored"])
    assert "Victor" not in result.reply

    family = new_phone()  # a shared phone: the claims name nobody on it, so nobody is verified
    await register(family, "Rosa Diaz", "1980-05-05")
    await register(family, "Luis Diaz", "2010-01-01")
    shared = await call(runner, family, "Caller: a cardiology appointment on the tenth", claims)
    assert shared.state.get("patient_id") is None and shared.actions == ["identity.requested"]
    assert "More than one patient uses this number" in shared.reply
    assert await appointments_of(demo, other) == []


async def test_a_call_to_cancel_names_the_appointment_and_still_asks_for_a_yes(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    kim = patient()
    kim_id = await register(kim.phone, "Kim Park", "1991-01-01")
    await book_first(kim_id, "cardiology", days=3)
    derm = await book_first(kim_id, "dermatology", days=10)
    result = await call(
        runner, kim.phone, "Caller: I need to cancel my skin appointment",
        {"intent": "cancel_appointment", "appointment_id": str(derm)},
    )  # fmt: skip
    assert "Please confirm: cancel your dermatology appointment" in result.reply
    assert result.actions == ["confirmation.requested"]
    assert "Done: your appointment" in await kim.says("yes")
    states = {a.specialty: a.status for a in await appointments_of(demo, kim_id)}
    assert states == {"cardiology": AppointmentStatus.BOOKED, "dermatology": AppointmentStatus.CANCELLED}


async def test_an_appointment_id_that_is_not_the_callers_is_not_acted_on(
    demo: Runtime, runner: Runner, register: Any, book_first: Any
) -> None:
    victim = await book_first(await register(new_phone(), "Vic Tim", "1977-07-07"), "cardiology")
    phone = new_phone()
    mine = await book_first(await register(phone, "Mal Lory", "1980-01-01"), "orthopedics")
    result = await call(
        runner, phone, "Caller: cancel my appointment", {"intent": "cancel", "appointment_id": str(victim)}
    )
    assert "I couldn't find that appointment among your upcoming ones" in result.reply
    assert "Which appointment do you mean?" in result.reply and "cardiology" not in result.reply
    async with demo.sessions() as session:
        statuses = {
            a.id: a.status
            for a in await session.scalars(select(Appointment).where(Appointment.id.in_([victim, mine])))
        }
    assert statuses == {victim: AppointmentStatus.BOOKED, mine: AppointmentStatus.BOOKED}


async def test_a_call_is_not_an_answer_to_the_last_whatsapp_question(
    demo: Runtime, runner: Runner, patient: Any, register: Any, book_first: Any
) -> None:
    pat = patient()
    appointment = await book_first(await register(pat.phone, "Pat Lane", "1966-06-06"), "orthopedics")
    assert "Please confirm: cancel" in await pat.says("cancel my appointment")
    result = await call(runner, pat.phone, "Caller: yes hello", {})  # the caller never saw that question
    assert result.reply.startswith("Thank you for calling Riverside Health.\n\nHi Pat!")
    assert result.actions == [] and result.outcome == "none"
    [kept] = [a for a in await appointments_of(demo, result.state["patient_id"]) if a.id == appointment]
    assert kept.status == AppointmentStatus.BOOKED


# The call's fields on their own: no database, the same clock as the conversations above.

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("name", "intent", "category"),
    [
        ("book_appointment", "book", None),
        ("BookAppointment", "book", None),
        ("schedule-visit", "book", None),
        ("cancel_appointment", "cancel", None),
        ("CancelAppointment", "cancel", None),
        ("reschedule_appointment", "reschedule", None),
        ("change_appointment", "reschedule", None),
        ("check_appointment_status", "list_appointments", None),
        ("question", "question", None),
        ("general_inquiry", "question", None),
        ("prescription_refill", "ticket", "prescription"),
        ("billing_question", "ticket", "billing"),
        ("records_request", "ticket", "records"),
        ("medical_records_request", "ticket", "records"),
        ("file_complaint", "ticket", "complaint"),
        ("test_results", "ticket", "medical_question"),
        ("callback_request", "ticket", "other"),
        ("talk_to_human", "handoff", None),
        ("speak_to_staff", "handoff", None),
        ("transfer_to_agent", "handoff", None),
        ("unknown", None, None),
        ("confirm_appointment", None, None),
        ("", None, None),
    ],
)
def test_the_platforms_intent_names_are_read_liberally(
    name: str, intent: str | None, category: str | None
) -> None:
    read = read_prefill({"intent": name}, now=NOW, tz=TZ, language_hint=None)
    assert (read.intent.value if read.intent else None, read.ticket_category) == (intent, category)


def test_an_emergency_intent_is_a_red_flag_even_when_the_words_are_calm() -> None:
    read = read_prefill({"intent": "medical_emergency"}, now=NOW, tz=TZ, language_hint=None)
    merged = merge(understand("Caller: hello", now=NOW, tz=TZ), read, tz=TZ)
    assert read.emergency and merged.red_flag is not None and merged.red_flag.kind == "other_emergency"


@pytest.mark.parametrize(
    ("data", "start", "end", "exact"),
    [
        (
            {"preferred_date": "2026-12-03", "preferred_time": "morning"},
            "2026-12-03 06:00",
            "2026-12-03 12:00",
            False,
        ),
        ({"date": "2026-12-03", "time_of_day": "tarde"}, "2026-12-03 12:00", "2026-12-03 17:00", False),
        ({"preferred_date": "2026-12-03"}, "2026-12-03 00:00", "2026-12-04 00:00", False),
        (
            {"preferred_date": "2026-12-03", "preferred_time": "10:30"},
            "2026-12-03 10:30",
            "2026-12-03 10:31",
            True,
        ),
        (
            {"preferred_date": "2026-12-03", "preferred_time": "3pm"},
            "2026-12-03 15:00",
            "2026-12-03 15:01",
            True,
        ),
        (
            {"preferred_date": "2026-12-03", "preferred_time": "3:00"},
            "2026-12-03 15:00",
            "2026-12-03 15:01",
            True,
        ),
        ({"preferred_date": "2026-12-03T14:30:00-05:00"}, "2026-12-03 14:30", "2026-12-03 14:31", True),
        (
            {"preferred_date": "next friday", "time": "afternoon"},
            "2026-12-04 12:00",
            "2026-12-04 17:00",
            False,
        ),
        ({"preferredTime": "evening"}, "2026-12-01 09:00", "2026-12-15 09:00", False),
    ],
)
def test_dates_and_times_become_the_range_to_search(
    data: dict[str, str], start: str, end: str, exact: bool
) -> None:
    read = read_prefill(data, now=NOW, tz=TZ, language_hint="en")
    assert read.when is not None and read.exact is exact and read.ignored == []
    shown = (
        local(read.when.start).strftime("%Y-%m-%d %H:%M"),
        local(read.when.end).strftime("%Y-%m-%d %H:%M"),
    )
    assert shown == (start, end)


@pytest.mark.parametrize(
    "data",
    [
        {"preferred_date": "2026-11-30"},  # yesterday
        {"preferred_date": "2026-12-01", "preferred_time": "08:00"},  # an hour ago
        {"preferred_date": "2031-01-01"},  # years away: a misreading
        {"preferred_date": "someday"},
        {"preferred_date": 20261203},
        {"preferred_time": "teatime"},
    ],
)
def test_past_far_or_unreadable_times_are_ignored(data: dict[str, Any]) -> None:
    read = read_prefill(data, now=NOW, tz=TZ, language_hint="en")
    assert read.when is None and set(read.ignored) == set(data)


def test_other_fields_are_checked_and_the_rest_kept_as_call_details() -> None:
    read = read_prefill(
        {"Specialty": "Cardiologist", "doctor": "Dr. Patel", "patient_name": "grace kim", "dob": "19/08/1993",
         "urgency": "HIGH", "medication": "insulin", "pharmacy": "CVS", "nested": {"a": 1}, "flag": True,
         "appointment_id": "9f0c2c1e-6a43-4a4e-9b1a-1d7b3c2c9e10", "mrn": "123",
         "callback_phone": "+15550000000"},
        now=NOW, tz=TZ, language_hint="es",
    )  # fmt: skip
    assert (read.specialty, read.practitioner, read.name) == ("cardiology", "Patel", "Grace Kim")
    assert read.birth_date is not None and read.birth_date.isoformat() == "1993-08-19"
    assert read.priority == "high" and read.appointment_id == "9f0c2c1e-6a43-4a4e-9b1a-1d7b3c2c9e10"
    assert read.details == {"medication": "insulin", "pharmacy": "CVS"}
    assert set(read.ignored) == {"mrn", "callback_phone"}


@pytest.mark.parametrize(
    ("transcript", "caller"),
    [
        (
            "Agent: Hello, how can I help? Caller: I need a cardiologist. Agent: Sure.",
            "I need a cardiologist.",
        ),
        ("Agente: Dígame. Paciente: Quería una cita... [se corta la llamada]", "Quería una cita..."),
        ("AI: Hi!\nPatient: my knee hurts\nAI: which day?\nPatient: Friday", "my knee hurts Friday"),
        ("I'd like to book a check-up", "I'd like to book a check-up"),
        ("Agent: Riverside Health. Caller: [inaudible]", ""),
    ],
)
def test_only_the_callers_side_of_the_transcript_is_read(transcript: str, caller: str) -> None:
    assert caller_text(transcript) == caller


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        (
            "Caller: could I come on Thursday?",
            "2026-12-03 12:00",
            "2026-12-03 17:00",
        ),  # the day said, narrowed
        ("Caller: sometime next week", "2026-12-07 00:00", "2026-12-14 00:00"),  # a range, filtered by part
        ("Caller: whenever you can", "2026-12-01 09:00", "2026-12-15 09:00"),  # no day said: two weeks
    ],
)
def test_a_part_of_the_day_alone_refines_the_day_the_caller_said(words: str, start: str, end: str) -> None:
    read = read_prefill({"part_of_day": "afternoon"}, now=NOW, tz=TZ, language_hint="en")
    when = merge(understand(caller_text(words), now=NOW, tz=TZ), read, tz=TZ).fields.when
    assert when is not None and when.part_of_day == "afternoon"
    shown = (local(when.start).strftime("%Y-%m-%d %H:%M"), local(when.end).strftime("%Y-%m-%d %H:%M"))
    assert shown == (start, end)


async def test_an_unknown_callers_request_is_opened_at_once_and_joins_their_record_later(
    demo: Runtime, runner: Runner, patient: Any
) -> None:
    """#16 item 6: a caller who may never answer on WhatsApp still has their request opened."""
    hank = patient()
    transcript = (
        "Agent: Riverside Health. Caller: Hi, I was double charged for my visit last month, two charges "
        "of ninety dollars. Can someone look into it? Agent: I'll pass that on."
    )
    result = await call(runner, hank.phone, transcript, {"intent": "billing_question"})
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert ticket.category.value == "billing" and ticket.patient_id is None
    assert "unverified contact" in ticket.summary and "Agent: Riverside Health" in (ticket.description or "")
    assert "reply with your full name and date of birth" in result.reply and result.outcome == "ticket"
    reply = await hank.says("Hank Bauer, 15 May 1965")
    assert "registered you" in reply and "didn't understand" not in reply
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert ticket.patient_id is not None and str(ticket.patient_id) == hank.last.state["patient_id"]


async def test_a_registered_callers_request_is_theirs_at_once(
    demo: Runtime, runner: Runner, patient: Any, register: Any
) -> None:
    lola = patient()
    lola_id = await register(lola.phone, "Lola Fuentes", "1959-03-03", language="es")
    transcript = (
        "Agente: Riverside Health. Paciente: Me cobraron dos veces la última consulta. Agente: Lo paso."
    )
    result = await call(runner, lola.phone, transcript, {"intent": "billing", "language": "es"})
    [ticket] = await tickets_of(demo, result.conversation_id)
    assert ticket.patient_id == lola_id and "unverified" not in ticket.summary


async def test_an_unknown_callers_ticket_carries_the_recording(demo: Runtime, runner: Runner) -> None:
    """Through the worker's turn (the call stored as the voice webhook stores it): staff find the
    recording's address beside the transcript."""
    import secrets

    from store.conversations import inbox
    from store.conversations.models import VOICE_CALL
    from store.database import transaction
    from tests.graphs.test_dead_letter import _turns
    from tests.instant import NOW as INSTANT

    phone = f"+1555077{secrets.randbelow(10**4):04d}"
    url = "https://voice.example/recordings/77.mp3"
    call_details = {"kind": VOICE_CALL, "extracted_data": {"intent": "billing"}, "recording_url": url}
    async with transaction(demo.sessions) as session:
        received = await inbox.receive(
            session,
            conversation_channel=Channel.WHATSAPP,
            address=phone,
            provider_message_id="call-" + secrets.token_hex(8),
            body="Agent: Riverside Health. Caller: I was charged twice for one visit, please check.",
            now=INSTANT,
            message_channel=Channel.VOICE,
            media=[call_details],
        )
    await _turns(demo, runner).take(demo.queue, received.conversation.id)
    [ticket] = await tickets_of(demo, received.conversation.id)
    assert "unverified contact" in ticket.summary and url in (ticket.description or "")
