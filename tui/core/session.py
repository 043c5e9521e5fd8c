"""One person's crossing day: the profile, the stages for their programme, and the journal.

``Session.open`` (blocking: call it from a worker thread) reads the stored profile and the journey
data and opens the day's journal, resuming where it stopped. Every change goes through a method
that records it in the journal first (``go_to``, ``tick``, ``set_permit_field``, ``decide_leave``,
``exported``), so what is on screen is always what a restart would show. The rules' verdict
(``tui.core.verdict``) is attached later with ``attach_verdict``. No UI imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core import rehearsal as days
from tui.core.clock import Clock
from tui.core.journal import GO_ON_QUESTION, LEAVE_QUESTION, PERMIT_FIELDS, Journal, JourneyState, SkippedLine
from tui.core.journeys import DayKind

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.findings import Finding
    from tui.core.journal_export import ExportContext
    from tui.core.journey import ChecklistItem, Fact, JourneyData, Route, Sentence, Stage
    from tui.core.profile import Profile
    from tui.core.storage import ProfileStore
    from tui.core.verdict import PermitCheck, Verdict


@dataclass
class Session:
    """A profile's journey through the stages of one crossing day."""

    profile_name: str
    profile: Profile
    data: JourneyData
    route: Route
    journal: Journal
    journey_id: str
    home: Path
    clock: Clock
    data_dir: Path | None = None
    verdict: Verdict | None = None
    resumed: bool = False
    """True when the journal already held records when it was opened."""
    day: days.Day | None = None
    """How today stands to the plan date (``tui.core.rehearsal``)."""
    set_aside_as: str | None = None
    """The id an earlier journal of this day was set aside under at opening (an old rehearsal)."""
    _permit_check: PermitCheck | None = field(default=None, repr=False)

    @classmethod
    def open(
        cls,
        store: ProfileStore,
        profile_name: str,
        clock: Clock,
        *,
        data_dir: Path | None = None,
        route_id: str | None = None,
        journey_id: str | None = None,
    ) -> Session:
        """Load the stored profile and the journey data, and open (or start) the day's journal.

        The journey id is the planned crossing date (today's date without a plan), so
        restarting on the same profile resumes the same day. The route is ``route_id`` when
        given; else a resumed journey keeps the route it started on (its ``journey_started``
        record), and a new one takes the profile's ``plan.route`` (flagpole without a plan).
        Blocking: use a worker thread.
        Raises FlagpoleError/InvalidFileError for a missing or invalid profile or data file.
        """
        from tui.core.journey import load_journey
        from tui.core.profile_io import view_stored

        profile = view_stored(store, profile_name)  # read-only: edits go through load_stored
        data = load_journey(Path(data_dir) / "journey.toml" if data_dir else None)
        now = clock()
        day = days.choose_day(profile, now, Path(data_dir) if data_dir else None, journey_id)
        journal, set_aside_as = days.open_day(store.home, profile_name, day)
        journey_id = day.journey_id
        route = data.route(_route_id(route_id, journal.state.route, profile, data))
        session = cls(
            profile_name=profile_name,
            profile=profile,
            data=data,
            route=route,
            journal=journal,
            journey_id=journey_id,
            home=store.home,
            clock=clock,
            data_dir=Path(data_dir) if data_dir else None,
            resumed=not journal.state.is_new,
            day=day,
            set_aside_as=set_aside_as,
        )
        session._begin(now)
        return session

    def _begin(self, now: datetime) -> None:
        """Record the start (a rehearsal says so) or the resumption, and enter the first stage."""
        journal, state = self.journal, self.journal.state
        if state.is_new:
            mark = {"rehearsal": True} if self.rehearsal else {}
            journal.record("journey_started", now, route=self.route.id, profile=self.profile_name,
                           journey=self.journey_id, **mark)
        else:
            journal.record("resumed", now)
        if state.current_stage not in self.route.stage_ids:
            journal.record("stage_entered", now, stage=self.route.stages[0].id)

    # --- rehearsal and the real day ------------------------------------------------------------

    @property
    def rehearsal(self) -> bool:
        """True for a journey opened before the plan date: it never writes the border history."""
        return self.day is not None and self.day.rehearsal

    @property
    def banner(self) -> str | None:
        """The line the journey screen shows above the stages (a rehearsal), or None."""
        if not self.rehearsal or self.day is None or self.day.plan_date is None:
            return None
        return days.REHEARSAL_BANNER.format(plan=self.day.plan_date.isoformat())

    @property
    def plan_passed(self) -> bool:
        """True when the plan date is past and this day's journey did not reach its last stage:
        the app asks whether today is the day."""
        return (
            self.day is not None
            and self.day.kind is DayKind.PAST
            and not days.finished(self.journal, self.route.stages[-1].id)
        )

    def start_over(self) -> str:
        """Start this day over: the journal is set aside (kept, readable under the id returned)
        and a fresh one starts at the first stage, on the profile's planned route. Blocking;
        OSError when the disk fails, PermissionError when another flagpole has the day open."""
        if self.read_only:
            raise PermissionError("another flagpole window has this day open")
        journal, kept_as = days.start_over(self.home, self.profile_name, self.journal)
        journal.on_write_error = self.journal.on_write_error
        self.journal = journal
        self.route = self.data.route(_route_id(None, None, self.profile, self.data))
        self.resumed = False
        self._permit_check = None
        self._begin(self.now())
        return kept_as

    def move_plan_to_today(self, store: ProfileStore) -> None:
        """Move the profile's plan date to today (the previous profile version kept); a journal
        for the old date that this opening created and nothing was done in is removed. Reopen
        the session afterwards. Blocking; FlagpoleError/OSError when the profile cannot be saved."""
        if self.day is None:
            return
        untouched = not self.resumed and {r.get("type") for r in self.state.records} <= {
            "journey_started", "stage_entered"
        }
        days.move_plan_to_today(store, self.profile_name, self.day.today, self.journal, untouched)

    # --- state ---------------------------------------------------------------------------------

    @property
    def route_differs_from_plan(self) -> bool:
        """True when the profile's ``plan.route`` now names another route than the one this
        (resumed) journey is on: starting the day over switches to it."""
        return self.profile.route.value != self.route.id

    @property
    def state(self) -> JourneyState:
        """The journal's replayed state."""
        return self.journal.state

    @property
    def read_only(self) -> bool:
        """True when another flagpole has this day open: nothing here is written to disk."""
        return self.journal.read_only

    def close(self) -> None:
        """Release the journal (and its lock) so another window or a restart can write it."""
        self.journal.close()

    @property
    def problems(self) -> list[SkippedLine]:
        """Journal lines that could not be read when it was opened."""
        return self.journal.problems

    @property
    def program(self) -> str:
        """The profile's programme id."""
        return self.profile.application.program.value

    @property
    def current(self) -> Stage:
        """The stage the person is in."""
        return self.route.stage(self.state.current_stage or self.route.stages[0].id)

    def now(self) -> datetime:
        """The injected clock's now."""
        return self.clock()

    def time_in(self, stage_id: str) -> timedelta:
        """Time spent in a stage so far."""
        return self.state.time_in(stage_id, self.now())

    # --- what the stage shows, for this programme and situation ---------------------------

    @property
    def tags(self) -> frozenset[str]:
        """The person's situation tags (``tui.core.situation``), read from the profile."""
        from tui.core.situation import situation_tags

        return situation_tags(self.profile)

    def expect(self, stage: Stage) -> list[Fact]:
        """What to expect at ``stage``."""
        return self.data.expect(stage, self.program, self.tags)

    def say(self, stage: Stage) -> list[Sentence]:
        """What to say at ``stage``."""
        return self.data.say(stage, self.program, self.tags)

    def documents(self, stage: Stage) -> list[Fact]:
        """The documents at ``stage``, in order."""
        return self.data.documents(self.route, stage, self.program, self.tags)

    def checklist(self, stage: Stage) -> list[ChecklistItem]:
        """The checklist of ``stage``."""
        return self.data.checklist(stage, self.program, self.tags)

    def fix_steps(self) -> list[Fact]:
        """The steps to have a permit fixed after leaving."""
        return self.data.fix_steps(self.route, self.program, self.tags)

    # --- actions (each recorded first) ------------------------------------------------------

    def go_to(self, stage_id: str) -> None:
        """Leave the current stage and enter ``stage_id`` (no-op when already there)."""
        self.route.stage(stage_id)  # KeyError for an unknown stage
        current = self.state.current_stage
        if current == stage_id:
            return
        now = self.now()
        if current is not None:
            self.journal.record("stage_left", now, stage=current)
            if self._leaving_history_stage(current, stage_id):
                self.record_turn_around()
        self.journal.record("stage_entered", now, stage=stage_id)

    def _leaving_history_stage(self, current: str, going_to: str) -> bool:
        """Leaving the route's history stage forward, with a turn-around still to record. Only
        where the US side refuses the person (something to hand over applies): a US citizen
        is admitted, so nothing goes into their border history."""
        history_stage = self.route.history_stage
        return (
            history_stage == current
            and self.route.index(going_to) > self.route.index(current)
            and not self.turn_around_recorded
            and self.data.hands_over(self.route, self.program, self.tags)
        )

    @property
    def turn_around_recorded(self) -> bool:
        """True once this journey's US turn-around is in the border history."""
        return any(r.get("type") == "history_recorded" for r in self.state.records)

    def handed_over(self) -> list[str]:
        """What the ticked checklist items say the US side handed over, in stage order."""
        found: list[str] = []
        for stage in self.route.stages:
            for item in self.checklist(stage):
                if item.handed_over and self.state.ticked(stage.id, item.id):
                    found.append(item.handed_over)
        return found

    def record_turn_around(self) -> None:
        """Add today's US turn-around (date, crossing, what was handed over) to the border
        history, which outlives the profile, and note in the journal that it was recorded."""
        from tui.core.errors import FlagpoleError
        from tui.core.history import BorderHistory, TurnAround

        now = self.now()
        crossing_id = self.profile.plan.crossing if self.profile.plan else ""
        crossing = self.verdict.crossing if self.verdict is not None else None
        local = self.verdict.local_now(now) if self.verdict is not None and crossing else now
        entry = TurnAround(
            day=local.date(),
            crossing_id=crossing_id or "unknown",
            crossing_name=crossing.name if crossing is not None else (crossing_id or "unknown crossing"),
            handed_over=tuple(self.handed_over()),
            profile=self.profile_name,
            recorded_at=now,
        )
        if self.read_only:
            return
        if self.rehearsal:  # a practice run is not a turn-around: said once in the log
            if not any(r.get("type") == "history_skipped" for r in self.state.records):
                self.journal.record("history_skipped", now, reason="rehearsal")
            return
        try:
            BorderHistory(self.home).record(entry)
        except (OSError, FlagpoleError) as exc:  # the next step forward tries again
            self.journal.report_failure(exc)
            return
        self.journal.record("history_recorded", now, day=entry.day.isoformat(), crossing=entry.crossing_id)

    def tick(self, stage_id: str, item_id: str, done: bool) -> None:
        """Tick (or untick) a checklist item."""
        if self.state.ticked(stage_id, item_id) == done:
            return
        self.journal.record("tick", self.now(), stage=stage_id, item=item_id, done=done)

    def set_permit_field(self, key: str, value: str) -> None:
        """Record what the person typed into a permit field (only when it changed). Typed
        back to blank, the field is not checked any more."""
        if key not in dict(PERMIT_FIELDS):
            raise KeyError(key)
        state = self.state
        now_shown = (state.permit_fields.get(key), state.permit_how.get(key))
        if now_shown == ((value, "typed") if value else (None, None)):
            return
        self.journal.record("permit_field", self.now(), field=key, value=value, how="typed")
        self._permit_check = None

    def confirm_permit_field(self, key: str) -> str:
        """Record that the printed ``key`` matches what it should say, and return that value
        (what the form then shows). Without the verdict yet, nothing is recorded and "" is
        returned: what it should say is not known."""
        if key not in dict(PERMIT_FIELDS):
            raise KeyError(key)
        if self.verdict is None:
            return ""
        value = self.verdict.expected_values(self.profile).get(key, "")
        state = self.state
        if state.permit_how.get(key) != "confirmed" or state.permit_fields.get(key) != value:
            self.journal.record("permit_field", self.now(), field=key, value=value, how="confirmed")
            self._permit_check = None
        return value

    def decide_leave(self, leave: bool, standing: Sequence[str], unchecked: Sequence[str] = ()) -> None:
        """Record the answer to "Leave without a correction?", the errors standing and the
        permit fields not checked yet."""
        extra = {"unchecked": list(unchecked)} if unchecked else {}
        self.journal.record(
            "decision",
            self.now(),
            stage=self.current.id,
            question=LEAVE_QUESTION,
            answer="leave" if leave else "stay",
            findings=list(standing),
            **extra,
        )

    def decide_go_on(self, go_on: bool, standing: Sequence[str]) -> None:
        """Record the answer to "Go on anyway?" (asked when leaving the readiness stage with a
        NOT ELIGIBLE verdict) and the eligibility errors that stood."""
        self.journal.record(
            "decision",
            self.now(),
            stage=self.current.id,
            question=GO_ON_QUESTION,
            answer="go_on" if go_on else "stay",
            findings=list(standing),
        )

    def exported(self, path: Path) -> None:
        """Record that the log was exported to ``path``."""
        self.journal.record("exported", self.now(), path=str(path))

    # --- the verdict and the permit ----------------------------------------------------------

    def attach_verdict(self, verdict: Verdict) -> None:
        """Attach the rules' verdict (computed in a worker)."""
        self.verdict = verdict
        self._permit_check = None

    def permit_values(self) -> dict[str, str]:
        """The permit fields checked so far (typed or confirmed): field key → value. A field
        not checked yet is absent: nothing is prefilled as if it matched."""
        return dict(self.state.permit_fields)

    def permit_how(self) -> dict[str, str]:
        """Field key → ``typed`` or ``confirmed``, for the fields checked so far."""
        return dict(self.state.permit_how)

    def permit_expected(self) -> dict[str, str]:
        """What each printed field should say (empty until the verdict is attached)."""
        return self.verdict.expected_values(self.profile) if self.verdict is not None else {}

    def permit_unchecked(self) -> list[str]:
        """The permit field keys not checked yet, in form order (none when the programme
        issues no permit)."""
        if not self.issues_permit:
            return []
        return [key for key, _ in PERMIT_FIELDS if key not in self.state.permit_how]

    @property
    def issues_permit(self) -> bool:
        """Whether the programme issues a work permit (PR landing does not)."""
        return self.profile.application.program.permit_kind is not None

    def permit_check(self) -> PermitCheck | None:
        """The permit form checked by the rules (None until the verdict is attached, and for a
        programme that issues no permit)."""
        if self.verdict is None or not self.issues_permit:
            return None
        if self._permit_check is None:
            values = self.permit_values()
            self._permit_check = self.verdict.check_permit(self.profile, values, checked=values.keys())
        return self._permit_check

    def permit_errors(self) -> list[Finding]:
        """The error-level findings on the permit as it stands."""
        check = self.permit_check()
        return list(check.errors) if check else []

    # --- export ------------------------------------------------------------------------------

    def export_target(self) -> Path:
        """Where the Markdown log goes: ``HOME/exports/<profile>-<journey>.md``."""
        from tui.core.journal_export import export_path

        return export_path(self.home, self.profile_name, self.journey_id)

    def export_context(self) -> ExportContext:
        """Everything the Markdown log needs besides the journal state (``session_export``)."""
        from tui.core.session_export import export_context

        return export_context(self)


def _route_id(override: str | None, recorded: str | None, profile: Profile, data: JourneyData) -> str:
    """The route of the day: the override, else the route a resumed journal started on (when the
    data still has it), else the profile's ``plan.route``."""
    if override is not None:
        return override
    known = {route.id for route in data.routes}
    if recorded is not None and recorded in known:
        return recorded
    return profile.route.value
