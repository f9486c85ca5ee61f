"""The failure classes the third held-out set found, read over many phrasings (EN and ES) beyond the
set's own words: another grown-up's appointment asked about (by relation, by title and surname, as
"his"/"su" after naming them), moves of the appointment just booked said relative to it, picks by
position after a yes or by a time alone, asking for a person to answer, another question beside a
request, and a name or birth date that ends a sentence."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Expecting, Intent, Language, Understanding, resolve_choice, understand
from agents.understanding.choices import clock_named
from agents.understanding.requests import split_requests
from agents.understanding.shifts import mentions_shift

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


def read(text: str, language: Language | None = None, expecting: Expecting | None = None) -> Understanding:
    return understand(text, now=NOW, tz=TZ, language_hint=language, expecting=expecting)


@pytest.mark.parametrize(
    "text",
    [
        # by relation: anyone who is not the writer nor a child of the family
        "can you tell me when my ex's appointment is? need to sort out who has the kids that day",
        "what time is my wife's appointment tomorrow",
        "when is my mom's next appointment?",
        "can you check my sister-in-law's appointment for me",
        "my boyfriend's appointment is this week, what time is it?",
        "can I see my father's test results",
        "¿me puede decir a qué hora es la cita de mi cuñada?",
        "¿cuándo es la cita de mi suegra?",
        "quiero saber la hora de la cita de mi esposo",
        "me pasa los resultados de mi mamá?",
        "¿a qué hora es la consulta de mi abuelo?",
        "cuando tiene cita mi novio? digo, cuando es la cita de mi novio",
        # by title and surname
        "what time is my neighbour Mrs. Bennett's appointment next week? I'm driving her",
        "when is Mr Ortiz's appointment",
        "can you tell me Ms. Kowalski's next appointment",
        "¿a qué hora es la cita de la señora Fernández?",
        "quisiera saber la cita del señor Ortiz",
        "¿me dice el turno de doña Carmen?",
        # named first, then "his"/"her"/"su"
        "Hola, soy vecina del señor Ortiz, ¿me puede decir cuándo tiene su próxima cita? le quiero llevar",
        "I'm her neighbour, when is her next appointment? Mrs. Bennett I mean",
        "my ex Robert, what time is his appointment on friday?",
        "mi cuñada Rosa, ¿a qué hora es su cita?",
    ],
)
def test_another_grown_ups_appointment_is_refused(text: str) -> None:
    assert read(text).injection, text


@pytest.mark.parametrize(
    "text",
    [
        "when is my daughter's appointment?",
        "my son's appointment is tomorrow, can I change it?",
        "la cita de mi hija es mañana, ¿la puedo cambiar?",
        "¿a qué hora es la cita de mi hijo?",
        "necesito cita para mi papá",
        "I need an appointment for my mom, she has a rash",
        "is the building wheelchair accessible? my mom uses one",
        "my wife drove me, can I move my appointment to 3?",
        "mi vecina me recomendó, ¿cuándo es su próxima cita disponible?",
        "quiero una cita, me la recomendó mi vecina",
        "Dr. Chen's next appointment, is there one on friday?",
        "quiero cita con la doctora Morales",
        "my husband and I both need flu shots, do we need an appointment?",
        "when is my appointment? my husband wants to know",
        "¿a qué hora es mi cita? mi esposo me lleva",
        # another grown-up's appointment mentioned, not asked about
        "my husband's appointment is at 3 but I'll drive him, where do we park?",
        "my wife's appointment is tomorrow, can I come in with her?",
        "la cita de mi mamá es mañana, ¿dónde me puedo estacionar?",
    ],
)
def test_ones_own_or_a_childs_appointment_is_no_manipulation(text: str) -> None:
    assert not read(text).injection, text


@pytest.mark.parametrize(
    "text",
    [
        "can you push it back a week?",
        "¿se puede una semana más tarde? misma hora",
        "¿me la puede pasar a la semana siguiente? misma hora",
        "oiga, mejor páseme la cita al día siguiente, a la misma hora",
        "uy, mejor el mismo horario pero el viernes",
        "sorry, could we do earlier that day instead, like 10am?",
        "hmm can we do the week after instead, afternoon?",
        "mejor la semana siguiente, por la tarde",
        "actually can we make it a day later, same time?",
        "me surgió algo, ¿me la puede poner a las diez, el mismo día?",
        "Oiga, mejor un día después, a la misma hora",
        "actually same time but Friday",
        "can we do the same slot on thursday?",
        "en el mismo horario pero el lunes",
    ],
)
def test_a_move_relative_to_the_appointment_is_noticed(text: str) -> None:
    assert mentions_shift(text), text


OFFERED = [
    datetime(2026, 12, 9, 13, 0, tzinfo=TZ),
    datetime(2026, 12, 9, 13, 30, tzinfo=TZ),
    datetime(2026, 12, 9, 13, 30, tzinfo=TZ),
]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("ok, 2", 1),
        ("yes 3", 2),
        ("sí, la 2", 1),
        ("vale, 1", 0),
        ("sure, 2 please", 1),
        ("the 2nd", 1),  # no time offered on the 2nd of a month but the 2nd itself
        ("the 3rd one", 2),
        ("la segunda", 1),
    ],
)
def test_a_position_after_a_yes_or_as_an_ordinal_picks(text: str, index: int) -> None:
    assert resolve_choice(text, OFFERED, tz=TZ, language="en") == index


def test_the_nth_is_a_day_when_a_time_on_that_day_is_offered() -> None:
    days = [datetime(2026, 12, 2, 9, 0, tzinfo=TZ), datetime(2026, 12, 3, 9, 0, tzinfo=TZ)]
    assert resolve_choice("the 3rd", days, tz=TZ, language="en") == 1
    assert resolve_choice("the 2nd", days, tz=TZ, language="en") == 0


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("the 10:30 one", 10 * 60 + 30),
        ("la de las 4", 16 * 60),
        ("the 2pm one then please", 14 * 60),
        ("3:30 works", 15 * 60 + 30),
        ("a las 4 y media", 16 * 60 + 30),
        ("at 11am please", 11 * 60),
    ],
)
def test_a_time_alone_is_named_for_the_day_on_offer(text: str, minute: int) -> None:
    assert clock_named(text) == minute


@pytest.mark.parametrize(
    "text",
    ["tomorrow at 3:30", "la de las 4 del jueves", "10:30 on friday", "the first one", "2", "la primera"],
)
def test_a_time_with_a_day_or_a_position_is_not_a_time_alone(text: str) -> None:
    assert clock_named(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ok can someone from the clinic get back to me about it then",
        "can somebody call me",
        "could a real person contact me please",
        "can you have someone reach out to me",
        "bueno, que me conteste una persona por favor",
        "que una persona me llame por favor",
        "que me llame alguien",
        "que me responda alguien de la clínica",
    ],
)
def test_asking_for_a_person_to_answer_hands_off(text: str) -> None:
    assert read(text).intent is Intent.HANDOFF


@pytest.mark.parametrize(
    "text",
    ["the doctor can get back to me whenever", "someone told me to call", "que me atiendan el lunes"],
)
def test_other_mentions_of_someone_are_no_hand_off(text: str) -> None:
    assert read(text).intent is not Intent.HANDOFF


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Hola! quiero pedir cita con dermatología el miércoles por la tarde y otra pregunta, "
            "¿aceptan Blue Cross?",
            "¿aceptan Blue Cross?",
        ),
        (
            "I need a cardiology appointment next week, and another question: do you take Aetna?",
            "do you take Aetna?",
        ),
        ("necesito cita con pediatría el lunes, una pregunta más: ¿dónde estacionan?", "¿dónde estacionan?"),
    ],
)
def test_another_question_beside_a_request_is_served_too(text: str, first: str) -> None:
    assert split_requests(text, now=NOW, tz=TZ, language="es")[0] == first


@pytest.mark.parametrize(
    ("text", "name", "born"),
    [
        (
            "Hi, Ben Okoye here, dob 7 Feb 1989. Can I get a family medicine appt Monday afternoon?",
            "Ben Okoye",
            "1989-02-07",
        ),
        ("Sara Kim here, born 3/4/1990", "Sara Kim", "1990-03-04"),
        (
            "Buenas noches, soy nueva, me llamo Valentina Ríos y naci el 23/08/1994. Quisiera una cita",
            "Valentina Ríos",
            "1994-08-23",
        ),
        ("Marta Gil, 05/11/1979. quiero cita", "Marta Gil", "1979-11-05"),
        ("my dob is 12/24/1961. thanks", None, "1961-12-24"),
    ],
)
def test_a_name_and_a_birth_date_ending_a_sentence_identify(text: str, name: str | None, born: str) -> None:
    fields = read(text).fields
    assert fields.birth_date is not None and fields.birth_date.isoformat() == born
    if name:
        assert fields.name == name


@pytest.mark.parametrize(
    "text",
    [
        "si llego 20 minutos tarde ¿pierdo la cita?",
        "what if I'm 10 minutes late to my appointment?",
        "if I run late will I lose my appointment?",
        "si llego un poco tarde me la cambian?",
        "if I show up 15 min late do I lose my spot?",
    ],
)
def test_running_late_asks_the_policy(text: str) -> None:
    assert read(text).intent is Intent.QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Morales told me to start vitamin D, does it matter if I take it with food or not? not urgent",
        "should I take my metformin with food?",
        "¿el omeprazol lo tomo con o sin comida?",
        "is it better taking them on an empty stomach?",
    ],
)
def test_how_to_take_a_medicine_is_for_the_care_team(text: str) -> None:
    understood = read(text)
    assert understood.intent is Intent.TICKET and understood.fields.ticket_category == "medical_question"


@pytest.mark.parametrize(
    "text", ["can I take the 3pm one with Dr. Chen", "I want to take it with Dr. Morales on friday"]
)
def test_taking_a_time_with_a_doctor_still_books(text: str) -> None:
    assert read(text).intent is Intent.BOOK


@pytest.mark.parametrize(
    "text",
    [
        "el lunes me toca el análisis de colesterol, ¿tengo que ir en ayunas? ¿puedo tomar un cafecito?",
        "mañana tengo análisis de sangre, ¿puedo tomar un tecito?",
        "tengo examen de sangre en ayunas, ¿una aguita sí puedo?",
    ],
)
def test_a_little_coffee_before_a_blood_test_asks_the_fasting_guidance(text: str) -> None:
    assert read(text).intent is Intent.QUESTION
    assert split_requests(text, now=NOW, tz=TZ, language="es") == []


@pytest.mark.parametrize(
    "text",
    [
        "Can you send a copy of my vaccination records to my employer? HR needs it by next week",
        "could you fax my lab results to Dr. Smith at Mercy?",
        "can you please email my records to my new doctor",
        "¿me pueden enviar mis resultados de laboratorio por correo?",
        "¿me puede mandar una copia de mis vacunas?",
    ],
)
def test_something_done_with_ones_own_records_is_a_ticket(text: str) -> None:
    understood = read(text)
    assert understood.intent is Intent.TICKET and understood.fields.ticket_category == "records"


@pytest.mark.parametrize(
    "text",
    [
        "my old doctor has all my records — do I have to get them myself or can you request them?",
        "do I pick up the form or can you email it?",
        "¿tengo que pedir el historial yo o ustedes lo piden?",
    ],
)
def test_which_way_something_works_is_a_question(text: str) -> None:
    assert read(text).intent is Intent.QUESTION
