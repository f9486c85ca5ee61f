"""Every router the app mounts: the PRM API's resources under one prefix, health and FHIR at the root.

Each resource's router carries only its own prefix (`/patients`); `API_PREFIX` is written once (api/paths.py)
(as full-stack-fastapi-template mounts its routers under `API_V1_STR`).
"""

from fastapi import APIRouter

from api.errors import ERROR_RESPONSES
from api.paths import API_PREFIX
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

prm = APIRouter(prefix=API_PREFIX, responses=ERROR_RESPONSES)
for resource in (
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
):
    prm.include_router(resource)

ROUTERS: list[APIRouter] = [health.router, prm, fhir.router]
