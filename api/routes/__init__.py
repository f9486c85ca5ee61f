"""Every router the app mounts, in one list."""

from fastapi import APIRouter

from api.routes import health

ROUTERS: list[APIRouter] = [health.router]
