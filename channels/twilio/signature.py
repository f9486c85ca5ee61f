"""Is this webhook from Twilio? `X-Twilio-Signature`, checked with twilio's own `RequestValidator`.

Twilio signs the URL it called plus every form parameter it sent (sorted by name, each name's
values sorted). Three details decide whether the check means anything:

- The URL is our *public* URL (`PRM_PUBLIC_URL` + path), never the host the request arrived on:
  behind a proxy or tunnel that host is `127.0.0.1`, and trusting the request's own `Host` would let
  a caller pick the URL that is checked.
- *All* received parameters take part, including repeated keys and ones Twilio adds in future:
  dropping an unknown one would let an attacker append parameters to a signed request.
  `RequestValidator` reads repeated keys only through a `getall()`/`getlist()` method (a plain dict
  holding a list makes it fail), so the parameters are handed over as `FormParams`.
- It fails closed: no token configured, no header, or anything unexpected → not valid.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from twilio.request_validator import RequestValidator


class FormParams:
    """Received form parameters, in order and with repeats, as `RequestValidator` reads them.

    The validator iterates over the names and asks `getall(name)` for each name's values (the way
    it reads Flask's MultiDict). Also handy for computing a signature in tests:
    `RequestValidator(token).compute_signature(url, FormParams(params))`.
    """

    def __init__(self, params: Sequence[tuple[str, str]]) -> None:
        self._params = tuple(params)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._params)

    def __len__(self) -> int:
        return len(self._params)

    def getall(self, name: str) -> list[str]:
        return [value for key, value in self._params if key == name]


def is_valid_signature(
    *, auth_token: str | None, url: str, params: Sequence[tuple[str, str]], signature: str | None
) -> bool:
    """Whether `signature` is Twilio's for `url` (the public URL, query included) and `params`.

    `params` are every form parameter received, in any order, repeats included.
    """
    if not auth_token or not signature:
        return False
    try:
        return bool(RequestValidator(auth_token).validate(url, FormParams(params), signature))
    except (TypeError, ValueError, UnicodeError):  # a malformed URL or parameter: not from Twilio
        return False
