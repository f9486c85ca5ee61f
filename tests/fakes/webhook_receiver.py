"""A local webhook subscriber for tests: a real HTTP server on 127.0.0.1 that records every request.

It records requests raw — headers and body bytes exactly as they arrived, every attempt, never
deduplicated — so tests can count duplicates and verify signatures themselves. Each request is
answered with the next scripted status (then `default`), optionally after a delay (to provoke the
client's timeout); `X-PRM-Event-Id`s of accepted (2xx) requests are what a real subscriber would
have processed.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

from tests.fakes.local_server import LocalServer


@dataclass(frozen=True)
class Received:
    """One request as it arrived, and the status it was answered with."""

    path: str
    headers: dict[str, str]
    body: bytes
    status: int

    @property
    def event_id(self) -> int:
        return int(self.headers["x-prm-event-id"])


class WebhookReceiver(LocalServer):
    """The server: a context manager; `script(...)` statuses, read `received` / `accepted`."""

    def __init__(self, *, default: int = 200, delay_s: float = 0.0) -> None:
        self.default = default
        self.delay_s = delay_s
        self._received: list[Received] = []
        self._statuses: deque[int] = deque()
        self._lock = threading.Lock()
        self._serve(self._handler())

    @property
    def url(self) -> str:
        return self.base_url + "/hook"

    @property
    def received(self) -> list[Received]:
        """Every request, in arrival order."""
        with self._lock:
            return list(self._received)

    @property
    def accepted(self) -> list[Received]:
        """The requests answered 2xx: what a subscriber acted on."""
        return [r for r in self.received if 200 <= r.status < 300]

    def script(self, *statuses: int) -> None:
        """The next requests get these statuses, in order; then `default`."""
        with self._lock:
            self._statuses.extend(statuses)

    def _answer(self, path: str, headers: dict[str, str], body: bytes) -> int:
        with self._lock:
            status = self._statuses.popleft() if self._statuses else self.default
            self._received.append(Received(path=path, headers=headers, body=body, status=status))
            return status

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = {key.lower(): value for key, value in self.headers.items()}
                status = receiver._answer(self.path, headers, body)
                if receiver.delay_s and receiver._closing.wait(receiver.delay_s):
                    return
                answer = b'{"ok": true}' if 200 <= status < 300 else b'{"error": "scripted"}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: tests read `received` instead."""

        return Handler
