"""The front-door benchmark's own parts: the Twilio stand-in speaks what twilio's client reads and
notes which of our messages each post sends, and the accounting pairs each message with the reply
the server recorded for it, counting the lost and the doubled. (A whole run starts `prm serve` and
takes a minute: `prm bench load` is where it runs.)"""

from __future__ import annotations

import io

from rich.console import Console
from twilio.rest import Client

from api.bench import load as bench
from api.bench.twilio_stand_in import Post


def test_the_stand_in_answers_twilios_client_and_notes_each_reply() -> None:
    with bench.TwilioStandIn(bench.ACCOUNT_SID) as stand_in:
        client = Client(bench.ACCOUNT_SID, bench.AUTH_TOKEN)
        client.api.base_url = stand_in.url
        created = client.messages.create(
            to="whatsapp:+15550200001",
            from_="whatsapp:+15550000000",
            body="hi",
            status_callback="https://clinic.bench.example/status?message=0b7e",
        )
        assert created.sid.startswith("SM") and created.status == "queued"
        assert client.messages.list(to="whatsapp:+15550200001") == []  # nothing is ever "maybe sent"
        [post] = stand_in.posts
        assert (post.to, post.message, post.body) == ("+15550200001", "0b7e", "hi")
        assert stand_in.replies() == 1
        stand_in.forget()
        assert stand_in.replies() == 0


def _post(message: str | None, at: float, body: str = "Here are the first free times") -> Post:
    return Post("+1a", at, message, body)


def test_messages_pair_with_the_replies_the_server_recorded_and_the_rest_is_lost_or_doubled() -> None:
    run = bench.LoadRun(rate=2, seconds=2, patients=3, workers=0, reply="twiml")
    run.sent = [
        bench.Sent("+1a", at=10.0, sid="SMa1", ack_ms=5, status=200),
        bench.Sent("+1a", at=11.0, sid="SMa2", ack_ms=7, status=200),
        bench.Sent("+1b", at=10.5, sid="SMb1", ack_ms=40, status=200, inline=True),  # answered in its TwiML
        bench.Sent("+1c", at=11.5, sid="SMc1", ack_ms=None),  # no answer at all: not stored
        bench.Sent("+1d", at=11.5, sid="SMd1", ack_ms=9, status=200),  # stored, never answered
    ]
    answers = {"SMa1": "r1", "SMa2": "r2", "SMb1": "r3", "SMd1": None}
    posts = [_post("r1", 10.1), _post("r2", 11.3), _post("r2", 11.4), _post("r3", 11.0), _post("r9", 12.0)]
    row = bench._row(run, posts, answers)
    assert (row["offered"], row["acknowledged"], row["replies"]) == (5, 4, 3)
    # SMd1 lost; r2 posted again, r3 posted beside its TwiML, r9 answers nothing
    assert (row["lost"], row["duplicated"]) == (1, 3)
    assert row["turn_p50_ms"] == 100.0  # 100 and 300 ms at "Twilio", 40 ms inline
    out = io.StringIO()
    bench.render([row], Console(file=out, width=200))
    assert "2 msg/s × 2 s" in out.getvalue() and "1 / 3" in out.getvalue()


def test_a_message_stored_too_late_for_a_reply_sent_after_it_is_answered_by_its_own_not_doubled() -> None:
    """Under load a webhook is stored tens of seconds after it was sent: the patient's second
    message, sent before the first reply arrived, came too late for that turn and has a reply of
    its own. Paired by times, that second reply answered nothing (12 "answered twice" at 50 msg/s)."""
    run = bench.LoadRun(rate=1, seconds=2, patients=1, workers=0, reply="rest")
    run.sent = [
        bench.Sent("+1a", at=1.0, sid="SM1", ack_ms=30_000, status=200),
        bench.Sent("+1a", at=2.0, sid="SM2", ack_ms=30_000, status=200),  # stored after r1 took its batch
        bench.Sent("+1a", at=3.0, sid="SM3", ack_ms=30_000, status=200),  # a burst with SM2
    ]
    answers = {"SM1": "r1", "SM2": "r2", "SM3": "r2"}
    row = bench._row(run, [_post("r1", 31.5), _post("r2", 45.0)], answers)
    assert (row["replies"], row["lost"], row["duplicated"]) == (3, 0, 0)
    assert row["turn_p50_ms"] == 42_000.0  # 30.5, 42 and 43 s: SM2 and SM3 by r2, not by r1 at 31.5 s


def test_a_merged_burst_shares_one_reply_whether_posted_or_in_a_webhooks_twiml() -> None:
    run = bench.LoadRun(rate=1, seconds=2, patients=1, workers=0, reply="twiml")
    run.sent = [
        bench.Sent("+1a", at=1.0, sid="SM1", ack_ms=800, status=200, inline=True),
        bench.Sent("+1a", at=1.5, sid="SM2", ack_ms=300, status=200),  # its webhook found r1 claimed
    ]
    row = bench._row(run, [], {"SM1": "r1", "SM2": "r1"})
    assert (row["replies"], row["lost"], row["duplicated"]) == (2, 0, 0)
