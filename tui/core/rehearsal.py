"""Rehearsal and the real day: which journal a profile opens today, starting a day over, and
moving a plan that slipped to today.

Opened before the plan date (the date at the planned place, else on the machine's clock) the
journey is a rehearsal under its own id: it never writes the border history, and the real day
never resumes it. On the plan date a journal that was started before it (a rehearsal from before
rehearsals had their own id) is set aside and the day starts fresh. After the plan date the day's
journal opens as it stands (a finished journey stays readable) and, unless it reached its last
stage, the app asks whether today is the day. Plain Python; blocking file work (use a worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.journal import Journal, open_journal
from tui.core.journeys import (
    DayKind,
    day_kind,
    is_rehearsal_id,
    journal_path,
    journey_id_for,
    rehearsal_id,
    set_aside,
    today_in,
)
from tui.core.plan_zone import plan_zone

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.profile import Profile
    from tui.core.storage import ProfileStore

REHEARSAL_BANNER = (
    "Rehearsal: your plan is for {plan}. Nothing you do today goes into your border history, "
    "and on {plan} the real day starts fresh (this rehearsal stays in its own log)."
)
"""The journey screen's banner for a rehearsal."""


@dataclass(frozen=True)
class Day:
    """The journal chosen for today and how today stands to the plan."""

    journey_id: str
    kind: DayKind
    today: date
    """Today at the planned place (the machine's zone when unknown)."""
    plan_date: date | None
    zone: tzinfo | None = None
    """The planned place's zone (None: the machine's)."""

    @property
    def rehearsal(self) -> bool:
        """True for a practice run before the plan date."""
        return self.kind is DayKind.REHEARSAL


def choose_day(profile: Profile, now: datetime, data_dir: Path | None, journey_id: str | None = None) -> Day:
    """The journey id to open ``now``: the rehearsal of the plan date before it, the plan date
    on and after it (today without a plan); ``journey_id`` when given (a rehearsal when it
    names one)."""
    plan_date = profile.plan.date if profile.plan else None
    zone: tzinfo | None = plan_zone(profile.plan, data_dir)
    today = today_in(now, zone)
    if journey_id is not None:  # a day asked for by its id: nothing is asked or set aside
        kind = DayKind.REHEARSAL if is_rehearsal_id(journey_id) else DayKind.REAL
        return Day(journey_id, kind, today, plan_date, zone)
    kind = day_kind(plan_date, today)
    if kind is DayKind.REHEARSAL:
        assert plan_date is not None
        return Day(rehearsal_id(plan_date, today), kind, today, plan_date, zone)
    return Day(journey_id_for(plan_date, today), kind, today, plan_date, zone)


def open_day(home: Path, profile_name: str, day: Day) -> tuple[Journal, str | None]:
    """Open the journal of ``day``; on the real day, a journal started before the plan date (an
    old rehearsal) is set aside first and a fresh one opened. Returns the journal and the id the
    old one was set aside under (None when nothing was)."""
    journal = open_journal(home, profile_name, day.journey_id)
    started = journal.state.started
    if (
        day.kind is DayKind.REAL
        and day.plan_date is not None
        and started is not None
        and not journal.read_only
        and today_in(started, day.zone) < day.plan_date
    ):
        set_aside_id = set_aside(home, profile_name, day.journey_id)  # renamed under the lock
        journal.close()
        return open_journal(home, profile_name, day.journey_id), set_aside_id
    return journal, None


def finished(journal: Journal, last_stage: str) -> bool:
    """Whether the journey reached its last stage."""
    return journal.state.visited(last_stage)


def start_over(home: Path, profile_name: str, journal: Journal) -> tuple[Journal, str]:
    """Set the journal aside (renamed, kept) and open a fresh one under the same id; returns it
    and the id the old one is kept under. OSError when the disk fails (the old journal is then
    left as it was)."""
    journey_id = journal.path.stem
    kept_as = set_aside(home, profile_name, journey_id)
    journal.close()
    return open_journal(home, profile_name, journey_id), kept_as


def move_plan_to_today(store: ProfileStore, profile_name: str, today: date, journal: Journal, untouched: bool) -> None:
    """Move the stored profile's plan date to ``today`` (the previous version of the profile is
    kept). A journal this opening created and nothing was done in (``untouched``) is removed,
    so the slipped date keeps no empty day. FlagpoleError/OSError when the profile cannot be
    read or saved."""
    from tui.core.profile_io import load_stored, save_stored

    profile = load_stored(store, profile_name)
    if profile.plan is None:
        return
    profile.plan.date = today
    save_stored(store, profile_name, profile)
    if untouched and not journal.read_only:
        path = journal_path(store.home, profile_name, journal.path.stem)
        journal.close()
        path.unlink(missing_ok=True)
