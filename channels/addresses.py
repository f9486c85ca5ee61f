"""Where the app may post to: public addresses only, unless a setting allows private ones.

A webhook subscriber's URL is chosen by an admin, but a URL that points at the app's own network
(loopback, private ranges, link-local such as the cloud metadata service at 169.254.169.254) turns
the event relay into a way to reach what the outside cannot, and its error messages into a way to
learn what answered there. Hosts are resolved and every address must be global (a name that does
not resolve yet is let through when saved); the post then goes to the address that was checked
(`pinned`), never to a second lookup's; the check runs when
a subscriber is saved and again before each post (a name can be re-pointed after it was checked).
`PRM_WEBHOOKS_ALLOW_PRIVATE=true` allows private addresses, for development and tests.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit, urlunsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class PrivateAddress(ValueError):
    """The URL's host is, or resolves to, an address that is not public."""


async def check_public(url: str, *, allow_private: bool = False, unresolved_ok: bool = True) -> list[Address]:
    """The public addresses `url`'s host resolves to ([] when private ones are allowed, or when it
    does not resolve and `unresolved_ok`); `PrivateAddress` when any is not public.

    `unresolved_ok=False` (right before a post) refuses a host that does not resolve too: a name
    that fails the check's lookup and resolves for the post's is how a rebinding attack starts.
    """
    if allow_private:
        return []
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise PrivateAddress("the URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise PrivateAddress("the URL's port is not a port number") from None
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        try:
            found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError:
            if unresolved_ok:
                return []  # no address at all is not a private one: posting to it fails on its own
            raise PrivateAddress(f"the host {host!r} does not resolve") from None

        addresses = {ipaddress.ip_address(item[4][0]) for item in found}
    for address in addresses:
        if not address.is_global or address.is_multicast:
            raise PrivateAddress(f"the host {host!r} is not a public address ({address})")
    return sorted(addresses, key=str)


def pinned(
    url: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address
) -> tuple[str, dict[str, str], dict[str, str]]:
    """`url` sent to the checked `address` itself: (URL, headers, httpx extensions). The Host header
    and, for https, the TLS server name stay the host's, so virtual hosts and certificates work,
    while a second DNS lookup (which an attacker's server could answer with 169.254.169.254) never
    happens."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = f"[{address}]" if address.version == 6 else str(address)
    port = f":{parts.port}" if parts.port else ""
    target = urlunsplit(parts._replace(netloc=literal + port))
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return target, {"Host": host + port}, extensions
