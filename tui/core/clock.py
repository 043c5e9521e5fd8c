"""The one place that reads the wall clock. Everything else takes a datetime as an argument."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]
"""A function returning the current moment as an aware datetime."""


def system_clock() -> datetime:
    """Now, aware, in the system's local zone."""
    return datetime.now().astimezone()


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at ``moment`` (for tests and the demo)."""
    return lambda: moment
