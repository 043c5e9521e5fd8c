"""Field types shared by the profile and the data files (pydantic). The pure date-range helpers
live in ``tui.core.date_range`` (re-exported here)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator

from tui.core.date_range import MAX_YEAR, MIN_YEAR, in_range, require_in_range

__all__ = ["MAX_YEAR", "MIN_YEAR", "Day", "Text", "Url", "Zone", "as_date", "in_range", "require_in_range"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


def _province_code(value: str) -> str:
    from tui.core.crossings.logic import PROVINCES

    if value not in PROVINCES:
        raise ValueError(f"expected a province code, one of {', '.join(PROVINCES)}")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


Url = Annotated[str, BeforeValidator(_as_url)]
"""A source's web address (http or https)."""
Zone = Annotated[str, BeforeValidator(_as_zone)]
"""An IANA time zone name known to this machine's zone database."""
Province = Annotated[str, AfterValidator(_province_code)]
"""A Canadian province or territory code (BC, ON, …)."""
Text = Annotated[str, AfterValidator(_non_blank)]
"""Text that is not blank (surrounding spaces removed)."""
