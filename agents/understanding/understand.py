"""One message → one `Understanding`: language, intent, fields and safety signals, offline.

What the agent is waiting for (`expecting`) decides how a short reply is read: "2" is a choice
while slots are on offer, "sí" confirms while a confirmation is pending, "Lena Park, 14 Feb 1990"
identifies while identity is asked. Intents that change course (a person, opting out, cancel,
reschedule, list) are honoured whatever was expected; red flags and injection are reported on
every message and left to the graph to act on.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from agents.understanding import choices, dates, intents, intentwords, redflags, safety, specialties, topics
from agents.understanding.asked import asked_part
from agents.understanding.belongings import reports_lost_property
from agents.understanding.birthclause import birth_clauses
from agents.understanding.birthwords import spell_birth_aligned
from agents.understanding.borrowed import writes_for_self_elsewhere
from agents.understanding.calendarrules import unread_day
from agents.understanding.choices import mentions_choice, refers_to_option
from agents.understanding.closings import closing
from agents.understanding.dates import timed_text, when_in
from agents.understanding.deferrals import puts_off_pick
from agents.understanding.forwhom import for_self, relative_meant, without_denied
from agents.understanding.identity import Claim, find_birth_date, find_phone
from agents.understanding.intents import EXACT, GUESS, NONE, Reading
from agents.understanding.language import ENGLISH_WORDS, SPANISH_WORDS, detect_language
from agents.understanding.names import mentioned_relative, name_in
from agents.understanding.parentof import child_named
from agents.understanding.requestshapes import asks_to_send_own_records, needed_at_visit
from agents.understanding.specialties import find_practitioner, find_reason, find_specialty
from agents.understanding.text import Text, analyse
from agents.understanding.topics import is_question
from agents.understanding.types import (
    Expecting,
    Fields,
    Intent,
    Language,
    RedFlag,
    TicketCategory,
    TicketPriority,
    Understanding,
)
from agents.understanding.unavailable import UNAVAILABLE
from agents.understanding.visitwishes import asks_for_visit, visit_topic

VOCABULARY = (
    ENGLISH_WORDS
    | SPANISH_WORDS
    | intentwords.VOCABULARY
    | specialties.VOCABULARY
    | dates.VOCABULARY
    | topics.VOCABULARY
    | safety.VOCABULARY
    | redflags.VOCABULARY
    | choices.VOCABULARY
)
# While slots are on offer, these mean "something else", not a pick among them.
_NEW_REQUEST = re.compile(
    r"\b(?:instead|another|other|different|else|later|earlier|anything|something|otro|otra|otros|otras"
    r"|distinto|distinta|diferente|en\s+su\s+lugar|algo|alguna\s+otra)\b"
)
# Wanting something, not to know something: with a specialty and a day, that is a visit ("I'd like
# that Tuesday morning", "necesito medicina general el jueves", "my son needs his checkup + shots,
# friday morning?", "my son is due for his shots, with the pediatrician. next tuesday morning?"), whatever
# topic the words also touch ("me toca el análisis el lunes" tells of a visit already had, not this).
# An infinitive after the wish is another wish ("I need to fast", "necesito saber") unless it is coming in.
_WISH = re.compile(
    r"\b(?:i'?d\s+like|i\s+would\s+like|i\s+(?:want|need)|quiero|quisiera|necesito|me\s+gustaria|ocupo"
    r"|needs|necesita|necesitamos|(?:is|are|am|'s|'m)\s+(?:over)?due\s+for)\b"
    r"(?!\s+to\s+(?!see|book|come|get|make|schedule|have)|\s+(?!ver\b|ir\b|pedir|sacar|agendar|reservar)[a-z]+(?:ar|er|ir)\b)"
)
_NO_BOOKING = re.compile(
    r"\b(?:without\s+(?:booking|an?\s+appo?i?n?t\w*)|walk[\s-]?ins?|sin\s+(?:cita|turno))\b"
)
# A pick this short ("first one", "the 2nd pls", "la primera porfa") is no evidence of a language.
_PICK_WORDS = 4
_FREE_TEXT: tuple[str, ...] = ("reason", "ticket_details", "intake_answer")
_REASON_LEAD = re.compile(
    r"^(?:it'?s\s+|es\s+)?(?:for|about|because(?:\s+of)?|por|porque|para)\s+", re.IGNORECASE
)


def understand(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    expecting: Expecting | None = None,
    language_hint: Language | None = None,
) -> Understanding:
    """Understand one patient message at `now` (aware) in the clinic's time zone `tz`."""
    analysed = analyse(text, VOCABULARY)
    language = detect_language(analysed.clean, hint=language_hint)
    choosing = expecting == "choice" and mentions_choice(analysed.clean)
    if choosing and language_hint and len(analysed.clean.split()) <= _PICK_WORDS:
        language = language_hint  # "first one" in a Spanish chat picks; it asks for no English
    fields = _fields(analysed, now=now, tz=tz, language=language, expecting=expecting)
    if fields.name:  # a name is no evidence of a language: "Maria de la Cruz" writes in English too
        unnamed = detect_language(_without(analysed.clean, fields.name), hint=language_hint)
        if unnamed != language:  # dates are read in the language's order ("12/03" is 3 December in English)
            language = unnamed
            fields = _fields(analysed, now=now, tz=tz, language=language, expecting=expecting)
    red_flag = redflags.find_red_flag(analysed)
    reading = _intent(analysed, fields, expecting, choosing)
    # "I wanted peds but I'll write tomorrow, thanks", "let me check my schedule first and I'll text you
    # back" to the times on offer: nothing to do now
    if reading == closing(analysed) or (reading.intent is Intent.THANKS and _puts_off(analysed, expecting)):
        fields = replace(fields, specialty=None, when=None, practitioner=None, reason=None, relative=None)
    return Understanding(
        text=analysed.clean,
        language=language,
        intent=reading.intent,
        fields=_complete(fields, analysed, reading.intent, red_flag, expecting),
        red_flag=red_flag,
        injection=safety.is_injection(analysed),
        confidence=reading.confidence if analysed.clean else NONE,
    )


def _without(cleaned: str, name: str) -> str:
    """The message with the words of `name` taken out (case-insensitive, accents kept)."""
    words = {word.casefold() for word in name.split()}
    return " ".join(word for word in cleaned.split() if word.strip(",.;:!?").casefold() not in words)


def _blank(cleaned: str, spans: list[tuple[int, int]]) -> str:
    chars = list(cleaned)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _fields(
    text: Text,
    *,
    now: datetime,
    tz: ZoneInfo,
    language: Language,
    expecting: Expecting | None,
) -> Fields:
    today: date = now.astimezone(tz).date()
    birth = find_birth_date(spell_birth_aligned(text.folded), language=language, today=today)
    phone = find_phone(text.clean)
    blanks = [claim.span for claim in (birth, phone) if claim is not None]
    name = name_in(
        text.clean,
        blanks,
        bare=expecting == "identity" or birth is not None,
        birth_at=birth.span[0] if birth else None,
    )
    when = None
    unread = None
    # While identity is asked, a date is read as the birth date; a message with neither a name nor
    # a birth date ("tomorrow afternoon if possible") still tells when the patient would come.
    if expecting != "identity" or (birth is None and name is None):
        # "en la mañana no puedo ir, ¿el lunes en la tarde?": the time asked for, not the one ruled out
        # (which alone, "I can't make it on Monday", still says which appointment)
        cannot = [match.span() for match in UNAVAILABLE.finditer(text.folded)]
        blanks = [*blanks, *birth_clauses(text.folded)]  # "born … ten twelve eighty-eight, October twelfth"
        for spans in ([*blanks, *cannot], blanks) if cannot else (blanks,):
            source = timed_text(_blank(text.clean, spans), VOCABULARY)
            if when := when_in(source, now=now, tz=tz, language=language):
                break
        if when is None and (span := unread_day(source.corrected)):
            unread = (source.corrected if source.typo else source.clean)[span[0] : span[1]]
    reason = find_reason(text)
    if reason and when and (cut := reason.lower().find(when.text.lower())) > 0:
        reason = reason[:cut].strip(" ,.;") or None
    specialty = find_specialty(replace(text, corrected=without_denied(text.corrected)))
    relative = (
        relative_meant(text.folded) or (_is_child(birth, today) and mentioned_relative(text.folded)) or None
    )
    child = child_named(text.clean) if name is None and not relative else None
    if child and (_is_child(birth, today) or specialty == "pediatrics"):
        name, relative = child, "child"  # "this is Lily Morgan's mom … for Lily (dob 1/30/2018)"
    return Fields(
        specialty=specialty,
        reason=reason,
        when=when,
        practitioner=find_practitioner(text.clean),
        name=name,
        birth_date=birth.value if birth else None,
        phone=phone.value if phone else None,
        relative=relative,
        elsewhere=writes_for_self_elsewhere(text),
        unread_day=unread,
        for_self=for_self(text.folded),
    )


def _is_child(birth: Claim[date] | None, today: date) -> bool:
    """Whether the birth date in the message is a child's (under 18 on `today`)."""
    if birth is None:
        return False
    born = birth.value
    return (today.year - born.year - ((today.month, today.day) < (born.month, born.day))) < 18


def _expected(text: Text, fields: Fields, expecting: Expecting | None, choosing: bool) -> Reading | None:
    """The reading a reply gets because of what the agent asked, if it answers that."""
    sure = intents.TYPO if text.typo else EXACT
    if expecting == "choice":
        if choosing and not _NEW_REQUEST.search(text.corrected):
            return Reading(Intent.CHOOSE, sure)
        if fields.when:
            return Reading(Intent.PROVIDE_INFO, sure)
        if answer := intents.yes_or_no(text):
            return Reading(answer, sure)
    answered = (
        (expecting == "identity" and (fields.name or fields.birth_date))
        or (expecting == "specialty" and fields.specialty)
        or (expecting == "when" and fields.when)
    )
    return Reading(Intent.PROVIDE_INFO, sure) if answered else None


def _intent(text: Text, fields: Fields, expecting: Expecting | None, choosing: bool) -> Reading:
    """Course changes first, then a yes/no awaited, then what was asked for, then the words alone."""
    strong = intents.strong_intent(text)
    if strong and strong.intent in (Intent.OPT_OUT, Intent.OPT_IN, Intent.HANDOFF):
        return strong
    if expecting == "confirm" and (answer := intents.yes_or_no(text)):
        return Reading(answer, strong.confidence if strong else EXACT)
    if strong:
        return strong
    if _puts_off(text, expecting):
        return Reading(Intent.THANKS, GUESS)  # no pick: "first" in "let me check … first" is no position
    if expected := _expected(text, fields, expecting, choosing):
        return expected
    if closed := closing(text):
        return closed
    request = intents.request_intent(text)
    if expecting in _FREE_TEXT and text.clean:
        if request and request.intent is Intent.QUESTION and request.confidence > GUESS and is_question(text):
            return request  # "Blue Cross" answers "which insurance?"; "do you take Aetna?" asks
        if not (small := intents.small_talk(text)) or small.intent not in (Intent.THANKS, Intent.GREETING):
            return Reading(Intent.PROVIDE_INFO, EXACT)
        return small
    guessed_question = request and request.intent is Intent.QUESTION and request.confidence == GUESS
    if (
        request
        and request.intent is Intent.QUESTION
        and fields.specialty
        and (fields.when or fields.unread_day)  # a day said that no rule reads is still a day wanted
        and _wishes_visit(text.folded)
    ):
        return Reading(Intent.BOOK, GUESS)  # "is derm open …? I'd like that Tuesday morning": a visit
    if request and request.intent is Intent.BOOK and is_question(text) and needed_at_visit(text, fields):
        return Reading(Intent.QUESTION, GUESS)  # "I need a wheelchair for my appointment. Do you have one?"
    if request and request.intent is Intent.TICKET and _visit_for_a_letter(text, fields):
        return Reading(Intent.BOOK, GUESS)  # "family med tomorrow afternoon pls, … need a note for work"
    if request and not (guessed_question and (fields.specialty or fields.when)):
        return request
    return _leftover(text, fields)


def _puts_off(text: Text, expecting: Expecting | None) -> bool:
    """Times on offer answered with a pick put off ("déjame ver mi agenda y te aviso")."""
    return expecting == "choice" and puts_off_pick(text.clean)


def _visit_for_a_letter(text: Text, fields: Fields) -> bool:
    """A letter staff write (a ticket, "other") asked beside a specialty and a day to come: the visit
    is asked for and the note is what it should give ("a doctor's note for my visit yesterday" names
    no day to come and stays a ticket)."""
    return bool(fields.specialty and fields.when) and topics.ticket_category(text) == "other"


def _wishes_visit(folded: str) -> bool:
    """Wanting to come in (`_WISH`), not asking whether one can come without an appointment."""
    return bool(_WISH.search(folded)) and not _NO_BOOKING.search(folded)


def _leftover(text: Text, fields: Fields) -> Reading:
    """No request keyword: a specialty means booking; dates or identity are information."""
    if fields.specialty or fields.practitioner:
        return Reading(Intent.BOOK, GUESS)
    if fields.when or fields.name or fields.birth_date or fields.phone:
        return Reading(Intent.PROVIDE_INFO, GUESS)
    if small := intents.small_talk(text):
        return small
    if refers_to_option(text.clean):
        return Reading(Intent.CHOOSE, GUESS)
    return Reading(Intent.UNKNOWN, NONE)


def _complete(
    fields: Fields, text: Text, intent: Intent, red_flag: RedFlag | None, expecting: Expecting | None
) -> Fields:
    """Fill what depends on the intent: ticket category and priority, the question, a free-text reason."""
    category: TicketCategory | None = topics.ticket_category(text)
    if category is None and asks_to_send_own_records(text):  # "que manden mis análisis a Texas"
        category = "records"
    priority: TicketPriority | None = None
    if red_flag:
        category, priority = category or "medical_question", "urgent"
    elif intent is Intent.TICKET or expecting == "ticket_details":
        category, priority = category or "other", topics.ticket_priority(text)
        if reports_lost_property(text):
            priority = "normal"  # "I left my glasses there today": staff look, nobody is at risk
    else:
        category = None
    reason = fields.reason
    if (
        intent is Intent.BOOK
        and reason is None
        and (topic := topics.ticket_topic(text))
        and asks_for_visit(text)
    ):
        reason = visit_topic(text, topic)  # "about my cholesterol results": what the visit is for
    if expecting == "reason" and intent is Intent.PROVIDE_INFO and reason is None:
        reason = _REASON_LEAD.sub("", text.clean).strip(" .!") or None
    asks = intent is Intent.QUESTION or category == "medical_question"
    if intent is Intent.TICKET and red_flag is None:  # a request for staff books nothing
        fields = replace(fields, when=None, specialty=None)
    return replace(
        fields,
        reason=reason,
        ticket_category=category,
        ticket_priority=priority,
        # a clinic question is searched without the words around its "¿…?" (`asked`); a medical
        # question goes to the care team as written
        question=(asked_part(text.clean) if intent is Intent.QUESTION else text.clean) if asks else None,
    )
