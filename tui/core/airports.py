"""The airports data (``data/airports.toml``): where an ``arrival-by-air`` day happens.

Plain pydantic models, no UI. The file format is described in ``data/README.md``. Loading
validates the whole file and reports every problem at once, naming the file, the airport id and
the field (``airports[yvr].location.lat: …``). The bundled file is read once per process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from tui.core.crossings import PROVINCES, normalize
from tui.core.crossings.search import match_score as _score
from tui.core.errors import FlagpoleError, InvalidFileError, Problem
from tui.core.fields import Day, Text, Url, Zone
from tui.core.tomlfile import read_toml, validation_problems

KIND = "airports data"

# Canada's extent, generously: a coordinate outside it is a typo (a missing minus sign).
_CANADA_LAT = (41.0, 84.0)
_CANADA_LON = (-142.0, -52.0)



class _Model(BaseModel):
    """Unknown keys are refused (they are almost always typos); values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(_Model):
    """A fact with where it came from and when that was read or published."""

    source: Url
    """URL of the page the fact comes from."""
    as_of: Day
    """Date the source was read or published."""
    unverified: bool = False
    """True when no reliable source confirms the fact for this airport (shown as unverified)."""
    note: str | None = None
    """Free text: conflicts between sources, cautions, what the source is."""


class Location(Sourced):
    """Where the airport is (the infobox point)."""

    lat: float = Field(ge=_CANADA_LAT[0], le=_CANADA_LAT[1])
    """Latitude, decimal degrees (inside Canada)."""
    lon: float = Field(ge=_CANADA_LON[0], le=_CANADA_LON[1])
    """Longitude, decimal degrees, negative west (inside Canada)."""
    approximate: bool = False
    """True when the coordinates are a rough estimate."""


class OfficeFact(Sourced):
    """One thing known about a CBSA office at the airport."""

    description: Text
    """Where the office is or how to reach it, in plain words."""


class CbsaOffice(_Model):
    """What is known of the CBSA offices at the airport. None = unknown (never guessed)."""

    arrivals: OfficeFact | None = None
    """The immigration (work-permit) desk met on arrival, before leaving the secure area."""
    landside: OfficeFact | None = None
    """A CBSA office reachable after leaving arrivals, for corrections."""


class Airport(_Model):
    """A Canadian airport with CBSA immigration, where a permit can be issued on arrival."""

    id: str
    """Lower-case IATA code ("yvr"); profiles and logs refer to it."""
    name: Text
    """The airport's name ("Vancouver International Airport")."""
    city: Text
    """The city it serves ("Vancouver")."""
    province: str
    """Two-letter province or territory code."""
    time_zone: Zone
    """IANA time zone of the terminal."""
    aliases: tuple[Text, ...] = ()
    """Other names for search: the IATA code, common names ("Pearson", "Dorval")."""
    source: Url
    """Where the name, code, city, province and time zone come from."""
    as_of: Day
    """Date that source was read or published."""
    notes: tuple[Text, ...] = ()
    """Cautions and context."""
    location: Location
    """Coordinates of the airport."""
    cbsa_office: CbsaOffice = CbsaOffice()
    """What is known of its CBSA offices."""

    @field_validator("id")
    @classmethod
    def _iata(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9]{3}", value):
            raise ValueError("expected the IATA code in lower case, like 'yvr'")
        return value

    @field_validator("province")
    @classmethod
    def _province(cls, value: str) -> str:
        if value not in PROVINCES:
            raise ValueError(f"expected a province code, one of {', '.join(PROVINCES)}")
        return value

    @property
    def code(self) -> str:
        """The IATA code as printed on tickets ("YVR")."""
        return self.id.upper()

    @property
    def zone(self) -> ZoneInfo:
        """The airport's time zone."""
        return ZoneInfo(self.time_zone)

    def sources(self) -> list[dict[str, Any]]:
        """Every sourced fact about the airport: which fact, its URL, date and whether unverified."""
        facts: list[tuple[str, Sourced | Airport]] = [("airport", self), ("location", self.location)]
        for kind in ("arrivals", "landside"):
            office = getattr(self.cbsa_office, kind)
            if office is not None:
                facts.append((f"cbsa_office.{kind}", office))
        return [
            {
                "fact": fact,
                "source": item.source,
                "as_of": item.as_of.isoformat(),
                "unverified": bool(getattr(item, "unverified", False)),
            }
            for fact, item in facts
        ]


class AirportsData(_Model):
    """The whole airports file, airports keyed by id (in file order)."""

    schema_version: Literal[1] = Field(alias="schema")
    """Format version of the file; this app reads 1."""
    as_of: Day
    """When the file was last reviewed as a whole."""
    airports: dict[str, Airport]
    """Every airport, by id."""

    def get(self, airport_id: str) -> Airport | None:
        """The airport with this id (any case), or None."""
        return self.airports.get(airport_id.strip().lower())


# --- loading ------------------------------------------------------------------------------------


def airports_path() -> Path:
    """The bundled ``airports.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / "airports.toml"


def load_airports(path: Path | str | None = None) -> AirportsData:
    """Read and validate an airports file (default: the bundled one, read once per process).

    Raises InvalidFileError(kind="airports data") naming the file and, for each problem, the
    airport id and the field (``airports[yvr].location.lat: …``), or the line for bad TOML.
    """
    if path is None:
        return _load_default()
    return _read(Path(path))


def clear_cache() -> None:
    """Forget the bundled file read so far (for tests that edit or replace it)."""
    _load_default.cache_clear()


@functools.cache
def _load_default() -> AirportsData:
    return _read(airports_path())


def _read(path: Path) -> AirportsData:
    data = read_toml(path, KIND)
    problems: list[Problem] = []
    rows = data.pop("airports", None)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        problems.append(Problem("airports", "required: at least one [[airports]] table"))
        rows = []
    airports: dict[str, Airport] = {}
    for index, row in enumerate(rows):
        label = _row_label(row, index)
        try:
            airport = Airport.model_validate(row)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, Airport, f"airports[{label}]"))
            continue
        if airport.id in airports:
            problems.append(Problem(f"airports[{label}].id", "duplicate id"))
            continue
        airports[airport.id] = airport
    try:
        result = AirportsData.model_validate({**data, "airports": airports})
    except ValidationError as exc:
        problems = validation_problems(exc, AirportsData) + problems
        result = None
    if problems or result is None:
        raise InvalidFileError(str(path), problems, kind=KIND)
    return result


def _row_label(row: Any, index: int) -> str:
    value = row.get("id") if isinstance(row, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return f"#{index + 1}"


# --- search -------------------------------------------------------------------------------------


def _keys(a: Airport) -> list[str]:
    keys = [a.id, a.name, a.city, *a.aliases]
    return [k for k in (normalize(k) for k in keys) if k]




def _as_airports(airports: AirportsData | Iterable[Airport]) -> list[Airport]:
    if isinstance(airports, AirportsData):
        return list(airports.airports.values())
    return list(airports)


def search(airports: AirportsData | Iterable[Airport], text: str) -> list[Airport]:
    """Airports whose code, name, city or aliases match ``text``, best match first.

    Matching ignores case, accents and punctuation ("montreal" finds Montréal–Trudeau, "YVR"
    and "pearson" their airports). Exact matches come first, then prefixes, then whole words
    inside a name, then names with words starting with every word typed; ties keep file order.
    Empty text matches everything.
    """
    query = normalize(text)
    scored = []
    for position, airport in enumerate(_as_airports(airports)):
        score = _score(query, _keys(airport))
        if score is not None:
            scored.append((score, position, airport))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [a for _, _, a in scored]


def find_airport(data: AirportsData, text: str) -> Airport:
    """The airport ``text`` names: its code (any case), or the single best search match.

    Raises FlagpoleError naming the candidates when nothing, or more than one airport equally
    well, matches.
    """
    exact = data.get(text)
    if exact is not None:
        return exact
    found = search(data, text)
    if found:
        query = normalize(text)
        best = _score(query, _keys(found[0]))
        tied = [a for a in found if _score(query, _keys(a)) == best]
        if len(tied) == 1:
            return tied[0]
        ids = ", ".join(a.id for a in tied[:6])
        raise FlagpoleError(f"'{text}' matches several airports: {ids}. Use one of these codes.")
    known = ", ".join(data.airports)
    raise FlagpoleError(f"unknown airport '{text}'. Known airports: {known}.")
