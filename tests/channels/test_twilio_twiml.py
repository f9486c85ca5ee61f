"""The reply as TwiML: parsed back as XML, one Message per part, nothing that breaks the document."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from channels.twilio.twiml import render_messages


def messages(document: str) -> list[str]:
    root = ET.fromstring(document.encode())
    assert root.tag == "Response"
    assert all(child.tag == "Message" for child in root)
    return [child.text or "" for child in root]


def test_no_parts_is_an_empty_response() -> None:
    document = render_messages([])
    assert document == '<?xml version="1.0" encoding="UTF-8"?><Response />'
    assert messages(document) == []


def test_each_part_is_one_message_in_order_escaped() -> None:
    parts = ["Tuesday 10:00 <Dr. Lee> & co.", "¿Le viene bien?\nReply 1 or 2 👍"]
    assert messages(render_messages(parts)) == parts


def test_characters_xml_cannot_carry_are_dropped_and_blank_parts_left_out() -> None:
    document = render_messages(["ok\x00\x1b\ud800 then", "  ", "\x07", "tab\tkept"])
    assert messages(document) == ["ok then", "tab\tkept"]
