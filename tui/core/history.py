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
        """Rebuild an entry written by ``to_json``; raises ValueError/KeyError when malformed."""
        recorded = data.get("recorded_at")
        return cls(
            day=date.fromisoformat(data["day"]),
            crossing_id=str(data["crossing_id"]),
            crossing_name=str(data.get("crossing_name", data["crossing_id"])),
            handed_over=tuple(str(x) for x in data.get("handed_over", ())),
            profile=str(data.get("profile", "")),
            note=str(data.get("note", "")),
            recorded_at=datetime.fromisoformat(recorded) if recorded else None,
        )


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
        history.entries.sort(key=lambda e: (e.day, e.recorded_at or datetime.min))
        return history
