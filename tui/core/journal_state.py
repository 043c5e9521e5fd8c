"""The journey journal's state: what replaying its records gives (pure, no I/O).

``replay`` turns a journal's lines into a ``JourneyState``; ``apply`` applies one record;
``make_record`` builds one. The file handling lives in ``tui.core.journal``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tui.core.date_range import require_in_range
from tui.core.jsonl import parse_lines

FORMAT_VERSION = 1

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

PERMIT_HOW = ("typed", "confirmed")
"""How a permit field was checked: the person typed what is printed, or confirmed that the
printed text matches what it should say (the expected value is then recorded as the value)."""

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
    unchecked: tuple[str, ...] = ()
    """The permit fields not checked yet when the question was answered."""


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
    """The permit fields checked so far: field key → the value typed or confirmed. A field
    typed back to blank is not checked any more and is not in here."""
    permit_how: dict[str, str] = field(default_factory=dict)
    """Field key → ``typed`` or ``confirmed``, for the fields in ``permit_fields``."""
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
        key, how = str(record["field"]), str(record.get("how") or "typed")
        if how not in PERMIT_HOW:
            raise ValueError(f"'how' is not one of {', '.join(PERMIT_HOW)}")
        if how == "typed" and not value:
            state.permit_fields.pop(key, None)
            state.permit_how.pop(key, None)
        else:
            state.permit_fields[key] = value
            state.permit_how[key] = how
    elif kind == "decision":
        state.decisions.append(
            Decision(
                at=at,
                stage=str(record["stage"]),
                question=str(record["question"]),
                answer=str(record["answer"]),
                findings=tuple(str(f) for f in record.get("findings", ())),
                unchecked=tuple(str(f) for f in record.get("unchecked", ())),
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

