"""E.164 phone numbers: the one parsing rule for every place a number comes in.

Possible (the right length for its country), not "valid": the demo and test numbers use the
fictional 555 exchange, which phonenumbers rightly reports as unassigned. Callers turn the
`ValueError` into their own error (a 422 naming the field, a refused Twilio form, a dataset line).
"""

from __future__ import annotations

import phonenumbers

WHATSAPP_PREFIX = "whatsapp:"


def e164(raw: str, default_region: str | None = "US") -> str:
    """`raw` as `+15550100001`; accepts national formats (in `default_region`) and Twilio's
    `whatsapp:` prefix. `default_region=None` requires the country code (Twilio always sends it)."""
    text = raw.strip().removeprefix(WHATSAPP_PREFIX)
    try:
        number = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        raise ValueError("is not a phone number") from None
    if not phonenumbers.is_possible_number(number):
        raise ValueError("has the wrong number of digits for its country")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
