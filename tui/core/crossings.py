"""The crossings data (``data/crossings.toml``) and the places ``--near`` accepts (``places.toml``).

Plain pydantic models, no UI. The file format is fixed by ``data/README.md``. Loading validates the
whole file and reports every problem at once, naming the file, the crossing id and the field, so a
wrong hour is a one-line fix in ``data/``. The bundled files are read once per process.

Time semantics (which rows are in force, when a port or flagpoling is open) live in
``tui.core.schedule``; this module only checks that the data is well formed.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from tui.core.errors import FlagpoleError, InvalidFileError, Problem
from tui.core.fields import Day
from tui.core.tomlfile import read_toml, validation_problems

KIND = "crossings data"
PLACES_KIND = "places data"

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Day names as written in the data, in ``date.weekday()`` order."""

PROVINCES: dict[str, str] = {
    "BC": "British Columbia",
    "AB": "Alberta",
    "SK": "Saskatchewan",
    "MB": "Manitoba",
    "ON": "Ontario",
    "QC": "Quebec",
    "NB": "New Brunswick",
    "NS": "Nova Scotia",
    "PE": "Prince Edward Island",
    "NL": "Newfoundland and Labrador",
    "YT": "Yukon",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
}
"""Two-letter province and territory codes, west to east then north."""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HHMM = re.compile(r"^(\d{2}):(\d{2})$")


# --- field types -------------------------------------------------------------------------------


def _as_hhmm(value: object) -> object:
    """``"HH:MM"`` from 00:00 to 24:00 (24:00 = the end of the day)."""
    if not isinstance(value, str):
        raise ValueError('expected a local time as a string like "08:00" (or "24:00")')
    match = _HHMM.match(value.strip())
    if not match:
        raise ValueError('expected a local time like "08:00" (or "24:00")')
    hours, minutes = int(match.group(1)), int(match.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f"{value!r} is not a time of day (00:00 to 24:00)")
    return f"{hours:02d}:{minutes:02d}"


def _as_url(value: object) -> object:
    """A source must be a web address, so anyone can go and re-check it."""
    if not isinstance(value, str) or not re.match(r"^https?://\S+$", value.strip()):
        raise ValueError("expected the source's URL, starting with https://")
    return value.strip()


def _as_zone(value: object) -> object:
    """An IANA time zone name that this machine's zone database knows."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected an IANA time zone like America/Toronto")
    try:
        ZoneInfo(value.strip())
    except (ValueError, OSError, KeyError):
        raise ValueError(f"{value!r} is not a known IANA time zone") from None
    return value.strip()


def _as_days(value: object) -> object:
    """A non-empty list of distinct day names (mon … sun)."""
    if not isinstance(value, list | tuple) or not value:
        raise ValueError('expected a list of days like ["mon", "tue"]')
    days = []
    for item in value:
        if not isinstance(item, str) or item.strip().lower() not in WEEKDAYS:
            raise ValueError(f"{item!r} is not a day; use {', '.join(WEEKDAYS)}")
        day = item.strip().lower()
        if day in days:
            raise ValueError(f"{item!r} is listed twice")
        days.append(day)
    return tuple(sorted(days, key=WEEKDAYS.index))


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


HHMM = Annotated[str, BeforeValidator(_as_hhmm)]
Url = Annotated[str, BeforeValidator(_as_url)]
Zone = Annotated[str, BeforeValidator(_as_zone)]
Days = Annotated[tuple[str, ...], BeforeValidator(_as_days)]
Text = Annotated[str, AfterValidator(_non_blank)]


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


# --- models -------------------------------------------------------------------------------------


class _Model(BaseModel):
    """Unknown keys are refused (they are almost always typos)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Sourced(_Model):
    """A fact with where it came from and when that was read or published."""

    source: Url
    """URL of the page the fact comes from."""
    as_of: Day
    """Date the source was read or published."""
    unverified: bool = False
    """True when no reliable source confirms the fact (the app shows it as unverified)."""
    note: str | None = None
    """Free text: conflicts between sources, cautions."""


class Location(Sourced):
    """Where the Canadian port is."""

    lat: float = Field(ge=-90, le=90)
    """Latitude, decimal degrees."""
    lon: float = Field(ge=-180, le=180)
    """Longitude, decimal degrees (negative west)."""
    approximate: bool = False
    """True when the coordinates are a rough estimate."""


class Pedestrians(_Model):
    """Whether people on foot are processed. ``allowed`` None means unknown."""

    allowed: bool | None = None
    """True: documented as processing pedestrians; False: documented refusal; None: unknown."""
    source: Url | None = None
    """URL of the page the fact comes from (required when ``allowed`` is given)."""
    as_of: Day | None = None
    """Date the source was read or published (required when ``allowed`` is given)."""
    unverified: bool = False
    """True when no reliable source confirms the fact."""
    note: str | None = None
    """Free text."""

    @model_validator(mode="after")
    def _sourced_when_known(self) -> Pedestrians:
        if self.allowed is not None and (self.source is None or self.as_of is None):
            missing = "source" if self.source is None else "as_of"
            raise ValueError(f"'{missing}' is required when 'allowed' is given")
        return self


class Window(Sourced):
    """One dated weekly window: port hours or flagpoling service hours, in crossing-local time.

    In force on local dates ``from_ <= d < until`` (a missing bound is open). Matches the days in
    ``days``, from ``start`` to ``end`` ("24:00" = end of day). Without start and end the window is
    the whole day (for flagpoling: whenever the port is open that day).
    """

    from_: Day | None = Field(default=None, alias="from")
    """First local date the row is in force (inclusive); None = since always."""
    until: Day | None = None
    """Local date the row stops being in force (exclusive); None = still in force."""
    days: Days = WEEKDAYS
    """Days of the week the row applies to (default: every day)."""
    start: HHMM | None = None
    """Local start time "HH:MM"; None (with ``end`` None) = the whole day."""
    end: HHMM | None = None
    """Local end time "HH:MM", "24:00" allowed; exclusive."""

    @model_validator(mode="after")
    def _coherent(self) -> Window:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both 'start' and 'end', or neither (the whole day)")
        if self.start is not None and self.end is not None:
            if _minutes(self.end) <= _minutes(self.start):
                raise ValueError(
                    f"'end' ({self.end}) must be after 'start' ({self.start}); split a window "
                    "that crosses midnight into two rows (…–24:00 and 00:00–…)"
                )
        if self.from_ is not None and self.until is not None and self.until <= self.from_:
            raise ValueError(f"'until' ({self.until}) must be after 'from' ({self.from_})")
        return self

    @property
    def start_minute(self) -> int:
        """Start as minutes after local midnight (0 when the row is the whole day)."""
        return 0 if self.start is None else _minutes(self.start)

    @property
    def end_minute(self) -> int:
        """End as minutes after local midnight, up to 1440 (24:00)."""
        return 1440 if self.end is None else _minutes(self.end)

    @property
    def weekdays(self) -> frozenset[int]:
        """The row's days as ``date.weekday()`` numbers (Monday = 0)."""
        return frozenset(WEEKDAYS.index(d) for d in self.days)

    def in_force(self, d: date) -> bool:
        """True when the row applies on local date ``d`` (``from <= d < until``)."""
        return (self.from_ is None or self.from_ <= d) and (self.until is None or d < self.until)

    def describe(self) -> str:
        """Short human text: "Tue–Thu 08:00–24:00, from 2024-05-30"."""
        hours = "all day" if self.start is None else f"{self.start}–{self.end}"
        text = f"{describe_days(self.days)} {hours}"
        if self.from_ and self.until:
            text += f", {self.from_} to {self.until} (excl.)"
        elif self.from_:
            text += f", from {self.from_}"
        elif self.until:
            text += f", until {self.until} (excl.)"
        return text


class Crossing(_Model):
    """A Canada–US land port of entry, seen from the Canadian side."""

    id: str
    """Stable slug (``spec/crossings.md``); profiles and logs refer to it."""
    name: Text
    """CBSA port name."""
    province: str
    """Two-letter province or territory code."""
    us_port: Text
    """US port of entry or town across the line."""
    us_state: str
    """Two-letter US state code."""
    aliases: list[Text] = []
    """Common names for search ("Peace Arch", "Thousand Islands")."""
    timezone: Zone
    """IANA time zone of the Canadian port."""
    transit: str | None = None
    """Public transit or walking access, free text."""
    notes: list[Text] = []
    """Conflicts between sources, cautions."""
    location: Location
    """Coordinates of the Canadian port."""
    pedestrians: Pedestrians | None = None
    """Whether people on foot are processed; None = unknown."""
    port_hours: list[Window] = []
    """The port's own traveller hours (dated weekly windows). No row in force = unknown."""
    flagpoling: list[Window] = []
    """Dated flagpoling service windows. No row in force = whenever the port is open."""

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError("expected a lowercase slug like 'fort-erie-peace-bridge'")
        return value

    @field_validator("province")
    @classmethod
    def _province(cls, value: str) -> str:
        if value not in PROVINCES:
            raise ValueError(f"expected a province code, one of {', '.join(PROVINCES)}")
        return value

    @field_validator("us_state")
    @classmethod
    def _state(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{2}", value):
            raise ValueError("expected a two-letter US state code in capitals, like NY")
        return value

    @property
    def tz(self) -> ZoneInfo:
        """The crossing's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def pedestrians_allowed(self) -> bool | None:
        """True/False when documented, None when unknown."""
        return None if self.pedestrians is None else self.pedestrians.allowed


class CrossingsData(_Model):
    """The whole crossings file, with crossings keyed by id (in file order)."""

    schema_version: Literal[1] = Field(alias="schema")
    """Format version of the file; this app reads 1."""
    as_of: Day
    """When the file was last reviewed as a whole."""
    no_schedule_note: Text
    """Shown on every port without a dated flagpoling schedule."""
    no_schedule_note_source: Url | None = None
    """Where the reading behind ``no_schedule_note`` comes from."""
    crossings: dict[str, Crossing]
    """Every crossing, by id."""

    def get(self, crossing_id: str) -> Crossing | None:
        """The crossing with this exact id, or None."""
        return self.crossings.get(crossing_id)


class Place(_Model):
    """A Canadian place ``--near`` accepts by name."""

    name: Text
    """Name as usually written ("Montréal")."""
    province: str
    """Two-letter province or territory code."""
    aliases: list[Text] = []
    """Other names ("Montreal", "YVR")."""
    lat: float = Field(ge=-90, le=90)
    """Latitude, decimal degrees."""
    lon: float = Field(ge=-180, le=180)
    """Longitude, decimal degrees."""
    source: Url
    """URL of the page the coordinates come from."""
    as_of: Day
    """Date the source was read."""
    approximate: bool = False
    """True when the coordinates are a rough estimate."""
    unverified: bool = False
    """True when no reliable source confirms the coordinates."""

    @field_validator("province")
    @classmethod
    def _province(cls, value: str) -> str:
        if value not in PROVINCES:
            raise ValueError(f"expected a province code, one of {', '.join(PROVINCES)}")
        return value


# --- loading ------------------------------------------------------------------------------------


def crossings_path() -> Path:
    """The bundled ``crossings.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / "crossings.toml"


def places_path() -> Path:
    """The bundled ``places.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / "places.toml"


def load_crossings(path: Path | str | None = None) -> CrossingsData:
    """Read and validate a crossings file (default: the bundled one, read once per process).

    Raises InvalidFileError(kind="crossings data") naming the file and, for each problem, the
    crossing id and the field (``crossings[douglas].port_hours[0].end: …``).
    """
    if path is None:
        return _load_default_crossings()
    return _read_crossings(Path(path))


def load_places(path: Path | str | None = None) -> tuple[Place, ...]:
    """Read and validate a places file (default: the bundled one, read once per process).

    Raises InvalidFileError(kind="places data") naming the file, the place and the field.
    """
    if path is None:
        return _load_default_places()
    return _read_places(Path(path))


def clear_cache() -> None:
    """Forget the bundled files read so far (for tests that edit them)."""
    _load_default_crossings.cache_clear()
    _load_default_places.cache_clear()


@functools.cache
def _load_default_crossings() -> CrossingsData:
    return _read_crossings(crossings_path())


@functools.cache
def _load_default_places() -> tuple[Place, ...]:
    return _read_places(places_path())


def _read_crossings(path: Path) -> CrossingsData:
    data = read_toml(path, KIND)
    problems: list[Problem] = []
    rows = data.pop("crossings", None)
    if rows is None:
        problems.append(Problem("crossings", "required: at least one [[crossings]] table"))
        rows = []
    elif not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        problems.append(Problem("crossings", "expected [[crossings]] tables"))
        rows = []

    crossings: dict[str, Crossing] = {}
    for index, row in enumerate(rows):
        label = _row_label(row, index, "id")
        try:
            crossing = Crossing.model_validate(row)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, Crossing, f"crossings[{label}]"))
            continue
        if crossing.id in crossings:
            problems.append(Problem(f"crossings[{label}].id", "duplicate id"))
            continue
        crossings[crossing.id] = crossing

    try:
        result = CrossingsData.model_validate({**data, "crossings": {}})
    except ValidationError as exc:
        problems = validation_problems(exc, CrossingsData) + problems
        result = None
    if problems or result is None:
        raise InvalidFileError(str(path), problems, kind=KIND)
    result.crossings = crossings
    return result


def _read_places(path: Path) -> tuple[Place, ...]:
    data = read_toml(path, PLACES_KIND)
    problems: list[Problem] = []
    rows = data.pop("places", None)
    data.pop("schema", None)
    data.pop("as_of", None)
    for key in data:
        problems.append(Problem(key, "unknown key; expected [[places]] tables"))
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        problems.append(Problem("places", "required: at least one [[places]] table"))
        rows = []
    places: list[Place] = []
    seen: dict[str, str] = {}
    for index, row in enumerate(rows):
        label = _row_label(row, index, "name")
        try:
            place = Place.model_validate(row)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, Place, f"places[{label}]"))
            continue
        for key in (place.name, *place.aliases):
            norm = normalize(key)
            if norm in seen and seen[norm] != place.name:
                problems.append(
                    Problem(f"places[{label}]", f"{key!r} also names {seen[norm]!r}")
                )
            seen[norm] = place.name
        places.append(place)
    if problems:
        raise InvalidFileError(str(path), problems, kind=PLACES_KIND)
    return tuple(places)


def _row_label(row: Any, index: int, key: str) -> str:
    """The row's id/name when it has a usable one, else its position (#1 is the first)."""
    value = row.get(key) if isinstance(row, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return f"#{index + 1}"


# --- facts (for --stale and the facts check) ---------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One dated, sourced fact in the crossings data."""

    crossing_id: str
    """The crossing, or "*" for file-wide facts."""
    fact: str
    """Which fact: "location", "pedestrians", "port_hours[0]", "flagpoling[2]"…"""
    description: str
    """Short human text of the fact's value."""
    as_of: date | None
    """When the source was read or published."""
    source: str | None
    """The source URL."""
    unverified: bool
    """True when marked unverified in the data."""


def facts(data: CrossingsData) -> Iterator[Fact]:
    """Every dated fact in the data, crossing by crossing, in file order."""
    if data.no_schedule_note_source:
        yield Fact("*", "no_schedule_note", data.no_schedule_note, data.as_of,
                   data.no_schedule_note_source, False)
    for c in data.crossings.values():
        loc = c.location
        where = f"{loc.lat}, {loc.lon}" + (" (approximate)" if loc.approximate else "")
        yield Fact(c.id, "location", where, loc.as_of, loc.source, loc.unverified)
        if c.pedestrians is not None and (c.pedestrians.source or c.pedestrians.as_of):
            ped = c.pedestrians
            allowed = {True: "allowed", False: "refused", None: "unknown"}[ped.allowed]
            yield Fact(c.id, "pedestrians", f"pedestrians {allowed}", ped.as_of, ped.source,
                       ped.unverified)
        for kind in ("port_hours", "flagpoling"):
            for i, row in enumerate(getattr(c, kind)):
                yield Fact(c.id, f"{kind}[{i}]", row.describe(), row.as_of, row.source,
                           row.unverified)


def stale_facts(data: CrossingsData, today: date, days: int) -> list[Fact]:
    """Facts whose ``as_of`` is more than ``days`` days before ``today``, oldest first."""
    from datetime import timedelta

    cutoff = today - timedelta(days=days)
    old = [f for f in facts(data) if f.as_of is not None and f.as_of < cutoff]
    return sorted(old, key=lambda f: (f.as_of, f.crossing_id, f.fact))


# --- search -------------------------------------------------------------------------------------

_TOKEN_SYNONYMS = {"saint": "st", "sainte": "ste"}


def normalize(text: str) -> str:
    """Lowercase, accents and punctuation dropped, "Saint" = "St": "Saint-Armand" → "st armand"."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    tokens = re.sub(r"[^a-z0-9]+", " ", folded).split()
    return " ".join(_TOKEN_SYNONYMS.get(t, t) for t in tokens)


def _keys(c: Crossing) -> list[str]:
    keys = [c.id.replace("-", " "), c.name, c.us_port, f"{c.us_port} {c.us_state}", *c.aliases]
    return [k for k in (normalize(k) for k in keys) if k]


def _score(query: str, keys: list[str]) -> int | None:
    """0 exact, 1 prefix, 2 whole words inside, 3 every word a prefix of some word; None no match."""
    if not query:
        return 3
    best: int | None = None
    qtokens = query.split()
    for key in keys:
        if key == query:
            return 0
        if key.startswith(query):
            score = 1
        elif f" {query}" in f" {key}":
            score = 2
        else:
            continue
        best = score if best is None else min(best, score)
    if best is not None:
        return best
    words = " ".join(keys).split()
    if all(any(w.startswith(q) for w in words) for q in qtokens):
        return 3
    return None


def _as_crossings(crossings: CrossingsData | Mapping[str, Crossing] | Iterable[Crossing]):
    if isinstance(crossings, CrossingsData):
        return list(crossings.crossings.values())
    if isinstance(crossings, Mapping):
        return list(crossings.values())
    return list(crossings)


def search(
    crossings: CrossingsData | Mapping[str, Crossing] | Iterable[Crossing], text: str
) -> list[Crossing]:
    """Crossings whose id, name, US port or aliases match ``text``, best match first.

    Matching ignores case, accents and punctuation ("Lacolle", "st-bernard", "Peace Arch",
    "thousand islands"). Exact matches come first, then prefixes, then whole words inside a name,
    then names containing words starting with every word typed. Empty text matches everything.
    """
    query = normalize(text)
    scored = []
    for c in _as_crossings(crossings):
        score = _score(query, _keys(c))
        if score is not None:
            scored.append((score, normalize(c.name), c))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in scored]


def find_crossing(data: CrossingsData, text: str) -> Crossing:
    """The crossing ``text`` names: its exact id, or the single best search match.

    Raises FlagpoleError listing the closest ids when nothing, or more than one crossing
    equally well, matches.
    """
    if text in data.crossings:
        return data.crossings[text]
    query = normalize(text)
    found = search(data, text)
    if found:
        best = _score(query, _keys(found[0]))
        tied = [c for c in found if _score(query, _keys(c)) == best]
        if len(tied) == 1:
            return tied[0]
        ids = ", ".join(c.id for c in tied[:6])
        raise FlagpoleError(f"'{text}' matches several crossings: {ids}. Use one of these ids.")
    close = closest_ids(text, data)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise FlagpoleError(f"unknown crossing '{text}'.{hint}")


def closest_ids(text: str, data: CrossingsData | None = None, n: int = 3) -> list[str]:
    """Up to ``n`` crossing ids that ``text`` probably meant (for "did you mean"), best first.

    Uses the search matches first, then spelling similarity to ids, names and aliases. Uses the
    bundled data when ``data`` is None.
    """
    data = load_crossings() if data is None else data
    ids: list[str] = [c.id for c in search(data, text)] if normalize(text) else []
    if len(ids) < n:
        by_key: dict[str, str] = {}
        for c in data.crossings.values():
            for key in _keys(c):
                by_key.setdefault(key, c.id)
            by_key.setdefault(c.id, c.id)
        query = normalize(text) or text
        for key in difflib.get_close_matches(query, list(by_key), n=n * 3, cutoff=0.5):
            ids.append(by_key[key])
    unique = list(dict.fromkeys(ids))
    return unique[:n]


def find_place(places: Iterable[Place], text: str) -> Place | None:
    """The place whose name or alias equals ``text`` (ignoring case and accents), else the single
    place it is a prefix of; None when there is none or several."""
    query = normalize(text)
    if not query:
        return None
    places = list(places)
    for p in places:
        if query in (normalize(k) for k in (p.name, *p.aliases)):
            return p
    prefixed = [
        p for p in places if any(normalize(k).startswith(query) for k in (p.name, *p.aliases))
    ]
    return prefixed[0] if len(prefixed) == 1 else None


def closest_places(places: Iterable[Place], text: str, n: int = 3) -> list[str]:
    """Up to ``n`` place names ``text`` probably meant, best first."""
    query = normalize(text)
    by_key: dict[str, str] = {}
    for p in places:
        for key in (p.name, *p.aliases):
            by_key.setdefault(normalize(key), p.name)
    names = [name for key, name in by_key.items() if query and key.startswith(query)]
    names += [by_key[k] for k in difflib.get_close_matches(query, list(by_key), n=n * 2, cutoff=0.5)]
    return list(dict.fromkeys(names))[:n]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def describe_days(days: Iterable[str]) -> str:
    """Day names as runs: ("mon","tue","wed","thu","sat") → "Mon–Thu, Sat"; all seven → "daily"."""
    idx = sorted({WEEKDAYS.index(d) for d in days})
    if len(idx) == 7:
        return "daily"
    runs: list[list[int]] = []
    for i in idx:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    parts = []
    for run in runs:
        first, last = WEEKDAYS[run[0]].title(), WEEKDAYS[run[-1]].title()
        if len(run) == 1:
            parts.append(first)
        elif len(run) == 2:
            parts.append(f"{first}, {last}")
        else:
            parts.append(f"{first}–{last}")
    return ", ".join(parts)
