"""Every router the app mounts, in one list."""

from fastapi import APIRouter

from api.routes import (
    appointments,
    conversations,
    fhir,
    health,
    journeys,
    knowledge,
    messages,
    patients,
    practitioners,
    slots,
    subscribers,
    tickets,
    traces,
    voice,
    webhooks,
)

ROUTERS: list[APIRouter] = [
    health.router,
    patients.router,
    practitioners.router,
    slots.router,
    appointments.router,
    tickets.router,
    journeys.router,
    conversations.router,
    traces.router,
    knowledge.router,
    subscribers.router,
    messages.router,
    webhooks.router,
    voice.router,
    fhir.router,
]
