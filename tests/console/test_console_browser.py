"""The console in headless Chromium, the whole loop as staff live it.

Sign in → a hand-off arrives in the inbox while it is open (live) → open it → read the trace of the
agent's last turn → Take over → Reply + Send (Twilio's REST API receives it) → Hand back to agent →
the agent answers the next message. Also: an emergency during a hand-off, and signing out.
Set PRM_CONSOLE_SCREENSHOTS=<dir> to keep screenshots of the inbox and a trace (docs/console.md).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from store.conversations.models import Message
from tests.console.conftest import PASSWORD, Served

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("PRM_CONSOLE_SCREENSHOTS")


async def _shot(page: Any, name: str) -> None:
    if SHOTS:
        await asyncio.to_thread(Path(SHOTS).mkdir, parents=True, exist_ok=True)
        await page.screenshot(path=str(Path(SHOTS) / name), full_page=True)


def _phone() -> str:
    return f"+1555091{uuid.uuid4().int % 10_000:04d}"


async def _sign_in(page: Any, served: Served) -> None:
    await page.goto(served.url + "/console")  # signed out: to the sign-in page
    await page.get_by_label("Email").fill(served.email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await page.wait_for_url(served.url + "/console")


async def test_staff_take_over_reply_and_hand_back_in_the_browser(browser: Any, served: Served) -> None:
    clinic, phone = served.clinic, _phone()
    page = await browser.new_page(viewport={"width": 1200, "height": 900})
    await _sign_in(page, served)

    # a hand-off arrives while the inbox is open: it shows up without reloading
    assert "connecting you" in (await clinic.whatsapp(phone, "hi, can I talk to a real person?")).text
    row = page.locator("tr", has_text=phone)
    # the row may first show a poll taken while the turn ran (still "Agent"): wait for the hand-off
    await row.filter(has_text="Waiting for a person").wait_for(timeout=15_000)
    await _shot(page, "console-inbox.png")

    await row.get_by_role("link", name=phone).click()
    await page.get_by_role("link", name="trace").last.click()  # the agent's last turn
    await page.get_by_text("hand_off", exact=False).first.wait_for()
    await _shot(page, "console-trace.png")
    await page.go_back()

    await page.get_by_label("Reply").fill("Hello, this is Dana from the front desk.")
    await page.get_by_role("button", name="Send").click()

    async def delivered() -> bool:
        return any(
            m["To"] == f"whatsapp:{phone}" and "this is Dana" in m["Body"] for m in clinic.twilio.messages
        )

    await clinic.until(delivered)
    assert "<Message>" not in (await clinic.whatsapp(phone, "ok thanks")).text  # staff own it: silence

    await page.get_by_role("button", name="Hand back to agent").click()
    await page.get_by_text("The agent answers").wait_for()
    answer = await clinic.whatsapp(phone, "I'd like a dermatology appointment next week")
    assert "full name and date of birth" in answer.text  # the agent is back: a new contact is asked who…
    offered = await clinic.whatsapp(phone, "Lena Park, 14 Feb 1990")
    assert "Reply with the number" in offered.text  # …then offered slots

    await page.get_by_role("button", name="Sign out").click()
    await page.wait_for_url(served.url + "/console/login")
    await page.goto(served.url + "/console")
    assert page.url.endswith("/console/login")
    await page.close()


async def test_an_emergency_during_a_hand_off_is_answered_and_shown_urgent(
    browser: Any, served: Served
) -> None:
    clinic, phone = served.clinic, _phone()
    await clinic.whatsapp(phone, "I want to speak to someone")
    answer = await clinic.whatsapp(phone, "I have crushing chest pain")
    assert "911" in answer.text  # the agent is silent in a hand-off, but never about an emergency
    page = await browser.new_page()
    await _sign_in(page, served)
    row = page.locator("tr", has_text=phone)
    await row.wait_for()
    assert "Emergency" in await row.inner_text()
    [stored] = await clinic.messages(Message.body == "I have crushing chest pain")
    assert stored.processed_at is not None
    await page.close()


async def test_a_turn_is_annotated_and_downloaded_and_refusals_are_pages(
    browser: Any, served: Served
) -> None:
    clinic, phone = served.clinic, _phone()
    assert "<Message>" in (await clinic.whatsapp(phone, "what are your opening hours?")).text
    page = await browser.new_page()
    await _sign_in(page, served)
    await page.goto(f"{served.url}/console?phone={phone.replace('+', '%2B')}")
    await page.get_by_role("link", name=phone).click()
    await page.get_by_role("link", name="trace").last.click()

    await page.get_by_label("Bad").check()
    await page.get_by_label("Note").fill("should also give the Saturday hours")
    await page.get_by_label("Expected outcome").select_option("answered")
    await page.get_by_label("The reply should say (one phrase a line)").fill("Saturday")
    await page.get_by_role("button", name="Save annotation").click()
    await page.get_by_text("Marked bad").wait_for()
    assert await page.get_by_label("Note").input_value() == "should also give the Saturday hours"

    await page.get_by_role("link", name="all annotations").click()
    assert "should also give the Saturday hours" in await page.content()
    async with page.expect_download() as waiting:
        await page.get_by_role("link", name="Download as scenarios (JSONL)").click()
    download = await waiting.value
    exported = await asyncio.to_thread(Path(await download.path()).read_text, encoding="utf-8")
    [line] = [item for item in exported.splitlines() if "Saturday" in item]
    assert '"outcome":"answered"' in line and phone not in line and phone[2:] not in line

    # a form whose CSRF token is not the session's is refused with a page, not acted on
    await page.go_back()
    await page.get_by_role("link", name="← conversation").click()
    await page.eval_on_selector_all("input[name=csrf]", "inputs => inputs.forEach(i => i.value = 'forged')")
    await page.get_by_role("button", name="Take over").click()
    await page.get_by_text("The form expired").wait_for()

    # a staff account is refused the admin pages
    refused = await page.goto(served.url + "/console/admin/users")
    assert refused is not None and refused.status == 403
    assert "Only admins" in await page.content()
    await page.close()
