"""The clinic the agent speaks for, as the agent needs to know it: its name, where it is, how to
reach it, when it is open and which specialties it offers.

This is data, never code: a clinic's own rows (its main location and its practitioners, seeded for
the demo) fill it, so a real clinic runs this without editing anything here. The graph loads it
(graphs/clinic.py) and hands it to the templates and, on the model path, to the prompts.
"""

from __future__ import annotations

from dataclasses import dataclass

# what the agent calls a clinic that has not entered its details yet, in the reply's language
UNNAMED = {"en": "the clinic", "es": "la clínica"}


@dataclass(frozen=True)
class Clinic:
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    hours: str | None = None
    specialties: tuple[str, ...] = ()  # codes of the specialties its active practitioners practise

    def called(self, language: str) -> str:
        """Its name, or "the clinic" in `language` while it has none."""
        return self.name or UNNAMED.get(language, UNNAMED["en"])


ANY = Clinic()  # a clinic known by no details: the default where none is passed (tests, tools)
