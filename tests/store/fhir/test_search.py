"""FHIR search values: strict names, date precision and prefixes, tokens, references, paging."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from store.fhir import search
from store.fhir.errors import BadRequest, NotSupported

TZ = ZoneInfo("America/New_York")


def _local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def test_collect_groups_repeated_names_and_refuses_unknown_ones_and_modifiers() -> None:
    query = search.collect([("start", "ge2026-12-01"), ("start", "lt2026-12-08"), ("_count", "5")], {"start"})
    assert query == {"start": ["ge2026-12-01", "lt2026-12-08"], "_count": ["5"]}
    with pytest.raises(NotSupported) as unknown:
        search.collect([("colour", "red")], {"start"})
    assert unknown.value.expression == "colour"
    with pytest.raises(NotSupported) as modifier:
        search.collect([("status:not", "free")], {"status"})
    assert modifier.value.expression == "status:not"


def test_a_lenient_parse_leaves_unknown_names_and_modifiers_out_and_says_which() -> None:
    items = [("colour", "red"), ("start", "ge2026-12-01"), ("status:not", "free"), ("colour", "blue")]
    parsed = search.parse(items, {"start", "status"}, lenient=True)
    assert parsed.query == {"start": ["ge2026-12-01"]}
    assert parsed.ignored == ("colour", "status:not")


@pytest.mark.parametrize(
    ("prefer", "lenient"),
    [
        ("handling=lenient", True),
        ("return=minimal, handling=lenient", True),
        ("respond-async; handling = lenient", True),
        ("handling=strict", False),
        ("", False),
        (None, False),
    ],
)
def test_prefer_handling(prefer: str | None, lenient: bool) -> None:
    assert search.lenient(prefer) is lenient


def test_total_none_leaves_the_count_out_and_nonsense_is_refused() -> None:
    assert search.total_wanted({}) is True
    assert search.total_wanted({"_total": ["accurate"]}) is True
    assert search.total_wanted({"_total": ["none"]}) is False
    with pytest.raises(BadRequest):
        search.total_wanted({"_total": ["some"]})


def test_commas_are_alternatives_unless_escaped_and_repeats_are_groups() -> None:
    assert search.alternatives("garcia,smith") == ["garcia", "smith"]
    assert search.alternatives("a\\,b, ,c") == ["a,b", "c"]
    assert search.any_of({"gender": ["male,other"]}, "gender") == ("male", "other")
    assert search.any_of({}, "gender") is None
    with pytest.raises(NotSupported):
        search.any_of({"gender": ["male", "other"]}, "gender")
    with pytest.raises(BadRequest):
        search.any_of({"gender": [","]}, "gender")
    assert search.all_of({"name": ["maria", "garcia,lopez"]}, "name") == (("maria",), ("garcia", "lopez"))


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        ("2026", _local(2026, 1, 1), _local(2027, 1, 1)),
        ("2026-12", _local(2026, 12, 1), _local(2027, 1, 1)),
        ("2026-02", _local(2026, 2, 1), _local(2026, 3, 1)),
        ("2026-12-01", _local(2026, 12, 1), _local(2026, 12, 2)),
        ("2026-12-01T09:30", _local(2026, 12, 1, 9, 30), _local(2026, 12, 1, 9, 31)),
        ("2026-12-01T09:30:15Z", datetime(2026, 12, 1, 9, 30, 15, tzinfo=ZoneInfo("UTC")), None),
    ],
)
def test_a_date_covers_its_whole_precision(value: str, low: datetime, high: datetime | None) -> None:
    got_low, got_high, _ = search.period(value, TZ, "start")
    assert got_low == low
    if high is not None:
        assert got_high == high


def test_a_day_across_a_daylight_saving_change_is_23_hours() -> None:
    low, high, timed = search.period("2026-03-08", TZ, "start")
    assert (high.astimezone(UTC) - low.astimezone(UTC)).total_seconds() == 23 * 3600
    assert not timed


@pytest.mark.parametrize(
    ("values", "low", "high"),
    [
        (["2026-12-01"], _local(2026, 12, 1), _local(2026, 12, 2)),
        (["eq2026-12-01"], _local(2026, 12, 1), _local(2026, 12, 2)),
        (["ge2026-12-01"], _local(2026, 12, 1), None),
        (["gt2026-12-01"], _local(2026, 12, 2), None),
        (["lt2026-12-08"], None, _local(2026, 12, 8)),
        (["le2026-12-07"], None, _local(2026, 12, 8)),
        (["ge2026-12-01", "lt2026-12-08"], _local(2026, 12, 1), _local(2026, 12, 8)),
        (["ge2026-12-01", "ge2026-12-03"], _local(2026, 12, 3), None),
        ([], None, None),
    ],
)
def test_prefixes_become_half_open_bounds_and_repeats_intersect(
    values: list[str], low: datetime | None, high: datetime | None
) -> None:
    assert search.date_bounds({"start": values}, "start", TZ) == search.Bounds(low, high)


@pytest.mark.parametrize("value", ["ne2026-12-01", "ap2026-12-01", "2026-12-01,2026-12-02"])
def test_unsupported_prefixes_and_or_lists_are_refused(value: str) -> None:
    with pytest.raises(NotSupported):
        search.date_bounds({"date": [value]}, "date", TZ)


@pytest.mark.parametrize(
    "value", ["yesterday", "2026-13-01", "2026-02-30", "xx2026-12-01", "2026-12-01T25:00"]
)
def test_bad_dates_are_a_400_naming_the_parameter(value: str) -> None:
    with pytest.raises(BadRequest) as error:
        search.date_bounds({"date": [value]}, "date", TZ)
    assert error.value.expression == "date"


def test_birthdate_bounds_are_dates() -> None:
    assert search.birthdate_bounds({"birthdate": ["1985-04-12"]}, "birthdate") == (
        date(1985, 4, 12),
        date(1985, 4, 13),
    )
    assert search.birthdate_bounds({"birthdate": ["ge1980", "lt1990"]}, "birthdate") == (
        date(1980, 1, 1),
        date(1990, 1, 1),
    )
    with pytest.raises(BadRequest):
        search.birthdate_bounds({"birthdate": ["1985-04-12T10:00:00Z"]}, "birthdate")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("http://snomed.info/sct|394579002", "cardiology"),
        ("394579002", "cardiology"),
        ("cardiology", "cardiology"),
        ("http://snomed.info/sct|cardiology", None),
        ("http://example.org/codes|394579002", None),
        ("astrology", None),
    ],
)
def test_specialty_tokens_resolve_to_our_codes(value: str, code: str | None) -> None:
    assert search.specialty(value) == code


def test_references_take_type_slash_id_bare_ids_and_absolute_urls() -> None:
    some_id = uuid.uuid4()
    for value in (f"Patient/{some_id}", str(some_id), f"https://ehr.example/fhir/R4/Patient/{some_id}"):
        assert search.reference_id(value, "Patient", "patient") == some_id
    with pytest.raises(BadRequest, match="must reference a Patient"):
        search.reference_id(f"Practitioner/{some_id}", "Patient", "patient")
    with pytest.raises(BadRequest, match="not a Patient id"):
        search.reference_id("Patient/42", "Patient", "patient")


def test_paging_defaults_caps_and_refuses_nonsense() -> None:
    assert search.paging({}) == (20, 0)
    assert search.paging({"_count": ["500"], "_offset": ["40"]}) == (100, 40)
    assert search.paging({"_count": ["0"]}) == (0, 0)
    for bad in ({"_count": ["-1"]}, {"_count": ["ten"]}, {"_offset": ["1.5"]}, {"_count": ["5", "6"]}):
        with pytest.raises(BadRequest):
            search.paging(bad)


@pytest.mark.parametrize(
    "value", ["9999", "9999-12", "9999-12-31", "9999-12-31T23:59", "9999-12-31T23:59:59.999999Z"]
)
def test_a_period_ending_past_the_calendar_runs_to_the_end_of_time(value: str) -> None:
    low, high, _ = search.period(value, TZ, "date")
    assert low.year == 9999 and high is None  # was an OverflowError (a 500), or a 400 for 9999-12
    assert search.date_bounds({"date": [value]}, "date", TZ) == search.Bounds(low, None)
    assert search.date_bounds({"date": [f"le{value}"]}, "date", TZ) == search.Bounds()
    nothing = search.date_bounds({"date": [f"gt{value}", "ge2026"]}, "date", TZ)
    assert nothing == search.NOTHING  # nothing is after the end of time, whatever else is asked


def test_token_keeps_the_system_three_ways() -> None:
    assert search.token("male") == search.Token(None, "male")
    assert search.token("|MRN-1") == search.Token("", "MRN-1")
    assert search.token("urn:x|") == search.Token("urn:x", "") and search.token("urn:x|").any_code
    assert search.token("urn:x|1") == search.Token("urn:x", "1")
    assert not search.Token("", "1").in_system("urn:x") and search.Token(None, "1").in_system("urn:x")
    with pytest.raises(BadRequest):
        search.token("|", "identifier")
