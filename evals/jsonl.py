"""Reading a JSONL dataset of pydantic records, every error naming the file, the line and the key.

Scenario files and NLU case files are written by people and by other tools; a mistake must point
at the line to fix, not at a stack trace.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

Record = TypeVar("Record", bound=BaseModel)


class DatasetError(ValueError):
    """A line that is not a valid record; the message names the file, the line and the key."""

    def __init__(self, path: Path, line: int, key: str | None, message: str) -> None:
        where = f"{path}:{line}" + (f": {key}" if key else "")
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.key = path, line, key


def _first_problem(error: ValidationError) -> tuple[str | None, str]:
    """The key and a readable message of the first problem pydantic found."""
    first = error.errors(include_url=False)[0]
    key = ".".join(str(part) for part in first["loc"]) or None
    if first["type"] == "extra_forbidden":
        return key, "unknown key"
    if first["type"] == "missing":
        return key, "required key is missing"
    return key, str(first["msg"]).removeprefix("Value error, ")


def load_jsonl(
    path: Path, model: type[Record], *, noun: str, error: type[DatasetError] = DatasetError
) -> list[Record]:
    """Every record of the file (blank lines skipped), ids unique; the first bad line raises `error`."""
    records: list[Record] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as problem:
            raise error(path, number, None, f"not valid JSON ({problem.msg})") from problem
        if not isinstance(data, dict):
            raise error(path, number, None, f"a {noun} must be a JSON object")
        try:
            record = model.model_validate(data)
        except ValidationError as problem:
            key, message = _first_problem(problem)
            raise error(path, number, key, message) from problem
        identifier = str(getattr(record, "id"))  # noqa: B009 - every dataset record has an id
        if identifier in seen:
            raise error(path, number, "id", f"duplicate of line {seen[identifier]}")
        seen[identifier] = number
        records.append(record)
    if not records:
        raise error(path, 0, None, f"no {noun}s")
    return records
