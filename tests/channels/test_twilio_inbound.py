"""Parsing Twilio's webhook forms: what is read, what is normalised, and which field a bad form names."""

from __future__ import annotations

import pytest

from channels.twilio.inbound import InboundStatus, InvalidTwilioPayload, parse_status, parse_whatsapp

SID = "SM" + "0123456789abcdef" * 2


def form(**overrides: str | None) -> list[tuple[str, str]]:
    base: dict[str, str | None] = {
        "MessageSid": SID,
        "AccountSid": "AC" + "0" * 32,
        "From": "whatsapp:+15550100001",
        "To": "whatsapp:+15550000000",
        "Body": "I need an appointment",
        "NumMedia": "0",
        "ProfileName": "Maria",
        "WaId": "15550100001",
    }
    base.update(overrides)
    return [(key, value) for key, value in base.items() if value is not None]


def test_a_whatsapp_message_is_parsed_and_the_sender_normalised() -> None:
    message = parse_whatsapp(form(From="whatsapp:+1 (555) 010-0001"))
    assert message.message_sid == SID
    assert message.phone == "+15550100001"
    assert message.to == "whatsapp:+15550000000"
    assert message.body == "I need an appointment"
    assert message.profile_name == "Maria" and message.wa_id == "15550100001"
    assert message.media == () and message.num_media == 0


def test_optional_fields_may_be_missing_and_the_body_is_kept_as_sent() -> None:
    message = parse_whatsapp(form(Body=None, ProfileName="", WaId=None, NumMedia=None, To=None))
    assert message.body == "" and message.profile_name is None and message.wa_id is None
    assert message.num_media == 0 and message.to == ""
    assert parse_whatsapp(form(Body="  two  spaces \n")).body == "  two  spaces \n"


def test_sms_senders_without_the_whatsapp_prefix_are_accepted() -> None:
    assert parse_whatsapp(form(From="+34 612 345 678")).phone == "+34612345678"


def test_media_come_in_twilios_order_with_their_types() -> None:
    message = parse_whatsapp(
        form(
            NumMedia="2",
            MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
            MediaContentType0="image/JPEG",
            MediaUrl1="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2",
            MediaContentType1="audio/ogg",
        )
    )
    assert message.num_media == 2
    assert message.media == (
        ("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg"),
        ("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2", "audio/ogg"),
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"MessageSid": None}, "MessageSid"),
        ({"MessageSid": "  "}, "MessageSid"),
        ({"MessageSid": "not a sid!"}, "MessageSid"),
        ({"From": None}, "From"),
        ({"From": "whatsapp:"}, "From"),
        ({"From": "whatsapp:maria"}, "From"),
        ({"From": "5550100001"}, "From"),  # no country code: whose number?
        ({"From": "whatsapp:+1555"}, "From"),
        ({"NumMedia": "two"}, "NumMedia"),
        ({"NumMedia": "-1"}, "NumMedia"),
        ({"NumMedia": "²"}, "NumMedia"),
        ({"NumMedia": "11"}, "NumMedia"),
        ({"NumMedia": "1"}, "MediaUrl0"),
        ({"NumMedia": "1", "MediaUrl0": "https://x.example/m"}, "MediaContentType0"),
        ({"NumMedia": "1", "MediaUrl0": "file:///etc/passwd", "MediaContentType0": "image/png"}, "MediaUrl0"),
        ({"NumMedia": "0", "MediaUrl0": "https://x.example/m", "MediaContentType0": "image/png"}, "NumMedia"),
        (
            {
                "NumMedia": "1",
                "MediaUrl0": "https://x/a",
                "MediaContentType0": "image/png",
                "MediaUrl1": "https://x/b",
            },
            "NumMedia",
        ),
    ],
)
def test_a_bad_form_names_the_field(overrides: dict[str, str | None], field: str) -> None:
    with pytest.raises(InvalidTwilioPayload) as raised:
        parse_whatsapp(form(**overrides))
    assert raised.value.field == field
    assert isinstance(raised.value, ValueError) and field in str(raised.value)


def test_a_field_we_read_must_not_repeat_but_unknown_ones_may() -> None:
    with pytest.raises(InvalidTwilioPayload) as raised:
        parse_whatsapp([*form(), ("From", "whatsapp:+15550100002")])
    assert raised.value.field == "From"
    message = parse_whatsapp([*form(), ("NewTwilioField", "a"), ("NewTwilioField", "b")])
    assert message.phone == "+15550100001"


def test_status_callbacks_are_parsed() -> None:
    callback = parse_status([("MessageSid", SID), ("MessageStatus", "Delivered"), ("SmsStatus", "delivered")])
    assert callback == InboundStatus(message_sid=SID, message_status="delivered", error_code=None)
    failed = parse_status([("MessageSid", SID), ("MessageStatus", "failed"), ("ErrorCode", "63016")])
    assert failed.error_code == "63016"
    assert (
        parse_status([("MessageSid", SID), ("MessageStatus", "sent"), ("ErrorCode", "")]).error_code is None
    )


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ([("MessageStatus", "sent")], "MessageSid"),
        ([("MessageSid", SID)], "MessageStatus"),
        ([("MessageSid", SID), ("MessageStatus", "failed"), ("ErrorCode", "oops")], "ErrorCode"),
        ([("MessageSid", SID), ("MessageStatus", "sent"), ("MessageStatus", "read")], "MessageStatus"),
    ],
)
def test_a_bad_status_callback_names_the_field(params: list[tuple[str, str]], field: str) -> None:
    with pytest.raises(InvalidTwilioPayload) as raised:
        parse_status(params)
    assert raised.value.field == field
