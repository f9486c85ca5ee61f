"""Answering from the knowledge base: which section answers, whether to trust it, and the passage.

A patient asks one thing; the answer is the few sentences that answer it (with the document's
title as the source), not the whole section with its line wraps. The sections come from the
search in the patient's language; each section is cut into sentences and bullets, every one is
scored by the question's own words it shares, and the best few are given in document order.
The words are compared as `agents.understanding.knowledgewords` reads them (its stopwords, its
stems, patients' words for what the documents call otherwise): language knowledge, kept there.
"""

from __future__ import annotations

import math
import re

from agents.understanding.knowledgewords import stems_of, with_concepts, words_of
from agents.understanding.text import fold
from tools.schemas import KnowledgeHit

MIN_CONFIDENCE = 0.35  # cosine similarity below which the knowledge base is not trusted to answer
MAX_SENTENCES = 3  # a passage, not a document: what fits on a phone screen
MAX_LIST = 8  # a checklist section is given whole, up to this many lines
MAX_PARAGRAPH_SENTENCES = 6  # paragraphs longer than this together give only their best sentences
SEARCHED = {"en": 6, "es": 10}  # hits asked for: Spanish sections rank lower, so more of them
_SPANISH_SECTION = "En español: "
LEXICAL_FLOOR = 0.25  # below MIN_CONFIDENCE, a section sharing the question's own words still answers


def _body(hit: KnowledgeHit) -> str:
    """A chunk's text without the "<title> — <section>" line it was embedded with."""
    head, _, body = hit.text.partition("\n\n")
    return body.strip() or head.strip()


def _heading(hit: KnowledgeHit) -> str:
    return hit.text.partition("\n\n")[0].rpartition(" — ")[2].removeprefix(_SPANISH_SECTION)


def _fit(hit: KnowledgeHit, asked: set[str], lang: str) -> float:
    """How well a section answers: its similarity, raised by the question's words in its body and
    heading, lowered by heading words the question did not use ("Laboratory and walk-in hours" is
    a worse answer to "your hours on Friday" than "Clinic hours")."""
    heading = stems_of(_heading(hit), lang)
    body = stems_of(hit.text.partition("\n\n")[2], lang)
    return hit.score + 0.08 * len(asked & body) + 0.15 * len(asked & heading) - 0.05 * len(heading - asked)


def best(hits: list[KnowledgeHit], question: str, lang: str) -> KnowledgeHit:
    """The section, in the patient's language, that fits the question best (see `_fit`).

    Every hit competes, not only the top document's: the local embedding model knows English
    well and Spanish poorly, so for a Spanish question the right document is often not first.
    """
    in_language = [h for h in hits if ("español" in h.text.partition("\n\n")[0].casefold()) == (lang == "es")]
    pool = in_language or hits
    asked = stems_of(question, lang)
    if lang == "es":  # the words it shares first: the similarities of Spanish sections are all alike
        return max(pool, key=lambda h: (_shared(h, asked, pool), _fit(h, asked, lang)))
    return max(pool, key=lambda h: _fit(h, asked, lang))


def _shared(hit: KnowledgeHit, asked: set[str], pool: list[KnowledgeHit]) -> float:
    """The question's words in a section, each weighing less the more sections have it ("cita" is
    everywhere, "ayuno" in one; by the square root, so that one rare word does not outweigh
    several), and twice in its heading ("qué traer a su cita" answers what to
    bring better than a section that says "traiga su tarjeta" in passing)."""
    heading = stems_of(_heading(hit), "es")
    weight = 0.0
    for stem in sorted(asked & stems_of(hit.text, "es")):  # one order, one float sum
        spread = sum(stem in stems_of(other.text, "es") for other in pool)
        weight += (2 if stem in heading else 1) / math.sqrt(spread)
    return weight


def confident(hits: list[KnowledgeHit], best: KnowledgeHit, question: str, lang: str) -> bool:
    """Whether the section can be trusted to answer.

    In either language, two of the question's words in the section, one of them in no other
    document found, are enough ("do you accept Harvard Pilgrim?" scores low against any passage).
    English: similar enough, or nearly so and sharing the question's words (a short "do u take
    aetna" scores low against any passage, yet the insurance list names Aetna). Spanish: the local
    model scores every Spanish passage about alike, so at least half the question's own words must
    be in the section ("¿venden tarjetas de regalo?" is not answered by "tarjeta del seguro").
    """
    top = max(h.score for h in hits)
    asked = stems_of(question, lang)
    shared = asked & stems_of(best.text, lang)
    others = set().union(*(stems_of(h.text, lang) for h in hits if h.title != best.title))
    # two of its words in the section, one found in no other document ("intérprete", "Harvard
    # Pilgrim"): what a long spoken question or a name the model does not know is about
    distinctive = len(shared) >= 2 and bool(shared - others)
    if not names_subject(best, question, lang):
        return False
    if lang == "es":
        return top >= LEXICAL_FLOOR and (2 * len(shared) >= len(asked) > 0 or distinctive)
    if top < MIN_CONFIDENCE and _together(best, asked, lang) < min(2, len(shared)):
        return False  # trusted on its words alone, they must be said together ("allergy" ≠ "test results")
    return top >= MIN_CONFIDENCE or (top >= LEXICAL_FLOOR and bool(shared)) or distinctive


# "do you have a pharmacy…?", "do u do allergy testing", "¿tienen cajero automático?", "¿hacen botox?":
# whether the clinic has or does a thing. The thing is named in the few words after the verb.
_HAS_THING = re.compile(
    r"\b(?:do|does|can)\s+(?:you|u|y'?all|ya|the\s+clinic)(?:\s+(?:guys|all))?\s+(?:have|do|offer|sell|provide|carry"
    r"|accept|perform)\s+(?:an?\s+|any\s+)?(?P<en>(?:[\w'-]+\s*){1,3})"
    r"|\b(?:is|are)\s+there\s+(?!(?:somewhere|anywhere|someplace|anyplace|a\s+place)\b)(?:an?\s+|any\s+)?(?P<there>(?:[\w'-]+\s*){1,3})"
    r"|\b(?:tienen|hacen|ofrecen|venden|aceptan|realizan|hay)\s+(?:(?:un|una|unos|unas|algun|alguna)\s+)?"
    r"(?P<es>(?:[\w'-]+\s*){1,3})"
)


def names_subject(best: KnowledgeHit, question: str, lang: str) -> bool:
    """Whether the section names what a "do you have / do you do X?" question asks about: some
    content word of X in it. A section that only shares the question's other words ("pay in cash"
    beside "¿tienen cajero automático?") does not say whether the clinic has X, so it must not be
    given as the answer. Questions of another shape, or an X of no content words, pass."""
    found = _HAS_THING.search(with_concepts(fold(question)))
    if found is None:
        return True
    thing = stems_of(found["en"] or found["there"] or found["es"], lang)
    return not thing or bool(thing & stems_of(best.text, lang))


def _together(best: KnowledgeHit, asked: set[str], lang: str) -> int:
    """The most of the question's words that one sentence of the section says, with its title line
    (which every sentence of the section is said under)."""
    title = asked & stems_of(best.text.partition("\n\n")[0], lang)
    return max(len(title | (asked & stems_of(sentence, lang))) for sentence in ["", *_sentences(_body(best))])


def _paragraphs(body: str) -> list[list[str]]:
    """A section's paragraphs (a bullet is one), each as its sentences, the file's line wraps joined."""
    paragraphs: list[list[str]] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-*] )", body):
        joined = " ".join(line.strip() for line in block.splitlines()).strip()
        joined = re.sub(r"\*\*(.+?)\*\*", r"*\1*", joined)  # Markdown bold as WhatsApp bold
        if not joined:
            continue
        if joined.startswith(("- ", "* ")):
            paragraphs.append([joined])
        else:
            paragraphs.append([part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z¿¡(])", joined) if part])
    return paragraphs


def _sentences(body: str) -> list[str]:
    return [sentence for paragraph in _paragraphs(body) for sentence in paragraph]


def passage(hits: list[KnowledgeHit], chosen: KnowledgeHit, question: str, lang: str) -> str:
    """The paragraphs that answer `question`, from the chosen section and the other sections of its
    document in the same language. Each sentence scores the question's words it shares, a word
    weighing less the more sentences have it ("fast" is everywhere in the fasting guide, "coffee"
    in one line); the best few sentences (none much weaker than the best) bring their paragraphs,
    so an answer keeps its context ("the first no-show is waived; after that, $50"), in document
    order, at most `MAX_SENTENCES` lines when a paragraph is long. A checklist answers whole."""
    own = _sentences(_body(chosen))
    bullets = [unit for unit in own if unit.startswith(("- ", "* "))]
    if len(bullets) >= 3 and 2 * len(bullets) >= len(own):
        return "\n".join(own[:MAX_LIST])
    asked = words_of(question, lang)
    same = _in_language(chosen, lang)
    siblings = [
        h for h in hits if h.title == chosen.title and h is not chosen and _in_language(h, lang) is same
    ]
    paragraphs = [p for section in [chosen, *siblings] for p in _paragraphs(_body(section))]  # in order
    sentences = [
        (place, sentence, words_of(sentence, lang)) for place, p in enumerate(paragraphs) for sentence in p
    ]
    spread = {stem: sum(stem in stems for *_, stems in sentences) for stem in asked}
    scored = [
        (sum(1 / spread[stem] for stem in sorted(asked & stems)), place, sentence)
        for place, sentence, stems in sentences
        if asked & stems
    ]
    if not scored:
        return " ".join(own[:2])
    top = max(score for score, *_ in scored)
    best = [s for s in sorted(scored, key=lambda s: (-s[0], s[1]))[:MAX_SENTENCES] if s[0] >= top / 3]
    places = sorted({place for _, place, _ in best})
    lines = [" ".join(paragraphs[place]) for place in places]
    if sum(len(paragraphs[place]) for place in places) > MAX_PARAGRAPH_SENTENCES:
        lines = [
            sentence for _, _, sentence in sorted(best, key=lambda s: (s[1], paragraphs[s[1]].index(s[2])))
        ]
    return "\n".join(lines)


def _in_language(hit: KnowledgeHit, lang: str) -> bool:
    return ("español" in hit.text.partition("\n\n")[0].casefold()) == (lang == "es")
