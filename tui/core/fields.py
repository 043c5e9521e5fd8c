"""Field types shared by the profile and the data files."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, TypeVar
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

MIN_YEAR, MAX_YEAR = 1900, 2199
"""Every date the app reads (profiles, data files, journal and history lines, ``--on``, ``--at``)
lies in these years, so date arithmetic (months added, days searched, offsets applied) can
never leave the calendar Python knows."""


def in_range(moment: date) -> bool:
    """Whether a date (or date-time) falls in MIN_YEAR..MAX_YEAR."""
    return MIN_YEAR <= moment.year <= MAX_YEAR


_Moment = TypeVar("_Moment", bound=date)


def require_in_range(moment: _Moment, what: str = "the date") -> _Moment:
    """``moment`` itself when it is in range; ValueError naming ``what`` otherwise."""
    if not in_range(moment):
        raise ValueError(f"{what} must be between {MIN_YEAR} and {MAX_YEAR} (got year {moment.year})")
    return moment


def as_date(value: object) -> object:
    """Accept a date, or an ISO ``YYYY-MM-DD`` string (typed into a form), in the years
    MIN_YEAR..MAX_YEAR; refuse the rest, date-times and numbers included."""
    if isinstance(value, datetime):
        raise ValueError("expected a date like 2026-12-02, not a date and time")
    if isinstance(value, date):
        return require_in_range(value, "a date")
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date") from exc
        return require_in_range(parsed, "a date")
    raise ValueError("expected a date like 2026-12-02")


Day = Annotated[date, BeforeValidator(as_date)]
"""A calendar date, as TOML writes it (``2026-12-02``)."""


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


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


Url = Annotated[str, BeforeValidator(_as_url)]
"""A source's web address (http or https)."""
Zone = Annotated[str, BeforeValidator(_as_zone)]
"""An IANA time zone name known to this machine's zone database."""
Text = Annotated[str, AfterValidator(_non_blank)]
"""Text that is not blank (surrounding spaces removed)."""
