"""The pydantic models of ``data/airports.toml`` (``tui.core.airports`` reads the file)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
)

from tui.core.fields import Day, Province, Text, Url, Zone
from tui.core.model_logic import AirportLogic, AirportsDataLogic

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


class Airport(AirportLogic, _Model):
    """A Canadian airport with CBSA immigration, where a permit can be issued on arrival."""

    id: str
    """Lower-case IATA code ("yvr"); profiles and logs refer to it."""
    name: Text
    """The airport's name ("Vancouver International Airport")."""
    city: Text
    """The city it serves ("Vancouver")."""
    province: Province
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


class AirportsData(AirportsDataLogic, _Model):
    """The whole airports file, airports keyed by id (in file order)."""

    schema_version: Literal[1] = Field(alias="schema")
    """Format version of the file; this app reads 1."""
    as_of: Day
    """When the file was last reviewed as a whole."""
    airports: dict[str, Airport]
    """Every airport, by id."""

    if TYPE_CHECKING:  # AirportsDataLogic.get, typed

        def get(self, airport_id: str) -> Airport | None: ...
