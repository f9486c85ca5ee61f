"""The hour a clock time names, for tests written when "at 10:30" searched 10:30–11:30 only.

A lone clock time is now searched an hour either side of the very minute it names, within the part
of day said, and the nearest times are offered first (`When.near`, agents/understanding/dayparts.py):
these tests still state the hour the words name, and this checks the window around it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from agents.understanding.types import When

HOUR = timedelta(hours=1)


def said(when: When) -> tuple[datetime, datetime]:
    """(the minute named, an hour later) for a clock time; the range searched for anything else."""
    if when.near is None:
        return when.start, when.end
    assert when.start <= when.near < when.end <= when.near + HOUR, when
    assert when.near - when.start <= HOUR, when
    return when.near, when.near + HOUR
