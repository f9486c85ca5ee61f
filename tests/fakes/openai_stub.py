"""A local OpenAI-compatible server for tests: `POST /v1/chat/completions` with scripted answers.

It also serves `POST /v1/audio/transcriptions` (multipart, as the client uploads a file) from the
same script: `transcript(text)` answers `{"text": …}`, `error(...)` works as for chat; the request
is recorded as `{"model", "file_name", "file_size"}`.

A real HTTP server on 127.0.0.1 (a thread per request, so a slow answer does not block the next
one), speaking the Chat Completions wire format — `tool_calls` with `function.arguments` as a
JSON string, `usage`, OpenAI's error bodies — so that the real `ChatOpenAI` client, its HTTP
stack and our retries are what the tests exercise. Each test scripts the answers in order and
reads back the requests it received.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes.local_server import LocalServer


@dataclass(frozen=True)
class Answer:
    """One scripted answer: an HTTP status and a JSON body, sent after `delay_s`."""

    status: int
    body: dict[str, Any] | None = None  # None: a completion built from `message` and the request
    message: dict[str, Any] = field(default_factory=dict)
    finish_reason: str = "stop"
    delay_s: float = 0.0


def tool_call(arguments: dict[str, Any] | str, *, name: str | None = None) -> Answer:
    """The model calls a tool; `arguments` as given when a string (to script malformed JSON).

    Without `name`, the call uses the name of the first tool the request offered.
    """
    raw = arguments if isinstance(arguments, str) else json.dumps(arguments)
    call = {"id": "call_stub", "type": "function", "function": {"name": name, "arguments": raw}}
    return Answer(200, message={"content": None, "tool_calls": [call]}, finish_reason="tool_calls")


def text(content: str) -> Answer:
    """The model answers with plain text."""
    return Answer(200, message={"content": content})


def refusal(reason: str) -> Answer:
    """The model refuses (OpenAI's `refusal` field, no content, no tool call)."""
    return Answer(200, message={"content": None, "refusal": reason})


def error(status: int, message: str = "scripted failure") -> Answer:
    """An HTTP error with OpenAI's error body (429 rate limit, 500 server error, 400 bad request…)."""
    kind = {429: "rate_limit_exceeded", 400: "invalid_request_error"}.get(status, "server_error")
    return Answer(status, body={"error": {"message": message, "type": kind, "param": None, "code": None}})


def transcript(content: str) -> Answer:
    """The speech-to-text endpoint's answer: the words heard."""
    return Answer(200, body={"text": content})


def slow(answer: Answer, seconds: float) -> Answer:
    """`answer`, sent only after `seconds` (longer than the client's timeout: a timeout)."""
    return replace(answer, delay_s=seconds)


class OpenAIStub(LocalServer):
    """The server: start it (a context manager), `script(...)` answers, read `requests`."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.unscripted = 0
        self._answers: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._serve(self._handler())

    @property
    def url(self) -> str:
        """The server's base URL; the OpenAI client's `base_url` is this plus `/v1`."""
        return self.base_url

    @property
    def pending(self) -> int:
        """Scripted answers not yet sent."""
        with self._lock:
            return len(self._answers)

    def script(self, *answers: Answer) -> None:
        """Queue answers; each request takes the next one."""
        with self._lock:
            self._answers.extend(answers)

    def _next(self, request: dict[str, Any], headers: dict[str, str]) -> Answer | None:
        with self._lock:
            self.requests.append(request)
            self.headers.append(headers)
            if not self._answers:
                self.unscripted += 1
                return None
            return self._answers.popleft()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if self.path == "/v1/audio/transcriptions":
                    request = _upload(self.headers.get("Content-Type", ""), raw)
                else:
                    request = json.loads(raw or b"{}")
                if self.path not in {"/v1/chat/completions", "/v1/audio/transcriptions"}:
                    self._send(404, error(404, f"no route {self.path}").body or {})
                    return
                answer = stub._next(request, {k.lower(): v for k, v in self.headers.items()})
                if answer is None:
                    self._send(500, error(500, "stub: no scripted answer left").body or {})
                    return
                if answer.delay_s and stub._closing.wait(answer.delay_s):
                    return
                self._send(answer.status, answer.body or _completion(answer, request))

            def _send(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): nothing to answer

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output quiet

        return Handler


def _upload(content_type: str, raw: bytes) -> dict[str, Any]:
    """A multipart upload's fields: `model`, and the file's name and size."""
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            fields.update(file_name=part.get_filename(), file_size=len(content))
        elif isinstance(name, str):
            fields[name] = content.decode()
    return fields


def _completion(answer: Answer, request: dict[str, Any]) -> dict[str, Any]:
    """A `chat.completion` object as OpenAI sends it, with token counts."""
    message: dict[str, Any] = {"role": "assistant", "refusal": None, **answer.message}
    if "tool_calls" in message:
        message["tool_calls"] = [_named(call, request) for call in message["tool_calls"]]
    prompt_tokens = sum(len(str(m.get("content") or "").split()) for m in request.get("messages", []))
    completion_tokens = len(json.dumps(message.get("tool_calls") or message.get("content") or "").split())
    return {
        "id": f"chatcmpl-stub-{time.monotonic_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "stub"),
        "system_fingerprint": None,
        "choices": [
            {"index": 0, "message": message, "finish_reason": answer.finish_reason, "logprobs": None}
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _named(call: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    """The call, named after the first tool the request offered when the script left it unnamed."""
    if call["function"]["name"] is not None:
        return call
    offered = request["tools"][0]["function"]["name"]
    return {**call, "function": {**call["function"], "name": offered}}
