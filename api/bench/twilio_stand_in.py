"""Twilio's Messages API on 127.0.0.1 for the front-door benchmark (`api/bench/load.py`): replies
are posted here, and each is noted with the time it arrived and the outbound message it sends."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Post:
    """One message created at the stand-in: for whom, when, which of our outbound messages (the
    `message` our status callback URL carries; None without one), and its text."""

    to: str
    at: float  # monotonic
    message: str | None
    body: str


class TwilioStandIn:
    """Twilio's Messages API on 127.0.0.1, as much of it as delivery uses: create answers 201 with
    a Message resource; list answers an empty page (nothing is ever "maybe sent" here). Each
    create is noted (`posts`) with the time it arrived (`time.monotonic()`, the load generator's
    clock) and the id of our outbound message it sends, read from its StatusCallback.

    Not tests/fakes/twilio_stub.py (shipped code imports no tests, and a benchmark needs none of
    its faults): only what a send touches, as fast as it can answer."""

    def __init__(self, account_sid: str) -> None:
        self.posts: list[Post] = []
        self._lock = threading.Lock()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                to = form.get("To", "").removeprefix("whatsapp:")
                ours = parse_qs(urlsplit(form.get("StatusCallback", "")).query).get("message")
                post = Post(to, time.monotonic(), ours[0] if ours else None, form.get("Body", ""))
                with stand_in._lock:
                    stand_in.posts.append(post)
                now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
                sid = "SM" + uuid.uuid4().hex
                self._json(
                    201,
                    {
                        "sid": sid,
                        "account_sid": account_sid,
                        "to": form.get("To"),
                        "from": form.get("From"),
                        "body": form.get("Body", ""),
                        "status": "queued",
                        "num_segments": "1",
                        "direction": "outbound-api",
                        "date_created": now,
                        "date_updated": now,
                        "date_sent": None,
                        "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}.json",
                    },
                )

            def do_GET(self) -> None:
                uri = self.path
                self._json(
                    200,
                    {
                        "messages": [],
                        "page": 0,
                        "page_size": 50,
                        "start": 0,
                        "end": 0,
                        "uri": uri,
                        "first_page_uri": uri,
                        "next_page_uri": None,
                        "previous_page_uri": None,
                    },
                )

            def _json(self, status: int, payload: dict[str, Any]) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> TwilioStandIn:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def forget(self) -> None:
        """Start counting afresh (after the warm-up)."""
        with self._lock:
            self.posts.clear()

    def replies(self) -> int:
        with self._lock:
            return len(self.posts)
