"""The crossing finder's words: marks, times, the table's cells and the place message.

Shared by the finder's table (``tui.screens.finder``) and its detail pane
(``tui.widgets.crossing_detail``); the "flagpoling now" wording itself is the core's
(``tui.core.finder.flagpoling_now_words``), shared with ``flagpole crossings``.
"""

from __future__ import annotations

from datetime import datetime

from rich.console import RenderableType

from tui.core.errors import FlagpoleError, UnknownPlaceError
from tui.core.finder import CrossingStatus, flagpoling_now_words, marks_of

MARKS = {
    "†": "no dated flagpoling schedule: offered whenever the port is open (see the notes).",
    "?": "port hours or schedule unverified, or not in the data (assumed open).",
    "~": "approximate location (the distance is rough).",
    "⊘": "documented as refusing pedestrians.",
}
"""What each mark after a crossing's name means; the same marks and words as the CLI."""

FOOT_WORDS = {True: "yes", False: "no", None: "unknown"}
"""The "On foot" column: documented yes, documented no, or nothing documented."""



def short_time(moment: datetime | None, reference: datetime, *, end: bool = False) -> str:
    """``moment`` in few characters, read against ``reference`` (same zone): "16:00" on the same
    day, "24:00" for the next midnight when ``end``, "Thu 08:00" within a week, "3 Jan 08:00" later,
    "—" for None."""
    if moment is None:
        return "—"
    days = (moment.date() - reference.date()).days
    if days == 0:
        return f"{moment:%H:%M}"
    if end and days == 1 and moment.hour == 0 and moment.minute == 0:
        return "24:00"
    if days < 7:
        return f"{moment:%a %H:%M}"
    return f"{moment.day} {moment:%b %H:%M}"


def full_time(moment: datetime) -> str:
    """'Wed 2 Dec 2026, 10:30 PST' (no zone for a naive moment)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M %Z}".rstrip()



def plain_text(renderable: RenderableType, width: int = 78) -> str:
    """What ``renderable`` reads as on a terminal ``width`` columns wide, without styles."""
    from io import StringIO

    from rich.console import Console

    sink = StringIO()
    console = Console(width=width, file=sink, color_system=None)
    console.print(renderable)
    return sink.getvalue()




def flagpoling_words(status: CrossingStatus, eligible: bool | None = None) -> str:
    """The table's words: "yes, until 16:00", "yes, 24 hours", "no" or "no (port closed)"; from
    the ban's date "exempt only, until 16:00" unless ``eligible`` (the person is exempt)."""
    return flagpoling_now_words(
        status,
        lambda until, at: short_time(until, at, end=True),
        all_day="24 hours",
        eligible=eligible,
        exempt_only="exempt only",
        exempt_note="",
    )


def name_cell(status: CrossingStatus, width: int) -> str:
    """The name and its marks in at most ``width`` characters (the name is shortened with …)."""
    marks = marks_of(status)
    name = status.crossing.name
    room = width - (len(marks) + 1 if marks else 0)
    if len(name) > room:
        name = name[: max(room - 1, 1)].rstrip() + "…"
    return f"{name} {marks}".rstrip()


def place_message(error: FlagpoleError) -> str:
    """A place not understood, in the screen's words: the did-you-mean and the short way to
    write a place (not the list of every known place)."""
    if isinstance(error, UnknownPlaceError):
        close = f" Did you mean: {', '.join(error.suggestions)}?" if error.suggestions else ""
        hint = "Type a town (Vancouver, Montréal…), a crossing, or LAT,LON like 49.05,-123.0."
        return f"Unknown place {error.name!r}.{close} {hint}"
    text = str(error)
    return text[0].upper() + text[1:] if text else text
