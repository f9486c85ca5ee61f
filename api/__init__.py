"""The composition root: FastAPI app, routes, console, CLI, worker and settings."""
