"""Dates, requests and people of held-out v5, each read as a class with near-misses that keep their
reading: "24/7" is no date; "the first day after …" is no 1st of the month; a day said to be a
holiday or full ("Monday's a holiday", "el jueves es Acción de Gracias") is not the day asked for
and outranks a call's extracted date; a wish with a specialty and a day is a visit even when the
words touch a clinic topic; a relative taken back ("for my son? no sorry, for ME") leaves the
writer's own visit; cancel verbs carry their pronoun ("anúlala"); birth days known by name."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.understanding import Intent, understand
from agents.understanding.birthwords import spell_birth_aligned
from agents.understanding.dates import parse_when, taken_back_days
from agents.understanding.identity import find_birth_date
from agents.understanding.text import fold
from agents.understanding.types import Language

TZ = ZoneInfo("America/New_York")
NOW = datetime(2028, 9, 1, 15, 10, tzinfo=TZ)  # Friday 1 September 2028, before Labor Day
TODAY = NOW.date()


def day_of(text: str, language: Language = "en") -> date:
    when = parse_when(text, now=NOW, tz=TZ, language=language)
    assert when is not None, text
    return when.start.date()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "this dandruff is literally killing me lol, like snow on my shoulders 24/7."
            " derm thursday afternoon?",
            "en",
        ),
        ("itchy 24/7, derm thursday", "en"),
        ("me pica 24/7, dermatologia el jueves", "es"),
        ("open 24/7? no, I mean cardiology on thursday", "en"),
    ],
)
def test_all_the_time_is_no_date(text: str, language: Language) -> None:
    assert day_of(text, language) == date(2028, 9, 7), text


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("derm 9/14 pls", "en", date(2028, 9, 14)),
        ("dermatologia el 24/9", "es", date(2028, 9, 24)),
        ("cardiology 7/24", "en", date(2029, 7, 24)),
        ("el 24/7/2029", "es", date(2029, 7, 24)),
    ],
)
def test_numeric_dates_beside_it_still_read(text: str, language: Language, day: date) -> None:
    assert day_of(text, language) == day


@pytest.mark.parametrize(
    "text",
    [
        "whats the first day after the long weekend u have cardiology? tuesday morning ideally",
        "the first day you have after the holiday, tuesday morning",
        "first day back after labor day, so tuesday morning",
        "the 1st day available, tuesday morning",
    ],
)
def test_the_first_day_after_is_no_first_of_the_month(text: str) -> None:
    when = parse_when(text, now=NOW, tz=TZ, language="en")
    assert when is not None and when.start.date() == date(2028, 9, 5) and when.part_of_day == "morning", text


def test_the_first_of_the_month_is_still_the_first() -> None:
    assert day_of("cardio on the 1st of october") == date(2028, 10, 1)


CALL = (
    "Yeah hi, James Smith. Looking for family medicine, uh, next Tuesday? Oh wait, Monday's a holiday,"
    " so Tuesday's gonna be packed. Make it Thursday, Thursday afternoon."
)


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        (CALL, "en", date(2028, 9, 7)),
        ("monday's a holiday so tuesday for derm", "en", date(2028, 9, 5)),
        ("thursday is thanksgiving so friday for cardio", "en", date(2028, 9, 8)),
        ("tuesday is gonna be busy, wednesday for derm?", "en", date(2028, 9, 6)),
        ("wednesday will be packed, thursday then", "en", date(2028, 9, 7)),
        ("el lunes es feriado, mejor el martes con cardiologia", "es", date(2028, 9, 5)),
        ("el martes va a estar lleno, el miercoles entonces", "es", date(2028, 9, 6)),
        ("el jueves es Accion de Gracias, el viernes entonces", "es", date(2028, 9, 8)),
    ],
)
def test_a_day_said_to_be_a_holiday_or_full_is_not_asked_for(
    text: str, language: Language, day: date
) -> None:
    when = understand(text, now=NOW, tz=TZ, language_hint=language).fields.when
    assert when is not None and when.start.date() == day and when.end.date() <= date(2028, 9, 9), text


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("monday's fine for derm", "en", date(2028, 9, 4)),
        ("tuesday is good", "en", date(2028, 9, 5)),
        ("el lunes esta bien", "es", date(2028, 9, 4)),
    ],
)
def test_a_day_said_to_be_fine_is_asked_for(text: str, language: Language, day: date) -> None:
    assert day_of(text, language) == day


def test_days_ruled_out_are_taken_back_from_a_calls_fields() -> None:
    assert taken_back_days(CALL, today=TODAY, language="en") == {date(2028, 9, 4), date(2028, 9, 5)}
    spanish = (
        "Quiero cita con medicina general el jueves... ay no, el jueves es Accion de Gracias. El jueves"
        " de la otra semana, el treinta, en la tarde."
    )
    assert taken_back_days(spanish, today=date(2028, 11, 21), language="es") == {date(2028, 11, 23)}
    assert taken_back_days("family medicine thursday afternoon", today=TODAY, language="en") == set()


def read(text: str) -> tuple[Intent, str | None, str | None]:
    u = understand(text, now=NOW, tz=TZ)
    return u.intent, u.fields.specialty, u.fields.relative


@pytest.mark.parametrize(
    "text",
    [
        "is derm open the day after the holiday? I'd like that tuesday morning",
        "jaja mi jefe me va a matar si falto otra vez, asi que necesito medicina general el jueves"
        " temprano. nada grave, es para un chequeo",
        "does dermatology take walk ins? i want to come thursday morning",
        "quiero ir a cardiologia el lunes, aceptan medicare?",
        "is cardiology in on friday? I need a check-up friday morning",
        "quisiera ortopedia el martes en la tarde, ¿dónde estacionan?",
    ],
)
def test_a_wish_with_a_specialty_and_a_day_is_a_visit(text: str) -> None:
    assert read(text)[0] is Intent.BOOK, text


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to know if cardiology is open on tuesday?",
        "quiero saber si dermatologia abre el martes",
        "do I need to fast for the cardiology check on friday?",
        "necesito ayunar para el analisis de cardiologia del viernes?",
        "is cardiology open on saturday?",
        "can I get a flu shot on a tuesday afternoon without booking",
        "is family medicine open friday? I'd like a flu shot without an appointment",
    ],
)
def test_wanting_to_know_is_still_a_question(text: str) -> None:
    assert read(text)[0] is Intent.QUESTION, text


@pytest.mark.parametrize(
    ("text", "specialty", "relative"),
    [
        ("pediatrics for my son? no sorry, for ME, dermatology wednesday at half 10", "dermatology", None),
        ("pediatrics for me? no lol family medicine, tuesday at 11am", "family-medicine", None),
        ("quiero pediatria para mi... no perdon, para mi misma dermatologia el lunes", "dermatology", None),
        ("para mi hija no, para mi, dermatologia", "dermatology", None),
        ("for my wife? no wait, it's for me, cardiology friday", "cardiology", None),
        ("cita para mi hijo... no, para mi hija, pediatria el lunes", "pediatrics", "hija"),
        ("pediatrics for my son, no, he has no fever", "pediatrics", "son"),
        ("my son needs pediatrics, no rush", "pediatrics", "son"),
        ("pediatria para mi hijo, no tiene fiebre", "pediatrics", "hijo"),
        ("appointment for my daughter tuesday", "pediatrics", "daughter"),
    ],
)
def test_a_relative_taken_back_leaves_the_writers_own_visit(
    text: str, specialty: str, relative: str | None
) -> None:
    _, found, who = read(text)
    assert (found, who) == (specialty, relative), text


@pytest.mark.parametrize(
    "text",
    [
        "al final no voy a poder, anulala por favor",
        "si, anulala",
        "anúlela porfa",
        "cancélela por favor",
        "cancelenla",
        "me la puede anular?",
        "quiero anularla",
        "bórramela, ya no la necesito",
        "cancelala porfa",
        # held-out v6: "quitar", "borrar", "eliminar" with the pronoun or the appointment named
        "siempre no, quítela por favor",
        "sí, quítela",
        "quítenla porfa",
        "mejor borre esa cita, ya me siento mejor",
        "elimine la cita del martes por favor",
        "quite esa cita, no voy a poder",
    ],
)
def test_cancel_verbs_with_their_pronoun_cancel(text: str) -> None:
    assert read(text)[0] is Intent.CANCEL, text


@pytest.mark.parametrize(
    "text",
    [
        "¿me pueden quitar el cargo de la factura?",
        "quiero que borren mis datos de la lista de correos",
        "¿cómo elimino mi cuenta del portal?",
        "la doctora me quitó la medicina",
    ],
)
def test_taking_off_something_else_is_no_cancellation(text: str) -> None:
    assert read(text)[0] is not Intent.CANCEL, text


@pytest.mark.parametrize(
    ("text", "language", "born"),
    [
        ("Quentin Ashworth, born Christmas Eve 1972. cardiology thursday", "en", date(1972, 12, 24)),
        ("born on new year's day 1980", "en", date(1980, 1, 1)),
        ("Ivy Doyle, born Halloween 1999", "en", date(1999, 10, 31)),
        ("born on valentine's day, 1990", "en", date(1990, 2, 14)),
        ("nací en Nochebuena del 72, soy Ana Paz", "es", date(1972, 12, 24)),
        ("naci el dia de reyes de 1990", "es", date(1990, 1, 6)),
        ("Nací el día de Navidad de 1985", "es", date(1985, 12, 25)),
    ],
)
def test_birth_days_known_by_name(text: str, language: Language, born: date) -> None:
    found = find_birth_date(spell_birth_aligned(fold(text)), language=language, today=TODAY)
    assert found is not None and found.value == born, text


@pytest.mark.parametrize(
    "text",
    ["christmas eve appointment?", "closed on christmas?", "halloween party at 7", "navidad 2028 abren?"],
)
def test_named_days_without_a_birth_year_are_no_birth_date(text: str) -> None:
    assert find_birth_date(spell_birth_aligned(fold(text)), language="en", today=TODAY) is None, text


SUNDAY = datetime(2027, 10, 17, 20, 30, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ortopedia el jueves de la semana que viene no, de esta semana, el 21, en la mañana", "es"),
        ("this week, the 21st, morning", "en"),
        ("esta semana, el 21 por la mañana", "es"),
        ("tomorrow? no, the 21st in the morning", "en"),
    ],
)
def test_a_day_of_the_month_said_outright_wins_over_a_relative_day(text: str, language: Language) -> None:
    when = parse_when(text, now=SUNDAY, tz=TZ, language=language)
    assert when is not None and when.start.date() == date(2027, 10, 21) == when.end.date(), text


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("el lunes 18 o el martes", date(2027, 10, 18), date(2027, 10, 19)),
        ("thursday the 21st or friday", date(2027, 10, 21), date(2027, 10, 22)),
    ],
)
def test_weekdays_said_beside_a_date_stay(text: str, first: date, last: date) -> None:
    when = parse_when(text, now=SUNDAY, tz=TZ, language="es" if "el" in text else "en")
    assert when is not None and when.start.date() == first and when.end.date() == last + timedelta(days=1)
