"""Spanish questions about the clinic are answered in Spanish with the passage that answers them
(the demo knowledge base's Spanish sections, found by the documents' own words for what was asked:
"¿a qué hora abren?" / "abrimos", "¿qué llevo?" / "traiga", "renueven" / "renovar")."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("¿a qué hora abren?", "8:30"),
        ("a q hora cierran los viernes", "5:30"),
        ("¿abren los sábados?", "sábados"),
        ("¿necesito cita para sacarme sangre?", "sin cita"),
        ("¿puedo tomar café antes del análisis?", "café"),
        ("¿puedo tomar mis pastillas antes del examen de sangre?", "medicinas"),
        ("¿dónde están ubicados?", "1200 Riverside"),
        ("¿dónde dejo el carro?", "garaje"),
        ("¿se puede llegar en autobús?", "autobuses"),
        ("¿trabajan con Aetna?", "Aetna"),
        ("no tengo seguro, ¿cuánto cuesta la consulta?", "30%"),
        ("¿qué pasa si llego tarde?", "15 minutos"),
        ("¿qué documentos necesito llevar?", "identificación"),
        ("¿con cuánto tiempo de anticipación tengo que llegar?", "10 minutos"),
        ("¿cómo pido que me renueven una receta?", "farmacia"),
        ("¿vacunan a niños?", "pediatría"),
        ("¿puedo ir con mi perro guía?", "animales de servicio"),
        ("¿cuánto se tarda en recibir el expediente?", "10 días"),
    ],
)
async def test_a_spanish_question_gets_the_spanish_passage_that_answers_it(
    question: str, answer: str, patient: Any
) -> None:
    someone = patient()
    reply = await someone.says(question)
    assert someone.last.outcome == "answered", reply
    assert answer in reply and "(Fuente:" in reply, reply
