"""The crossings data's constants and the behaviour of its models, without pydantic.

Each mixin here is shared by a pydantic model of ``tui.core.crossings.model`` (which validates)
and by the plain object the validated cache reads back (``tui.core.validated_cache``), so the
schedule and the rules run on either. Nothing here validates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from zoneinfo import ZoneInfo

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

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


def minutes(hhmm: str) -> int:
    """``"HH:MM"`` as minutes after midnight."""
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


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


class _Dated:
    """A row in force on local dates ``from_ <= d < until`` (a missing bound is open)."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        from_: Any
        until: Any

    def in_force(self, d: date) -> bool:
        """True when the row applies on local date ``d`` (``from <= d < until``)."""
        return (self.from_ is None or self.from_ <= d) and (self.until is None or d < self.until)


class WindowLogic(_Dated):
    """``Window``: one dated weekly window in crossing-local time."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        days: Any
        start: Any
        end: Any

    @property
    def start_minute(self) -> int:
        """Start as minutes after local midnight (0 when the row is the whole day)."""
        return 0 if self.start is None else minutes(self.start)

    @property
    def end_minute(self) -> int:
        """End as minutes after local midnight, up to 1440 (24:00)."""
        return 1440 if self.end is None else minutes(self.end)

    @property
    def weekdays(self) -> frozenset[int]:
        """The row's days as ``date.weekday()`` numbers (Monday = 0)."""
        return frozenset(WEEKDAYS.index(d) for d in self.days)

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


class DatedMarkLogic(_Dated):
    """``DatedMark``: a dated fact about a crossing that has no hours."""

    def describe(self) -> str:
        """Short human text: "from 2024-07-04 to 2024-12-18 (excl.)"."""
        if self.from_ and self.until:
            return f"from {self.from_} to {self.until} (excl.)"
        if self.from_:
            return f"from {self.from_}"
        if self.until:
            return f"until {self.until} (excl.)"
        return "always"


class CrossingLogic:
    """``Crossing``: a Canada–US land port of entry."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        timezone: Any
        pedestrians: Any

    @property
    def tz(self) -> ZoneInfo:
        """The crossing's time zone."""
        return ZoneInfo(self.timezone)

    @property
    def pedestrians_allowed(self) -> bool | None:
        """True/False when documented, None when unknown."""
        return None if self.pedestrians is None else self.pedestrians.allowed


class CrossingsDataLogic:
    """``CrossingsData``: the whole crossings file."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        crossings: Any

    def get(self, crossing_id: str) -> Any:
        """The crossing with this exact id, or None."""
        return self.crossings.get(crossing_id)
