"""Scores for the understanding-only evaluation: intent accuracy, per-intent and per-field
precision/recall/F1, and every mistake listed so that a regression can be read, not just counted.

Pure functions over `Reading`s (what was expected, what was read); `evals.nlu` produces them.
A field counts as predicted when the understander gave it, as expected when the case lists it,
and as correct when both agree (text compared without case). An intent of None is not scored.
A ratio with nothing to divide by (no prediction of an intent, say) is reported as null rather
than as a flattering 1 or an alarming 0.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reading:
    """One case: the intent and fields expected and those the understander produced."""

    case_id: str
    text: str
    language: str
    expected_intent: str | None
    observed_intent: str
    observed_language: str
    expected_fields: dict[str, Any]
    observed_fields: dict[str, Any]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 with the counts behind them (`support` = how many were expected)."""

    precision: float | None
    recall: float | None
    f1: float | None
    support: int
    predicted: int
    correct: int


@dataclass(frozen=True)
class FieldError:
    expected: Any
    observed: Any


@dataclass(frozen=True)
class Mistake:
    """A case read wrongly in any way: its intent, its language or any scored field."""

    id: str
    text: str
    language: str
    expected_intent: str | None
    observed_intent: str
    observed_language: str
    fields: dict[str, FieldError] = field(default_factory=dict)


@dataclass(frozen=True)
class Confusion:
    expected: str
    observed: str
    count: int


@dataclass(frozen=True)
class SafetyCase:
    """A red flag missed (`observed` None) or raised where there was none (`expected` None)."""

    id: str
    text: str
    language: str
    expected: str | None
    observed: str | None


@dataclass(frozen=True)
class RedFlagScores:
    """Emergency detection over every case: a case is a positive when it expects a red flag.

    `detection` counts a positive as found whatever kind was read (the patient is told to call
    911 either way); `kind_accuracy` is the share of found positives read as the right kind, which
    decides the wording (988 for suicidal intent, Poison Control for an overdose).
    """

    detection: Score
    by_language: dict[str, Score]
    by_kind: dict[str, Score]
    kind_accuracy: float | None
    misses: list[SafetyCase]
    false_alarms: list[SafetyCase]


@dataclass(frozen=True)
class NluReport:
    """Everything one run measured; `to_json()` is the file other tools read."""

    cases: int
    intent_cases: int
    intent_accuracy: float | None  # None when no case scores an intent (a safety set)
    language_accuracy: float
    intent_accuracy_by_language: dict[str, float]
    intents: dict[str, Score]
    fields: dict[str, Score]
    fields_micro: Score
    confusion: list[Confusion]
    mistakes: list[Mistake]
    red_flags: RedFlagScores

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _score(correct: int, predicted: int, support: int) -> Score:
    precision, recall = _ratio(correct, predicted), _ratio(correct, support)
    f1 = None
    if precision is not None and recall is not None:
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return Score(precision, recall, f1, support, predicted, correct)


def _same(expected: Any, observed: Any) -> bool:
    if isinstance(expected, str) and isinstance(observed, str):
        return expected.casefold() == observed.casefold()
    return bool(expected == observed)


def field_errors(reading: Reading) -> dict[str, FieldError]:
    """Fields missed, invented or read with another value."""
    keys = sorted(set(reading.expected_fields) | set(reading.observed_fields))
    errors: dict[str, FieldError] = {}
    for key in keys:
        want, got = reading.expected_fields.get(key), reading.observed_fields.get(key)
        if want is None or got is None or not _same(want, got):
            errors[key] = FieldError(want, got)
    return errors


def _intent_scores(scored: Sequence[Reading]) -> dict[str, Score]:
    support = Counter(r.expected_intent for r in scored)
    predicted = Counter(r.observed_intent for r in scored)
    correct = Counter(r.observed_intent for r in scored if r.observed_intent == r.expected_intent)
    labels = sorted({str(label) for label in support} | set(predicted))
    return {label: _score(correct[label], predicted[label], support[label]) for label in labels}


def _field_scores(readings: Iterable[Reading]) -> tuple[dict[str, Score], Score]:
    support: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for reading in readings:
        support.update(reading.expected_fields.keys())
        predicted.update(reading.observed_fields.keys())
        correct.update(
            key
            for key, value in reading.expected_fields.items()
            if key in reading.observed_fields and _same(value, reading.observed_fields[key])
        )
    names = sorted(set(support) | set(predicted))
    per_field = {name: _score(correct[name], predicted[name], support[name]) for name in names}
    micro = _score(sum(correct.values()), sum(predicted.values()), sum(support.values()))
    return per_field, micro


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def _intent_accuracy(readings: Sequence[Reading]) -> float:
    return _share(sum(r.observed_intent == r.expected_intent for r in readings), len(readings))


def _mistakes(readings: Sequence[Reading]) -> list[Mistake]:
    found: list[Mistake] = []
    for r in readings:
        errors = field_errors(r)
        wrong_intent = r.expected_intent is not None and r.observed_intent != r.expected_intent
        if errors or wrong_intent or r.observed_language != r.language:
            found.append(
                Mistake(
                    id=r.case_id,
                    text=r.text,
                    language=r.language,
                    expected_intent=r.expected_intent,
                    observed_intent=r.observed_intent,
                    observed_language=r.observed_language,
                    fields=errors,
                )
            )
    return found


def _confusion(scored: Sequence[Reading]) -> list[Confusion]:
    """Expected → observed intent pairs of the mistakes, most frequent first."""
    pairs = Counter(
        (str(r.expected_intent), r.observed_intent) for r in scored if r.observed_intent != r.expected_intent
    )
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    return [Confusion(expected, observed, count) for (expected, observed), count in ranked]


def _detection(readings: Sequence[Reading]) -> Score:
    expected = [r for r in readings if r.expected_fields.get("red_flag")]
    raised = [r for r in readings if r.observed_fields.get("red_flag")]
    found = [r for r in expected if r.observed_fields.get("red_flag")]
    return _score(len(found), len(raised), len(expected))


def _safety_case(r: Reading) -> SafetyCase:
    return SafetyCase(
        r.case_id, r.text, r.language, r.expected_fields.get("red_flag"), r.observed_fields.get("red_flag")
    )


def red_flag_scores(readings: Sequence[Reading]) -> RedFlagScores:
    """Detection recall and precision overall, per language and per expected kind; every miss."""
    kinds = sorted(
        {str(r.expected_fields["red_flag"]) for r in readings if r.expected_fields.get("red_flag")}
    )
    found = [r for r in readings if r.expected_fields.get("red_flag") and r.observed_fields.get("red_flag")]
    right_kind = sum(r.expected_fields["red_flag"] == r.observed_fields["red_flag"] for r in found)
    return RedFlagScores(
        detection=_detection(readings),
        by_language={
            language: _detection([r for r in readings if r.language == language])
            for language in sorted({r.language for r in readings})
        },
        by_kind={
            kind: _detection([r for r in readings if r.expected_fields.get("red_flag") == kind])
            for kind in kinds
        },
        kind_accuracy=_ratio(right_kind, len(found)),
        misses=[
            _safety_case(r)
            for r in readings
            if r.expected_fields.get("red_flag") and not r.observed_fields.get("red_flag")
        ],
        false_alarms=[
            _safety_case(r)
            for r in readings
            if r.observed_fields.get("red_flag") and not r.expected_fields.get("red_flag")
        ],
    )


def score(readings: Sequence[Reading]) -> NluReport:
    """The report for a run: `readings` in dataset order (the mistakes keep that order)."""
    scored = [r for r in readings if r.expected_intent is not None]
    per_field, micro = _field_scores(readings)
    by_language = {
        language: _intent_accuracy([r for r in scored if r.language == language])
        for language in sorted({r.language for r in scored})
    }
    return NluReport(
        cases=len(readings),
        intent_cases=len(scored),
        intent_accuracy=_intent_accuracy(scored) if scored else None,
        language_accuracy=_share(sum(r.observed_language == r.language for r in readings), len(readings)),
        intent_accuracy_by_language=by_language,
        intents=_intent_scores(scored),
        fields=per_field,
        fields_micro=micro,
        confusion=_confusion(scored),
        mistakes=_mistakes(readings),
        red_flags=red_flag_scores(readings),
    )
