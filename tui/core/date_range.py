"""The years every date the app reads must fall in, and the check for them (no pydantic)."""

from __future__ import annotations

from datetime import date

TYPE_CHECKING = False  # typing itself is not imported: ``check --on`` reads this module
if TYPE_CHECKING:  # pragma: no cover
    from typing import TypeVar

    _Moment = TypeVar("_Moment", bound=date)

MIN_YEAR, MAX_YEAR = 1900, 2199
"""Every date the app reads (profiles, data files, journal and history lines, ``--on``, ``--at``)
lies in these years, so date arithmetic (months added, days searched, offsets applied) can
never leave the calendar Python knows."""


def in_range(moment: date) -> bool:
    """Whether a date (or date-time) falls in MIN_YEAR..MAX_YEAR."""
    return MIN_YEAR <= moment.year <= MAX_YEAR


def require_in_range(moment: _Moment, what: str = "the date") -> _Moment:
    """``moment`` itself when it is in range; ValueError naming ``what`` otherwise."""
    if not in_range(moment):
        raise ValueError(f"{what} must be between {MIN_YEAR} and {MAX_YEAR} (got year {moment.year})")
    return moment
