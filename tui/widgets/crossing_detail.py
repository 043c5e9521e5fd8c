"""The finder's detail pane: one crossing at one moment, in words (rich renderables, no state)."""

from __future__ import annotations

import re
from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.core.crossings import PROVINCES, CrossingsData
from tui.core.finder import (
    CrossingStatus,
    Origin,
    fact_sources,
    flagpoling_now_words,
    marks_of,
    status_notes,
)
from tui.widgets.crossing_words import FOOT_WORDS, MARKS, full_time, short_time


def detail_grid(label_width: int = 11) -> Table:
    """Two columns, label and text, so wrapped text stays under its own column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=label_width + 1, justify="right" if label_width == 1 else "left")
    grid.add_column(ratio=1, overflow="fold")
    return grid


def detail_title(text: str) -> Text:
    """A section title in a detail pane, after a blank line."""
    return Text(f"\n{text}", style="bold")



def describe_crossing(
    data: CrossingsData,
    status: CrossingStatus,
    *,
    current: str | None,
    origin: Origin | None,
    eligible: bool | None = None,
) -> Group:
    """The detail pane for ``status``: the moment, the marks in words, the notes, the hours
    and schedules in force with their sources, and transit (long lines wrap under their
    own column, not under the label). ``current`` is the crossing id in the plan; ``origin``
    the place distances are measured from; ``eligible`` whether the person is exempt from the
    flagpoling ban (True), not eligible (False) or unknown (None)."""
    c = status.crossing
    parts: list[RenderableType] = []

    head = Text()
    head.append(c.name, style="bold")
    head.append(f", {PROVINCES[c.province]}  ·  US side: {c.us_port}, {c.us_state}")
    parts.append(head)
    if c.id == current:
        parts.append(Text("This is the crossing in your plan."))

    summary = detail_grid()
    now = flagpoling_now_words(
        status,
        lambda until, at: detail_time(until, at, end=True),
        all_day="around the clock (no end in the next 14 days)",
        port_closed="no (the port is closed then)",
        eligible=eligible,
    )
    summary.add_row("Flagpoling", f"at {full_time(status.at)}: {now}")
    if status.next is not None:
        summary.add_row("Next window", f"opens {detail_time(status.next, status.at)}")
    elif not status.flagpoling:
        summary.add_row("Next window", "none found in the next 14 days")
    foot = FOOT_WORDS[c.pedestrians_allowed]
    if c.pedestrians_allowed is None:
        foot += " (nothing documented)"
    summary.add_row("On foot", foot)
    if status.distance_km is not None and origin is not None:
        rough = " (approximate location)" if c.location.approximate else ""
        summary.add_row("Distance", f"{status.distance_km:.0f} km from {origin.label}{rough}")
    parts.append(summary)

    marks = marks_of(status)
    if marks:
        parts.append(detail_title("Marks"))
        grid = detail_grid(label_width=1)
        for mark in marks:
            grid.add_row(mark, MARKS[mark])
        parts.append(grid)
    notes = status_notes(data, status)
    if notes:
        parts.append(detail_title("Notes"))
        grid = detail_grid(label_width=1)
        for note in notes:
            grid.add_row("•", note)
        parts.append(grid)

    day = f"{status.at:%a} {status.at.day} {status.at:%b %Y}"
    parts.append(detail_title(f"Hours and sources in force on {day}"))
    grid = detail_grid()
    for fact in fact_sources(data, status):
        label, value = _fact_words(status, fact)
        line = Text(value)
        if fact["unverified"]:
            line.append("  UNVERIFIED", style="bold")
        line.append(f"  as of {fact['as_of']}" if fact.get("as_of") else "  (no date)")
        line.append(f"\n{fact['url']}", style="dim")
        grid.add_row(label, line)
    parts.append(grid)

    parts.append(detail_title("Transit"))
    parts.append(
        Text(c.transit or "Nothing in the data about public transit or walking access.")
    )
    return Group(*parts)


def detail_time(moment: datetime, reference: datetime, *, end: bool = False) -> str:
    """'16:00 PST' on the same day as ``reference`` ('24:00 PST' for the next midnight when
    ``end``), else 'Thu 3 Dec 2026, 10:00 PST'."""
    short = short_time(moment, reference, end=end)
    if short in ("24:00", f"{moment:%H:%M}"):
        return f"{short} {moment:%Z}".rstrip()
    return full_time(moment)


def _fact_words(status: CrossingStatus, fact: dict) -> tuple[str, str]:
    c = status.crossing
    kind = re.sub(r"\[\d+\]$", "", fact["fact"])
    if kind == "port_hours":
        return "Port hours", fact["description"]
    if kind == "flagpoling":
        return "Flagpoling", fact["description"]
    if kind == "location":
        rough = " (approximate)" if c.location.approximate else ""
        return "Location", f"{c.location.lat:g}, {c.location.lon:g}{rough}"
    if kind == "pedestrians":
        words = {True: "allowed", False: "refused", None: "unknown"}
        return "On foot", words[c.pedestrians_allowed]
    if kind == "no_schedule_note":
        return "No schedule", "the reading in the notes above"
    return fact["fact"], fact.get("description", "")
