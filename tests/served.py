"""The app behind a real uvicorn server, in a thread of its own with its own event loop and runtime.

For what only a real server shows (a response that leaves before its commit, a chunked body, a
fuzzer speaking HTTP): `ASGITransport` waits for the whole app and hides those.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import uvicorn

from api.app import create_app
from api.runtime import Runtime, ServerUrls, open_runtime


@contextlib.contextmanager
def serving(
    settings: Any,
    urls: ServerUrls,
    embedder: Any,
    prepare: Callable[[Runtime], Awaitable[None]] | None = None,
    timeout_s: float = 120,
) -> Iterator[str]:
    """The server's base URL while the block runs; `prepare` runs on the runtime first (seeding)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    stop, started = threading.Event(), threading.Event()

    async def serve() -> None:
        async with open_runtime(settings, urls, embedder=embedder) as runtime:
            if prepare is not None:
                await prepare(runtime)
            config = uvicorn.Config(create_app(runtime=runtime), host="127.0.0.1", port=port, log_config=None)
            server = uvicorn.Server(config)
            task = asyncio.create_task(server.serve())
            while not server.started:  # noqa: ASYNC110 - uvicorn's Server exposes a flag, not an event
                await asyncio.sleep(0.02)
            started.set()
            await asyncio.to_thread(stop.wait)
            server.should_exit = True
            await task

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    try:
        assert started.wait(timeout_s)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        thread.join(30)
