"""Every router the app mounts, in one list."""

from fastapi import APIRouter

from api.routes import appointments, fhir, health, journeys, patients, practitioners, slots, tickets

ROUTERS: list[APIRouter] = [
    health.router,
    patients.router,
    practitioners.router,
    slots.router,
    appointments.router,
    tickets.router,
    journeys.router,
    fhir.router,
]
