"""The instant the tests' clinic lives at: seeded there, and every clock under test starts from it.

Tuesday 1 December 2026, 09:00 in the clinic, unless `PRM_TEST_NOW` (ISO 8601; naive means clinic
wall-clock time) moves it. The calendar guard (a stage of `make test`, see the Makefile) runs
the time-sensitive tests at an instant far from the real date to prove that none of them reads
the real date: any code under test that used the wall clock instead of `Runtime.clock` would then see a clinic
seeded more than a year away from it.
"""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

TZ = ZoneInfo("America/New_York")
PINNED = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # a Tuesday, 09:00


def _test_instant() -> datetime:
    moved = os.environ.get("PRM_TEST_NOW")
    if not moved:
        return PINNED
    instant = datetime.fromisoformat(moved)
    return instant.replace(tzinfo=TZ) if instant.tzinfo is None else instant.astimezone(TZ)


NOW = _test_instant()
