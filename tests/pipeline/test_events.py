"""The worker relays what a conversation did to a subscriber (n8n), signed, without being asked."""

from __future__ import annotations

import json

from store.auth import service as auth
from store.auth.models import Role
from store.database import transaction
from tests.api.test_relay import signed
from tests.fakes.webhook_receiver import WebhookReceiver
from tests.pipeline.conftest import Clinic


async def test_a_ticket_opened_in_a_conversation_reaches_the_subscriber_signed(clinic: Clinic) -> None:
    async with transaction(clinic.runtime.sessions) as session:
        secret, _ = await auth.create_token(session, name="ops", role=Role.ADMIN)
    headers = {"Authorization": f"Bearer {secret}"}
    with WebhookReceiver() as receiver:
        created = await clinic.http.post(
            "/api/v1/prm/subscribers",
            json={"name": "n8n", "url": receiver.url + "/hook", "topics": ["ticket.opened"]},
            headers=headers,
        )
        assert created.status_code == 201
        hook_secret = created.json()["secret"]
        response = await clinic.whatsapp("+15550100002", "I need a refill of my prescription please")
        assert response.status_code == 200

        async def relayed() -> bool:
            return bool(receiver.accepted)

        await clinic.until(relayed, timeout_s=60)  # the relay job runs every 5 s
    [event] = receiver.accepted
    assert event.headers["x-prm-event"] == "ticket.opened"
    assert signed(event, hook_secret)
    assert json.loads(event.body)["topic"] == "ticket.opened"
