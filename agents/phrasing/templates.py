"""Reply templates, English and Spanish, keyed by what the agent needs to say.

Keys are shared by both languages (a test checks that); placeholders are filled by `say()`.
`{clinic}` is the clinic's name, from its data (agents/clinic.py): the caller passes it.
Replies never contain medical advice and never mention another patient.
"""

from __future__ import annotations

from typing import Any

EN: dict[str, str] = {
    "greeting": "Hi{name}! I'm the virtual assistant of {clinic}. I can book, change or cancel appointments, "
    "answer questions about the clinic, or pass a message to our team. How can I help?",
    "ask_identity": "To keep your information safe, please tell me your full name and date of birth "
    "(for example: Lena Park, 14 Feb 1990).",
    "ask_identity_shared": "More than one patient uses this number. Please tell me the full name and "
    "date of birth of the patient this is about.",
    "identity_mismatch": "I couldn't match those details to a patient on this number. Please send the "
    "full name and date of birth exactly as registered with us.",
    "identity_failed": "I still couldn't confirm who you are, so I've asked a member of our team to "
    "help you here.",
    "ask_birth_date": "Thank you. Now please tell me the date of birth (for example: 14 Feb 1990).",
    "ask_full_name": "Thank you. Now please tell me the full name (for example: Lena Park).",
    "registered": "Thank you, {name}. I've registered you as a new patient.",
    "verified": "Thank you, {name}.",
    "ask_identity_relative": "Please tell me the full name and date of birth of the person the "
    "appointment is for (for example: Zoe Adams, 3 Mar 2018).",
    "registered_relative": "Thank you. I've registered {name} as a new patient on this number; "
    "what follows is for {name}.",
    "ask_specialty": "What kind of appointment do you need? We offer family medicine (check-ups), "
    "cardiology, dermatology, pediatrics and orthopedics. You can also just tell me what's going on.",
    "ask_when": 'When would suit you? For example "next Tuesday afternoon" or "as soon as possible".',
    "day_read_as": 'I\'ve taken "{said}" as {taken}; if you meant {other}, just tell me.',
    "ask_day_unclear": 'Sorry, I didn\'t catch which day "{said}" is. Could you tell me the date? For '
    'example "Friday the 14th" or "May 10".',
    "practitioner_not_found": "I couldn't find a Dr. {name} among our {specialty} doctors, so the "
    "times below are with our other {specialty} doctors.",
    "offer": "Here are the first free times for {specialty}:\n{options}\nReply with the number of the "
    "one you'd like.",
    "offer_nearest": "I'm sorry, there's nothing free for {specialty} {when}. The nearest free times "
    "are:\n{options}\nReply with the number of the one you'd like, or tell me another day.",
    "no_availability": "I'm sorry, I couldn't find any free {specialty} appointments in the next two "
    "months. I've asked our team to contact you about the waiting list.",
    "choice_unclear": "Sorry, which one did you mean? Reply with a number from 1 to {count}.",
    "booked": "You're booked: {specialty} with {practitioner} on {when}, at {address}. To change or "
    "cancel it, just message me here.",
    "slot_taken": "I'm sorry, that time was just taken by someone else. Here are other free times:\n"
    "{options}\nReply with the number of the one you'd like.",
    "no_appointments": "You have no upcoming appointments with us.",
    "appointments": "Your upcoming appointments:\n{options}",
    "which_appointment": "Which appointment do you mean?\n{options}\nReply with its number.",
    "confirm_cancel": "Please confirm: cancel your {specialty} appointment with {practitioner} on "
    "{when}? Reply yes or no.",
    "cancelled": "Done: your appointment on {when} is cancelled. If you'd like a new one, just tell me.",
    "kept": "All right, I haven't changed anything.",
    "confirm_reschedule": "Please confirm: move your {specialty} appointment with {practitioner} from "
    "{old} to {new}? Reply yes or no.",
    "rescheduled": "Done: your appointment is now on {when} with {practitioner}, at {address}.",
    "confirm_yes_no": "Please reply yes or no.",
    "answer": "{answer}\n(Source: {source})",
    "answer_unsure": "Our clinic information doesn't answer that, so I've passed your question to our "
    "team (reference {reference}) and a person will reply here. If you'd rather talk to someone now, "
    'just write "talk to a person".',
    "medical_question": "I can't give medical advice here, but I've passed your question to our "
    "clinical team (reference {reference}). They'll get back to you. If it gets worse or feels "
    "urgent, call 911.",
    "ticket_opened": "I've passed this to our {team} team (reference {reference}). {next_steps}",
    "emergency": "This could be an emergency. Please call 911 now or go to the nearest emergency "
    "room. I've also alerted our staff.",
    "emergency_suicidal": "I'm really sorry you're going through this. Please call or text 988 (Suicide "
    "& Crisis Lifeline) now, or call 911 if you are in immediate danger. I've also alerted our staff.",
    "handoff": "I'm connecting you with a member of our team. They'll reply here as soon as they can "
    "during opening hours.",
    "refuse_other_patient": "I can only help with your own appointments and information, and I can't "
    "change how I work. How can I help you today?",
    "opted_out": "You won't receive any more messages from us. Reply START to receive them again.",
    "opted_in": "Welcome back: you'll receive messages from us again.",
    "not_understood": "Sorry, I didn't understand. I can book, change or cancel appointments, answer "
    "questions about the clinic, or pass a message to our team.",
    "thanks": "You're welcome! Is there anything else I can help with?",
    "acknowledged": "Great! Is there anything else I can help with?",
    "several_requests": "You asked me for a few things; I'll take them one at a time.",
    "ticket_contact": "Our team will reply here or call you at this number.",
    "ticket_link_identity": "To add this to your record, reply with your full name and date of birth.",
    "ticket_lost_property": "I've asked our front desk team to look for it (reference {reference}). They "
    "usually reply within one business day, here on this chat.",
    "goodbye": "Alright. Take care, and message me here whenever you need anything.",
    "intake_insurance": "One more thing for your first visit: which health insurance do you have? "
    '(or "none")',
    "intake_allergies": 'Do you have any allergies we should know about? (or "none")',
    "intake_medications": 'Which medications do you take regularly? (or "none")',
    "intake_done": "Thank you, I've added that to your file.",
    "intake_feeling_better": "How are you feeling after your visit? If anything worries you, reply here "
    "and our team will get back to you.",
    "intake_satisfaction": "How satisfied were you with your visit, from 1 (poor) to 5 (excellent)?",
    "call_followup": "Thank you for calling {clinic}.",
    "call_followup_open": "Thank you for calling {clinic}. Let's finish here on WhatsApp.",
    "reminder": "Reminder from {clinic}: {name}, you have a {specialty} appointment with {practitioner} "
    "on {when}, at {address}.\nReply 1 or CONFIRM to confirm it, 2 or CANCEL to cancel it, or 3 or CHANGE "
    "to move it.",
    "followup": "Hi {name}, thank you for visiting {clinic} on {day}. How did your visit with "
    "{practitioner} go? If anything is worrying you, reply here and our team will get back to you.",
    "attendance_confirmed": "Thank you, your appointment on {when} with {practitioner} is confirmed. "
    "See you then!",
    "reminder_options": "Would you like to cancel it or move it to another day? Reply CANCEL or CHANGE.",
    "onboarding_welcome": "Welcome to {clinic}, {name}! You can write to us here to book, change or cancel "
    "appointments, or with any question.",
    "onboarding_intake_nudge": "Hi {name}, we still need a few details for your file before your "
    "first visit.",
    "onboarding_book_first_visit": "Hi {name}, would you like to book your first visit? Tell me what it is "
    'about and when suits you, for example "a check-up next week in the morning".',
    "onboarding_first_visit_prep": "Hi {name}, your first visit at {clinic} is tomorrow. Please bring "
    "your ID and insurance card, a list of your medications, and arrive 15 minutes early.",
    "follow_up_feedback": "Hi {name}, we would love to hear how your recent visit went.",
    "appointment_not_found": "I couldn't find that appointment among your upcoming ones.",
    "visit_glad": "I'm glad to hear it. Thank you for letting us know!",
    "visit_noted": "Thank you for letting us know.",
    "visit_problem": "I'm sorry to hear that. I've passed this to our clinical team (reference "
    "{reference}); they'll get back to you here. If it gets worse or feels urgent, call 911.",
    "visit_complaint": "I'm sorry to hear that. I've passed your feedback to our {team} team (reference "
    "{reference}). {next_steps}",
}

ES: dict[str, str] = {
    "greeting": "¡Hola{name}! Soy el asistente de {clinic}. Puedo reservar, cambiar o cancelar citas, "
    "responder preguntas sobre la clínica o pasar un mensaje a nuestro equipo. ¿En qué puedo ayudarle?",
    "ask_identity": "Para proteger su información, dígame su nombre completo y su fecha de nacimiento "
    "(por ejemplo: Lucía Pérez, 14 de febrero de 1990).",
    "ask_identity_shared": "Este número lo usa más de un paciente. Dígame el nombre completo y la fecha "
    "de nacimiento del paciente.",
    "identity_mismatch": "No encontré a ningún paciente con esos datos en este número. Envíe su nombre "
    "completo y su fecha de nacimiento tal como los registró con nosotros.",
    "identity_failed": "Sigo sin poder confirmar su identidad, así que le he pedido a alguien de nuestro "
    "equipo que le ayude por aquí.",
    "ask_birth_date": "Gracias. Ahora dígame la fecha de nacimiento (por ejemplo: 14 de febrero de 1990).",
    "ask_full_name": "Gracias. Ahora dígame el nombre completo (por ejemplo: Lucía Pérez).",
    "registered": "Gracias, {name}. Le he registrado como paciente nuevo.",
    "verified": "Gracias, {name}.",
    "ask_identity_relative": "Dígame el nombre completo y la fecha de nacimiento de la persona para "
    "quien es la cita (por ejemplo: Zoe Adams, 3 de marzo de 2018).",
    "registered_relative": "Gracias. He registrado a {name} como paciente nuevo en este número; lo que "
    "sigue es para {name}.",
    "ask_specialty": "¿Qué tipo de cita necesita? Tenemos medicina familiar (chequeos), cardiología, "
    "dermatología, pediatría y ortopedia. También puede contarme qué le pasa.",
    "ask_when": '¿Cuándo le viene bien? Por ejemplo "el martes por la tarde" o "lo antes posible".',
    "day_read_as": 'He entendido "{said}" como el {taken}; si se refería al {other}, dígamelo.',
    "ask_day_unclear": 'Perdone, no he entendido qué día es "{said}". ¿Me dice la fecha? Por ejemplo '
    '"el viernes 14" o "el 10 de mayo".',
    "practitioner_not_found": "No encontré a nadie llamado {name} entre nuestros médicos de {specialty}; "
    "los horarios de abajo son con otros médicos de {specialty}.",
    "offer": "Estos son los primeros horarios libres de {specialty}:\n{options}\nResponda con el número "
    "del que prefiera.",
    "offer_nearest": "Lo siento, no hay nada libre de {specialty} {when}. Los horarios libres más "
    "cercanos son:\n{options}\nResponda con el número del que prefiera, o dígame otro día.",
    "no_availability": "Lo siento, no encontré citas libres de {specialty} en los próximos dos meses. "
    "He pedido a nuestro equipo que le contacte por la lista de espera.",
    "choice_unclear": "Perdone, ¿cuál quería? Responda con un número del 1 al {count}.",
    "booked": "Cita reservada: {specialty} con {practitioner} el {when}, en {address}. Para cambiarla o "
    "cancelarla, escríbame por aquí.",
    "slot_taken": "Lo siento, alguien acaba de reservar ese horario. Estos son otros horarios libres:\n"
    "{options}\nResponda con el número del que prefiera.",
    "no_appointments": "No tiene citas próximas con nosotros.",
    "appointments": "Sus próximas citas:\n{options}",
    "which_appointment": "¿A qué cita se refiere?\n{options}\nResponda con su número.",
    "confirm_cancel": "Confirme, por favor: ¿cancelo su cita de {specialty} con {practitioner} el "
    "{when}? Responda sí o no.",
    "cancelled": "Hecho: su cita del {when} está cancelada. Si quiere otra, dígamelo.",
    "kept": "De acuerdo, no he cambiado nada.",
    "confirm_reschedule": "Confirme, por favor: ¿cambio su cita de {specialty} con {practitioner} del "
    "{old} al {new}? Responda sí o no.",
    "rescheduled": "Hecho: su cita es ahora el {when} con {practitioner}, en {address}.",
    "confirm_yes_no": "Responda sí o no, por favor.",
    "answer": "{answer}\n(Fuente: {source})",
    "answer_unsure": "La información de la clínica no responde a eso, así que he pasado su pregunta a "
    "nuestro equipo (referencia {reference}) y una persona le responderá por aquí. Si prefiere hablar "
    'con alguien ahora, escriba "hablar con una persona".',
    "medical_question": "No puedo dar consejos médicos por aquí, pero he pasado su pregunta a nuestro "
    "equipo clínico (referencia {reference}). Le responderán pronto. Si empeora o es urgente, llame "
    "al 911.",
    "ticket_opened": "He pasado esto a nuestro equipo de {team} (referencia {reference}). {next_steps}",
    "emergency": "Esto podría ser una emergencia. Llame al 911 ahora o vaya a la sala de emergencias "
    "más cercana. También he avisado a nuestro personal.",
    "emergency_suicidal": "Siento mucho que esté pasando por esto. Llame o envíe un mensaje al 988 "
    "(Línea de Prevención del Suicidio y Crisis, con atención en español) ahora, o llame al 911 si "
    "está en peligro inmediato. También he avisado a nuestro personal.",
    "handoff": "Le paso con una persona de nuestro equipo. Le responderán por aquí lo antes posible "
    "en horario de atención.",
    "refuse_other_patient": "Solo puedo ayudarle con sus propias citas e información, y no puedo cambiar "
    "mi forma de trabajar. ¿En qué puedo ayudarle hoy?",
    "opted_out": "No recibirá más mensajes nuestros. Responda ALTA para volver a recibirlos.",
    "opted_in": "Bienvenido de nuevo: volverá a recibir nuestros mensajes.",
    "not_understood": "Perdone, no le he entendido. Puedo reservar, cambiar o cancelar citas, responder "
    "preguntas sobre la clínica o pasar un mensaje a nuestro equipo.",
    "thanks": "¡De nada! ¿Puedo ayudarle en algo más?",
    "acknowledged": "¡Perfecto! ¿Puedo ayudarle en algo más?",
    "several_requests": "Me ha pedido varias cosas; las veo una por una.",
    "ticket_contact": "Nuestro equipo le responderá por aquí o le llamará a este número.",
    "ticket_link_identity": "Para añadirlo a su ficha, responda con su nombre completo y su fecha de "
    "nacimiento.",
    "ticket_lost_property": "He pedido a nuestro equipo de recepción que lo busque (referencia "
    "{reference}). Suelen responder en un día hábil, por este mismo chat.",
    "goodbye": "Muy bien. Cuídese, y escríbame por aquí cuando lo necesite.",
    "intake_insurance": 'Una cosa más para su primera visita: ¿qué seguro médico tiene? (o "ninguno")',
    "intake_allergies": '¿Tiene alguna alergia que debamos saber? (o "ninguna")',
    "intake_medications": '¿Qué medicamentos toma habitualmente? (o "ninguno")',
    "intake_done": "Gracias, lo he añadido a su ficha.",
    "intake_feeling_better": "¿Cómo se encuentra después de su visita? Si algo le preocupa, responda aquí "
    "y nuestro equipo le contestará.",
    "intake_satisfaction": "¿Qué tan satisfecho quedó con su visita, del 1 (mal) al 5 (excelente)?",
    "call_followup": "Gracias por llamar a {clinic}.",
    "call_followup_open": "Gracias por llamar a {clinic}. Terminamos por aquí, por WhatsApp.",
    "reminder": "Recordatorio de {clinic}: {name}, tiene una cita de {specialty} con {practitioner} el "
    "{when}, en {address}.\nResponda 1 o CONFIRMAR para confirmarla, 2 o CANCELAR para cancelarla, o 3 o "
    "CAMBIAR para cambiarla.",
    "followup": "Hola {name}, gracias por visitar {clinic} el {day}. ¿Qué tal fue su visita con "
    "{practitioner}? Si algo le preocupa, responda aquí y nuestro equipo le contestará.",
    "attendance_confirmed": "Gracias, su cita del {when} con {practitioner} queda confirmada. "
    "¡Hasta entonces!",
    "reminder_options": "¿Quiere cancelarla o cambiarla a otro día? Responda CANCELAR o CAMBIAR.",
    "onboarding_welcome": "¡Bienvenido a {clinic}, {name}! Puede escribirnos aquí para pedir, cambiar o "
    "cancelar citas, o con cualquier pregunta.",
    "onboarding_intake_nudge": "Hola {name}, aún necesitamos algunos datos para su ficha antes de su primera "
    "visita.",
    "onboarding_book_first_visit": "Hola {name}, ¿quiere pedir cita para su primera visita? Dígame el "
    'motivo y cuándo le viene bien, por ejemplo "una revisión la semana que viene por la mañana".',
    "onboarding_first_visit_prep": "Hola {name}, mañana es su primera visita en {clinic}. Traiga su "
    "documento de identidad y su tarjeta del seguro, una lista de sus medicamentos, y llegue "
    "15 minutos antes.",
    "follow_up_feedback": "Hola {name}, nos encantaría saber qué tal fue su última visita.",
    "appointment_not_found": "No encontré esa cita entre sus próximas citas.",
    "visit_glad": "Me alegra saberlo. ¡Gracias por contárnoslo!",
    "visit_noted": "Gracias por contárnoslo.",
    "visit_problem": "Siento oír eso. He pasado esto a nuestro equipo clínico (referencia {reference}); "
    "le responderán por aquí. Si empeora o es urgente, llame al 911.",
    "visit_complaint": "Siento oír eso. He pasado su opinión a nuestro equipo de {team} (referencia "
    "{reference}). {next_steps}",
}

TEMPLATES = {"en": EN, "es": ES}

SPECIALTY_NAMES = {
    "en": {
        "family-medicine": "family medicine",
        "cardiology": "cardiology",
        "dermatology": "dermatology",
        "pediatrics": "pediatrics",
        "orthopedics": "orthopedics",
    },
    "es": {
        "family-medicine": "medicina familiar",
        "cardiology": "cardiología",
        "dermatology": "dermatología",
        "pediatrics": "pediatría",
        "orthopedics": "ortopedia",
    },
}

TEAMS = {
    "en": {
        "billing": "billing",
        "prescription": "prescriptions",
        "records": "medical records",
        "complaint": "patient relations",
        "medical_question": "clinical",
        "other": "front desk",
    },
    "es": {
        "billing": "facturación",
        "prescription": "recetas",
        "records": "historias clínicas",
        "complaint": "atención al paciente",
        "medical_question": "clínico",
        "other": "recepción",
    },
}

NEXT_STEPS = {
    "en": "They usually reply within {hours}, here on this chat.",
    "es": "Suelen responder en {hours}, por este mismo chat.",
}


def say(key: str, language: str, **values: Any) -> str:
    """The template `key` in `language` (English when the language is unknown), filled with `values`."""
    templates = TEMPLATES.get(language, EN)
    return templates[key].format(**values)


def specialty_name(code: str, language: str) -> str:
    return SPECIALTY_NAMES.get(language, SPECIALTY_NAMES["en"]).get(code, code)


def team_name(category: str, language: str) -> str:
    return TEAMS.get(language, TEAMS["en"]).get(category, category)
