"""Outbound notifications in English and Spanish: reminders, follow-ups, confirmations, and notes.

`render(kind, language, **fields)` fills a short, friendly message from already formatted fields
(the caller formats dates and times for the patient's language and the clinic's time zone):
`first_name`, `date`, `time`, `practitioner`, `clinic_name`, `clinic_address`. Only what a
template uses is required; `first_name` and `clinic_address` may always be left out. Nothing
beyond a first name, the date and time and the practitioner goes in: these travel over WhatsApp
and SMS and sit on lock screens.

The reminder's reply keywords (CONFIRM / CANCEL / RESCHEDULE, CONFIRMAR / CANCELAR / CAMBIAR) are
part of the message: the inbound side must recognise exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, StrictUndefined, Template, meta

LANGUAGES = ("en", "es")
OPTIONAL = ("first_name", "clinic_address")

_HI = {
    "en": "Hi{% if first_name %} {{ first_name }}{% endif %},",
    "es": "Hola{% if first_name %} {{ first_name }}{% endif %},",
}
_ADDRESS = {
    "en": "{% if clinic_address %} Address: {{ clinic_address }}.{% endif %}",
    "es": "{% if clinic_address %} Dirección: {{ clinic_address }}.{% endif %}",
}

_SOURCES: dict[str, dict[str, tuple[str, str]]] = {
    "appointment_reminder": {
        "en": (
            "Reminder: your appointment on {{ date }} at {{ time }}",
            _HI["en"] + " this is a reminder of your appointment with {{ practitioner }} at {{ clinic_name }}"
            " on {{ date }} at {{ time }}." + _ADDRESS["en"] + "\n"
            "Reply CONFIRM to confirm, CANCEL to cancel or RESCHEDULE to change it.",
        ),
        "es": (
            "Recordatorio: su cita el {{ date }} a las {{ time }}",
            _HI["es"] + " le recordamos su cita con {{ practitioner }} en {{ clinic_name }}"
            " el {{ date }} a las {{ time }}." + _ADDRESS["es"] + "\n"
            "Responda CONFIRMAR para confirmarla, CANCELAR para anularla o CAMBIAR para cambiarla.",
        ),
    },
    "follow_up": {
        "en": (
            "How are you feeling after your visit?",
            _HI["en"] + " thank you for visiting {{ practitioner }} at {{ clinic_name }} on {{ date }}."
            " How are you feeling? If anything is unclear about your care, just reply to this message.",
        ),
        "es": (
            "¿Cómo se encuentra después de su visita?",
            _HI["es"] + " gracias por su visita con {{ practitioner }} en {{ clinic_name }} el {{ date }}."
            " ¿Cómo se encuentra? Si tiene alguna duda sobre su atención, responda a este mensaje.",
        ),
    },
    "appointment_booked": {
        "en": (
            "Appointment booked: {{ date }} at {{ time }}",
            _HI["en"] + " your appointment with {{ practitioner }} at {{ clinic_name }} is booked for"
            " {{ date }} at {{ time }}." + _ADDRESS["en"] + "\nTo cancel or change it, just reply here.",
        ),
        "es": (
            "Cita reservada: {{ date }} a las {{ time }}",
            _HI["es"] + " su cita con {{ practitioner }} en {{ clinic_name }} queda reservada para el"
            " {{ date }} a las {{ time }}."
            + _ADDRESS["es"]
            + "\nPara cancelarla o cambiarla, responda aquí.",
        ),
    },
    "appointment_cancelled": {
        "en": (
            "Appointment cancelled: {{ date }} at {{ time }}",
            _HI["en"] + " your appointment with {{ practitioner }} on {{ date }} at {{ time }} has been"
            " cancelled. Reply here whenever you would like to book a new time.",
        ),
        "es": (
            "Cita cancelada: {{ date }} a las {{ time }}",
            _HI["es"] + " su cita con {{ practitioner }} el {{ date }} a las {{ time }} ha sido cancelada."
            " Responda aquí cuando quiera reservar otra hora.",
        ),
    },
    "voice_note_unsupported": {
        "en": (
            "Please type your message",
            _HI["en"]
            + " sorry, we can't listen to voice notes here yet. Could you type your message instead?",
        ),
        "es": (
            "Por favor, escriba su mensaje",
            _HI["es"] + " lo sentimos, todavía no podemos escuchar notas de voz por aquí."
            " ¿Podría escribir su mensaje?",
        ),
    },
}

# Plain text for WhatsApp, SMS and e-mail text parts: HTML escaping would corrupt it.
_ENV = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)  # noqa: S701


@dataclass(frozen=True)
class RenderedMessage:
    subject: str  # for e-mail; chat channels send `text` alone
    text: str


class UnknownTemplate(KeyError):
    """A message kind with no template; the message lists the kinds there are."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class _Compiled:
    subject: Template
    text: Template
    required: frozenset[str]


def _compile(subject: str, text: str) -> _Compiled:
    names = meta.find_undeclared_variables(_ENV.parse(subject)) | meta.find_undeclared_variables(
        _ENV.parse(text)
    )
    return _Compiled(_ENV.from_string(subject), _ENV.from_string(text), frozenset(names - set(OPTIONAL)))


_TEMPLATES = {
    kind: {language: _compile(*source) for language, source in by_language.items()}
    for kind, by_language in _SOURCES.items()
}
KINDS = tuple(_TEMPLATES)


def language_of(language: str) -> str:
    """`es`, `es-MX`, `ES` → `es`; anything without templates → `en`."""
    primary = language.strip().lower().replace("_", "-").split("-", 1)[0]
    return primary if primary in LANGUAGES else "en"


def required_fields(kind: str) -> frozenset[str]:
    """The fields `render(kind, …)` cannot do without (the same in every language)."""
    return _template(kind, "en").required


def _template(kind: str, language: str) -> _Compiled:
    if kind not in _TEMPLATES:
        raise UnknownTemplate(f"no message template {kind!r}; the kinds are: {', '.join(KINDS)}")
    return _TEMPLATES[kind][language_of(language)]


def render(kind: str, language: str, **fields: Any) -> RenderedMessage:
    """The message `kind` in `language` (English when there is no such translation).

    Raises `UnknownTemplate` for an unknown kind and `ValueError` naming any missing field; fields
    a template does not use are ignored, so one dict of appointment facts serves every kind.
    """
    template = _template(kind, language)
    missing = sorted(name for name in template.required if fields.get(name) in (None, ""))
    if missing:
        raise ValueError(f"message {kind!r} needs {', '.join(missing)}")
    values = {name: None for name in OPTIONAL} | fields
    return RenderedMessage(
        subject=template.subject.render(values).strip(), text=template.text.render(values).strip()
    )
