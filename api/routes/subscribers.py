"""Admin API: webhook subscribers (n8n and other workflow tools) and their deliveries.

Admins only: a subscriber receives every matching event (ids of patients, appointments,
tickets), so pointing one somewhere is an administrative act, and it is audited. The signing
secret is returned once, on creation; staff see dead deliveries and send them again.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from api.deps import AdminOnly, NowDep, PageDep, RuntimeDep, SessionDep
from api.routes.common import Listing
from api.runtime import Runtime
from channels.addresses import PrivateAddress, check_public
from store.errors import InvalidInput
from store.outbox import deliveries
from store.outbox import service as outbox
from store.outbox.models import DeliveryStatus
from store.outbox.schemas import (
    DeliveryOut,
    Retried,
    SubscriberCreate,
    SubscriberCreated,
    SubscriberOut,
    SubscriberUpdate,
)

router = APIRouter(prefix="/subscribers", tags=["subscribers"])


async def checked_url(url: str, runtime: Runtime) -> str:
    """`url` when its host is public (or private addresses are allowed); a 422 naming `url` otherwise."""
    try:
        await check_public(url, allow_private=runtime.settings.webhooks_allow_private)
    except PrivateAddress as error:
        raise InvalidInput("url", f"{error}; webhooks go to public addresses only") from None
    return url


@router.get("")
async def list_subscribers(
    session: SessionDep, admin: AdminOnly, active: bool | None = None
) -> list[SubscriberOut]:
    return [SubscriberOut.of(s) for s in await outbox.get_subscribers(session, active=active)]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_subscriber(
    body: SubscriberCreate, runtime: RuntimeDep, session: SessionDep, admin: AdminOnly
) -> SubscriberCreated:
    """Register a webhook; the response carries the signing secret, which is never shown again."""
    subscriber = await outbox.create_subscriber(
        session,
        name=body.name,
        url=await checked_url(body.url, runtime),
        topics=body.topics,
        secret=body.secret,
        active=body.active,
        actor=admin.actor,
    )
    return SubscriberCreated.with_secret(subscriber)


@router.get("/{subscriber_id}")
async def get_subscriber(subscriber_id: uuid.UUID, session: SessionDep, admin: AdminOnly) -> SubscriberOut:
    return SubscriberOut.of(await outbox.get_subscriber(session, subscriber_id=subscriber_id))


@router.patch("/{subscriber_id}")
async def update_subscriber(
    subscriber_id: uuid.UUID,
    body: SubscriberUpdate,
    runtime: RuntimeDep,
    session: SessionDep,
    admin: AdminOnly,
) -> SubscriberOut:
    """Change what is sent; pending deliveries go to the new URL, signed with the new secret."""
    subscriber = await outbox.update_subscriber(
        session,
        subscriber_id=subscriber_id,
        actor=admin.actor,
        name=body.name,
        url=None if body.url is None else await checked_url(body.url, runtime),
        secret=body.secret,
        topics=body.topics,
        active=body.active,
    )
    return SubscriberOut.of(subscriber)


@router.delete("/{subscriber_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_subscriber(subscriber_id: uuid.UUID, session: SessionDep, admin: AdminOnly) -> Response:
    """Remove the subscriber and its deliveries (deactivate it instead to keep the history)."""
    await outbox.delete_subscriber(session, subscriber_id=subscriber_id, actor=admin.actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{subscriber_id}/deliveries")
async def list_deliveries(
    subscriber_id: uuid.UUID,
    session: SessionDep,
    admin: AdminOnly,
    page: PageDep,
    status: DeliveryStatus | None = None,
) -> Listing[DeliveryOut]:
    """Newest first; `?status=dead` is what needs attention."""
    found, total = await deliveries.get_deliveries(
        session, subscriber_id=subscriber_id, status=status, limit=page.limit, offset=page.offset
    )
    return Listing.of([DeliveryOut.of(d) for d in found], total, page)


@router.post("/{subscriber_id}/deliveries/retry")
async def retry_dead_deliveries(
    subscriber_id: uuid.UUID, session: SessionDep, admin: AdminOnly, now: NowDep
) -> Retried:
    """Send every dead delivery of the subscriber again (after fixing what made them fail)."""
    retried = await deliveries.retry_dead(session, subscriber_id=subscriber_id, now=now, actor=admin.actor)
    return Retried(retried=[DeliveryOut.of(d) for d in retried])


@router.post("/{subscriber_id}/deliveries/{delivery_id}/retry")
async def retry_delivery(
    subscriber_id: uuid.UUID, delivery_id: int, session: SessionDep, admin: AdminOnly, now: NowDep
) -> DeliveryOut:
    """Send one dead delivery again with a fresh set of attempts; 409 when it is not dead."""
    (retried,) = await deliveries.retry_dead(
        session,
        subscriber_id=subscriber_id,
        delivery_id=delivery_id,
        now=now,
        actor=admin.actor,
    )
    return DeliveryOut.of(retried)
