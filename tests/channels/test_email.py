"""E-mail through a real local SMTP server (aiosmtpd): headers and body as received, login, and clear
errors for a refused recipient, a wrong login, a server without STARTTLS, and no server at all."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from channels.email import EmailFailed, RecipientRefused, SmtpSender

FROM = "Riverside Health <no-reply@riverside.example>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@dataclass
class Inbox:
    """The server's handler: refuses `@refused.example`, keeps every accepted envelope."""

    envelopes: list[Envelope] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address.endswith("@refused.example"):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def messages(self) -> list[EmailMessage]:
        parsed = [
            message_from_bytes(e.original_content or b"", policy=policy.default) for e in self.envelopes
        ]
        return [m for m in parsed if isinstance(m, EmailMessage)]


def login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"clinic", b"hunter2-long")
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=login, auth_require_tls=False
    )
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def sender(port: int, **options: Any) -> SmtpSender:
    return SmtpSender(host="127.0.0.1", port=port, from_address=FROM, timeout=5, **options)


async def test_the_message_arrives_with_its_headers_and_both_bodies(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    await sender(port).send(
        to="maria@patients.example",
        subject="Your appointment tomorrow",
        text="Hi Maria, see you tomorrow at 9:00 AM.",
        html="<p>Hi Maria, see you tomorrow at <b>9:00 AM</b>.</p>",
        message_id="reminder-42@riverside.example",
    )
    (envelope,) = inbox.envelopes
    assert (envelope.mail_from, envelope.rcpt_tos) == (
        "no-reply@riverside.example",
        ["maria@patients.example"],
    )
    (message,) = inbox.messages()
    assert message["Message-ID"] == "<reminder-42@riverside.example>"
    assert (message["From"], message["To"], message["Subject"]) == (
        FROM,
        "maria@patients.example",
        "Your appointment tomorrow",
    )
    assert message["Date"]
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and plain.get_content().strip() == "Hi Maria, see you tomorrow at 9:00 AM."
    assert html is not None and "<b>9:00 AM</b>" in html.get_content()


async def test_text_only_with_non_ascii_and_a_bracketed_id(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    await sender(port).send(
        to="ana@patients.example",
        subject="Recordatorio de su cita",
        text="Hola Ana, le esperamos el miércoles.",
        message_id="<r-1@riverside.example>",
    )
    (message,) = inbox.messages()
    assert message["Message-ID"] == "<r-1@riverside.example>"
    assert not message.is_multipart()
    assert message.get_content().strip() == "Hola Ana, le esperamos el miércoles."


async def test_a_refused_recipient_is_a_permanent_error_without_the_address(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    with pytest.raises(RecipientRefused) as caught:
        await sender(port).send(to="gone@refused.example", subject="s", text="t", message_id="m-1@x.example")
    assert (caught.value.code, caught.value.permanent) == (550, True)
    assert "refused the recipient" in str(caught.value) and "gone@" not in str(caught.value)
    assert inbox.envelopes == []


async def test_login_is_used_when_configured(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    await sender(port, username="clinic", password="hunter2-long").send(
        to="a@patients.example", subject="s", text="t", message_id="m-2@x.example"
    )
    assert len(inbox.envelopes) == 1
    with pytest.raises(EmailFailed, match="refused the login") as caught:
        await sender(port, username="clinic", password="wrong").send(
            to="a@patients.example", subject="s", text="t", message_id="m-3@x.example"
        )
    assert caught.value.permanent


async def test_starttls_is_required_when_asked_for(smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    with pytest.raises(EmailFailed, match="STARTTLS") as caught:
        await sender(port, starttls=True).send(
            to="a@patients.example", subject="s", text="t", message_id="m@x"
        )
    assert caught.value.permanent and inbox.envelopes == []


async def test_no_server_is_a_temporary_error() -> None:
    with pytest.raises(EmailFailed, match="unavailable") as caught:
        await sender(free_port()).send(to="a@patients.example", subject="s", text="t", message_id="m@x")
    assert not caught.value.permanent
