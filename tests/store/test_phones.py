"""E.164 parsing (store/phones.py), the rule the patients' registry, Twilio's form and the voice
webhook all use."""

from __future__ import annotations

import pytest

from store.phones import e164


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+15550100001", "US", "+15550100001"),
        ("whatsapp:+15550100001", None, "+15550100001"),
        ("(555) 010-0001", "US", "+15550100001"),
        (" +34 612 34 56 78 ", None, "+34612345678"),
    ],
)
def test_numbers_in_the_forms_they_arrive_in(raw: str, region: str | None, expected: str) -> None:
    assert e164(raw, region) == expected


@pytest.mark.parametrize(
    ("raw", "region", "message"),
    [("not a phone", "US", "is not a phone number"), ("+1555", "US", "wrong number of digits"),
     ("5550100001", None, "is not a phone number")],
)  # fmt: skip
def test_what_is_not_a_number_says_why(raw: str, region: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        e164(raw, region)
