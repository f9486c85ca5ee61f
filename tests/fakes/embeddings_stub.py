"""A local OpenAI-compatible embeddings endpoint for tests, answering with a real model's vectors.

`POST /v1/embeddings` with OpenAI's body (`input`: a string or a list of strings, `model`,
`dimensions`, `encoding_format` "float" or "base64") → OpenAI's list (`object: "list"`, `data`:
`{"object": "embedding", "index", "embedding"}` in input order, `model`, `usage`), the vectors
computed by the test process's own embedder (all-MiniLM-L6-v2, 384 dimensions, unit length). A
request for other dimensions gets OpenAI's 400.

Why: a `prm worker` process started with `PRM_EMBEDDINGS=openai:<model>` and `OPENAI_BASE_URL`
pointing here embeds exactly as the test process does, without loading torch and the model and
embedding the red-flag bank itself — a cold worker starts in seconds instead of the half minute
that takes on a busy two-core machine, which is what makes a suite of kill-and-restart tests
affordable. Vectors are remembered by text (the model is deterministic), so the red-flag bank
every new worker embeds at start is computed once. `embedding_requests` counts the requests served.
"""

from __future__ import annotations

import base64
import json
import struct
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes.local_server import LocalServer

Encode = Callable[[list[str]], list[list[float]]]


class EmbeddingsStub(LocalServer):
    """The server: a context manager; point `OPENAI_BASE_URL` at `.url` (it ends in `/v1`)."""

    def __init__(self, encode: Encode, *, dim: int = 384) -> None:
        self._encode = encode
        self._dim = dim
        self._lock = threading.Lock()  # one encoding at a time: the model is shared with the tests
        self._known: dict[str, list[float]] = {}
        self.embedding_requests = 0
        self._serve(self._handler())

    @property
    def url(self) -> str:
        return self.base_url + "/v1"

    def _answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        texts = request.get("input")
        texts = [texts] if isinstance(texts, str) else texts
        if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
            return 400, _error("'input' must be a string or a list of strings")
        if request.get("dimensions", self._dim) != self._dim:
            return 400, _error(f"this model has {self._dim} dimensions")
        with self._lock:
            self.embedding_requests += 1
            new = list(dict.fromkeys(text for text in texts if text not in self._known))
            self._known.update(zip(new, self._encode(new) if new else [], strict=True))
            vectors = [self._known[text] for text in texts]
        as_base64 = request.get("encoding_format") == "base64"
        data = [
            {"object": "embedding", "index": index, "embedding": _base64(vector) if as_base64 else vector}
            for index, vector in enumerate(vectors)
        ]
        tokens = sum(len(text.split()) for text in texts)
        usage = {"prompt_tokens": tokens, "total_tokens": tokens}
        return 200, {"object": "list", "data": data, "model": request.get("model", ""), "usage": usage}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.path.rstrip("/") != "/v1/embeddings":
                    self._send(404, _error(f"no route {self.path}"))
                    return
                try:
                    request = json.loads(raw)
                except ValueError:
                    self._send(400, _error("the body is not JSON"))
                    return
                self._send(*stub._answer(request if isinstance(request, dict) else {}))

            def _send(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output quiet

        return Handler


def _base64(vector: list[float]) -> str:
    """OpenAI's `base64` encoding: the vector as little-endian float32, base64-encoded."""
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()


def _error(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": None}}
