"""The journey journal: every action of the day, one JSON line each, synced to disk at once.

File: ``HOME/journeys/<profile>/<journey-id>.jsonl`` (folders 0700, file 0600); the ids (the
crossing day, rehearsals, days set aside) are in ``tui.core.journeys``.

Each line is one record ``{"v": 1, "at": "<ISO datetime>", "type": "...", ...}``:

=================  ============================================================================
type               fields
=================  ============================================================================
journey_started    route, profile, journey
resumed            (the app was opened again on this journal)
stage_entered      stage
stage_left         stage
tick               stage, item, done (bool)
permit_field       field, value, how (``typed`` (the default) or ``confirmed``: it matches)
decision           stage, question, answer, findings (ids of the error findings standing),
                   unchecked (the permit fields not checked yet, when any)
exported           path
=================  ============================================================================

Replaying the lines in order gives the state (``replay``, pure, no I/O): the current stage, the
ticks, the permit fields, the time spent in each stage and the decisions. A line that is not a
JSON object (a power cut mid-write) is skipped and reported, never a crash; ``open_journal``
moves a torn *last* line aside to ``<journey-id>.jsonl.torn`` so it is reported once.

Appends are synchronous (``write`` + ``fsync``, well under a millisecond on most disks): a
journey record is tiny and must be on disk before the next keypress, so the UI calls
``Journal.record`` on its event loop on purpose.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tui.core.journal_state import (  # re-exported: the journal's records and state
    FORMAT_VERSION,
    GO_ON_QUESTION,
    LEAVE_QUESTION,
    PERMIT_FIELDS,
    PERMIT_HOW,
    Decision,
    JourneyState,
    SkippedLine,
    Visit,
    apply,
    make_record,
    replay,
)
from tui.core.journeys import JOURNEYS_DIR, journal_path, journey_id_for, journeys_folder, list_journeys
from tui.core.jsonl import append_bytes, append_fd, append_line, encode_record
from tui.core.storage import ensure_private_tree, open_private

__all__ = [
    "FORMAT_VERSION", "GO_ON_QUESTION", "LEAVE_QUESTION", "PERMIT_FIELDS", "PERMIT_HOW", "Decision", "JourneyState",
    "SkippedLine", "Visit", "apply", "make_record", "replay", "Journal", "open_journal",
    "journal_path", "journeys_folder", "journey_id_for", "list_journeys", "describe",
    "duration_words",
]

EXPORTS_DIR = "exports"
TORN_SUFFIX = ".torn"


# --- files ----------------------------------------------------------------------------------------


@dataclass
class Journal:
    """An open journal file and the state it holds; ``record`` appends and applies at once.

    The opener holds the file's advisory lock until ``close`` (or until the Journal is dropped):
    a second opener of the same day gets a ``read_only`` Journal that writes nothing.
    """

    path: Path
    state: JourneyState
    torn: SkippedLine | None = None
    """A torn last line found (and moved aside) when the journal was opened."""
    read_only: bool = False
    """True when another flagpole holds this journal: records are applied in memory only."""
    write_error: Exception | None = None
    """Why the last write failed (None once a write succeeds again)."""
    unsaved: list[dict[str, Any]] = field(default_factory=list)
    """Records applied on screen but not yet on disk (a failed write); the next write retries them."""
    on_write_error: Callable[[Exception], None] | None = field(default=None, repr=False)
    _fd: int | None = field(default=None, repr=False)
    _closer: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self._fd is not None:
            self._closer = weakref.finalize(self, os.close, self._fd)

    def record(self, kind: str, at: datetime, **data: Any) -> dict[str, Any]:
        """Apply one record and append it (written, flushed and fsynced before returning).

        A failed write (a full disk, a vanished folder) never raises: the record stays applied
        in memory, is kept in ``unsaved`` for the next write, ``write_error`` says why, and
        ``on_write_error`` is called. Read-only: applied in memory, nothing written."""
        rec = make_record(kind, at, **data)
        apply(self.state, rec)
        if not self.read_only:
            self.unsaved.append(rec)
            self.flush()
        return rec

    def flush(self) -> bool:
        """Write the records not yet on disk; True when none is left unsaved."""
        if self.read_only or not self.unsaved:
            return not self.unsaved
        if self._fd is None:
            self.report_failure(OSError(errno.EBADF, "the journal is closed"))
            return False
        try:
            append_line(self._fd, b"".join(encode_record(r) for r in self.unsaved))
        except OSError as exc:
            self.report_failure(exc)
            return False
        self.unsaved.clear()
        self.write_error = None
        return True

    def report_failure(self, exc: Exception) -> None:
        """Note a failed write (kept in ``write_error``) and tell ``on_write_error``."""
        self.write_error = exc
        if self.on_write_error is not None:
            self.on_write_error(exc)

    def close(self) -> None:
        """Release the file and its lock (records not yet written are tried once more); what
        is recorded after closing stays in memory only."""
        self.flush()
        if self._closer is not None:
            self._closer()
        self._fd = None
        self.read_only = True

    @property
    def problems(self) -> list[SkippedLine]:
        """Every line that could not be read: the torn last line, then any others."""
        return ([self.torn] if self.torn else []) + list(self.state.skipped)


def open_journal(home: Path, profile: str, journey_id: str) -> Journal:
    """Open (creating the folders, 0700) the journal of one crossing day and replay it.

    The journal's advisory lock is taken without waiting; when another flagpole holds it the
    Journal is ``read_only`` (read as it stands, nothing repaired or written). Holding the lock,
    a torn last line (no newline at the end and not a complete record) is appended to
    ``<file>.torn`` and cut from the journal (the size read again under the lock), so later
    appends start clean; it is returned in ``Journal.torn`` for the UI to report. A link in place
    of the file or a folder is refused (UnsafePath, its target untouched); OSError when the disk
    fails. Never raises on bad content.
    """
    path = journal_path(home, profile, journey_id)
    ensure_private_tree(Path(home), JOURNEYS_DIR, path.parent.name)
    fd = open_private(path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        try:
            raw = _read_fd(fd)
        finally:
            os.close(fd)
        return Journal(path=path, state=replay(raw.split(b"\n")), read_only=True)
    try:
        raw = _read_fd(fd)
        torn: SkippedLine | None = None
        if raw and not raw.endswith(b"\n"):
            cut = raw.rfind(b"\n") + 1
            tail = raw[cut:]
            if _complete(tail):
                append_fd(fd, b"\n")
                raw += b"\n"
            else:
                line_number = raw[:cut].count(b"\n") + 1
                append_bytes(path.with_name(path.name + TORN_SUFFIX), tail + b"\n")
                os.ftruncate(fd, cut)
                os.fsync(fd)
                torn = SkippedLine(line_number, "incomplete last line", tail.decode("utf-8", "replace")[:80])
                raw = raw[:cut]
    except BaseException:
        os.close(fd)
        raise
    state = replay(raw.split(b"\n"))
    return Journal(path=path, state=state, torn=torn, _fd=fd)


def _read_fd(fd: int) -> bytes:
    """The whole file behind ``fd``, read from the start at its current size."""
    size = os.fstat(fd).st_size
    chunks, offset = [], 0
    while offset < size:
        chunk = os.pread(fd, size - offset, offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _complete(tail: bytes) -> bool:
    try:
        record = json.loads(tail.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(record, dict) and "type" in record


# --- words ----------------------------------------------------------------------------------------


def duration_words(delta: timedelta) -> str:
    """'0 min', '12 min', '1 h 05 min' (rounded down to the minute)."""
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


def describe(
    record: Mapping[str, Any],
    titles: Mapping[str, str],
    items: Mapping[tuple[str, str], str] | None = None,
    *,
    words: Mapping[str, str] | None = None,
) -> str:
    """One record in plain words, for the log screen and the Markdown export; ``words`` names
    findings (id → message) where a record lists them by id."""
    kind = record.get("type")
    stage = titles.get(str(record.get("stage")), str(record.get("stage")))
    if kind == "journey_started":
        what = "Rehearsal (nothing goes into the border history)" if record.get("rehearsal") else "Journey"
        return f"{what} started (profile {record.get('profile')}, day {record.get('journey')})"
    if kind == "resumed":
        return "App opened again; journey resumed"
    if kind == "stage_entered":
        return f"Entered: {stage}"
    if kind == "stage_left":
        return f"Left: {stage}"
    if kind == "tick":
        item = (items or {}).get((str(record.get("stage")), str(record.get("item"))), str(record.get("item")))
        mark = "[x] done" if record.get("done") else "[ ] not done"
        return f"{mark}: {item} ({stage})"
    if kind == "permit_field":
        label = dict(PERMIT_FIELDS).get(str(record.get("field")), str(record.get("field")))
        if record.get("how") == "confirmed":
            return f"Permit field {label}: confirmed it matches {record.get('value')!r}"
        return f"Permit field {label}: typed {record.get('value')!r}"
    if kind == "decision":
        if record.get("question") == GO_ON_QUESTION:
            answer = "went on anyway" if record.get("answer") == "go_on" else "stayed to read the verdict"
            standing = "; ".join((words or {}).get(str(f), str(f)) for f in record.get("findings", ())) or "none"
            return f"Not eligible: go on anyway? {answer} ({standing})"
        if record.get("question") == LEAVE_QUESTION:
            answer = "LEFT without a correction" if record.get("answer") == "leave" else "stayed to ask for a correction"
            standing = "; ".join((words or {}).get(str(f), str(f)) for f in record.get("findings", ())) or "none"
            unchecked = record.get("unchecked") or ()
            if unchecked:
                names = ", ".join(dict(PERMIT_FIELDS).get(str(k), str(k)) for k in unchecked)
                standing += f"; fields not checked: {names}"
            return f"Leave without a correction? {answer} (errors standing: {standing})"
        return f"Decision {record.get('question')}: {record.get('answer')}"
    if kind == "exported":
        return f"Log exported to {record.get('path')}"
    if kind == "history_recorded":
        return f"US turn-around recorded in the border history ({record.get('day')}, {record.get('crossing')})"
    if kind == "history_skipped":
        return "Rehearsal: the US turn-around was not written to the border history"
    return f"{kind}"
