# Two commands on a fresh Linux machine with Python >= 3.11: `make run` and `make test`.
# The virtual environment is rebuilt only when pyproject.toml or constraints.txt change.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint eval bench fuzz clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is required, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/prm seed --demo
	$(BIN)/prm serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# the smoke scenarios (17, about a minute), the NLU set and the safety set (red-flag recall and precision
# in each language) gate CI: a regression fails `make test`.
# The calendar guard runs the tests that drive the clinic's clock again with the clinic moved more
# than a year ahead, to a Saturday just before midnight (tests/instant.py): a test or a piece of code
# that reads the real date instead of `Runtime.clock` fails there, not on some day next month.
CALENDAR_GUARD_AT := 2028-02-26T23:58
test: $(STAMP)
	$(BIN)/pytest -q
	PRM_TEST_NOW=$(CALENDAR_GUARD_AT) $(BIN)/pytest -q tests/pipeline tests/graphs tests/api
	$(BIN)/prm eval run evals/datasets/smoke.jsonl --out .prm/eval-smoke --concurrency 2 --fail-under 0.9
	$(BIN)/prm eval nlu evals/datasets/nlu.jsonl --out .prm/eval-smoke --fail-under 0.95
	$(BIN)/prm eval nlu evals/datasets/safety.jsonl --out .prm/eval-safety --red-flag-recall 0.99 --red-flag-precision 0.95
	$(MAKE) --no-print-directory lint

# every scenario three times (pass^3) and the NLU set; reports in .prm/eval
eval: $(STAMP)
	$(BIN)/prm eval nlu evals/datasets/nlu.jsonl --out .prm/eval
	$(BIN)/prm eval run evals/datasets/scenarios.jsonl --out .prm/eval --k 3 --concurrency 2

# schemathesis against every operation with a deeper budget than `make test` gives it
fuzz: $(STAMP)
	PRM_FUZZ_EXAMPLES=200 $(BIN)/pytest -q -s tests/api/test_fuzz.py

# every benchmark (a long run); `make bench BENCH=--quick` for a small one that finishes in minutes
bench: $(STAMP)
	$(BIN)/prm bench all $(BENCH)

clean:
	rm -rf $(VENV) .prm .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
