"""The one source of "now" for everything the app decides.

What "tomorrow" means, which slots are still ahead, which reminders and journey steps are due,
whether WhatsApp's 24-hour window is open, when a message arrived: every decision that depends on
the date or the time of day reads a `Clock` handed down by the composition root (`Runtime.clock`),
never the wall clock itself. A demo, an evaluation or a test can then run the whole system, worker
sweeps included, at an instant of its choosing (`PRM_NOW`), and a test that seeds the clinic at a
fixed instant sees the code under test use that same instant on any real day.

The one thing that keeps the real time is the job queue's own scheduling: procrastinate compares
a job's `scheduled_at` with the database server's clock, so callers give it delays, never instants
read from a `Clock`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]
"""Returns the current instant, timezone-aware."""


def system_clock() -> datetime:
    """The real time (production's clock)."""
    return datetime.now(UTC)


def clock_from(start: datetime | None) -> Clock:
    """The real clock, or one that starts at `start` (timezone-aware) and then ticks in real time."""
    if start is None:
        return system_clock
    if start.tzinfo is None:
        raise ValueError("a clock's start must be timezone-aware")
    origin = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - origin)
