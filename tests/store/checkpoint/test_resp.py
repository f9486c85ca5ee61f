"""The saver's own RESP encoding and reply parsing (`store/checkpoint/resp.py`), checked against
redis-py's: the same bytes on the wire, the same replies and exception classes back."""

from __future__ import annotations

import pytest
from redis.asyncio.connection import Connection
from redis.exceptions import BusyLoadingError, DataError, InvalidResponse, NoScriptError, ResponseError

from store.checkpoint import resp

COMMANDS = [
    ("EVALSHA", "ab" * 20, 2, "prm:{t}:h", "prm:{t}:z", b"\x00bin\r\nary", 0, -7, 1.5),
    ("SADD", "prm:run:{r}", "t\u00e9"),
    ("SET", "k", b"x" * 70_000),  # large: redis-py sends it as a buffer of its own
    ("PING",),
]


def test_pack_writes_what_redis_py_writes() -> None:
    assert resp.pack(COMMANDS) == b"".join(Connection().pack_commands(COMMANDS))


@pytest.mark.parametrize("arg", [True, None, object(), [1]])
def test_pack_refuses_what_redis_cannot_take(arg: object) -> None:
    with pytest.raises(DataError, match="invalid input"):
        resp.pack([("SET", "k", arg)])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("raw", "reply"),
    [
        (b"$5\r\nab\r\nc\r\n", b"ab\r\nc"),
        (b"$0\r\n\r\n", b""),
        (b"$-1\r\n", None),
        (b":-42\r\n", -42),
        (b"+OK\r\n", b"OK"),
        (b"*3\r\n:1\r\n$2\r\nhi\r\n*1\r\n$-1\r\n", [1, b"hi", [None]]),
        (b"*0\r\n", []),
        (b"*-1\r\n", None),
        (b"_\r\n", None),
    ],
)
def test_parse_reads_each_reply_kind(raw: bytes, reply: object) -> None:
    assert resp.parse(raw) == (reply, len(raw))


def test_an_incomplete_reply_waits_for_more_at_every_cut() -> None:
    raw = b"*2\r\n$11\r\nhello world\r\n:7\r\n" + b"$3\r\nend\r\n"
    first_end = raw.index(b"$3")
    for cut in range(first_end):
        assert resp.parse(raw[:cut]) is None
    assert resp.parse(raw) == ([b"hello world", 7], first_end)
    assert resp.parse(raw, first_end) == (b"end", len(raw))


def test_error_replies_become_redis_py_exceptions_returned_not_raised() -> None:
    reply, _ = resp.parse(b"-NOSCRIPT No matching script.\r\n")  # type: ignore[misc]
    assert isinstance(reply, NoScriptError)
    loading, _ = resp.parse(b"-LOADING Redis is loading the dataset in memory\r\n")  # type: ignore[misc]
    assert isinstance(loading, BusyLoadingError)
    nested, _ = resp.parse(b"*2\r\n-ERR boom\r\n:1\r\n")  # type: ignore[misc]
    assert isinstance(nested[0], ResponseError) and str(nested[0]) == "boom" and nested[1] == 1


def test_anything_else_is_a_protocol_error() -> None:
    with pytest.raises(InvalidResponse, match="unexpected reply"):
        resp.parse(b"?what\r\n")
