"""Workflow messages by e-mail (a real local SMTP server) and SMS (the Twilio stub), through the worker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from store.auth import service as auth
from store.auth.models import Role
from store.conversations.models import Channel, DeliveryStatus, Message
from store.database import transaction
from store.migrate import upgrade
from store.patients import service as patients
from tests.channels.test_email import Inbox, free_port
from tests.fakes.twilio_stub import TwilioStub
from tests.pipeline.conftest import Clinic, clinic_settings, open_clinic

SMS_FROM = "+15550000001"


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture(scope="module")
async def clinic(
    data_dir: Path,
    make_session_database: Callable[[], str],
    redis_url: str,
    embedder: Any,
    twilio: TwilioStub,
    smtp: tuple[Inbox, int],
) -> AsyncIterator[Clinic]:
    url = make_session_database()
    upgrade(url)
    settings = clinic_settings(data_dir, twilio)
    settings = settings.model_copy(
        update={
            "channels": settings.channels.model_copy(
                update={
                    "smtp_host": "127.0.0.1",
                    "smtp_port": smtp[1],
                    "smtp_from": "clinic@riverside.example",
                }
            ),
            "twilio": settings.twilio.model_copy(update={"sms_from": SMS_FROM}),
        }
    )
    async with open_clinic(settings, url, redis_url, embedder, twilio) as clinic:
        yield clinic


async def _staff_and_james(clinic: Clinic, email: str | None) -> tuple[dict[str, str], str]:
    async with transaction(clinic.runtime.sessions) as session:
        secret, _ = await auth.create_token(session, name="n8n", role=Role.STAFF)
        [james] = await patients.find_by_phone(session, phone="+15550100002")
        james.email = email
        return {"Authorization": f"Bearer {secret}"}, str(james.id)


async def test_an_email_goes_out_once_with_its_subject_and_is_tracked(
    clinic: Clinic, smtp: tuple[Inbox, int]
) -> None:
    inbox, _ = smtp
    headers, james = await _staff_and_james(clinic, "james@patients.example")
    body = {
        "patient_id": james,
        "channel": "email",
        "subject": "Your lab results",
        "body": "Your lab results are ready in the portal.",
    }
    response = await clinic.http.post("/api/v1/prm/messages", json=body, headers=headers)
    assert response.status_code == 202
    message_id = response.json()["message_id"]

    async def sent() -> bool:
        [row] = await clinic.messages(Message.id == message_id)
        return row.status != DeliveryStatus.QUEUED

    await clinic.until(sent)
    [row] = await clinic.messages(Message.id == message_id)
    assert (row.status, row.channel, row.sent_via) == (DeliveryStatus.SENT, Channel.EMAIL, "rest")
    [mail] = [m for m in inbox.messages() if m["To"] == "james@patients.example"]
    assert mail["Subject"] == "Your lab results" and mail["From"] == "clinic@riverside.example"
    assert mail.get_content().strip() == body["body"]
    assert message_id in mail["Message-ID"]


async def test_email_without_an_address_is_a_409_and_sms_goes_through_twilio(clinic: Clinic) -> None:
    headers, james = await _staff_and_james(clinic, None)
    no_address = await clinic.http.post(
        "/api/v1/prm/messages",
        json={"patient_id": james, "channel": "email", "body": "hello"},
        headers=headers,
    )
    assert no_address.status_code == 409 and "e-mail" in no_address.json()["message"]
    sms = await clinic.http.post(
        "/api/v1/prm/messages",
        json={"patient_id": james, "channel": "sms", "body": "Your appointment is tomorrow at 9:00."},
        headers=headers,
    )
    assert sms.status_code == 202

    async def texted() -> bool:
        return any(m["To"] == "+15550100002" for m in clinic.twilio.messages)

    await clinic.until(texted)
    [text] = [m for m in clinic.twilio.messages if m["To"] == "+15550100002"]
    assert text["From"] == SMS_FROM and text["Body"] == "Your appointment is tomorrow at 9:00."


async def test_a_templated_email_is_filled_from_the_appointment_in_the_patients_language(
    clinic: Clinic, smtp: tuple[Inbox, int]
) -> None:
    from datetime import timedelta

    from store.scheduling import service as scheduling
    from tests.instant import NOW, TZ

    inbox, _ = smtp
    async with transaction(clinic.runtime.sessions) as session:
        secret, _ = await auth.create_token(session, name="ehr", role=Role.STAFF)
        [ana] = await patients.find_by_phone(session, phone="+15550100003")  # prefers Spanish
        ana.email = "ana@patients.example"
        start = NOW + timedelta(days=3)
        [slot] = await scheduling.find_free_slots(
            session,
            start=start,
            end=start + timedelta(days=14),
            specialty="dermatology",
            tz=TZ,
            now=NOW,
            limit=1,
        )
        appointment = await scheduling.book(session, slot_id=slot.id, patient_id=ana.id, reason=None, now=NOW)
        ids = {"patient_id": str(ana.id), "appointment_id": str(appointment.id)}
    headers = {"Authorization": f"Bearer {secret}"}
    request = {**ids, "channel": "email", "template": "appointment_reminder"}
    missing = await clinic.http.post(
        "/api/v1/prm/messages", json={**request, "appointment_id": None}, headers=headers
    )
    assert missing.status_code == 422 and "appointment_id" in missing.json()["message"]
    unknown = await clinic.http.post(
        "/api/v1/prm/messages", json={**request, "template": "no_such_thing"}, headers=headers
    )
    assert unknown.status_code == 422 and "appointment_reminder" in unknown.json()["message"]
    response = await clinic.http.post("/api/v1/prm/messages", json=request, headers=headers)
    assert response.status_code == 202

    message_id = response.json()["message_id"]

    async def sent() -> bool:
        # The mail reaches the SMTP server before the send job records SENT: wait for the record.
        [row] = await clinic.messages(Message.id == message_id)
        return row.status != DeliveryStatus.QUEUED

    await clinic.until(sent)
    [mail] = [m for m in inbox.messages() if m["To"] == "ana@patients.example"]
    assert mail["Subject"].startswith("Recordatorio: su cita el ")
    text = mail.get_content()
    assert text.startswith("Hola Ana,") and "Responda CONFIRMAR" in text
    [row] = await clinic.messages(Message.id == message_id)
    assert row.kind == "appointment_reminder" and row.status == DeliveryStatus.SENT


async def test_an_email_subject_with_a_newline_is_refused_at_the_door(clinic: Clinic) -> None:
    headers, james = await _staff_and_james(clinic, "james@patients.example")
    body = {"patient_id": james, "channel": "email", "subject": "Hi\r\nBcc: x@evil.example", "body": "x"}
    response = await clinic.http.post("/api/v1/prm/messages", json=body, headers=headers)
    assert response.status_code == 422 and "subject" in response.json()["message"]  # was a stuck send job
