"""The embedded Valkey server: reuse across processes, last user stops it, data survives a restart,
and a large data set being loaded is waited for."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis

from store.embedded import EmbeddedServerError, EmbeddedValkey
from store.embedded import valkey as valkey_module


def test_reused_by_a_second_handle_and_stopped_by_the_last(tmp_path: Path) -> None:
    first = EmbeddedValkey(tmp_path).start()
    url = first.url
    second = EmbeddedValkey(tmp_path).start()
    assert second.url == url  # same server, found through its pid and port files
    client = redis.Redis.from_url(url)
    client.set("k", "v")
    first.stop()
    assert client.get("k") == b"v"  # still up: the second handle uses it
    second.stop()
    with pytest.raises(redis.ConnectionError):
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()


def test_another_process_reuses_the_running_server(tmp_path: Path) -> None:
    with EmbeddedValkey(tmp_path) as server:
        code = (
            "import sys; from pathlib import Path; from store.embedded import EmbeddedValkey;"
            f"s = EmbeddedValkey(Path({str(tmp_path)!r})).start(); print(s.url); s.stop()"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == server.url
        assert redis.Redis.from_url(server.url).ping()  # the child leaving did not stop it


def test_data_survives_a_restart(tmp_path: Path) -> None:
    with EmbeddedValkey(tmp_path) as server:
        client = redis.Redis.from_url(server.url)
        client.set("durable", "yes")
        client.execute_command("BGREWRITEAOF")
    with EmbeddedValkey(tmp_path) as server:
        assert redis.Redis.from_url(server.url).get("durable") == b"yes"


def test_a_server_that_cannot_start_raises_an_error_with_its_log(tmp_path: Path) -> None:
    manifest = tmp_path / "valkey" / "appendonlydir" / "appendonly.aof.manifest"
    manifest.parent.mkdir(parents=True)
    manifest.write_text("this is not a manifest\n")  # a corrupt append-only file: Valkey refuses it
    with pytest.raises(EmbeddedServerError, match=r"(?s)could not start.*REDIS_URL"):
        EmbeddedValkey(tmp_path).start()


class FakeServer:
    """Answers PING with `replies` in turn (then the last one for ever); nothing when empty."""

    def __init__(self, replies: list[bytes]) -> None:
        self.replies = replies
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(64)
                if self.replies:
                    conn.sendall(self.replies.pop(0) if len(self.replies) > 1 else self.replies[0])


def test_a_server_still_loading_a_large_data_set_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(valkey_module, "START_TIMEOUT_S", 0.3)
    loading = b"-LOADING Valkey is loading the dataset in memory\r\n"
    server = FakeServer([loading] * 20 + [b"+PONG\r\n"])  # ~1 s of loading: beyond 0.3 s, still waited for
    started = time.monotonic()
    assert valkey_module.wait_until_ready(server.port, lambda: True)
    assert time.monotonic() - started > 0.5


def test_a_server_that_never_answers_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(valkey_module, "START_TIMEOUT_S", 0.3)
    assert not valkey_module.wait_until_ready(FakeServer([]).port, lambda: True)
    assert not valkey_module.wait_until_ready(FakeServer([b"+PONG\r\n"]).port, lambda: False)  # it exited
