"""Keeping start-up's objects out of the garbage collector's way in long-running processes.

By the time a `prm serve` or `prm worker` process takes its first job it holds several hundred
thousand objects that live as long as it does: imported modules, the embedding model, the red-flag
bank. CPython's full (oldest-generation) collection walks every one of them, with the event loop
stopped: measured with `gc.callbacks` under `prm bench`, 0.5–0.9 s on this 2-core machine, about
once a minute under load, so every webhook and request arriving meanwhile waited that long.
`gc.freeze()` is CPython's tool for this (made for pre-fork servers): the objects it moves to the
permanent generation are never walked again, and reference counting still frees them.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def settle_heap() -> None:
    """Collect what start-up left behind, then freeze what is left. Call once the process has
    loaded what it keeps (after the warm-up), never in a process that will build and drop many
    long-lived graphs afterwards (a test run): frozen cycles are never collected."""
    gc.collect()
    gc.freeze()
    log.info("heap settled: %d objects frozen", gc.get_freeze_count())
