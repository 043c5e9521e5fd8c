"""The journey journal: every action of the day, one JSON line each, synced to disk at once.

File: ``HOME/journeys/<profile>/<journey-id>.jsonl`` (folders 0700, file 0600); the journey id
is the crossing day (``2026-12-02``), so a profile has one journal per crossing day.

Each line is one record ``{"v": 1, "at": "<ISO datetime>", "type": "...", ...}``:

=================  ============================================================================
type               fields
=================  ============================================================================
journey_started    route, profile, journey
resumed            (the app was opened again on this journal)
stage_entered      stage
stage_left         stage
tick               stage, item, done (bool)
permit_field       field, value (text as typed)
decision           stage, question, answer, findings (ids of the error findings standing)
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
import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.core.fields import require_in_range
from tui.core.jsonl import append_bytes, append_fd, append_line, encode_record, parse_lines
from tui.core.storage import check_name, ensure_private_tree, open_private

FORMAT_VERSION = 1
JOURNEYS_DIR = "journeys"
EXPORTS_DIR = "exports"
TORN_SUFFIX = ".torn"
_JOURNEY_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")

PERMIT_FIELDS: tuple[tuple[str, str], ...] = (
    ("surname", "Surname"),
    ("given_names", "Given names"),
    ("date_of_birth", "Date of birth"),
    ("citizenship", "Citizenship"),
    ("expires", "Expiry"),
    ("kind", "Kind"),
    ("employer", "Employer"),
    ("conditions", "Conditions"),
)
"""The printed fields of a permit, in form order: (key, label)."""

LEAVE_QUESTION = "leave_without_correction"
"""The question asked when leaving the permit review with an error standing."""

GO_ON_QUESTION = "go_on_not_eligible"
"""The question asked when leaving "Before you go" forward with a NOT ELIGIBLE verdict."""


# --- state ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkippedLine:
    """A journal line that could not be read."""

    number: int
    reason: str
    text: str


@dataclass
class Visit:
    """One stay in a stage: entered, and left (None while still there)."""

    entered: datetime
    left: datetime | None = None


@dataclass(frozen=True)
class Decision:
    """An answer the person gave, with what stood at the time."""

    at: datetime
    stage: str
    question: str
    answer: str
    findings: tuple[str, ...] = ()


@dataclass
class JourneyState:
    """What replaying a journal gives."""

    route: str | None = None
    profile: str | None = None
    journey: str | None = None
    started: datetime | None = None
    current_stage: str | None = None
    visits: dict[str, list[Visit]] = field(default_factory=dict)
    ticks: dict[str, set[str]] = field(default_factory=dict)
    permit_fields: dict[str, str] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        """True when nothing has been recorded yet."""
        return not self.records

    def ticked(self, stage: str, item: str) -> bool:
        """Whether checklist ``item`` of ``stage`` is ticked."""
        return item in self.ticks.get(stage, set())

    def time_in(self, stage: str, now: datetime) -> timedelta:
        """Total time spent in ``stage``; a visit still open counts up to ``now``."""
        total = timedelta()
        for visit in self.visits.get(stage, []):
            end = visit.left or now
            if end > visit.entered:
                total += end - visit.entered
        return total

    def first_entered(self, stage: str) -> datetime | None:
        """When ``stage`` was first entered, or None."""
        visits = self.visits.get(stage)
        return visits[0].entered if visits else None

    def last_left(self, stage: str) -> datetime | None:
        """When ``stage`` was last left, or None (never left, or still there)."""
        visits = self.visits.get(stage)
        return visits[-1].left if visits else None

    def visited(self, stage: str) -> bool:
        """Whether ``stage`` was ever entered."""
        return bool(self.visits.get(stage))

    def last_decision(self, question: str) -> Decision | None:
        """The latest answer to ``question``, or None."""
        for decision in reversed(self.decisions):
            if decision.question == question:
                return decision
        return None

    @property
    def left_with_errors(self) -> tuple[str, ...]:
        """The error ids standing when the person last chose to leave the permit review."""
        decision = self.last_decision(LEAVE_QUESTION)
        if decision is None or decision.answer != "leave":
            return ()
        return decision.findings


def _parse_time(value: Any) -> datetime:
    """A record's ``at``: an ISO date-time with its offset, in the years the app handles."""
    if not isinstance(value, str):
        raise ValueError("no 'at' time")
    moment = require_in_range(datetime.fromisoformat(value), "'at'")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("'at' has no UTC offset")
    return moment


def apply(state: JourneyState, record: Mapping[str, Any]) -> None:
    """Apply one record to ``state`` (unknown types are kept in ``records`` and otherwise ignored).

    Raises ValueError/KeyError/TypeError when a known record lacks its fields.
    """
    kind = record["type"]
    at = _parse_time(record.get("at"))
    if kind == "journey_started":
        state.route = str(record.get("route") or "") or None
        state.profile = str(record.get("profile") or "") or None
        state.journey = str(record.get("journey") or "") or None
        state.started = state.started or at
    elif kind == "stage_entered":
        stage = str(record["stage"])
        if state.current_stage and state.current_stage != stage:
            _close_visit(state, state.current_stage, at)
        visits = state.visits.setdefault(stage, [])
        if not visits or visits[-1].left is not None:
            visits.append(Visit(entered=at))
        state.current_stage = stage
        state.started = state.started or at
    elif kind == "stage_left":
        _close_visit(state, str(record["stage"]), at)
    elif kind == "tick":
        stage, item = str(record["stage"]), str(record["item"])
        done = record["done"]
        if not isinstance(done, bool):
            raise TypeError("'done' is not true/false")
        ticks = state.ticks.setdefault(stage, set())
        if done:
            ticks.add(item)
        else:
            ticks.discard(item)
    elif kind == "permit_field":
        value = record["value"]
        if not isinstance(value, str):
            raise TypeError("'value' is not text")
        state.permit_fields[str(record["field"])] = value
    elif kind == "decision":
        state.decisions.append(
            Decision(
                at=at,
                stage=str(record["stage"]),
                question=str(record["question"]),
                answer=str(record["answer"]),
                findings=tuple(str(f) for f in record.get("findings", ())),
            )
        )
    elif kind == "exported":
        state.exports.append(str(record["path"]))
    state.records.append(dict(record))


def _close_visit(state: JourneyState, stage: str, at: datetime) -> None:
    visits = state.visits.get(stage)
    if visits and visits[-1].left is None:
        visits[-1].left = at


def replay(lines: Iterable[str | bytes]) -> JourneyState:
    """The state a journal's lines describe. Pure: no clock, no files.

    Blank lines are ignored; a line that is not a JSON object, or a record missing its fields,
    is skipped and listed in ``state.skipped`` (line number, reason, the text cut to 80 chars).
    """
    state = JourneyState()
    for line in parse_lines(lines):
        if line.problem:
            state.skipped.append(SkippedLine(line.number, line.problem, line.text[:80]))
            continue
        record = line.value
        if not isinstance(record, dict) or "type" not in record:
            state.skipped.append(SkippedLine(line.number, "not a journal record", line.text[:80]))
            continue
        try:
            apply(state, record)
        except (KeyError, ValueError, TypeError) as exc:
            state.skipped.append(SkippedLine(line.number, f"malformed record ({exc})", line.text[:80]))
    return state


def make_record(kind: str, at: datetime, **data: Any) -> dict[str, Any]:
    """A journal record: version, time (ISO, with its offset), type, then the fields."""
    return {"v": FORMAT_VERSION, "at": at.isoformat(timespec="seconds"), "type": kind, **data}


# --- files ----------------------------------------------------------------------------------------


def journey_id_for(plan_date: date | None, today: date) -> str:
    """The journey id of a crossing day: the planned date, or today when there is no plan."""
    return (plan_date or today).isoformat()


def journeys_folder(home: Path, profile: str) -> Path:
    """``HOME/journeys/<profile>`` (not created)."""
    return Path(home) / JOURNEYS_DIR / check_name(profile)


def journal_path(home: Path, profile: str, journey_id: str) -> Path:
    """``HOME/journeys/<profile>/<journey-id>.jsonl`` (not created)."""
    if not _JOURNEY_ID.match(journey_id) or ".." in journey_id:
        raise ValueError(f"not a usable journey id: {journey_id!r}")
    return journeys_folder(home, profile) / f"{journey_id}.jsonl"


def list_journeys(home: Path, profile: str) -> list[str]:
    """The journey ids stored for ``profile``, oldest first."""
    folder = journeys_folder(home, profile)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.jsonl") if _JOURNEY_ID.match(p.stem))


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


def describe(record: Mapping[str, Any], titles: Mapping[str, str], items: Mapping[tuple[str, str], str] | None = None) -> str:
    """One record in plain words, for the log screen and the Markdown export."""
    kind = record.get("type")
    stage = titles.get(str(record.get("stage")), str(record.get("stage")))
    if kind == "journey_started":
        return f"Journey started (profile {record.get('profile')}, day {record.get('journey')})"
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
        return f"Permit field {label}: {record.get('value')!r}"
    if kind == "decision":
        if record.get("question") == LEAVE_QUESTION:
            answer = "LEFT without a correction" if record.get("answer") == "leave" else "stayed to ask for a correction"
            standing = ", ".join(record.get("findings", ())) or "none"
            return f"Leave without a correction? {answer} (errors standing: {standing})"
        if record.get("question") == GO_ON_QUESTION:
            answer = "went on anyway" if record.get("answer") == "go_on" else "stayed to read the verdict"
            standing = ", ".join(record.get("findings", ())) or "none"
            return f"Not eligible: go on anyway? {answer} ({standing})"
        return f"Decision {record.get('question')}: {record.get('answer')}"
    if kind == "exported":
        return f"Log exported to {record.get('path')}"
    if kind == "history_recorded":
        return f"US turn-around recorded in the border history ({record.get('day')}, {record.get('crossing')})"
    return f"{kind}"
