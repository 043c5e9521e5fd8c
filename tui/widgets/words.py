"""Small text helpers shared by the widgets (dates and durations in plain words)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.core.journal import duration_words


def when(moment: datetime) -> str:
    """'Wed 2 Dec 2026, 10:30 PST'."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M %Z}".rstrip()


def day_words(moment: datetime) -> str:
    """'Wed 2 Dec 2026' (a day with no time that matters: a request by mail)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}"


def clock_words(moment: datetime) -> str:
    """'10:30 PST, Wed 2 Dec'."""
    return f"{moment:%H:%M %Z}".rstrip() + f", {moment:%a} {moment.day} {moment:%b}"


def span(delta: timedelta) -> str:
    """A duration in plain words."""
    return duration_words(delta)
