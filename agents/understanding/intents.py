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
from agents.understanding.closedsaid import without_closed_said
from agents.understanding.moverequests import asks_to_move
from agents.understanding.owndetails import updates_own_details
from agents.understanding.pastcancellations import without_past_cancellations
from agents.understanding.persons import asks_for_person
from agents.understanding.requestshapes import (
    asks_how_to,
    asks_if_booking_needed,
    asks_number_for,
    asks_results_by_chat,
    asks_to_come,
    asks_to_send_own_records,
    asks_which_way,
    uses_book_verb,
    without_no_booking,
)
from agents.understanding.text import Text, analyse, phrase_pattern, phrases, tokens, vocabulary_of
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
    policy_start,
    ticket_category,
)
from agents.understanding.types import Intent
from agents.understanding.unavailable import without_unavailable
from agents.understanding.visitwishes import visit_about_a_topic

EXACT, TYPO, GUESS, NONE = 0.9, 0.75, 0.6, 0.2

_OPT_OUT_WORDS = frozenset({"stop", "stopall", "unsubscribe", "end", "quit", "baja", "optout"})
_OPT_OUT_TAIL = _OPT_OUT_WORDS | {"please", "all", "now", "messages", "texts", "texting"}
_OPT_IN_WORDS = frozenset({"start", "unstop", "subscribe", "resubscribe", "alta", "resume"})
_LEXICON: dict[Intent, tuple[str, ...]] = {
    Intent.OPT_OUT: phrases(
        "opt out|unsubscribe me|stop texting me|stop messaging me|stop sending|no more messages"
        "|darme de baja|dame de baja|dar de baja|no quiero recibir mas mensajes|no me escriban mas"
        "|no me manden mas mensajes|no me envien mas mensajes|no quiero mas mensajes|dejen de escribirme"
    ),
    Intent.OPT_IN: phrases("opt in|opt back in|darme de alta|dame de alta|start messages again"),
    Intent.HANDOFF: phrases(
        "real person|live agent|human agent|live person|call me back|someone call me|persona real"
        "|que me llamen|llamenme|llámenme|hablar con alguien|talk to someone|speak to someone"
        "|speak with someone|talk with someone|talk to somebody|speak to somebody|real human|want a human"
        "|want a person|need a human|need a person|transfer me|get me a human|get me a person"
        "|nurse call me|doctor call me|somebody call me|give me a call"
        "|human pls|human please|human plz|a human please|talk to a human|speak to a human|speak with a human"
        "|talk with a human|human being|bot isnt helping|bot isn't helping|bot is not helping"
        "|quiero un humano|un humano|hablar con un humano|humano por favor|humano porfa|agente humano"
        "|este bot no"
    ),
    Intent.RESCHEDULE: phrases(
        "reschedule|re-schedule|move my appointment|move the appointment|move it|change my appointment"
        "|change the appointment|change the time|change the date|change my booking|postpone|push back"
        "|push it|rebook|reprogramar|reagendar|cambiar mi cita|cambiar la cita|cambiar la hora"
        "|cambiar el dia|cambiar de dia|cambiar de hora|mover mi cita|mover la cita|aplazar|posponer"
        "|pasar la cita|cambiar mi turno|cambiar el turno|cancel and rebook|push my appointment"
        "|push the appointment|move my visit|move my appt|change my appt|change my visit|pasar mi cita"
        "|switch my appointment|switch the appointment|switch my appt|switch it"
        "|different day for my appointment|different time for my appointment|another day for my appointment"
        "|cambiarla|cambiarmela|me la cambias|me la cambia|me la puedes cambiar|me la puede cambiar"
        "|me la pueden cambiar|la podemos cambiar|la puedo cambiar|me la puedes mover"
        "|me la puedes pasar"
        "|la puedes pasar|la pueden pasar|la puede pasar|la puedes cambiar|la pueden cambiar|la puedes mover"
        "|lo puedes pasar|la pueden mover"
        "|me la pasas|pasala|pasamela|cambiala|cambiamela|cambiame la cita|cambieme la cita"
        "|muevame la cita"
        "|me la puede mover|pasarla|la podemos pasar|la puedo pasar|me la pueden pasar"
    ),
    Intent.CANCEL: phrases(
        "cancel|cancelled|canceled|cancelling|canceling|call off|delete my appointment"
        "|won't be able to make it|can't make it|cannot make it|can't come|cancelar|anular|anula|cancela"
        "|cancelen|anulen|no podre ir|no puedo ir|no voy a poder ir"
        # the verb with its object pronoun, as patients write it without accents ("anúlala" → "anulala")
        "|anulala|anulalo|anulela|anulelo|anulenla|anulamela|anulemela|anulenmela|cancelala|cancelalo"
        "|cancelela|cancelelo|cancelenla|cancelamela|cancelemela|cancelenmela|cancelarla|anularla"
        "|borrala|borrela|borrenla|borramela|eliminala|eliminela|quitamela|quitemela"
        "|quitala|quitela|quitenla|eliminenla|borrarla|eliminarla|quitarla"
        "|me la puedes quitar|me la puede quitar|me la pueden quitar|me la quitas|me la quita|quitarmela"
        "|la puedes quitar|la puede quitar|la pueden quitar|me la puedes borrar|me la puede borrar"
        "|me la borras|me la puedes anular|me la anulas"
        # the verb with the appointment named ("mejor borre esa cita", "quite la cita del martes")
        "|borre esa cita|borra esa cita|borre la cita|borra la cita|borren la cita|borren esa cita"
        "|elimine esa cita|elimina esa cita|elimine la cita|elimina la cita|quite esa cita|quita esa cita"
        "|quite la cita|quita la cita"
        "|dala de baja|denla de baja"
    ),
    Intent.LIST_APPOINTMENTS: phrases(
        "my appointments|my upcoming appointments|my next appointment|when is my appointment"
        "|when's my appointment|what time is my appointment|do i have an appointment"
        "|do i have any appointments|list my appointments|show my appointments|upcoming appointments"
        "|remind me of my appointment|remind me when my appointment|mis citas|mis turnos"
        "|recuerdame mi cita|mi proxima cita|cuando es mi cita|a que hora es mi cita|tengo cita"
        "|tengo alguna cita|tengo citas|ver mis citas|mis proximas citas|what appointments do i have"
        "|do i have something booked|do i have anything booked|what do i have booked|my bookings"
        "|when my appointment is|what do i have coming up|anything coming up|me recuerdas cuando es mi cita"
        "|what time my appointment is|what time is my appt|when is my appt|a que hora tengo la cita"
        "|cuando tengo la cita"
        "|my visits|my upcoming visits|my next visit|que citas tengo|que turnos tengo"
    ),
    Intent.BOOK: phrases(
        "book|booking|appointment|appt|schedule|make an appointment|set up an appointment|see a doctor"
        "|see the doctor|see dr|see someone|like to see|want to see|need to see|get an appointment|be seen"
        "|get seen|come in|can i come|could i come|can we come|could we come|new patient|visit|available"
        "|availability|any openings|cita|turno|puedo ir|puedo pasar|disponible|disponibilidad|hay hueco"
        "|tienen hueco|do you have anything|anything available|something available|tienen algo|hay algo"
        "|agendar|reservar|pedir cita|sacar cita|sacar turno|pedir hora|una consulta|consulta|quiero ver"
        "|necesito ver|ver a un|ver al|ver a la|ver a una|pedir un turno|podemos ir|podriamos ir"
        "|podemos pasar"
        "|puede verla|puede verlo|pueden verla|pueden verlo|can you see her|can you see him|can we be seen"
        "|bring my baby in|bring my son in|bring my daughter in|bring my kid in|bring my child in"
        "|bring him in"
        "|bring her in|bring them in|me pueden atender|me puede atender|me podrian atender|me podria atender"
        "|pueden atenderme|puede atenderme|me atienden|can you see me|could you see me|can i be seen"
        "|get me in|fit me in|squeeze me in|me das cita|me dan cita|me da cita|dame cita|deme cita"
        "|deme una cita"
    ),
    Intent.THANKS: phrases(
        "thanks|thank you|thx|ty|thank u|cheers|appreciate it|bye|goodbye|bye bye|see you|gracias"
        "|muchas gracias|mil gracias|te lo agradezco|se agradece|adios|hasta luego|chau|chao"
    ),
    Intent.GREETING: phrases(
        "hi|hello|hey|hiya|good morning|good afternoon|good evening|greetings|hola|buenas|buenos dias"
        "|buenas tardes|buenas noches|que tal|saludos"
    ),
}
_AFFIRM = phrases(
    "yes|yeah|yep|yup|ya|sure|ok|okay|k|alright|all right|correct|right|that's right|exactly|confirm"
    "|confirmed|i confirm|sounds good|looks good|perfect|great|good|fine|that works|works for me|go ahead"
    "|do it|please do|book it|yes please|absolutely|of course|definitely|si|claro|dale|vale|de acuerdo"
    "|correcto|perfecto|confirmo|esta bien|bueno|listo|por supuesto|exacto|eso es|adelante|hagalo|sale"
    "|okey|oki|please|por favor|thanks|gracias|that one|ese|esa|that's fine|that is fine|awesome|cool|genial"
    "|excellent|excelente|super|nice"
)
_DENY = phrases(
    "no|nope|nah|not really|no thanks|no thank you|wrong|incorrect|that's wrong|that's not right|not that"
    "|neither|none|none of them|none of those|none of these|don't|do not|no gracias|ninguno|ninguna"
    "|ninguna de esas|ninguno de esos|tampoco|incorrecto|no es correcto|mejor no|nada|negativo|para nada"
    "|another day|another time|different time|something else|other options|otras opciones|otro dia"
    "|otra hora|later|more options|not good|doesn't work|no me sirve|no puedo"
)
_PATTERNS = {intent: phrase_pattern(words) for intent, words in _LEXICON.items()}
# A reply opening with one of these is a yes (or a no) unless the same clause also says the other.
_YES_LEAD = frozenset(
    {
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "ok",
        "okay",
        "si",
        "claro",
        "dale",
        "vale",
        "correct",
        "correcto",
        "perfect",
        "perfecto",
        "absolutely",
        "confirm",
        "confirmo",
        "great",
        "listo",
        "exacto",
    }
)
_NO_LEAD = frozenset(
    {"no", "nope", "nah", "none", "neither", "ninguno", "ninguna", "nada", "negativo", "wrong"}
)
_HESITATIONS = frozenset(
    {"actually", "well", "um", "umm", "hmm", "uh", "oh", "sorry", "pues", "mmm", "eh", "ah"}
)
_AFFIRM_SET = frozenset(" ".join(tokens(p)) for p in _AFFIRM)
_DENY_SET = frozenset(" ".join(tokens(p)) for p in _DENY)
_THANKS_SET = frozenset(" ".join(tokens(p)) for p in _LEXICON[Intent.THANKS])
_GREETING_SET = frozenset(" ".join(tokens(p)) for p in _LEXICON[Intent.GREETING])
# "I need to cancel — is there a fee?" asks for the change, whatever else it asks.
_WANTS_CHANGE = re.compile(
    r"\b(?:i\s+(?:need|want|would\s+like|have|got)\s+to|i'd\s+like\s+to|i\s+must|i'?ll\s+have\s+to|please|pls"
    r"|necesito|quiero|tengo\s+que|quisiera|por\s+favor|voy\s+a)\s+(?:\w+\s+){0,2}?"
    r"(?:cancel|reschedule|move|change|postpone|cancelar|cambiar|mover|reprogramar|anular)"
)
# "move my Friday appointment", "cambiar la cita del martes": a move, whatever words sit between.
_MOVE_APPOINTMENT = re.compile(
    r"\b(?:move|change|switch|push|shift|bump|reschedule)\s+(?:my|the|our|her|his|this|that)\s+(?:[\w']+\s+){0,3}?"
    r"(?:appointment|appt|visit|booking|consult|checkup|check-up)s?\b"
    r"|\b(?:cambiar|mover|pasar|cambiarme|moverme|pasarme|cambiame|cambieme|muevame|mueveme|pasame)\s+(?:mi|la|el)\s+"
    r"(?:\w+\s+){0,2}?(?:cita|turno|consulta)\b"
)
_HAS_BOOKED = re.compile(
    r"\b(?:i\s+(?:booked|have\s+(?:an?\s+)?(?:appointment|appt|booking)|am\s+booked|was\s+booked)|my\s+(?:appointment|appt"
    r"|booking|visit)\s+(?:is|on|for)|tengo\s+(?:una\s+)?cita|mi\s+cita\s+(?:es|del?|para)|me\s+dieron\s+cita)\b"
)
_EXISTING = re.compile(
    r"\b(?:my|the|our|mi|la|el|nuestra)\s+(?:appointment|appt|visit|booking|cita|turno|consulta)\b"
)
_RATHER = re.compile(r"\b(?:instead|rather|en\s+vez|en\s+lugar|mejor\s+(?:el|para\s+el))\b")
_INSTEAD = re.compile(r"\binstead\s+of\b|\ben\s+(?:vez|lugar)\s+del?\b")
_CLAUSE = re.compile(r"[,.;!?:]|\s(?:but|pero)\s")
VOCABULARY = vocabulary_of(
    [*(w for ws in _LEXICON.values() for w in ws), *_AFFIRM, *_DENY, "scheduled", "booked"]
)


@dataclass(frozen=True)
class Reading:
    """An intent and the confidence it was read with."""

    intent: Intent
    confidence: float


def _found(text: Text, intent: Intent) -> bool:
    return bool(_PATTERNS[intent].search(text.corrected))


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
    while words and words[0] in _HESITATIONS:
        words = words[1:]
    if _is_only(words, _THANKS_SET):
        return None
    says_no = bool(words) and (words[0] in _NO_LEAD or _is_only(words, _DENY_SET))
    says_yes = bool(words) and (words[0] in _YES_LEAD or _is_only(words, _AFFIRM_SET))
    if says_no and not any(w in _YES_LEAD for w in words):
        return Intent.DENY
    if says_yes and not any(w in _NO_LEAD for w in words):
        return Intent.AFFIRM
    return None


def agrees(text: str) -> bool:
    """Whether a reply opens with a plain yes ("yes, the 2pm one", "sí, la de las 10", "ok 2"): with
    a pick among times offered for a move, the patient has agreed to the move as well."""
    words = tokens(analyse(text, VOCABULARY).corrected)
    while words and words[0] in _HESITATIONS:
        words = words[1:]
    return bool(words) and words[0] in _YES_LEAD and not any(w in _NO_LEAD for w in words)


def opt_change(text: Text) -> Intent | None:
    """OPT_OUT/OPT_IN: a carrier keyword alone ("STOP", "BAJA", "START") or an explicit phrase."""
    words = tokens(text.corrected)
    if len(words) <= 2 and words and words[0] in _OPT_OUT_WORDS and words[-1] in _OPT_OUT_TAIL:
        return Intent.OPT_OUT
    if len(words) <= 2 and words and words[0] in _OPT_IN_WORDS:
        return Intent.OPT_IN
    for intent in (Intent.OPT_OUT, Intent.OPT_IN):
        if _found(text, intent):
            return intent
    return None


def strong_intent(text: Text) -> Reading | None:
    """Intents that hold whatever the agent was waiting for: opt-out, a person, change, cancel, list."""
    if intent := opt_change(text):
        return Reading(intent, _sure(text))
    if asks_for_person(text):
        return Reading(Intent.HANDOFF, _sure(text))
    policy = _policy_first(text)
    if (_MOVE_APPOINTMENT.search(text.corrected) or asks_to_move(text.corrected)) and not policy:
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
            and not (intent is Intent.CANCEL and (_only_a_constraint(text) or _only_told(text)))
        ):
            return Reading(intent, _sure(text))
    return None


def _only_a_constraint(text: Text) -> bool:
    """ "En la mañana no puedo ir, ¿tienen cita el lunes en la tarde?": the "no puedo ir" says when
    not to offer, beside a request for a time, and no existing appointment is spoken of."""
    rest = without_unavailable(text.corrected)
    return (
        rest != text.corrected
        and not _PATTERNS[Intent.CANCEL].search(rest)
        and bool(_PATTERNS[Intent.BOOK].search(rest))
        and not _HAS_BOOKED.search(rest)
        and not _EXISTING.search(rest)
    )


def _only_told(text: Text) -> bool:
    """Every cancel word is a cancellation told in the past ("Dr. Becker's office cancelled my
    appointment twice", "pero sí cancelé"): nothing is asked to be cancelled (`pastcancellations`)."""
    rest = without_past_cancellations(text.folded)
    return rest != text.folded and not _PATTERNS[Intent.CANCEL].search(analyse(rest, VOCABULARY).corrected)


def _policy_first(text: Text) -> bool:
    """A question about the cancellation policy, unless it follows a request to change
    ("I need to cancel — is there a fee?" cancels; "how much notice do I need to give to
    reschedule?" asks)."""
    policy = asks_about_policy(text)
    wants = _WANTS_CHANGE.search(text.corrected)
    return policy and (wants is None or wants.start() > policy_start(text))


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
    if asks_to_send_own_records(text):
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
    if _PATTERNS[Intent.BOOK].search(without_no_booking(text.corrected)):
        if info and is_question(text) and not uses_book_verb(text) and not asks_to_come(text):
            return Reading(Intent.QUESTION, sure)  # "¿la consulta con el dermatólogo la cubre el seguro?"
        return Reading(Intent.BOOK, sure)
    if info and (asks_for_something(text) or len(tokens(text.corrected)) <= 3):
        return Reading(Intent.QUESTION, sure)
    words = tokens(text.corrected)
    if is_question(text) and len(words) > 2 and not _is_only(words, _GREETING_SET | _THANKS_SET):
        return Reading(Intent.QUESTION, GUESS)
    return None


def swaps_day(text: Text) -> bool:
    """ "Thursday instead of Tuesday", "I booked for Tuesday but I'd like Wednesday instead": a move
    of an existing appointment when nothing else was asked."""
    source = text.corrected
    return bool(_INSTEAD.search(source) or (_HAS_BOOKED.search(source) and _RATHER.search(source)))


def small_talk(text: Text) -> Reading | None:
    """Thanks, yes/no and greetings — what is left when nothing else was asked."""
    words = tokens(text.corrected)
    if words and words[0] in _NO_LEAD and _found(text, Intent.THANKS):
        return Reading(Intent.DENY, _sure(text))  # "no thanks", "no gracias": declined, politely
    if _found(text, Intent.THANKS):
        return Reading(Intent.THANKS, _sure(text))
    if intent := yes_or_no(text):
        return Reading(intent, _sure(text))
    if _found(text, Intent.GREETING):
        return Reading(Intent.GREETING, _sure(text))
    return None
