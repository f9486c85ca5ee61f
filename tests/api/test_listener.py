"""The socket `prm serve` binds: connections accepted on it send small writes at once.

Without TCP_NODELAY on the accepted connection, a response written as headers then body waits for
the client's delayed ACK: 40 ms added to every request on a kept-alive connection (an integration
reusing its HTTP client, a load balancer's pool). The option is inherited from the listener, so
that is where it is set; uvicorn and asyncio set it only on sockets they create themselves.
"""

from __future__ import annotations

import socket

from api.supervisor import listen


def test_connections_accepted_on_the_listener_have_no_nagle_delay() -> None:
    with listen("127.0.0.1", 0) as listener:
        port = listener.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)) as client:
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
                assert client.getsockname() == accepted.getpeername()


def test_a_socket_inherited_by_an_api_process_keeps_the_option() -> None:
    """`prm api-process` rebuilds the socket from its file descriptor: the option is the kernel's."""
    with listen("127.0.0.1", 0) as listener:
        inherited = socket.socket(fileno=listener.fileno())
        try:
            assert inherited.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        finally:
            inherited.detach()
