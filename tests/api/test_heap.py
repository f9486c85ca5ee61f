"""`settle_heap`: start-up's objects are frozen out of the collector's full walks, in the process
that settles (run in a child: freezing the test process would keep every later test's cycles)."""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = """
import gc, json
from api.heap import settle_heap
kept = [[n] for n in range(50_000)]  # stands in for the model and the bank
cycle = []; cycle.append(cycle); del cycle  # garbage left by start-up
before = gc.get_freeze_count()
settle_heap()
tracked_after = sum(len(gc.get_objects(generation)) for generation in range(3))
print(json.dumps({"before": before, "frozen": gc.get_freeze_count(), "tracked": tracked_after}))
"""


def test_settling_freezes_what_start_up_kept_and_leaves_the_collector_little_to_walk() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=True
    )
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert counts["before"] == 0
    assert counts["frozen"] >= 50_000  # the kept objects and the imports' are all frozen
    assert counts["tracked"] < 1_000  # a full collection now walks almost nothing
