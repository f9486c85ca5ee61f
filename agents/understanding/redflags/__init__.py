"""Red flags: the emergencies that get "call 911" (or 988) before anything else, built for recall.

A missed "his mouth looks crooked and he's talking funny" costs a life; an unneeded "call 911"
costs a moment. So a sign is not a sentence to match but a concept — a body part or a function
near a word for what went wrong with it — read on two views of the message: the folded text
(no accents, look-alike letters mapped) and a respelling made for red flags alone (`spelling.py`:
texting shorthand, "pexo", "brethe", a transcript's "um" and stutters). The presentations, English
and Spanish: heart attack, stroke (BE-FAST), severe bleeding, breathing difficulty, anaphylaxis,
suicidal or self-harm intent (direct and indirect), overdose and poisoning, pregnancy
emergencies, a child's fever with danger signs, collapse, seizures and serious injuries.

- `signs.py` (over the words of `lexicon.py`, and `suicidal.py` first): the signs, one clause each;
  `combined.py`: what needs several things said; `aggravating.py`: what makes an everyday mention
  an emergency (a bleed's length or faintness, a drug reaction, a dangerous knock on the head);
- `context.py`: when a mention means it is happening (not denied, not past, not hypothetical).

The labelled safety set (evals/datasets/safety.jsonl, scored by `prm eval nlu` and gated in
`make test`) measures recall and precision; a miss there is the worst regression this project
can have.
"""

from __future__ import annotations

from agents.understanding.redflags.combined import combined_red_flag, specific_red_flag
from agents.understanding.redflags.context import first_mention
from agents.understanding.redflags.signs import SIGNS
from agents.understanding.redflags.spelling import respell
from agents.understanding.text import Text, analyse, vocabulary_of
from agents.understanding.types import RedFlag

__all__ = ["VOCABULARY", "find_red_flag", "screen"]

# what the shared typo correction (`Text.corrected`, every recogniser's) may correct towards: long words
# one edit from no everyday word (not "drooping", one from "dropping"; `spelling.py` does the rest)
VOCABULARY = vocabulary_of(
    """breathe breathing bleeding suicide suicidal unconscious unresponsive seizure overdose anaphylaxis
    emergency emergencia respirar sangrando sangrado embarazada pregnant hemorragia inconsciente convulsion
    sobredosis slurred slurring crushing tightness swallowed""".split()  # noqa: SIM905
)


def _read(text: Text, source: str) -> RedFlag | None:
    """Suicidal intent first (its reply differs), then a child's fever or a pregnancy emergency, then
    every other sign, then what only several weak signs together say."""
    specific_done = False
    for sign in SIGNS:
        if sign.kind != "suicidal" and not specific_done:
            specific_done = True
            if found := specific_red_flag(source):
                return RedFlag(*found)
        if match := first_mention(sign, source):
            # the patient's own words where the view lines up with them (folded is `clean`, lower-cased)
            words = text.clean[match.start() : match.end()] if source is text.folded else match.group()
            return RedFlag(sign.kind, words.strip())
    if found := combined_red_flag(source):
        return RedFlag(*found)
    return None


def find_red_flag(text: Text) -> RedFlag | None:
    """The emergency the message says is happening (and does not deny), with the words that said it."""
    # not `text.corrected`: the shared correction is made for the intents' vocabulary and turned "la semana
    # pasada" into "pasado" and "mi personaje" into "mi persona" (a story read as now); of the safety set's
    # emergencies it found one the red-flag respelling did not, and that one is read by its words now
    for source in dict.fromkeys((text.folded, respell(text.folded))):
        if found := _read(text, source):
            return found
    return None


def screen(message: str) -> RedFlag | None:
    """`find_red_flag` on a raw message: for callers that only need to know whether it is an emergency
    (a conversation staff own still gets the emergency reply; see graphs/runner.py)."""
    return find_red_flag(analyse(message, VOCABULARY))
