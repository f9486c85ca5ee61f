"""Benchmarks, measured side by side in one run and reported as medians and ratios.

Each module (`slots`, `knowledge`, `checkpoint`) exposes `run(...) -> list[dict]` and
`render(rows)`; `api.bench.cli` wires them to `prm bench`. Goals live here, never in tests.
"""
