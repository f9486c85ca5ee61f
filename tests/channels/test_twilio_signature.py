"""X-Twilio-Signature: signed with twilio's own RequestValidator for the public URL, checked over every
parameter; anything else is refused."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from channels.twilio.signature import FormParams, is_valid_signature

TOKEN = "test-auth-token-0123456789abcdef"
PUBLIC = "https://clinic.example.com/api/v1/prm/webhooks/twilio/whatsapp"
LOCAL = "http://127.0.0.1:8000/api/v1/prm/webhooks/twilio/whatsapp"
PARAMS = [
    ("MessageSid", "SM" + "a" * 32),
    ("From", "whatsapp:+15550100001"),
    ("To", "whatsapp:+15550000000"),
    ("Body", "Hola, ¿tienen cita el martes? 👋"),
    ("NumMedia", "0"),
]


def signed(url: str = PUBLIC, params: list[tuple[str, str]] = PARAMS, token: str = TOKEN) -> str:
    """What Twilio sends, computed by twilio's own library (the oracle)."""
    return RequestValidator(token).compute_signature(url, FormParams(params))


def valid(signature: str | None, url: str = PUBLIC, params: list[tuple[str, str]] = PARAMS) -> bool:
    return is_valid_signature(auth_token=TOKEN, url=url, params=params, signature=signature)


def test_a_signature_for_the_public_url_is_valid_there_whatever_host_the_request_reached() -> None:
    signature = signed(PUBLIC)
    assert valid(signature, url=PUBLIC)
    assert not valid(signature, url=LOCAL)  # the request's own host is never what is checked
    assert not valid(signed(LOCAL), url=PUBLIC)


def test_parameter_order_does_not_matter_but_every_value_does() -> None:
    signature = signed()
    assert valid(signature, params=list(reversed(PARAMS)))
    tampered = [(k, "Hola!" if k == "Body" else v) for k, v in PARAMS]
    assert not valid(signature, params=tampered)
    assert not valid(signature, params=[*PARAMS, ("SmsStatus", "received")])
    assert not valid(signature, params=PARAMS[:-1])


@pytest.mark.parametrize(
    "case",
    ["wrong token", "wrong host", "wrong path", "wrong scheme", "query dropped"],
)
def test_signatures_for_anything_else_are_invalid(case: str) -> None:
    signature = {
        "wrong token": signed(token="not-the-token"),
        "wrong host": signed("https://evil.example.com/api/v1/prm/webhooks/twilio/whatsapp"),
        "wrong path": signed("https://clinic.example.com/api/v1/prm/webhooks/twilio/status"),
        "wrong scheme": signed(PUBLIC.replace("https://", "http://")),
        "query dropped": signed(PUBLIC + "?tenant=1"),
    }[case]
    assert not valid(signature)


def test_the_url_may_carry_a_query_and_an_explicit_default_port() -> None:
    assert valid(signed(PUBLIC + "?tenant=1"), url=PUBLIC + "?tenant=1")
    with_port = PUBLIC.replace("example.com", "example.com:443")
    assert valid(signed(with_port), url=PUBLIC)  # twilio's validator tries both forms
    assert valid(signed(PUBLIC), url=with_port)


def test_it_fails_closed() -> None:
    signature = signed()
    assert not is_valid_signature(auth_token=None, url=PUBLIC, params=PARAMS, signature=signature)
    assert not is_valid_signature(auth_token="", url=PUBLIC, params=PARAMS, signature=signature)
    assert not valid(None)
    assert not valid("")
    assert not valid("not base64 at all")
    assert not valid(signature, url="https://clinic.example.com:notaport/x")


def test_repeated_and_unknown_parameters_are_covered() -> None:
    params = [*PARAMS, ("NewTwilioField", "b"), ("NewTwilioField", "a"), ("MediaUrl", "x")]
    signature = signed(params=params)
    assert valid(signature, params=params)
    assert valid(signature, params=[params[-2], *params[:-2], params[-1]])  # values sorted per name
    assert not valid(signature, params=[*params[:-2], params[-1]])  # one repeat dropped
    assert not valid(signature, params=[*params, ("NewTwilioField", "c")])  # one repeat added
    assert not valid(signed(), params=[*PARAMS, ("NewTwilioField", "a")])


def test_empty_values_are_signed_too() -> None:
    params = [*PARAMS, ("ProfileName", "")]
    assert valid(signed(params=params), params=params)
    assert not valid(signed(params=params), params=PARAMS)
    assert valid(signed(params=[]), params=[])


def test_form_params_is_read_by_the_validator_like_a_multidict() -> None:
    form = FormParams([("A", "1"), ("B", "2"), ("A", "3")])
    assert sorted(set(form)) == ["A", "B"] and len(form) == 3
    assert form.getall("A") == ["1", "3"] and form.getall("C") == []
