"""Logs never carry PHI in clear: phones, e-mails and dates are replaced by stable tokens."""

from __future__ import annotations

import json
import logging

from api.logging import JsonFormatter, redact


def test_redact_replaces_phi_with_stable_tokens() -> None:
    text = "patient +15550100001 (maria@example.com) born 1985-04-12 or 4/12/1985"
    out = redact(text)
    for secret in ("+15550100001", "5550100001", "maria@example.com", "1985-04-12", "4/12/1985"):
        assert secret not in out
    assert out.count("<redacted:") == 4
    assert redact("+15550100001") == redact("+15550100001")  # correlatable
    assert redact("+15550100001") != redact("+15550100002")


def test_json_formatter_redacts_message_and_extra_fields() -> None:
    record = logging.LogRecord("prm", logging.INFO, __file__, 1, "from %s", ("+15550100001",), None)
    record.phone = "+15550100002"
    record.conversation_id = "c-1"
    payload = json.loads(JsonFormatter().format(record))
    assert "+1555" not in json.dumps(payload)
    assert payload["conversation_id"] == "c-1"
    assert payload["level"] == "info"


def test_the_tokens_are_keyed_so_hashing_every_phone_number_does_not_reverse_them() -> None:
    import hashlib

    from api import logging as prm_logging

    try:
        prm_logging.configure(key="the clinic's own log key, from PRM_LOG_KEY")
        token = redact("+15550100001")
        plain = hashlib.sha256(b"+15550100001").hexdigest()
        assert plain[:8] not in token and plain[:12] not in token  # an unkeyed hash would be
        prm_logging.configure(key="another clinic's key, another token for the same number")
        assert redact("+15550100001") != token
    finally:
        logging.getLogger().handlers = []


def test_access_lines_carry_no_query_value_in_clear() -> None:
    """A search's query string is PHI no pattern recognises (`family=garcia`), and uvicorn's access
    line logs it; every value is now a token, the parameter names kept."""
    from api.logging import redact_query

    target = (
        "/fhir/R4/Patient?family=garcia&given=maria&email=maria.garcia%40example.org"
        "&identifier=urn:prm:mrn%7CMRN-0042"
    )
    # as uvicorn logs it: '%s - "%s %s HTTP/%s" %d' % (client, method, target, version, status)
    record = logging.getLogger("uvicorn.access").makeRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", target, "1.1", 200),
        None,
    )
    line = json.loads(JsonFormatter().format(record))["msg"]
    for secret in ("garcia", "maria", "MRN-0042", "example.org"):
        assert secret not in line.lower(), line
    assert '"GET /fhir/R4/Patient?family=<redacted:' in line and line.endswith('HTTP/1.1" 200')
    assert redact_query("/fhir/R4/Patient?family=garcia") == redact_query("/fhir/R4/Patient?family=garcia")
    assert redact_query("/healthz") == "/healthz"
    assert "example" not in redact_query("/x?maria%40example.org")  # a value sent as a name is no name
