"""Who a call's visit is for: the caller's words about it win over the platform's `patient_name`,
which is often the caller's own ("Hi, I'm Barnaby Voss, I'm calling to book for my son … His name is
Felix"; "soy Maria Garcia, pero la cita es para mi hijo Mateo"). Held-out v5 booked the parent both
times. A call for oneself keeps the platform's name, as before."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from agents.understanding import understand
from agents.understanding.spelledout import unspell
from graphs.conversation.prefill import caller_text, merge, read_prefill
from tests.instant import NOW, TZ


def who(transcript: str, data: dict[str, Any]) -> tuple[str | None, date | None]:
    said = understand(caller_text(transcript), now=NOW, tz=TZ)
    p = read_prefill(data, now=NOW, tz=TZ, language_hint=None)
    fields = merge(said, p, tz=TZ, now=NOW).fields
    return fields.name, fields.birth_date


@pytest.mark.parametrize(
    ("transcript", "data", "name", "born"),
    [
        (
            "Agent: Riverside Health. Caller: Hi, I'm Barnaby Voss, I'm calling to book for my son, not for "
            "me. "
            "His name is Felix, F-E-L-I-X, Voss, V-O-S-S, born March third, twenty-nineteen. He needs "
            "pediatrics.",
            {"patient_name": "Barnaby Voss", "date_of_birth": "2019-03-03"},
            "Felix Voss",
            date(2019, 3, 3),
        ),
        (
            "Agente: Riverside Health. Paciente: Hola, soy Maria Garcia, pero la cita no es para mi, es "
            "para mi "
            "hijo Mateo Garcia, nacio el doce de septiembre de dos mil dieciseis. Necesita pediatria.",
            {"patient_name": "Maria Garcia"},
            "Mateo Garcia",
            date(2016, 9, 12),
        ),
        (
            "Agent: hello. Caller: this is Dana Kim, it's for my daughter, her name is Zoe Kim, born "
            "5/6/2018, "
            "she needs a checkup",
            {"patient_name": "Dana Kim", "date_of_birth": "1984-01-01"},
            "Zoe Kim",
            date(2018, 5, 6),
        ),
        (
            "Agente: buenas. Paciente: le habla Jorge Mendoza, es para mi hija Lucia Mendoza, nacio el 3 de "
            "marzo de 2015, tiene fiebre",
            {"patient_name": "Jorge Mendoza"},
            "Lucia Mendoza",
            date(2015, 3, 3),
        ),
        (  # the platform heard the child's name: it stays
            "Agent: hi. Caller: I'm calling for my son Leo Park, born June 2 2017, he needs pediatrics",
            {"patient_name": "Leo Park", "date_of_birth": "2017-06-02"},
            "Leo Park",
            date(2017, 6, 2),
        ),
        (  # for my son, no name said: the caller's own name is not the son's; identity asks for his
            "Agent: hi. Caller: Hi, I'm Barnaby Voss, I need pediatrics for my son on Wednesday",
            {"patient_name": "Barnaby Voss"},
            None,
            None,
        ),
        (  # for oneself: the platform's name, as before
            "Agent: hi. Caller: Hi, it's Maria Garcia, I'd like a cardiology appointment",
            {"patient_name": "Maria Garcia", "date_of_birth": "1985-04-12"},
            "Maria Garcia",
            date(1985, 4, 12),
        ),
        (  # spelt out by the caller, heard otherwise by the platform, for oneself
            "Agent: hi. Caller: my name is Siobhan, S-I-O-B-H-A-N, Mulcahy, M-U-L-C-A-H-Y, born May 5 1990",
            {"patient_name": "Shavon Mulcahy", "date_of_birth": "1990-05-05"},
            "Siobhan Mulcahy",
            date(1990, 5, 5),
        ),
    ],
)
def test_the_callers_words_about_whom_the_visit_is_for_win(
    transcript: str, data: dict[str, Any], name: str | None, born: date | None
) -> None:
    assert who(transcript, data) == (name, born)


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        (
            "His name is Felix, F-E-L-I-X, Voss, V-O-S-S, born March third",
            "His name is Felix Voss, born March third",
        ),
        (
            "soy Anibal, A-N-I-B-A-L, Echeverri, E-C-H-E-V-E-R-R-I, naci el 3",
            "soy Anibal Echeverri, naci el 3",
        ),
        ("my name is Ana, A-N-A, and I need", "my name is Ana, and I need"),  # an ordinary word follows
        ("Novak, N-O-V-A-K", "Novak,"),
        ("my name is D A R I A", "my name is Daria"),
        ("Xochitl X-O-C-H-I-T-L Ybarra Y-B-A-R-R-A", "Xochitl Ybarra"),
    ],
)
def test_a_name_spelt_word_by_word_stays_one_name(spoken: str, written: str) -> None:
    assert unspell(spoken) == written
