"""The crossings data model: field types and the pydantic models of ``data/crossings.toml``.

The file format is fixed by ``data/README.md``. Time semantics (which rows are in force, when a
port or flagpoling is open) live in ``tui.core.schedule``; this module only checks that the data
is well formed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from tui.core.crossings.logic import (  # noqa: F401 - re-exported
    PROVINCES as PROVINCES,
)
from tui.core.crossings.logic import (
    WEEKDAYS as WEEKDAYS,
)
from tui.core.crossings.logic import (
    CrossingLogic,
    CrossingsDataLogic,
    DatedMarkLogic,
    WindowLogic,
    minutes,
)
from tui.core.crossings.logic import (
    describe_days as describe_days,
)
from tui.core.fields import Day, Province, Text, Url, Zone

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



HHMM = Annotated[str, BeforeValidator(_as_hhmm)]
Days = Annotated[tuple[str, ...], BeforeValidator(_as_days)]


# --- models -------------------------------------------------------------------------------------


class _Model(BaseModel):
    """Unknown keys are refused (they are almost always typos)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SourcedEntry(_Model):
    """A fact with where it came from and when that was read or published."""

    source: Url
    """URL of the page the fact comes from."""
    as_of: Day
    """Date the source was read or published."""
    unverified: bool = False
    """True when no reliable source confirms the fact (the app shows it as unverified)."""
    note: str | None = None
    """Free text: conflicts between sources, cautions."""


class Location(SourcedEntry):
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


class Window(WindowLogic, SourcedEntry):
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
            if minutes(self.end) <= minutes(self.start):
                raise ValueError(
                    f"'end' ({self.end}) must be after 'start' ({self.start}); split a window "
                    "that crosses midnight into two rows (…–24:00 and 00:00–…)"
                )
        if self.from_ is not None and self.until is not None and self.until <= self.from_:
            raise ValueError(f"'until' ({self.until}) must be after 'from' ({self.from_})")
        return self


class DatedMark(DatedMarkLogic, SourcedEntry):
    """A dated fact about a crossing that has no hours: in force on local dates
    ``from_ <= d < until`` (a missing bound is open). Used for "flagpoling by appointment"."""

    from_: Day | None = Field(default=None, alias="from")
    """First local date the mark is in force (inclusive); None = since always."""
    until: Day | None = None
    """Local date the mark stops being in force (exclusive); None = still in force."""
    contact: str | None = None
    """How to book or check (a phone number), as the source gives it."""

    @model_validator(mode="after")
    def _coherent(self) -> DatedMark:
        if self.from_ is not None and self.until is not None and self.until <= self.from_:
            raise ValueError(f"'until' ({self.until}) must be after 'from' ({self.from_})")
        return self


class Crossing(CrossingLogic, _Model):
    """A Canada–US land port of entry, seen from the Canadian side."""

    id: str
    """Stable slug (``spec/crossings.md``); profiles and logs refer to it."""
    name: Text
    """CBSA port name."""
    province: Province
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
    us_port_hours: list[Window] = []
    """Hours of the US port facing this crossing, in the Canadian port's local time, recorded only
    where they differ from the Canadian hours. No row in force = open whenever the Canadian port is."""
    flagpoling_by_appointment: list[DatedMark] = []
    """Dated marks: flagpoling here was (said to be) by booked appointment only."""

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError("expected a lowercase slug like 'fort-erie-peace-bridge'")
        return value

    @field_validator("us_state")
    @classmethod
    def _state(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{2}", value):
            raise ValueError("expected a two-letter US state code in capitals, like NY")
        return value

class CrossingsData(CrossingsDataLogic, _Model):
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

    if TYPE_CHECKING:  # CrossingsDataLogic.get, typed

        def get(self, crossing_id: str) -> Crossing | None: ...
