"""The words each intent is read from, in English and Spanish: the intent lexicon, the yes and no
phrases, and the carrier keywords for opting out and in.

Kept apart from `intents` so the rules there read as rules, and so the guards in `changeguards`
can share the same patterns without importing the rules that call them.
"""

from __future__ import annotations

from agents.understanding.text import phrase_pattern, phrases, tokens, vocabulary_of
from agents.understanding.types import Intent

OPT_OUT_WORDS = frozenset({"stop", "stopall", "unsubscribe", "end", "quit", "baja", "optout"})
OPT_OUT_TAIL = OPT_OUT_WORDS | {"please", "all", "now", "messages", "texts", "texting"}
OPT_IN_WORDS = frozenset({"start", "unstop", "subscribe", "resubscribe", "alta", "resume"})
LEXICON: dict[Intent, tuple[str, ...]] = {
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
AFFIRM = phrases(
    "yes|yeah|yep|yup|ya|sure|ok|okay|k|alright|all right|correct|right|that's right|exactly|confirm"
    "|confirmed|i confirm|sounds good|looks good|perfect|great|good|fine|that works|works for me|go ahead"
    "|do it|please do|book it|yes please|absolutely|of course|definitely|si|claro|dale|vale|de acuerdo"
    "|correcto|perfecto|confirmo|esta bien|bueno|listo|por supuesto|exacto|eso es|adelante|hagalo|sale"
    "|okey|oki|please|por favor|thanks|gracias|that one|ese|esa|that's fine|that is fine|awesome|cool|genial"
    "|excellent|excelente|super|nice"
)
DENY = phrases(
    "no|nope|nah|not really|no thanks|no thank you|wrong|incorrect|that's wrong|that's not right|not that"
    "|neither|none|none of them|none of those|none of these|don't|do not|no gracias|ninguno|ninguna"
    "|ninguna de esas|ninguno de esos|tampoco|incorrecto|no es correcto|mejor no|nada|negativo|para nada"
    "|another day|another time|different time|something else|other options|otras opciones|otro dia"
    "|otra hora|later|more options|not good|doesn't work|no me sirve|no puedo"
)
PATTERNS = {intent: phrase_pattern(words) for intent, words in LEXICON.items()}
# A reply opening with one of these is a yes (or a no) unless the same clause also says the other.
YES_LEAD = frozenset(
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
NO_LEAD = frozenset(
    {"no", "nope", "nah", "none", "neither", "ninguno", "ninguna", "nada", "negativo", "wrong"}
)
HESITATIONS = frozenset(
    {"actually", "well", "um", "umm", "hmm", "uh", "oh", "sorry", "pues", "mmm", "eh", "ah"}
)
AFFIRM_SET = frozenset(" ".join(tokens(p)) for p in AFFIRM)
DENY_SET = frozenset(" ".join(tokens(p)) for p in DENY)
THANKS_SET = frozenset(" ".join(tokens(p)) for p in LEXICON[Intent.THANKS])
GREETING_SET = frozenset(" ".join(tokens(p)) for p in LEXICON[Intent.GREETING])
VOCABULARY = vocabulary_of(
    [*(w for ws in LEXICON.values() for w in ws), *AFFIRM, *DENY, "scheduled", "booked"]
)
