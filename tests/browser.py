"""Headless Chromium for browser tests: Debian's `chromium` package driven by Playwright's Python client.

Never a browser download: Playwright is pointed at /usr/bin/chromium. When it is missing and the
tests run as root, Debian's package is installed once; otherwise the tests that need it skip with
a message naming the package. Use it from any test folder's conftest.py:

    from tests.browser import browser, chromium_path  # noqa: F401  (fixtures)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PACKAGE = "chromium"
INSTALL_TIMEOUT_S = 900


def _apt_install() -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE]
    if subprocess.run(install, env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S)
        subprocess.run(install, env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S)


def ensure_chromium() -> Path | None:
    """/usr/bin/chromium, installing Debian's package first when root may; None when it is not there."""
    if not CHROMIUM.exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        _apt_install()
    return CHROMIUM if CHROMIUM.exists() else None


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    path = ensure_chromium()
    if path is None:
        pytest.skip(
            f"headless Chromium is needed: install Debian's `{PACKAGE}` package (apt-get install {PACKAGE})"
        )
    return path


@pytest.fixture(scope="session")
async def browser(chromium_path: Path) -> AsyncIterator[Any]:
    """A headless Chromium (Playwright's async API), shared by the session's browser tests."""
    from playwright.async_api import async_playwright

    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium refuses its sandbox as root
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(chromium_path), headless=True, args=args
        )
        yield launched
        await launched.close()
