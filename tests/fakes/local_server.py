"""What every stand-in at the network edge shares: a real HTTP server on 127.0.0.1, in a thread of
its own, started and stopped as a context manager.

A subclass calls `_serve(handler)` in its `__init__` and gives its own `url`; `_closing` is set on
exit, so a handler still waiting (a slow or lost answer) wakes and the server can stop.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self


class LocalServer:
    _server: ThreadingHTTPServer
    _thread: threading.Thread
    _closing: threading.Event

    def _serve(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)
        self._closing = threading.Event()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
