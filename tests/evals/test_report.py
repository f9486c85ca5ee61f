"""report.json as other tools read it, and report.html as a person sees it in a browser.

Both come from `tiny_run` (conftest): four scenarios tried twice, the last of which cannot pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.metrics import pass_hat_k
from evals.report import REPORT_HTML, REPORT_JSON
from tests.evals.conftest import TinyRun

SCREENSHOT = "report.png"


@pytest.fixture(scope="module")
def stored(tiny_run: TinyRun) -> dict[str, Any]:
    """report.json as written to disk (what `prm eval compare` and other tools read)."""
    return json.loads((tiny_run.out / REPORT_JSON).read_text(encoding="utf-8"))


def test_report_json_has_the_contract_keys_and_the_run_numbers(stored: dict[str, Any]) -> None:
    assert stored["success_rate"] == pytest.approx(6 / 8)
    assert stored["k"] == 2 and stored["pass_hat_k"] == pytest.approx(3 / 4)  # the failing one is 0
    scenarios = {s["id"]: s for s in stored["scenarios"]}
    assert list(scenarios) == [
        "wa-tiny-book-en",
        "wa-tiny-simulated-es",
        "vo-tiny-voice-en",
        "wa-tiny-wrong-en",
    ]
    for entry in scenarios.values():
        assert {"id", "passed", "reasons", "turns", "transcript"} <= entry.keys()
        assert entry["turns"] == len(entry["transcript"]) > 0
    assert [s["passed"] for s in scenarios.values()] == [True, True, True, False]
    wrong = scenarios["wa-tiny-wrong-en"]
    assert "appointment.specialty is cardiology, expected dermatology" in wrong["reasons"]
    assert wrong["database"]["appointments"][0]["specialty"] == "cardiology"
    assert wrong["expected"]["appointment"]["specialty"] == "dermatology"
    assert scenarios["vo-tiny-voice-en"]["transcript"][0]["kind"] == "call"


def test_report_json_metrics_agree_with_the_tries(tiny_run: TinyRun, stored: dict[str, Any]) -> None:
    metrics = stored["metrics"]
    assert metrics["by_channel"]["voice"] == {"tries": 2, "passed": 2, "rate": 1.0}
    assert (
        metrics["by_channel"]["whatsapp"]["passed"] == 4 and metrics["by_channel"]["whatsapp"]["tries"] == 6
    )
    assert metrics["by_language"]["es"]["rate"] == 1.0
    assert metrics["by_category"]["tiny-wrong"]["rate"] == 0.0
    assert metrics["by_category"]["tiny-voice"]["rate"] == 1.0
    successes = {sid: [t.passed for t in tries] for sid, tries in tiny_run.run.by_scenario().items()}
    assert metrics["pass_hat"]["2"] == pytest.approx(pass_hat_k(successes, 2))
    latencies = [e.latency_ms for t in tiny_run.run.tries for e in t.transcript.exchanges]
    assert metrics["latency_ms"]["count"] == len(latencies)
    assert min(latencies) <= metrics["latency_ms"]["p50"] <= metrics["latency_ms"]["p95"] <= max(latencies)
    # the wrong specialty is a stored field that disagrees: precision below 1, recall 1
    assert metrics["fields"]["by_field"]["appointment.specialty"]["fp"] == 2
    assert metrics["fields"]["recall"] == 1.0 and metrics["fields"]["precision"] < 1.0
    assert metrics["failed_checks"]["appointment"] == 2


def test_report_html_needs_no_network(tiny_run: TinyRun) -> None:
    html = (tiny_run.out / REPORT_HTML).read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "<svg" in html and "wa-tiny-wrong-en" in html


async def test_report_html_in_headless_chromium_shows_the_summary_and_a_failed_transcript(
    browser: Any, tiny_run: TinyRun
) -> None:
    page = await browser.new_page(viewport={"width": 1200, "height": 900})
    try:
        await page.route(
            "**/*",
            lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_(),
        )
        await page.goto((tiny_run.out / REPORT_HTML).resolve().as_uri())
        summary = page.locator("table.summary")
        assert await summary.is_visible()
        assert "75.0%" in await summary.inner_text()  # the success rate, as the table shows it
        failed = page.locator("section.failed-scenario#wa-tiny-wrong-en")
        await failed.scroll_into_view_if_needed()
        assert await failed.is_visible()
        transcript = failed.locator(".transcript")
        assert await transcript.is_visible()
        text = await transcript.inner_text()
        assert "book me a cardiologist on friday morning" in text and "You're booked" in text
        assert "expected dermatology" in await failed.locator(".reasons").inner_text()
        shot = Path(tiny_run.out) / SCREENSHOT
        await page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000  # a rendered page, not a blank one
    finally:
        await page.close()
