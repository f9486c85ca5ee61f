"""The clinic's profile for the agent (agents/clinic.py), read from the clinic's own rows.

Read once a minute at most: it changes when staff edit the clinic's location or practitioners,
never within a conversation, and a turn should not pay a query for it every time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agents.clinic import Clinic
from store.database import transaction
from store.scheduling import clinic as rows

REFRESH_S = 60.0


async def load_clinic(session: AsyncSession) -> Clinic:
    """The clinic as its main location and active practitioners describe it."""
    location = await rows.main_location(session)
    specialties = tuple(await rows.offered_specialties(session))
    if location is None:
        return Clinic(specialties=specialties)
    return Clinic(
        name=location.name,
        address=location.address,
        phone=location.phone,
        hours=location.hours,
        specialties=specialties,
    )


@dataclass
class ClinicCache:
    """`load_clinic`, kept for `REFRESH_S` seconds (monotonic time: not the clinic's clock)."""

    sessions: async_sessionmaker[AsyncSession]
    refresh_s: float = REFRESH_S
    _kept: tuple[float, Clinic] | None = field(default=None, init=False)

    async def __call__(self) -> Clinic:
        now = time.monotonic()
        if self._kept is None or now - self._kept[0] >= self.refresh_s:
            async with transaction(self.sessions) as session:
                self._kept = (now, await load_clinic(session))
        return self._kept[1]
