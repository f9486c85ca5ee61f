"""FHIR R4 search parameter values, parsed into what the domain services take (pure, no I/O).

Strict by default: an unknown parameter, a modifier (`status:not`) or a prefix we do not
implement is a 400 naming it, never silently ignored, so a client cannot believe it filtered
when it did not; a request that says `Prefer: handling=lenient` has unknown parameters and
modifiers ignored instead (FHIR's lenient handling), and is told which in the Bundle.

Repeating a parameter ANDs its values; a comma inside one value ORs alternatives (an escaped
comma, backslash-comma, is a literal one). Dates follow FHIR's rule that a value is the whole
range of its precision (`2026-12` is all of December); every prefix then becomes a half-open
bound [low, high), and repeated dates are ANDed by intersecting them. Values without an offset
are clinic-local.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from store.fhir.errors import BadRequest, NotSupported
from store.scheduling.specialties import SNOMED, SPECIALTIES

DEFAULT_COUNT, MAX_COUNT = 20, 100
MAX_OFFSET = 10_000  # deeper than any page a person reads; narrow the search instead
RESULT_PARAMETERS = frozenset({"_pretty", "_summary", "_elements"})  # shape the answer, filter nothing
COMMON = frozenset({"_count", "_offset", "_format", "_total"}) | RESULT_PARAMETERS
TOTALS = frozenset({"none", "estimate", "accurate"})
PREFIXES = frozenset({"eq", "ge", "gt", "le", "lt"})
UNSUPPORTED_PREFIXES = frozenset({"ne", "sa", "eb", "ap"})
_DATE = re.compile(
    r"^(?P<year>\d{4})(-(?P<month>\d{2})(-(?P<day>\d{2})"
    r"(T(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<fraction>\.\d{1,9})?)?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2})?)?)?)?$"
)
_BY_SNOMED = {s.snomed: s.code for s in SPECIALTIES.values()}
_BY_NAME = {s.display.casefold(): s.code for s in SPECIALTIES.values()}

Query = dict[str, list[str]]


@dataclass(frozen=True)
class Bounds:
    """A half-open interval [low, high); None is unbounded."""

    low: datetime | None = None
    high: datetime | None = None

    def __and__(self, other: Bounds) -> Bounds:
        lows = [b for b in (self.low, other.low) if b is not None]
        highs = [b for b in (self.high, other.high) if b is not None]
        return Bounds(max(lows) if lows else None, min(highs) if highs else None)


END_OF_TIME = datetime.max.replace(tzinfo=UTC)
NOTHING = Bounds(END_OF_TIME, END_OF_TIME)
"""The empty interval: what `gt` a period that runs to the end of time leaves."""


@dataclass(frozen=True)
class Parsed:
    """A search's parameters by name, and the names a lenient search ignored (in request order)."""

    query: Query
    ignored: tuple[str, ...] = ()


def parse(items: Iterable[tuple[str, str]], allowed: Collection[str], *, lenient: bool = False) -> Parsed:
    """The query string grouped by name. A name (or modifier) this search does not know is a 400,
    or, when `lenient`, left out and reported in `ignored`."""
    query: Query = {}
    ignored: list[str] = []
    for name, value in items:
        if name not in allowed and name not in COMMON:
            if lenient:
                ignored.extend([] if name in ignored else [name])
                continue
            if name.partition(":")[0] in allowed:
                raise NotSupported(name, "search modifiers are not supported")
            known = ", ".join(sorted({*allowed, *COMMON}))
            raise NotSupported(name, f"unknown search parameter; supported: {known}")
        if "\x00" in value:  # Postgres text cannot hold it: refused here, not failed there
            raise BadRequest(name, "contains a NUL character")
        query.setdefault(name, []).append(value)
    return Parsed(query, tuple(ignored))


def collect(items: Iterable[tuple[str, str]], allowed: Collection[str]) -> Query:
    """`parse`, strictly: every name must be known."""
    return parse(items, allowed).query


def lenient(prefer: str | None) -> bool:
    """Whether a `Prefer` header asks for lenient handling (`Prefer: handling=lenient`)."""
    preferences = (p.strip().replace(" ", "") for p in (prefer or "").replace(";", ",").split(","))
    return "handling=lenient" in preferences


def total_wanted(query: Query) -> bool:
    """`_total`: `none` leaves Bundle.total out; `estimate` and `accurate` (the default) give the
    exact count, which this server always knows."""
    value = single(query, "_total")
    if value is not None and value not in TOTALS:
        raise BadRequest("_total", "must be none, estimate or accurate")
    return value != "none"


def result_notes(query: Query) -> list[str]:
    """What a search tells the client of its result parameters, which even a strict search takes
    (they ask how to show the matches, not which to find): `_pretty` (true or false) and
    `_summary=false` (the whole resources) are what it does anyway; `_elements` is not applied,
    so a note says the resources are whole. Another `_summary` is a 400: `count` or `true`
    would be a different answer, and a client must not read whole resources as a summary."""
    pretty = single(query, "_pretty")
    if pretty is not None and pretty not in ("true", "false"):
        raise BadRequest("_pretty", "must be true or false")
    summary = single(query, "_summary")
    if summary is not None and summary != "false":
        raise NotSupported("_summary", "only _summary=false (whole resources) is supported")
    if "_elements" in query:
        return ["_elements is not supported: the resources are returned whole"]
    return []


def alternatives(value: str) -> list[str]:
    """A value's comma-separated alternatives (FHIR's OR), an escaped comma (backslash-comma) being
    a literal one; blank alternatives are dropped, the others kept unstripped (a leading space
    may be a `+` sent unencoded)."""
    parts = re.split(r"(?<!\\),", value)
    return [p.replace("\\,", ",") for p in parts if p.strip()]


def any_of(query: Query, name: str) -> tuple[str, ...] | None:
    """The alternatives of a parameter given once (`gender=male,other`); None when absent.

    Repeating a token parameter (an AND of two values of one field) is refused: a patient has
    one phone here, so `phone=a&phone=b` could only ever match nothing.
    """
    values = query.get(name, [])
    if len(values) > 1:
        raise NotSupported(name, "give it once; comma-separate alternatives")
    if not values:
        return None
    found = alternatives(values[0])
    if not found:
        raise BadRequest(name, "is empty")
    return tuple(found)


def all_of(query: Query, name: str) -> tuple[tuple[str, ...], ...]:
    """Every occurrence of a string parameter (ANDed), each as its alternatives (ORed)."""
    groups = []
    for value in query.get(name, []):
        found = alternatives(value)
        if not found:
            raise BadRequest(name, "is empty")
        groups.append(tuple(found))
    return tuple(groups)


def single(query: Query, name: str) -> str | None:
    """The one value of `name`; several values, or a comma list (an OR), are a 400."""
    values = query.get(name, [])
    if len(values) > 1 or any("," in v for v in values):
        raise NotSupported(name, "takes one value")
    if values and not values[0].strip():
        raise BadRequest(name, "is empty")
    return values[0].strip() if values else None


def _integer(query: Query, name: str, default: int) -> int:
    raw = single(query, name)
    if raw is None:
        return default
    # ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses (a 500)
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        raise BadRequest(name, "must be a whole number from 0 to 999999999")
    return int(raw)


def paging(query: Query) -> tuple[int, int]:
    """(`_count`, `_offset`): 20 by default; above 100 is served as 100, as FHIR allows; an offset
    past `MAX_OFFSET` is refused (a deep OFFSET costs the database the rows it skips)."""
    offset = _integer(query, "_offset", 0)
    if offset > MAX_OFFSET:
        raise BadRequest("_offset", f"must be at most {MAX_OFFSET}; narrow the search instead")
    return min(_integer(query, "_count", DEFAULT_COUNT), MAX_COUNT), offset


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def period(value: str, tz: ZoneInfo, expression: str) -> tuple[datetime, datetime | None, bool]:
    """[low, high) covered by a FHIR date/dateTime at its precision, and whether it has a time.

    `high` is None (unbounded) when the period ends past the last instant Python can hold: the
    end of year 9999 is a valid date whose successor is not (`9999`, `9999-12-31`,
    `9999-12-31T23:59:59Z`), and refusing it would be refusing a well-formed value.
    """
    match = _DATE.match(value)
    if match is None:
        raise BadRequest(expression, "is not a FHIR date or dateTime (YYYY[-MM[-DD[Thh:mm[:ss][offset]]]])")
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    year, month, day = int(g["year"]), int(g.get("month", 1)), int(g.get("day", 1))
    timed = "hour" in g
    try:
        if timed:
            offset = g.get("offset")
            zone = tz if offset is None else datetime.fromisoformat(f"2000-01-01T00:00{offset}").tzinfo
            fraction = g.get("fraction", "")[1:7].ljust(6, "0")
            hms = (int(g["hour"]), int(g["minute"]), int(g.get("second", 0)), int(fraction))
            low = datetime(year, month, day, *hms, zone)
        else:
            low = datetime.combine(date(year, month, day), time(), tz)
    except ValueError as error:  # a day or an hour that does not exist (2026-02-30, 25:00)
        raise BadRequest(expression, f"is not a valid date ({error})") from None
    try:
        if timed:
            seconds = 1 if "second" in g else 60
            step = timedelta(microseconds=1) if "fraction" in g else timedelta(seconds=seconds)
            return low, low + step, True
        if "day" in g:
            high_day = low.date() + timedelta(days=1)
        elif "month" in g:
            high_day = date(*_next_month(year, month), 1)
        else:
            high_day = date(year + 1, 1, 1)
        return low, datetime.combine(high_day, time(), tz), False
    except (ValueError, OverflowError):  # low is valid, so only its successor is out of range
        return low, None, timed


def _bound(value: str, tz: ZoneInfo, name: str) -> Bounds:
    prefix, rest = ("eq", value)
    if value[:2].isalpha():
        prefix, rest = value[:2], value[2:]
    if prefix in UNSUPPORTED_PREFIXES:
        raise NotSupported(name, f"prefix {prefix!r} is not supported; use eq, ge, gt, le or lt")
    if prefix not in PREFIXES:
        raise BadRequest(name, f"unknown prefix {prefix!r}")
    low, high, _ = period(rest, tz, name)
    return {
        "eq": Bounds(low, high),
        "ge": Bounds(low, None),
        "gt": NOTHING if high is None else Bounds(high, None),  # nothing is after the end of time
        "lt": Bounds(None, low),
        "le": Bounds(None, high),
    }[prefix]


def date_bounds(query: Query, name: str, tz: ZoneInfo) -> Bounds:
    """Every value of the date parameter `name`, ANDed: `start=ge2026-12-01&start=lt2026-12-08`."""
    bounds = Bounds()
    for value in query.get(name, []):
        if "," in value:
            raise NotSupported(name, "comma lists (OR) of dates are not supported")
        bounds &= _bound(value.strip(), tz, name)
    return bounds


def birthdate_bounds(query: Query, name: str) -> tuple[date | None, date | None]:
    """Birth dates [low, high) for `birthdate=1985-04-12`, `birthdate=ge1980&birthdate=lt1990`..."""
    if any("T" in v for v in query.get(name, [])):
        raise BadRequest(name, "is a date; leave out the time")
    bounds = date_bounds(query, name, ZoneInfo("UTC"))
    return (
        bounds.low.date() if bounds.low else None,
        bounds.high.date() if bounds.high else None,
    )


@dataclass(frozen=True)
class Token:
    """A token search value in one of FHIR's four forms, the system kept three-way:

    - `code`: `system` None, the code in any system (or none);
    - `system|code`: the code in that system;
    - `|code`: `system` "", the code with no system at all;
    - `system|`: `code` "", any code in that system.
    """

    system: str | None
    code: str

    @property
    def any_code(self) -> bool:
        """`system|`: every value in the system matches."""
        return bool(self.system) and not self.code

    def in_system(self, system: str) -> bool:
        """Whether a value in `system` can match (an absent system allows any, `|` none)."""
        return self.system is None or self.system == system


def token(value: str, expression: str = "token") -> Token:
    """The token `value` (see `Token`); a bare `|`, naming neither a system nor a code, is a 400."""
    system, bar, code = value.partition("|")
    if not bar:
        return Token(None, value)
    if not system and not code:
        raise BadRequest(expression, "give a code, system|code, |code or system|")
    return Token(system, code)


ANY_SPECIALTY = ""
"""What `specialty` answers for `http://snomed.info/sct|`: any specialty (no filter)."""


def specialty(value: str) -> str | None:
    """Our specialty code for a SNOMED CT token, for one of our own codes (the clinic's local codes,
    which have no system: `cardiology` or `|cardiology`), or, without a system, for a specialty's
    name in any case (`Cardiology`, a concept's text); `ANY_SPECIALTY` for `<SNOMED CT>|`; None when
    the clinic does not offer it."""
    found = token(value, "specialty")
    code = found.code
    if found.system == SNOMED:
        return ANY_SPECIALTY if not code else _BY_SNOMED.get(code)
    if found.system is None and code in _BY_SNOMED:
        return _BY_SNOMED[code]
    if found.system not in (None, ""):
        return None
    if code in SPECIALTIES:
        return code
    return _BY_NAME.get(code.strip().casefold())


def reference_id(value: str, resource_type: str, expression: str) -> uuid.UUID:
    """The id in `Type/<id>`, a bare `<id>`, or an absolute `.../Type/<id>`."""
    parts = value.strip().rstrip("/").split("/")
    if len(parts) > 1 and parts[-2] != resource_type:
        raise BadRequest(expression, f"must reference a {resource_type}")
    try:
        return uuid.UUID(parts[-1])
    except ValueError:
        raise BadRequest(expression, f"{parts[-1]!r} is not a {resource_type} id") from None
