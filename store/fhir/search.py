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
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from store.fhir.errors import BadRequest, NotSupported
from store.scheduling.specialties import SNOMED, SPECIALTIES

DEFAULT_COUNT, MAX_COUNT = 20, 100
MAX_OFFSET = 10_000  # deeper than any page a person reads; narrow the search instead
COMMON = frozenset({"_count", "_offset", "_format", "_total"})
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


def period(value: str, tz: ZoneInfo, expression: str) -> tuple[datetime, datetime, bool]:
    """[low, high) covered by a FHIR date/dateTime at its precision, and whether it has a time."""
    match = _DATE.match(value)
    if match is None:
        raise BadRequest(expression, "is not a FHIR date or dateTime (YYYY[-MM[-DD[Thh:mm[:ss][offset]]]])")
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        year, month, day = int(g["year"]), int(g.get("month", 1)), int(g.get("day", 1))
        if "hour" not in g:
            low_day = date(year, month, day)
            if "day" in g:
                high_day = low_day + timedelta(days=1)
            elif "month" in g:
                high_day = date(*_next_month(year, month), 1)
            else:
                high_day = date(year + 1, 1, 1)
            return datetime.combine(low_day, time(), tz), datetime.combine(high_day, time(), tz), False
        zone = tz if "offset" not in g else datetime.fromisoformat(f"2000-01-01T00:00{g['offset']}").tzinfo
        fraction = g.get("fraction", "")[1:7].ljust(6, "0")
        low = datetime(
            year, month, day, int(g["hour"]), int(g["minute"]), int(g.get("second", 0)), int(fraction), zone
        )
    except ValueError as error:
        raise BadRequest(expression, f"is not a valid date ({error})") from None
    step = timedelta(microseconds=1) if "fraction" in g else timedelta(seconds=1 if "second" in g else 60)
    return low, low + step, True


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
        "gt": Bounds(high, None),
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


def token(value: str) -> tuple[str | None, str]:
    """(system, code) of `system|code`, `|code` (no system) or `code` (any system)."""
    system, bar, code = value.partition("|")
    return (system or None, code) if bar else (None, value)


def specialty(value: str) -> str | None:
    """Our specialty code for a SNOMED CT token, one of our own codes, or (no system) a specialty's
    name in any case (`Cardiology`, a concept's text); None when the clinic does not offer it."""
    system, code = token(value)
    if system not in (None, SNOMED):
        return None
    if code in _BY_SNOMED:
        return _BY_SNOMED[code]
    if system is None and code in SPECIALTIES:
        return code
    return _BY_NAME.get(code.strip().casefold()) if system is None else None


def reference_id(value: str, resource_type: str, expression: str) -> uuid.UUID:
    """The id in `Type/<id>`, a bare `<id>`, or an absolute `.../Type/<id>`."""
    parts = value.strip().rstrip("/").split("/")
    if len(parts) > 1 and parts[-2] != resource_type:
        raise BadRequest(expression, f"must reference a {resource_type}")
    try:
        return uuid.UUID(parts[-1])
    except ValueError:
        raise BadRequest(expression, f"{parts[-1]!r} is not a {resource_type} id") from None
