"""Journey ids and folders: which journal a day opens, rehearsals, and days set aside.

A profile has one journal per crossing day, ``HOME/journeys/<profile>/<journey-id>.jsonl``. The
id of the real day is its date (``2026-12-02``). A journey opened before the plan date is a
rehearsal with its own id, ``2026-12-02.rehearsal-2026-11-30`` (the plan date, then the day it
was practised), so the real day never resumes it. "Start this day over" and a rehearsal found
under the real day's id are set aside, renamed ``<id>.earlier-<n>``: nothing is deleted, and
every journal stays readable under its id.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, tzinfo
from enum import StrEnum
from pathlib import Path

from tui.core.storage import check_name

JOURNEYS_DIR = "journeys"
JOURNEY_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")
REHEARSAL_MARK = ".rehearsal-"
EARLIER_MARK = ".earlier-"


class DayKind(StrEnum):
    """How today stands to the plan date."""

    REHEARSAL = "rehearsal"
    """Before the plan date: a practice run."""
    REAL = "real"
    """The plan date (or no plan): the real day."""
    PAST = "past"
    """After the plan date: the plan slipped, or the day is over."""


def day_kind(plan_date: date | None, today: date) -> DayKind:
    """Rehearsal before ``plan_date``, real on it (or without a plan), past after it."""
    if plan_date is None or plan_date == today:
        return DayKind.REAL
    return DayKind.REHEARSAL if today < plan_date else DayKind.PAST


def journey_id_for(plan_date: date | None, today: date) -> str:
    """The journey id of a crossing day: the planned date, or today when there is no plan."""
    return (plan_date or today).isoformat()


def rehearsal_id(plan_date: date, today: date) -> str:
    """The id of a rehearsal of ``plan_date`` practised on ``today``."""
    return f"{plan_date.isoformat()}{REHEARSAL_MARK}{today.isoformat()}"


def is_rehearsal_id(journey_id: str) -> bool:
    """Whether ``journey_id`` names a rehearsal (also once set aside)."""
    return REHEARSAL_MARK in journey_id


def journey_words(journey_id: str) -> str:
    """A journey id in words: 'the day 2026-12-02', 'the rehearsal on 2026-11-30 of 2026-12-02',
    with ', set aside (2)' for a journal set aside."""
    base, _, earlier = journey_id.partition(EARLIER_MARK)
    planned, _, practised = base.partition(REHEARSAL_MARK)
    words = f"the rehearsal on {practised} of {planned}" if practised else f"the day {planned}"
    return words + (f", set aside ({earlier})" if earlier else "")


def today_in(now: datetime, zone: tzinfo | None) -> date:
    """Today's date at the plan's place (``zone``), or in the system's zone when unknown."""
    return (now.astimezone(zone) if zone is not None else now.astimezone()).date()


def journeys_folder(home: Path, profile: str) -> Path:
    """``HOME/journeys/<profile>`` (not created)."""
    return Path(home) / JOURNEYS_DIR / check_name(profile)


def journal_path(home: Path, profile: str, journey_id: str) -> Path:
    """``HOME/journeys/<profile>/<journey-id>.jsonl`` (not created)."""
    if not JOURNEY_ID.match(journey_id) or ".." in journey_id:
        raise ValueError(f"not a usable journey id: {journey_id!r}")
    return journeys_folder(home, profile) / f"{journey_id}.jsonl"


def list_journeys(home: Path, profile: str) -> list[str]:
    """The journey ids stored for ``profile``, oldest first."""
    folder = journeys_folder(home, profile)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.jsonl") if JOURNEY_ID.match(p.stem))


def set_aside(home: Path, profile: str, journey_id: str) -> str:
    """Rename the journal ``journey_id`` to the next free ``<id>.earlier-<n>`` (nothing deleted)
    and return the new id, so the day can start fresh. The rename is atomic; a journal that does
    not exist gives FileNotFoundError, a disk failure OSError."""
    path = journal_path(home, profile, journey_id)
    number = 1
    while True:
        new_id = f"{journey_id}{EARLIER_MARK}{number}"
        target = journal_path(home, profile, new_id)
        if not target.exists():
            break
        number += 1
    os.rename(path, target)
    return new_id
