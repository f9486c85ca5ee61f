"""The front-door benchmark's own parts: the Twilio stand-in speaks what twilio's client reads, and
the accounting pairs each patient's messages with replies in order, counting the lost and the
doubled. (A whole run starts `prm serve` and takes a minute: `prm bench load` is where it runs.)"""

from __future__ import annotations

import io

from rich.console import Console
from twilio.rest import Client

from api.bench import load as bench


def test_the_stand_in_answers_twilios_client_and_notes_each_reply() -> None:
    with bench.TwilioStandIn(bench.ACCOUNT_SID) as stand_in:
        client = Client(bench.ACCOUNT_SID, bench.AUTH_TOKEN)
        client.api.base_url = stand_in.url
        created = client.messages.create(to="whatsapp:+15550200001", from_="whatsapp:+15550000000", body="hi")
        assert created.sid.startswith("SM") and created.status == "queued"
        assert client.messages.list(to="whatsapp:+15550200001") == []  # nothing is ever "maybe sent"
        assert stand_in.replies() == 1 and list(stand_in.arrivals) == ["+15550200001"]
        stand_in.forget()
        assert stand_in.replies() == 0


def test_messages_pair_with_replies_in_order_and_the_rest_is_lost_or_doubled() -> None:
    run = bench.LoadRun(rate=2, seconds=2, patients=3, workers=0, reply="twiml")
    run.sent = [
        bench.Sent("+1a", at=10.0, ack_ms=5, status=200),
        bench.Sent("+1a", at=11.0, ack_ms=7, status=200),
        bench.Sent("+1b", at=10.5, ack_ms=40, status=200, inline=True),  # answered in its TwiML
        bench.Sent("+1c", at=11.5, ack_ms=None),  # no answer at all
    ]
    with bench.TwilioStandIn(bench.ACCOUNT_SID) as stand_in:
        stand_in.arrivals["+1a"] += [10.1, 11.3]
        stand_in.arrivals["+1c"] += [12.0, 12.5]  # one reply too many
        row = bench._row(run, stand_in)
    assert (row["offered"], row["acknowledged"], row["replies"]) == (4, 3, 4)
    assert (row["lost"], row["duplicated"]) == (0, 1)
    assert row["turn_p50_ms"] == 200.0  # 100, 300 and 500 ms at "Twilio", 40 ms inline
    out = io.StringIO()
    bench.render([row], Console(file=out, width=200))
    assert "2 msg/s × 2 s" in out.getvalue() and "0 / 1" in out.getvalue()


def test_a_burst_that_waited_is_answered_by_one_reply_not_lost() -> None:
    latencies, doubled = bench._answered(sent=[1.0, 2.0, 5.0], replies=[2.5, 6.0, 7.0])
    assert latencies == [1500.0, 500.0, 1000.0] and doubled == 1  # 1.0 and 2.0 merged; 7.0 answers nothing
    assert bench._answered(sent=[1.0], replies=[]) == ([], 0)  # the caller counts it lost
