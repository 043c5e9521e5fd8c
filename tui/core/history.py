"""The border history: each flagpoling day's US turn-around, kept as plain facts.

It lives in ``HOME/history.jsonl``, outside the profiles, so it outlives a deleted profile: later,
when a form asks "were you ever refused entry or denied a visa", the answers can be consistent
with what happened. It records facts only; it gives no legal advice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.fields import require_in_range
from tui.core.jsonl import append_record, read_records

HISTORY_FILE = "history.jsonl"


@dataclass(frozen=True)
class TurnAround:
    """One US turn-around: when, where, and what the US side handed over."""

    day: date
    crossing_id: str
    crossing_name: str
    handed_over: tuple[str, ...] = ()
    profile: str = ""
    note: str = ""
    recorded_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (dates as ISO strings)."""
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["handed_over"] = list(self.handed_over)
        data["recorded_at"] = self.recorded_at.isoformat() if self.recorded_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TurnAround:
        """Rebuild an entry written by ``to_json``; raises ValueError/KeyError/TypeError when
        malformed: a field of the wrong type, a day outside the years the app handles, a
        ``recorded_at`` without its UTC offset."""
        recorded = data.get("recorded_at")
        handed_over = data.get("handed_over", ())
        if not isinstance(handed_over, list | tuple):
            raise TypeError("'handed_over' is not a list")
        recorded_at = None
        if recorded is not None:
            recorded_at = require_in_range(datetime.fromisoformat(_text(data, "recorded_at")), "recorded_at")
            if recorded_at.utcoffset() is None:
                raise ValueError("'recorded_at' has no UTC offset")
        return cls(
            day=require_in_range(date.fromisoformat(_text(data, "day")), "day"),
            crossing_id=_text(data, "crossing_id"),
            crossing_name=_text(data, "crossing_name") if "crossing_name" in data else _text(data, "crossing_id"),
            handed_over=tuple(_plain(x) for x in handed_over),
            profile=_text(data, "profile") if "profile" in data else "",
            note=_text(data, "note") if data.get("note") is not None else "",
            recorded_at=recorded_at,
        )

    def sort_key(self) -> tuple:
        """Oldest first: by day, then (entries without a recording time first) by recording time."""
        if self.recorded_at is None:
            return (self.day, 0, 0.0)
        return (self.day, 1, self.recorded_at.timestamp())


def _text(data: dict, key: str) -> str:
    """``data[key]`` when it is text; KeyError/TypeError otherwise."""
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key!r} is not text")
    return value


def _plain(value: object) -> str:
    """An item of ``handed_over``: text; TypeError otherwise."""
    if not isinstance(value, str):
        raise TypeError("an item of 'handed_over' is not text")
    return value


@dataclass
class History:
    """The entries that could be read (oldest first) and how many lines were unreadable."""

    entries: list[TurnAround] = field(default_factory=list)
    unreadable: int = 0


class BorderHistory:
    """The history file in a data folder."""

    def __init__(self, home: Path):
        self.path = Path(home) / HISTORY_FILE

    def record(self, entry: TurnAround) -> None:
        """Append one turn-around, synced to disk at once."""
        append_record(self.path, entry.to_json())

    def read(self) -> History:
        """All readable entries, oldest day first; broken lines are counted, not fatal."""
        result = read_records(self.path)
        history = History(unreadable=len(result.skipped_lines))
        for record in result.records:
            try:
                history.entries.append(TurnAround.from_json(record))
            except (KeyError, ValueError, TypeError):
                history.unreadable += 1
        history.entries.sort(key=TurnAround.sort_key)
        return history
