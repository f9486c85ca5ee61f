"""Twilio's statuses as ours, and a status that only moves forward, whatever order callbacks come in."""

from __future__ import annotations

import itertools
import random

import pytest

from channels.twilio.status import advances, advances_from, to_delivery_status
from store.conversations.models import DeliveryStatus as S

ORDER = [S.QUEUED, S.SENDING, S.SENT, S.DELIVERED, S.READ]


@pytest.mark.parametrize(
    ("twilio", "ours"),
    [
        ("accepted", S.QUEUED),
        ("scheduled", S.QUEUED),
        ("queued", S.QUEUED),
        ("sending", S.SENDING),
        ("sent", S.SENT),
        ("delivered", S.DELIVERED),
        ("read", S.READ),
        ("undelivered", S.UNDELIVERED),
        ("failed", S.FAILED),
        ("canceled", S.FAILED),
        ("receiving", S.RECEIVED),
        ("received", S.RECEIVED),
        ("DELIVERED ", S.DELIVERED),
    ],
)
def test_every_twilio_status_has_ours(twilio: str, ours: S) -> None:
    assert to_delivery_status(twilio) == ours


def test_an_unknown_status_is_none() -> None:
    assert to_delivery_status("partially_delivered") is None


def test_the_happy_path_only_moves_forward() -> None:
    for earlier, later in itertools.combinations(ORDER, 2):
        assert advances(earlier, later), (earlier, later)
        assert not advances(later, earlier), (later, earlier)
    for status in S:
        assert not advances(status, status)


def test_a_late_delivered_after_sent_is_fine_but_sent_after_read_is_not() -> None:
    assert advances(S.SENT, S.DELIVERED)
    assert advances(S.QUEUED, S.READ)  # read may be the first callback that arrives
    assert not advances(S.READ, S.SENT)
    assert not advances(S.DELIVERED, S.SENT)


def test_failures_are_terminal_and_cannot_follow_proof_of_delivery() -> None:
    for failure in (S.FAILED, S.UNDELIVERED):
        for status in S:
            assert not advances(failure, status)
        assert advances(S.QUEUED, failure) and advances(S.SENDING, failure) and advances(S.SENT, failure)
        assert not advances(S.DELIVERED, failure) and not advances(S.READ, failure)
    assert not advances(S.FAILED, S.UNDELIVERED) and not advances(S.UNDELIVERED, S.FAILED)


def test_received_is_inbound_it_never_replaces_an_outbound_status() -> None:
    assert not any(advances(status, S.RECEIVED) for status in S)
    assert advances(S.RECEIVED, S.QUEUED)  # a row not yet marked queued when the first callback lands


def test_advances_from_is_the_guard_of_one_update() -> None:
    assert advances_from(S.DELIVERED) == {S.RECEIVED, S.QUEUED, S.SENDING, S.SENT}
    assert advances_from(S.FAILED) == {S.RECEIVED, S.QUEUED, S.SENDING, S.SENT}
    assert advances_from(S.RECEIVED) == frozenset()
    for new in S:
        assert advances_from(new) == {current for current in S if advances(current, new)}


def test_any_order_of_callbacks_ends_at_the_furthest_status() -> None:
    rng = random.Random(7)
    for _ in range(200):
        callbacks = rng.sample(ORDER, k=rng.randint(1, len(ORDER))) * 2
        rng.shuffle(callbacks)
        status = S.QUEUED
        for new in callbacks:
            if status in advances_from(new):
                status = new
        assert status == max(callbacks, key=ORDER.index)
