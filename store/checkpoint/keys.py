"""Where a thread's checkpoints live in Redis: two keys per thread, every name built here.

    P:{T}:h    HASH  every stored record of thread T
    P:{T}:z    ZSET  all scores 0: a lexicographic index of the hash fields that need range reads
    P:run:{R}  SET   ids of the threads holding a checkpoint written by run R (for delete_for_runs)

`P` is the saver's prefix and `T` the thread id with `%`, `{` and `}` percent-escaped, so the
hash tag is exactly the thread: both keys of a thread sit in one Redis Cluster slot, which lets
one Lua script update them atomically. Why a hash plus an index rather than a key per
checkpoint: a thread is two keys whatever its length, so a TTL refresh, a delete or a copy
touches two keys, and `MEMORY USAGE` of two keys is the thread's footprint (its run sets aside).

Hash fields and index members are NUL-separated (LangGraph never puts NUL in names; we refuse
it). Checkpoint ids are UUID6, so lexicographic order is chronological order:

    c\\0ns\\0cid              checkpoint: typed {checkpoint without values, metadata}   indexed
    m\\0ns\\0cid              plain: parent \\0 root \\0 run (\\0 channel \\0 version)*     not indexed
    b\\0ns\\0channel\\0ver     one channel value, stored once per version               indexed
    w\\0ns\\0cid\\0task\\0idx   one pending write: channel \\0 task_path \\0 typed value   indexed
    r\\0run\\0ns\\0cid         index only: the checkpoints a run wrote
    d                      the thread uses a DeltaChannel (prune keep_latest refuses it)

The `m` field is plain so the Lua scripts can follow versions and parents without
deserializing (or decrypting) anything; it holds no message content.
"""

from __future__ import annotations

from typing import NamedTuple

SEP = "\0"
TOP = b"\xff"  # sorts after any UTF-8 byte: the inclusive upper end of a prefix range
DELTA_FLAG = "d"


class ThreadKeys(NamedTuple):
    """The two keys of one thread, in the order the Lua scripts take them."""

    hash: str
    zset: str


def check_name(kind: str, value: str) -> str:
    """Refuse NUL, our separator, in a namespace, channel, task or run name."""
    if SEP in value:
        raise ValueError(f"{kind} must not contain NUL characters: {value!r}")
    return value


def check_prefix(prefix: str) -> str:
    """A prefix with braces would move the hash tag off the thread id."""
    if not prefix or "{" in prefix or "}" in prefix:
        raise ValueError(f"key prefix must be non-empty and free of '{{' and '}}': {prefix!r}")
    return prefix


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("{", "%7B").replace("}", "%7D")


def _unescape(value: str) -> str:
    return value.replace("%7D", "}").replace("%7B", "{").replace("%25", "%")


def thread_keys(prefix: str, thread_id: str) -> ThreadKeys:
    base = f"{prefix}:{{{_escape(thread_id)}}}"
    return ThreadKeys(f"{base}:h", f"{base}:z")


def run_key(prefix: str, run_id: str) -> str:
    return f"{prefix}:run:{{{_escape(run_id)}}}"


def index_key_pattern(prefix: str) -> str:
    """SCAN pattern matching every thread's index key (glob characters in the prefix escaped)."""
    escaped = "".join(f"\\{ch}" if ch in "*?[]\\" else ch for ch in prefix)
    return f"{escaped}:{{*}}:z"


def thread_id_of(prefix: str, index_key: str) -> str:
    """The thread id inside an index key found by SCAN."""
    return _unescape(index_key[len(prefix) + 2 : -3])


def checkpoint_member(ns: str, checkpoint_id: str) -> bytes:
    return f"c{SEP}{ns}{SEP}{checkpoint_id}".encode()


def blob_field(ns: str, channel: str, version: str) -> bytes:
    return f"b{SEP}{ns}{SEP}{channel}{SEP}{version}".encode()


def write_field(ns: str, checkpoint_id: str, task_id: str, idx: int) -> bytes:
    return f"w{SEP}{ns}{SEP}{checkpoint_id}{SEP}{task_id}{SEP}{idx}".encode()


def run_member(run_id: str, ns: str, checkpoint_id: str) -> bytes:
    return f"r{SEP}{run_id}{SEP}{ns}{SEP}{checkpoint_id}".encode()


def text(value: bytes | str) -> str:
    """A name as redis-py returned it (bytes, since checkpoints need decode_responses=False)."""
    return value.decode() if isinstance(value, bytes) else value


def split(member: bytes) -> list[str]:
    """The NUL-separated parts of a member or plain field value."""
    return member.decode().split(SEP)


class LexRange(NamedTuple):
    """Bounds for ZREVRANGEBYLEX over the index."""

    min: bytes
    max: bytes


def checkpoints_range(
    ns: str | None, *, checkpoint_id: str | None = None, before: str | None = None
) -> LexRange:
    """The checkpoints of one namespace (or all, when `ns` is None), one id, or those before an id."""
    if ns is None:
        return LexRange(b"[c" + SEP.encode(), b"[c" + SEP.encode() + TOP)
    start = f"c{SEP}{ns}{SEP}".encode()
    if checkpoint_id is not None:
        exact = b"[" + start + checkpoint_id.encode()
        return LexRange(exact, exact)
    upper = b"(" + start + before.encode() if before is not None else b"[" + start + TOP
    return LexRange(b"[" + start, upper)
