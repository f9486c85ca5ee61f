"""Twilio's message statuses as ours, and the rule that a message's status only moves forward.

Status callbacks arrive out of order and more than once (Twilio retries, and `sent`, `delivered`
and `read` can race), so a callback may only move a message *forward*:
RECEIVED (our row's default before the send is recorded) < QUEUED < SENDING < SENT < DELIVERED <
READ. FAILED and UNDELIVERED end the story and can follow anything up to SENT — but not DELIVERED
or READ, which prove the message arrived. Nothing moves a terminal status.
"""

from __future__ import annotations

from store.conversations.models import DeliveryStatus

_TWILIO: dict[str, DeliveryStatus] = {
    "accepted": DeliveryStatus.QUEUED,  # a Messaging Service took it
    "scheduled": DeliveryStatus.QUEUED,
    "queued": DeliveryStatus.QUEUED,
    "sending": DeliveryStatus.SENDING,
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    "read": DeliveryStatus.READ,
    "undelivered": DeliveryStatus.UNDELIVERED,
    "failed": DeliveryStatus.FAILED,
    "canceled": DeliveryStatus.FAILED,  # a scheduled message called off: it will never arrive
    "receiving": DeliveryStatus.RECEIVED,  # inbound statuses
    "received": DeliveryStatus.RECEIVED,
}

_PROGRESS = (
    DeliveryStatus.RECEIVED,
    DeliveryStatus.QUEUED,
    DeliveryStatus.SENDING,
    DeliveryStatus.SENT,
    DeliveryStatus.DELIVERED,
    DeliveryStatus.READ,
)
TERMINAL = frozenset({DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED})
_CAN_FAIL = frozenset(
    {DeliveryStatus.RECEIVED, DeliveryStatus.QUEUED, DeliveryStatus.SENDING, DeliveryStatus.SENT}
)


def to_delivery_status(twilio_status: str) -> DeliveryStatus | None:
    """Our status for Twilio's `MessageStatus`; None for one we do not know (ignore that callback)."""
    return _TWILIO.get(twilio_status.strip().lower())


def advances(current: DeliveryStatus, new: DeliveryStatus) -> bool:
    """Whether a message at `current` may move to `new` (a repeat is not a move)."""
    if current in TERMINAL or new == DeliveryStatus.RECEIVED:
        return False
    if new in TERMINAL:
        return current in _CAN_FAIL
    return _PROGRESS.index(new) > _PROGRESS.index(current)


def advances_from(new: DeliveryStatus) -> frozenset[DeliveryStatus]:
    """Every status `new` may follow: the guard of a single atomic `UPDATE … WHERE status IN (…)`."""
    return frozenset(current for current in DeliveryStatus if advances(current, new))
