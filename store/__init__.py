"""Persistence and domain core: models, migrations, services, embedded servers.

`store` imports nothing else of ours; `api/` builds the concrete engines and clients and hands
them down as parameters.
"""
