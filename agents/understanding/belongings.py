"""Lost property: something the patient left or lost at the clinic, and asks whether it was found.

"I left my reading glasses in the waiting room yesterday", "did anyone find a blue scarf?", "se me
olvidó el paraguas en la sala de espera". It is a request for staff to look (a ticket, category
`other`), not a clinic question and not a cancellation ("se me olvidó la cita" forgets a visit).

The line: losing a thing is lost property only when the clinic is where it was left, or the patient
asks whether someone found or turned it in. "I lost my insurance card, can you send me a new one?"
names no place at the clinic and asks for nothing to be found: it keeps its own reading.
"""

from __future__ import annotations

import re

from agents.understanding.text import Text

# Left, forgot, lost or dropped something ("left a message" and "left early" leave no thing behind).
_LEFT = (
    r"(?:(?:i|we|my\s+\w+)\s+(?:think\s+(?:i|we)\s+|may\s+have\s+|might\s+have\s+|must\s+have\s+)?"
    r"(?:left|forgot|lost|dropped)|(?:i'?ve|we'?ve)\s+(?:left|lost|dropped)"
    r"|(?:se\s+me\s+(?:olvido|olvidaron|quedo|quedaron|cayo|cayeron|perdio|perdieron))|(?:olvide|deje|perdi))"
)
_NOT_A_THING = (
    r"(?!\s+(?:a\s+)?(?:message|voicemail|early|late|work|home|recado|mensaje|la\s+cita|mi\s+cita|the\s+appointment"
    r"|my\s+appointment|consciousness|weight|blood|peso|sangre|el\s+conocimiento)\b)"
)
# Where, at the clinic: a room, the desk, the garage, or the clinic itself.
_PLACE = (
    r"(?:waiting\s+room|waiting\s+area|exam(?:ination)?\s+rooms?|exam\s+room|front\s+desk|reception|lobby|restroom"
    r"|bathroom|your\s+(?:office|clinic|garage|parking|lab)|the\s+(?:clinic|office|lab|garage|parking\s+lot|pharmacy)"
    r"|at\s+my\s+(?:visit|appointment)|sala\s+de\s+espera|consultorio|recepcion|bano|la\s+clinica|el\s+laboratorio"
    r"|el\s+garaje|el\s+estacionamiento|en\s+mi\s+cita|en\s+la\s+consulta)"
)
_LEFT_HERE = re.compile(rf"\b{_LEFT}\b{_NOT_A_THING}[^.?!]{{0,80}}?\b{_PLACE}\b")
# Asking whether it was found or handed in.
_FOUND = re.compile(
    r"\b(?:(?:did|has|have)\s+(?:any\s*one|some\s*one|anybody|somebody|staff)\s+(?:\w+\s+)?(?:find|found"
    r"|turn(?:ed)?\s+(?:in|it\s+in|them\s+in)|hand(?:ed)?\s+in|see|seen|pick(?:ed)?\s+up)"
    r"|lost\s+and\s+found|lost\s+property|objetos\s+perdidos"
    r"|(?:alguien|ustedes)\s+(?:lo|la|los|las)?\s*(?:encontro|encontraron|encontraria|vio|vieron|guardo|guardaron"
    r"|recogio|recogieron|entrego)|(?:lo|la|los|las)\s+(?:encontraron|tienen|guardaron))\b"
)
_THING_LOST = re.compile(rf"\b{_LEFT}\b{_NOT_A_THING}")
_FOUND_THING = re.compile(r"\b(?:find|found|seen|encontr\w+)\s+(?:an?|my|un|una|mi|mis)\s+\w+")


def reports_lost_property(text: Text) -> bool:
    """Something left or lost at the clinic, or asked after as found (see the module's docstring)."""
    source = text.corrected
    if _LEFT_HERE.search(source):
        return True
    return bool(_FOUND.search(source)) and bool(_THING_LOST.search(source) or _FOUND_THING.search(source))
