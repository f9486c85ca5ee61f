"""Topic patterns: which events a subscriber wants.

A pattern is a known topic (`ticket.opened`), a domain wildcard (`appointment.*`) or `*`. Nothing
richer: unknown topics and domains are refused when a subscriber is saved, so a typo shows up as a
422 then rather than as a subscriber that silently never hears anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from store.errors import InvalidInput
from store.outbox.models import TOPICS

DOMAINS = tuple(dict.fromkeys(topic.split(".", 1)[0] for topic in TOPICS))


def matches(pattern: str, topic: str) -> bool:
    """Whether `topic` is one of the events `pattern` asks for."""
    if pattern == "*":
        return True
    if pattern.endswith(".*"):
        return topic.startswith(pattern[:-1])
    return pattern == topic


def wants(patterns: Iterable[str], topic: str) -> bool:
    return any(matches(pattern, topic) for pattern in patterns)


def check(patterns: list[str]) -> list[str]:
    """The patterns, stripped and deduplicated in order; InvalidInput("topics") naming a bad one."""
    cleaned = list(dict.fromkeys(p.strip() for p in patterns))
    if not cleaned:
        raise InvalidInput("topics", "must name at least one topic or pattern (e.g. appointment.* or *)")
    for pattern in cleaned:
        known = pattern == "*" or pattern in TOPICS or (pattern.endswith(".*") and pattern[:-2] in DOMAINS)
        if not known:
            raise InvalidInput(
                "topics",
                f"unknown topic {pattern!r}; use one of {', '.join(TOPICS)}, "
                f"a domain pattern ({', '.join(d + '.*' for d in DOMAINS)}) or *",
            )
    return cleaned
