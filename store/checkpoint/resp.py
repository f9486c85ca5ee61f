"""The Redis protocol (RESP) for the saver's hot path: commands to bytes, bytes to replies.

redis-py encodes each argument through its encoder and parses replies through a StreamReader,
its parser and their timeout and error wrappers: sound, but on the benchmark machine that is
more CPU than the loopback round trip itself (see `wire.py`). The saver sends only bulk-string
commands it built itself and reads only the replies its scripts return, so both directions fit
in a few lines here. Error replies become redis-py's own exception classes (`NoScriptError`,
`BusyLoadingError`, ...), so callers handle them as with any redis-py call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from redis._parsers import BaseParser
from redis.exceptions import DataError, InvalidResponse
from redis.typing import EncodableT

Command = Sequence[EncodableT]
NEWLINE = b"\r\n"
CONVERT = "convert to bytes, str or a number"


def pack(commands: Sequence[Command], encoding: str = "utf-8", errors: str = "strict") -> bytes:
    """`commands` as RESP arrays of bulk strings, ready to write in one go (the same bytes
    redis-py's `pack_commands` writes)."""
    out: list[bytes] = []
    for command in commands:
        out.append(b"*%d\r\n" % len(command))
        for arg in command:
            if isinstance(arg, bytes):
                data = arg
            elif isinstance(arg, str):
                data = arg.encode(encoding, errors)
            elif isinstance(arg, bool):
                raise DataError(f"invalid input of type bool: {arg!r}; {CONVERT}")
            elif isinstance(arg, int):
                data = b"%d" % arg
            elif isinstance(arg, float):
                data = repr(arg).encode()
            elif isinstance(arg, memoryview):
                data = arg.tobytes()
            else:
                raise DataError(f"invalid input of type {type(arg).__name__}; {CONVERT}")
            out += (b"$%d\r\n" % len(data), data, NEWLINE)
    return b"".join(out)


def parse(buffer: bytes, at: int = 0) -> tuple[Any, int] | None:
    """The reply starting at `at` and where the next one starts, or None if `buffer` does not
    hold all of it yet. Bulk strings stay bytes; an error reply is returned (not raised) as
    redis-py's exception for it, also inside an array, as redis-py's parser does."""
    end = buffer.find(NEWLINE, at)
    if end < 0:
        return None
    kind, line, after = buffer[at], buffer[at + 1 : end], end + 2
    if kind == 0x24:  # $ bulk string
        size = int(line)
        if size < 0:
            return None, after
        if len(buffer) < after + size + 2:
            return None
        return buffer[after : after + size], after + size + 2
    if kind == 0x3A:  # : integer
        return int(line), after
    if kind == 0x2B:  # + simple string
        return line, after
    if kind == 0x2D:  # - error
        return BaseParser.parse_error(line.decode("utf-8", errors="replace")), after  # type: ignore[no-untyped-call]
    if kind == 0x2A:  # * array
        count = int(line)
        if count < 0:
            return None, after
        items = []
        for _ in range(count):
            parsed = parse(buffer, after)
            if parsed is None:
                return None
            item, after = parsed
            items.append(item)
        return items, after
    if kind == 0x5F:  # _ null (RESP3)
        return None, after
    raise InvalidResponse(f"Protocol Error: unexpected reply {bytes(buffer[at : end + 2])[:80]!r}")
