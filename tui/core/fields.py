"""Field types shared by the profile and the data files."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def as_date(value: object) -> object:
    """Accept a date, or an ISO ``YYYY-MM-DD`` string (typed into a form); refuse the rest,
    date-times and numbers included."""
    if isinstance(value, datetime):
        raise ValueError("expected a date like 2026-12-02, not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date") from exc
    raise ValueError("expected a date like 2026-12-02")


Day = Annotated[date, BeforeValidator(as_date)]
"""A calendar date, as TOML writes it (``2026-12-02``)."""
