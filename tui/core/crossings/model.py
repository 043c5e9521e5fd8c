"""The crossings data model: field types and the pydantic models of ``data/crossings.toml``.

The file format is fixed by ``data/README.md``. Time semantics (which rows are in force, when a
port or flagpoling is open) live in ``tui.core.schedule``; this module only checks that the data
is well formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from tui.core.fields import Day, Text, Url, Zone

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


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


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


class Window(SourcedEntry):
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


class DatedMark(SourcedEntry):
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

    def in_force(self, d: date) -> bool:
        """True when the mark applies on local date ``d`` (``from <= d < until``)."""
        return (self.from_ is None or self.from_ <= d) and (self.until is None or d < self.until)

    def describe(self) -> str:
        """Short human text: "from 2024-07-04 to 2024-12-18 (excl.)"."""
        if self.from_ and self.until:
            return f"from {self.from_} to {self.until} (excl.)"
        if self.from_:
            return f"from {self.from_}"
        if self.until:
            return f"until {self.until} (excl.)"
        return "always"


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
