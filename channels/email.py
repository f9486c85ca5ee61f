"""Sending e-mail through an SMTP server, with the standard library in a worker thread.

Each message carries the `Message-ID` the caller gives (derived from the outbound record), so a
retried send is the same message to the recipient's server and to anyone reading the logs.

Errors (the tree): `EmailFailed(reason, permanent)`; `RecipientRefused` is one that is always
permanent. `permanent` tells the caller whether to retry: a refused recipient, sender, login or
message will be refused again; a server that is down or answers 4xx may not be. Reasons carry
SMTP codes, never addresses or content.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate


class EmailFailed(Exception):
    """The message was not accepted; `permanent` says whether retrying it can help."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class RecipientRefused(EmailFailed):
    """The server will not deliver to this address (bounced, unknown, blocked)."""

    def __init__(self, code: int) -> None:
        super().__init__(f"the mail server refused the recipient (SMTP {code})", permanent=True)
        self.code = code


def compose(
    *, from_address: str, to: str, subject: str, text: str, html: str | None, message_id: str
) -> EmailMessage:
    """A plain-text message, with an HTML alternative when given; `message_id` gets its <angle brackets>."""
    message = EmailMessage()
    message["From"] = from_address
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = message_id if message_id.startswith("<") else f"<{message_id}>"
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def _permanent(code: int) -> bool:
    return 500 <= code < 600


class SmtpSender:
    """An SMTP relay (the clinic's mail provider); one connection per message, nothing kept open.

    `starttls` upgrades the connection before logging in and refuses to go on in clear when the
    server does not offer it; without `username`, no login is attempted.
    """

    def __init__(
        self,
        *,
        host: str,
        port: int,
        from_address: str,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 30.0,
    ) -> None:
        self.host = host
        self.port = port
        self.from_address = from_address
        self.username = username
        self.password = password
        self.starttls = starttls
        self.timeout = timeout

    async def send(
        self, *, to: str, subject: str, text: str, html: str | None = None, message_id: str
    ) -> None:
        """Hand the message to the server; returns once it accepted it, else raises `EmailFailed`."""
        message = compose(
            from_address=self.from_address,
            to=to,
            subject=subject,
            text=text,
            html=html,
            message_id=message_id,
        )
        await asyncio.to_thread(self._deliver, message, to)

    def _deliver(self, message: EmailMessage, to: str) -> None:
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                self._open(smtp)
                smtp.send_message(message, from_addr=self.from_address, to_addrs=[to])
        except EmailFailed:
            raise
        except smtplib.SMTPRecipientsRefused as error:
            code, _ = next(iter(error.recipients.values()))
            raise RecipientRefused(code) from error
        except smtplib.SMTPAuthenticationError as error:
            raise EmailFailed(
                f"the mail server refused the login (SMTP {error.smtp_code})", permanent=True
            ) from error
        except smtplib.SMTPSenderRefused as error:
            reason = f"the mail server refused the sender (SMTP {error.smtp_code})"
            raise EmailFailed(reason, permanent=_permanent(error.smtp_code)) from error
        except smtplib.SMTPResponseException as error:
            reason = f"the mail server refused the message (SMTP {error.smtp_code})"
            raise EmailFailed(reason, permanent=_permanent(error.smtp_code)) from error
        except (smtplib.SMTPException, OSError) as error:
            reason = f"the mail server is unavailable ({type(error).__name__})"
            raise EmailFailed(reason, permanent=False) from error

    def _open(self, smtp: smtplib.SMTP) -> None:
        smtp.ehlo()
        if self.starttls:
            if not smtp.has_extn("starttls"):
                raise EmailFailed(
                    "the mail server does not offer STARTTLS; not sending in clear", permanent=True
                )
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if self.username is not None:
            smtp.login(self.username, self.password or "")
