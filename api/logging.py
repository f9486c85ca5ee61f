"""Structured JSON logs that never carry PHI in clear.

Messages and extra fields pass through `redact()`: phone numbers, e-mail addresses and dates are
replaced by a short keyed hash (the same phone always maps to the same token, so logs can still be
correlated without revealing it). uvicorn's access lines have every query value so replaced
(`redact_query`): a search's query string holds names, e-mails and record numbers that no
pattern recognises. Code should log ids, never names or message bodies; this filter
is the net under that rule.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import sys
from typing import Any

_PATTERNS = [
    re.compile(r"\+?\d[\d\s().-]{7,}\d"),  # phone numbers, E.164 or formatted
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail addresses
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"),  # dates (birth dates)
]
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None)))
# An unkeyed hash of a phone number is reversed by hashing every phone number; a keyed one is not.
# `configure` sets the clinic's key (PRM_LOG_KEY, required in production); until then a random one,
# so tokens still correlate within the process and reveal nothing.
_key = secrets.token_bytes(32)


_PARAMETER_NAME = re.compile(r"[A-Za-z_][\w.:-]{0,40}")  # `family`, `_count`, `name:exact`


def _token_of(text: str) -> str:
    return "<redacted:" + hmac.new(_key, text.encode(), hashlib.sha256).hexdigest()[:12] + ">"


def _token(match: re.Match[str]) -> str:
    return _token_of(match.group())


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(_token, text)
    return text


def redact_query(target: str) -> str:
    """A request target with every query value (and any odd parameter name) a keyed token.

    A query string is where a search puts what it looks for: `family=garcia&given=maria`, an
    e-mail, a record number. `redact()` cannot know that `garcia` is a name, so no value of a
    query is logged as it is; the names of the parameters stay (they are what a reader of the
    log needs), unless they do not look like parameter names.
    """
    path, mark, query = target.partition("?")
    if not mark:
        return target
    pairs = []
    for pair in query.split("&"):
        name, equals, value = pair.partition("=")
        if not _PARAMETER_NAME.fullmatch(name):
            name = _token_of(name)
        pairs.append(f"{name}{equals}{_token_of(value)}" if value else f"{name}{equals}")
    return f"{path}?{'&'.join(pairs)}"


def _access_line(record: logging.LogRecord) -> None:
    """uvicorn's access line carries the raw request target (its args are client, method,
    target, HTTP version, status): log the target with its query values redacted."""
    if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
        client, method, target, version, status = record.args
        record.args = (client, method, redact_query(str(target)), version, status)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        _access_line(record)
        payload: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                payload[key] = redact(str(value)) if isinstance(value, str) else value
        if record.exc_info:
            payload["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(payload, default=str)


def configure(level: str = "INFO", key: str | None = None) -> None:
    """JSON to stderr for our loggers and uvicorn's; `key` keys the redaction hashes (PRM_LOG_KEY)."""
    global _key
    if key:
        _key = hashlib.sha256(key.encode()).digest()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
