"""Replies to the agent's own timed messages: an appointment reminder and a post-visit follow-up.

A reminder offers three numbered answers ("1 or CONFIRM, 2 or CANCEL, 3 or CHANGE"), so a reply
is read first as one of them: its first word, a number or a keyword in English or Spanish. The
general reading (`understand`) still decides anything longer ("can we move it to Friday?").

A follow-up asks how the visit went. The reply is sorted into a health problem (the clinical team
should see it), a complaint about the service (patient relations), or fine; a health problem wins
when both are there. Emergencies are not this module's business: the red-flag check runs on every
message before any of this.
"""

from __future__ import annotations

from typing import Literal

from agents.understanding.text import clean, fold, phrase_pattern, phrases, tokens

ReminderAnswer = Literal["confirm", "cancel", "reschedule"]
VisitReport = Literal["medical_question", "complaint", "fine"]

_ANSWERS: dict[str, ReminderAnswer] = {
    **dict.fromkeys(
        phrases(
            "1|confirm|confirmed|confirming|confirmo|confirmar|confirmado|confirmada|confirmamos|ok|okay"
            "|yes|yep|yeah|si|vale|claro"
        ),
        "confirm",
    ),
    **dict.fromkeys(phrases("2|cancel|cancelar|cancela|cancelo|cancelada|anular|anula"), "cancel"),
    **dict.fromkeys(
        phrases("3|change|cambiar|cambio|cambia|cambiala|reschedule|reprogramar|reagendar|move|mover"),
        "reschedule",
    ),
}

# Said to deny a problem ("no pain at all"): blanked out before looking for one.
_NO_PROBLEM = phrase_pattern(
    phrases(
        "no pain|no more pain|pain is gone|pain has gone|pain went away|no longer hurts|doesn't hurt"
        "|does not hurt|no fever|no side effects|no problems|no problem|no issues|not worried"
        "|sin dolor|ya no me duele|ya no duele|no me duele|sin fiebre|sin problemas|ningun problema"
        "|ya no tengo dolor|no tengo dolor"
    )
)
_HEALTH = phrase_pattern(
    phrases(
        "worse|getting worse|still hurts|still in pain|still sick|still have|still has|pain|painful|hurts"
        "|hurting|sore|fever|rash|swollen|swelling|dizzy|dizziness|nausea|nauseous|vomiting|threw up"
        "|side effect|side effects|reaction|allergic|infection|infected|bleeding|headache|not better"
        "|no better|not feeling well|not feeling good|don't feel well|don't feel good|not well|not good"
        "|not great|not fine|not improving|hasn't improved|haven't improved|not improved|worried|concerned"
        "|problem with the medication|problem with my medication|feel sick|feel bad|feel awful"
        "|peor|empeorado|empeora|sigo con|sigo mal|sigo igual|dolor|duele|duelen|me duele|fiebre|mareo"
        "|mareada|mareado|nauseas|vomito|vomitos|efecto secundario|efectos secundarios|reaccion|alergia"
        "|infeccion|hinchado|hinchada|hinchazon|sangrado|no me siento bien|no estoy bien|no muy bien"
        "|no mejoro|sin mejoria|no he mejorado|preocupado|preocupada|me siento mal|estoy mal"
    )
)
_SERVICE = phrase_pattern(
    phrases(
        "rude|unprofessional|disrespectful|waited|wait was|waiting time|long wait|late|delayed|ignored"
        "|didn't listen|did not listen|nobody listened|complaint|complain|unhappy|dissatisfied|not satisfied"
        "|terrible service|bad service|poor service|bad experience|terrible experience|overcharged"
        "|charged twice|dirty|grosero|grosera|maleducado|maleducada|mal trato|trataron mal|me trataron"
        "|espere|esperamos|espera larga|mucha espera|llego tarde|atendieron tarde|retraso|no me escucho"
        "|no me escucharon|queja"
        "|reclamacion|insatisfecho|insatisfecha|mal servicio|mala atencion|mala experiencia|sucio|sucia"
        "|cobraron de mas|me cobraron dos veces"
    )
)
_FINE = phrase_pattern(
    phrases(
        "good|great|fine|well|better|much better|excellent|perfect|all good|ok|okay|fantastic|amazing"
        "|wonderful|helpful|happy|thank you|thanks|bien|muy bien|mejor|mucho mejor|genial|perfecto"
        "|perfecta|excelente|todo bien|estupendo|estupenda|contento|contenta|gracias|de maravilla"
    )
)


def reminder_answer(text: str) -> ReminderAnswer | None:
    """CONFIRM/1, CANCEL/2 or CHANGE/3 (and their Spanish words) as the reply's first word, else None."""
    words = tokens(fold(clean(text)))
    return _ANSWERS.get(words[0]) if words else None


def visit_report(text: str) -> VisitReport | None:
    """How the visit went by the patient's own account; None when the reply says neither."""
    folded = _NO_PROBLEM.sub(" ", fold(clean(text)))
    if _HEALTH.search(folded):
        return "medical_question"
    if _SERVICE.search(folded):
        return "complaint"
    return "fine" if _FINE.search(folded) else None
