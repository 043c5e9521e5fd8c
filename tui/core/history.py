"""The border history: each flagpoling day's US turn-around, kept as plain facts.

It lives in ``HOME/history.jsonl``, outside the profiles, so it outlives a deleted profile: later,
when a form asks "were you ever refused entry or denied a visa", the answers can be consistent
with what happened. It records facts only; it gives no legal advice.

The history is the person's: an entry can be annotated or deleted. The file is append-only (each
line synced at once, so a power cut never loses what was there): an entry is a line without a
``type`` (or ``"type": "turn_around"``); ``{"type": "note", "id", "note", "at"}`` sets an entry's
note (the latest wins, empty text clears it) and ``{"type": "delete", "id", "at"}`` removes it
from what is read. Every entry has a stable short id: the one it was written with, or (lines
written before ids existed) a digest of the line itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
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
    id: str = field(default="", compare=False)
    """The entry's stable short id (given when recorded or read; not part of the facts)."""

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (dates as ISO strings)."""
        data = asdict(self)
        data["day"] = self.day.isoformat()
        data["handed_over"] = list(self.handed_over)
        data["recorded_at"] = self.recorded_at.isoformat() if self.recorded_at else None
        if not self.id:
            del data["id"]
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
            id=_text(data, "id") if data.get("id") is not None else "",
        )

    def sort_key(self) -> tuple[date, int, float]:
        """Oldest first: by day, then (entries without a recording time first) by recording time."""
        if self.recorded_at is None:
            return (self.day, 0, 0.0)
        return (self.day, 1, self.recorded_at.timestamp())


def _text(data: dict[str, Any], key: str) -> str:
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


ENTRY_TYPE = "turn_around"
NOTE_TYPE = "note"
DELETE_TYPE = "delete"


def digest_id(data: dict[str, Any]) -> str:
    """A short id (6 hex digits) digested from an entry's JSON data without its id: the same
    data always gives the same id."""
    plain = {k: v for k, v in data.items() if k not in ("id", "type")}
    canonical = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:6]


@dataclass
class History:
    """The entries that could be read (oldest first) and how many lines were unreadable."""

    entries: list[TurnAround] = field(default_factory=list)
    unreadable: int = 0

    def find(self, entry_id: str) -> TurnAround | None:
        """The entry with ``entry_id`` (case and surrounding spaces ignored), or None."""
        wanted = entry_id.strip().lower()
        return next((e for e in self.entries if e.id == wanted), None)


class UnknownEntry(LookupError):
    """No entry of the history has the id asked for (or it was deleted already)."""


class BorderHistory:
    """The history file in a data folder."""

    def __init__(self, home: Path):
        self.path = Path(home) / HISTORY_FILE

    def record(self, entry: TurnAround) -> TurnAround:
        """Append one turn-around, synced to disk at once; returns it with its id."""
        data = entry.to_json()
        data.pop("id", None)
        entry_id = entry.id or digest_id(data)
        append_record(self.path, {"type": ENTRY_TYPE, **data, "id": entry_id})
        return replace(entry, id=entry_id)

    def note(self, entry_id: str, text: str, at: datetime) -> TurnAround:
        """Set the note of entry ``entry_id`` (empty text clears it), appended and synced;
        UnknownEntry when no such entry is shown, OSError when the disk fails."""
        entry = self._require(entry_id)
        append_record(self.path, {"type": NOTE_TYPE, "id": entry.id, "note": text.strip(), "at": at.isoformat()})
        return replace(entry, note=text.strip())

    def delete(self, entry_id: str, at: datetime) -> TurnAround:
        """Delete entry ``entry_id`` from the history (a deletion line is appended and synced;
        from then on the entry is not read, listed or exported). Returns the deleted entry;
        UnknownEntry when no such entry is shown, OSError when the disk fails."""
        entry = self._require(entry_id)
        append_record(self.path, {"type": DELETE_TYPE, "id": entry.id, "at": at.isoformat()})
        return entry

    def _require(self, entry_id: str) -> TurnAround:
        entry = self.read().find(entry_id)
        if entry is None:
            raise UnknownEntry(entry_id)
        return entry

    def read(self) -> History:
        """All readable entries not deleted, with their latest notes, oldest day first; broken
        lines are counted, not fatal."""
        result = read_records(self.path)
        history = History(unreadable=len(result.skipped_lines))
        entries: dict[str, TurnAround] = {}
        for record in result.records:
            kind = record.get("type", ENTRY_TYPE)
            try:
                if kind == ENTRY_TYPE:
                    entry = TurnAround.from_json(record)
                    entry_id = (entry.id or digest_id(record)).lower()
                    base, n = entry_id, 1
                    while entry_id in entries:  # the same line written twice: both kept
                        n += 1
                        entry_id = f"{base}-{n}"
                    entries[entry_id] = replace(entry, id=entry_id)
                elif kind == NOTE_TYPE:
                    target = _text(record, "id").lower()
                    if target in entries:
                        entries[target] = replace(entries[target], note=_text(record, "note"))
                elif kind == DELETE_TYPE:
                    entries.pop(_text(record, "id").lower(), None)
                else:
                    history.unreadable += 1
            except (KeyError, ValueError, TypeError):
                history.unreadable += 1
        history.entries = sorted(entries.values(), key=TurnAround.sort_key)
        return history
