"""Every dated, sourced fact in the crossings data, for ``--stale`` and the facts check."""

from __future__ import annotations

from tui.core.record import Record

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from datetime import date

    from tui.core.crossings.model import CrossingsData

# --- facts (for --stale and the facts check) ---------------------------------------------------


class CrossingFact(Record):
    """One dated, sourced fact in the crossings data."""

    crossing_id: str
    """The crossing, or "*" for file-wide facts."""
    fact: str
    """Which fact: "location", "pedestrians", "port_hours[0]", "flagpoling[2]"…"""
    description: str
    """Short human text of the fact's value."""
    as_of: date | None
    """When the source was read or published."""
    source: str | None
    """The source URL."""
    unverified: bool
    """True when marked unverified in the data."""


def facts(data: CrossingsData) -> Iterator[CrossingFact]:
    """Every dated fact in the data, crossing by crossing, in file order."""
    if data.no_schedule_note_source:
        yield CrossingFact("*", "no_schedule_note", data.no_schedule_note, data.as_of,
                   data.no_schedule_note_source, False)
    for c in data.crossings.values():
        loc = c.location
        where = f"{loc.lat}, {loc.lon}" + (" (approximate)" if loc.approximate else "")
        yield CrossingFact(c.id, "location", where, loc.as_of, loc.source, loc.unverified)
        if c.pedestrians is not None and (c.pedestrians.source or c.pedestrians.as_of):
            ped = c.pedestrians
            allowed = {True: "allowed", False: "refused", None: "unknown"}[ped.allowed]
            yield CrossingFact(c.id, "pedestrians", f"pedestrians {allowed}", ped.as_of, ped.source,
                       ped.unverified)
        for kind in ("port_hours", "flagpoling", "us_port_hours"):
            for i, row in enumerate(getattr(c, kind)):
                yield CrossingFact(c.id, f"{kind}[{i}]", row.describe(), row.as_of, row.source,
                           row.unverified)
        for i, mark in enumerate(c.flagpoling_by_appointment):
            yield CrossingFact(c.id, f"flagpoling_by_appointment[{i}]",
                               f"flagpoling by appointment, {mark.describe()}", mark.as_of,
                               mark.source, mark.unverified)


def stale_facts(data: CrossingsData, today: date, days: int) -> list[CrossingFact]:
    """Facts whose ``as_of`` is more than ``days`` days before ``today``, oldest first."""
    from datetime import timedelta

    cutoff = today - timedelta(days=days)
    old = [f for f in facts(data) if f.as_of is not None and f.as_of < cutoff]
    return sorted(old, key=lambda f: (f.as_of, f.crossing_id, f.fact))


