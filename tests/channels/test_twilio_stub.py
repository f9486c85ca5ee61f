"""The Twilio stub itself speaks Twilio's wire format, so other tests can trust what it records."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from channels.twilio.sender import Retry, TwilioSender
from tests.fakes.twilio_stub import TwilioStub

SID = "AC" + "3" * 32
TOKEN = "stub-test-token"
MESSAGES = f"/2010-04-01/Accounts/{SID}/Messages.json"


@pytest.fixture
def stub() -> Iterator[TwilioStub]:
    with TwilioStub(account_sid=SID, auth_token=TOKEN) as server:
        yield server


@pytest.fixture
async def http(stub: TwilioStub) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=stub.url, auth=(SID, TOKEN), timeout=5) as client:
        yield client


async def test_a_message_resource_like_twilios(http: httpx.AsyncClient, stub: TwilioStub) -> None:
    response = await http.post(MESSAGES, data={"To": "+15550100001", "From": "+15550000000", "Body": "hi"})
    assert response.status_code == 201
    resource = response.json()
    assert resource["sid"].startswith("SM") and len(resource["sid"]) == 34
    assert resource["status"] == "queued" and resource["direction"] == "outbound-api"
    assert (resource["to"], resource["from"], resource["body"]) == ("+15550100001", "+15550000000", "hi")
    assert (
        resource["account_sid"] == SID
        and resource["uri"] == f"/2010-04-01/Accounts/{SID}/Messages/{resource['sid']}.json"
    )
    assert resource["date_created"].endswith("+0000")
    assert stub.messages == [
        {
            "To": "+15550100001",
            "From": "+15550000000",
            "Body": "hi",
            "sid": resource["sid"],
            "status": "queued",
            "idempotency_token": None,
        }
    ]


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"From": "+15550000000", "Body": "hi"}, 21604),
        ({"To": "+15550100001", "Body": "hi"}, 21603),
        ({"To": "+15550100001", "From": "+15550000000"}, 21619),
        ({"To": "whatsapp:555", "From": "+15550000000", "Body": "hi"}, 21211),
        ({"To": "+15550100001", "From": "+15550000000", "Body": "x" * 1601}, 21617),
        (
            {"To": "+15550100001", "From": "+15550000000", "ContentSid": "HX1", "ContentVariables": "[1]"},
            21656,
        ),
    ],
)
async def test_twilios_validation_errors(
    http: httpx.AsyncClient, stub: TwilioStub, form: dict[str, str], code: int
) -> None:
    response = await http.post(MESSAGES, data=form)
    assert response.status_code == 400
    assert response.json()["code"] == code and response.json()["status"] == 400
    assert stub.messages == []


async def test_authentication_and_accounts(stub: TwilioStub) -> None:
    async with httpx.AsyncClient(base_url=stub.url, timeout=5) as anonymous:
        response = await anonymous.post(MESSAGES, data={"To": "+15550100001"})
        assert response.status_code == 401 and response.json()["code"] == 20003
        wrong = await anonymous.post(MESSAGES, data={"To": "+15550100001"}, auth=(SID, "nope"))
        assert wrong.status_code == 401
        other = await anonymous.post(
            "/2010-04-01/Accounts/AC999/Messages.json", data={"To": "+15550100001"}, auth=(SID, TOKEN)
        )
        assert other.status_code == 404 and other.json()["code"] == 20404


async def test_scripted_failures_are_consumed_in_order(http: httpx.AsyncClient, stub: TwilioStub) -> None:
    stub.fail_next(1, status=429)
    stub.fail_next(1, status=500)
    form = {"To": "+15550100001", "From": "+15550000000", "Body": "hi"}
    statuses = [(await http.post(MESSAGES, data=form)).status_code for _ in range(3)]
    assert statuses == [429, 500, 201] and stub.attempts == 3 and len(stub.messages) == 1


async def test_media_sit_behind_basic_auth_and_a_redirect(http: httpx.AsyncClient, stub: TwilioStub) -> None:
    url = stub.add_media("ME1", b"png bytes", "image/png")
    first = await http.get(url)
    assert first.status_code == 302 and first.headers["Location"].startswith("/cdn/ME1?Expires=")
    async with httpx.AsyncClient(timeout=5) as anonymous:
        assert (await anonymous.get(url)).status_code == 401
        cdn = await anonymous.get(stub.url + first.headers["Location"])  # the CDN wants no credentials
        assert (
            cdn.status_code == 200
            and cdn.content == b"png bytes"
            and cdn.headers["Content-Type"] == "image/png"
        )
        assert (await anonymous.get(stub.url + "/cdn/ME1?Signature=forged")).status_code == 403


async def test_concurrent_sends_are_all_recorded_and_an_idempotency_header_changes_nothing(
    stub: TwilioStub,
) -> None:
    sender = TwilioSender(SID, TOKEN, api_url=stub.url, retry=Retry(attempts=1))

    async def send(key: str) -> str:
        sent = await sender.send(
            to="whatsapp:+15550100001", from_="whatsapp:+15550000000", body=key, idempotency_key=key
        )
        return sent.sid

    distinct = await asyncio.gather(*(send(f"k{i}") for i in range(20)))
    twins = await asyncio.gather(*(send("same") for _ in range(10)))
    assert len(set(distinct)) == 20 and len(set(twins)) == 10  # as at Twilio: no key is honoured
    assert len(stub.messages) == 30 and stub.attempts == 30


async def test_the_list_filters_and_pages_like_twilios(http: httpx.AsyncClient, stub: TwilioStub) -> None:
    for n in range(5):
        form = {"To": "+15550100001", "From": "+15550000000", "Body": f"m{n}"}
        assert (await http.post(MESSAGES, data=form)).status_code == 201
    await http.post(MESSAGES, data={"To": "+15550100002", "From": "+15550000000", "Body": "other"})
    first = await http.get(MESSAGES, params={"To": "+15550100001", "PageSize": "2"})
    assert first.status_code == 200
    page = first.json()
    assert set(page) == {
        "end",
        "first_page_uri",
        "messages",
        "next_page_uri",
        "page",
        "page_size",
        "previous_page_uri",
        "start",
        "uri",
    }
    assert (page["page"], page["page_size"], page["start"], page["end"]) == (0, 2, 0, 1)
    assert [m["body"] for m in page["messages"]] == ["m4", "m3"]  # most recently sent first
    assert all(m["status"] == "sent" and m["date_sent"].endswith("+0000") for m in page["messages"])
    assert page["previous_page_uri"] is None and page["next_page_uri"].startswith(
        MESSAGES + "?To=%2B15550100001"
    )
    bodies = [m["body"] for m in page["messages"]]
    uri = page["next_page_uri"]
    while uri:
        page = (await http.get(uri)).json()
        bodies += [m["body"] for m in page["messages"]]
        uri = page["next_page_uri"]
    assert bodies == ["m4", "m3", "m2", "m1", "m0"] and page["page"] == 2
    today = (await http.get(MESSAGES, params={"DateSent>": "2000-01-01", "From": "+15550000000"})).json()
    assert len(today["messages"]) == 6
    assert (await http.get(MESSAGES, params={"DateSent<": "2000-01-01"})).json()["messages"] == []
    assert stub.lists[0] == {"To": "+15550100001", "PageSize": "2"}


async def test_a_lost_answer_still_creates_the_message(http: httpx.AsyncClient, stub: TwilioStub) -> None:
    stub.lose_next(1)
    form = {"To": "+15550100001", "From": "+15550000000", "Body": "hi"}
    with pytest.raises(httpx.RemoteProtocolError):  # closed without an answer
        await http.post(MESSAGES, data=form)
    assert len(stub.messages) == 1
    listed = (await http.get(MESSAGES, params={"To": "+15550100001"})).json()["messages"]
    assert [m["sid"] for m in listed] == [stub.messages[0]["sid"]]


async def test_a_template_is_listed_with_its_text_filled_in(
    http: httpx.AsyncClient, stub: TwilioStub
) -> None:
    stub.add_template("HX1", "See you {{1}} at {{2}}")
    form = {"To": "+15550100001", "From": "+15550000000", "ContentSid": "HX1"}
    await http.post(MESSAGES, data={**form, "ContentVariables": json.dumps({"1": "Tuesday", "2": "10:00"})})
    [listed] = (await http.get(MESSAGES)).json()["messages"]
    assert listed["body"] == "See you Tuesday at 10:00"
