"""Serialization of stored values: strict about types, and authenticated-encrypted with a key.

Checkpoints hold PHI (message bodies, names, dates of birth), and whoever can write to Redis must not
be able to plant a value the app then trusts, nor run code when it is read:

- **Types**: LangGraph's msgpack loader would import and call whatever a stored value names. Ours
  is strict: only LangGraph's safe types (dates, UUIDs, sets, …) and plain data come back; the
  conversation state holds nothing else (a test keeps it so).
- **Encryption**: with a key ring every checkpoint record, channel value and pending write is
  AES-GCM encrypted (authenticated: altered bytes fail to decrypt; a fresh 128-bit nonce per
  value; GCM rather than LangGraph's default EAX, which takes twice as long). The first key
  encrypts; every key decrypts, chosen by the key id stored with the value, so keys rotate by
  putting the new one first. With a key set, a value stored **without** encryption is refused:
  it can only have been written before encryption was on, or by someone without the key.

A stored value is `type \\0 bytes`: binary-safe, no base64; an encrypted one's type is
`msgpack+aes@<key id>`. Names the Lua scripts need in plain (namespaces, channels, versions, task
and run ids) are not encrypted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from langgraph.checkpoint.serde.base import SerializerProtocol
from langgraph.checkpoint.serde.encrypted import EncryptedSerializer
from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer

from store.checkpoint.errors import CheckpointDecodeError

AES_KEY_SIZES = (16, 24, 32)


def key_id(key: bytes) -> str:
    """A short, public name for a key (not the key): which one a value was encrypted with."""
    return hashlib.sha256(b"prm-checkpoint-key-id:" + key).hexdigest()[:8]


class KeyRing(SerializerProtocol):
    """AES-GCM under several keys: the first encrypts, the one a value names decrypts it."""

    def __init__(self, inner: SerializerProtocol, keys: Sequence[bytes]) -> None:
        from Crypto.Cipher import AES  # pycryptodome, needed only with a key

        for key in keys:
            if len(key) not in AES_KEY_SIZES:
                raise ValueError(
                    f"encryption_key must be 16, 24 or 32 bytes (AES-128/192/256), got {len(key)}"
                )
        self.ring = {
            key_id(key): EncryptedSerializer.from_pycryptodome_aes(serde=inner, key=key, mode=AES.MODE_GCM)
            for key in keys
        }
        self.current = key_id(keys[0])

    def dumps_typed(self, obj: Any) -> tuple[str, bytes]:
        typ, data = self.ring[self.current].dumps_typed(obj)
        return f"{typ}@{self.current}", data

    def loads_typed(self, data: tuple[str, bytes]) -> Any:
        typ, raw = data
        base, _, kid = typ.partition("@")
        if "+" not in base:
            raise CheckpointDecodeError(
                "stored checkpoint data is not encrypted, yet a key is set: refused (written before "
                "encryption was on, or by someone without the key)"
            )
        if kid and kid not in self.ring:
            raise CheckpointDecodeError(
                f"stored checkpoint data was encrypted with key {kid}, not configured"
            )
        for candidate in [self.ring[kid]] if kid else list(self.ring.values()):  # no id: an older value
            try:
                return candidate.loads_typed((base, raw))
            except (ValueError, AssertionError):  # LangGraph asserts on a cipher name it does not know
                continue
        raise CheckpointDecodeError(
            "cannot decrypt stored checkpoint data: the encryption_key differs from the one it was "
            "written with, or the data was altered"
        )


def make_serde(
    serde: SerializerProtocol | None, encryption_key: bytes | Sequence[bytes] | None
) -> SerializerProtocol:
    """The saver's serializer: `serde` (default: JsonPlus, safe types only), encrypted under the key
    ring when one is given (a single key, or several: the first encrypts)."""
    inner = serde if serde is not None else JsonPlusSerializer(allowed_msgpack_modules=None)
    if encryption_key is None:
        return inner
    keys = [encryption_key] if isinstance(encryption_key, bytes) else list(encryption_key)
    if not keys:
        return inner
    return KeyRing(inner, keys)


def dump(serde: SerializerProtocol, value: Any) -> bytes:
    typ, data = serde.dumps_typed(value)
    return typ.encode() + b"\0" + data


def load(serde: SerializerProtocol, raw: bytes) -> Any:
    typ_raw, _, data = raw.partition(b"\0")
    typ = typ_raw.decode()
    if "+" in typ and not isinstance(serde, KeyRing):
        raise CheckpointDecodeError(
            f"stored checkpoint data is encrypted ({typ}); create the saver with its encryption_key"
        )
    try:
        return serde.loads_typed((typ, data))
    except CheckpointDecodeError:
        raise
    except ValueError as exc:
        raise CheckpointDecodeError(f"cannot deserialize stored checkpoint data of type {typ!r}") from exc
