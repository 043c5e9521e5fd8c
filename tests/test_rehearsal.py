"""Rehearsal and the real day: a journey before the plan date is a rehearsal (its own journal, no
border history), the plan date starts fresh, a slipped plan moves to today, a day starts over."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tui.core.clock import fixed_clock
from tui.core.history import BorderHistory
from tui.core.journal import describe, journal_path, list_journeys, open_journal
from tui.core.journeys import DayKind, day_kind, journey_words
from tui.core.profile_io import load_stored, read_profile, save_stored
from tui.core.session import Session
from tui.core.storage import ProfileStore
from tui.core.verdict import Verdict

from .harness import TEST_DATA, TEST_PROFILES

PLAN_DAY = datetime(2026, 12, 2, 18, 5, tzinfo=UTC)  # 10:05 at Boundary Bay, the plan date
EVENING_BEFORE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # 19:00 on 12-01 at Boundary Bay
TWO_DAYS_LATE = datetime(2026, 12, 4, 18, 5, tzinfo=UTC)


@pytest.fixture
def store(tmp_path) -> ProfileStore:
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    return store


def open_at(store: ProfileStore, moment: datetime) -> Session:
    session = Session.open(store, "demo", fixed_clock(moment), data_dir=TEST_DATA)
    session.attach_verdict(Verdict.build(session.profile, moment, TEST_DATA))
    return session


def walk_past_the_us_office(session: Session) -> None:
    session.go_to("us_booth")
    session.tick("us_booth", "referral_slip", True)
    session.go_to("us_office")
    session.go_to("cbsa_office")


@pytest.mark.parametrize(
    ("plan", "today", "kind"),
    [
        (date(2026, 12, 2), date(2026, 12, 1), DayKind.REHEARSAL),
        (date(2026, 12, 2), date(2026, 12, 2), DayKind.REAL),
        (date(2026, 12, 2), date(2026, 12, 5), DayKind.PAST),
        (None, date(2026, 12, 5), DayKind.REAL),
    ],
)
def test_how_today_stands_to_the_plan(plan, today, kind):
    assert day_kind(plan, today) is kind


def test_the_evening_before_at_the_crossing_is_a_rehearsal_though_utc_is_the_plan_date(store):
    session = open_at(store, EVENING_BEFORE)
    assert session.rehearsal
    assert session.journey_id == "2026-12-02.rehearsal-2026-12-01"
    assert "Rehearsal" in session.banner and "2026-12-02" in session.banner
    assert session.state.records[0]["rehearsal"] is True
    assert describe(session.state.records[0], {}).startswith("Rehearsal")


def test_a_rehearsal_walk_writes_no_history_and_says_so_in_its_log(store, tmp_path):
    session = open_at(store, EVENING_BEFORE)
    walk_past_the_us_office(session)
    session.go_to("done")
    assert BorderHistory(tmp_path).read().entries == []
    skipped = [r for r in session.state.records if r["type"] == "history_skipped"]
    assert len(skipped) == 1
    assert "not written to the border history" in describe(skipped[0], {})


def test_the_plan_date_starts_fresh_and_the_rehearsal_stays_readable(store, tmp_path):
    rehearsal = open_at(store, EVENING_BEFORE)
    walk_past_the_us_office(rehearsal)
    rehearsal.close()
    real = open_at(store, PLAN_DAY)
    assert not real.rehearsal and real.banner is None
    assert real.journey_id == "2026-12-02" and not real.resumed
    assert real.current.id == "before_you_go"
    walk_past_the_us_office(real)
    assert len(BorderHistory(tmp_path).read().entries) == 1  # the real day writes it
    assert "2026-12-02.rehearsal-2026-12-01" in list_journeys(tmp_path, "demo")
    kept = Session.open(store, "demo", fixed_clock(PLAN_DAY), data_dir=TEST_DATA,
                        journey_id="2026-12-02.rehearsal-2026-12-01")
    assert kept.rehearsal and kept.current.id == "cbsa_office"


def test_a_journal_started_before_the_plan_date_under_its_id_is_set_aside(store, tmp_path):
    old = open_journal(tmp_path, "demo", "2026-12-02")  # written before rehearsals had their own id
    old.record("journey_started", EVENING_BEFORE, route="flagpole", profile="demo", journey="2026-12-02")
    old.record("stage_entered", EVENING_BEFORE, stage="done")
    old.close()
    real = open_at(store, PLAN_DAY)
    assert real.current.id == "before_you_go" and not real.resumed
    assert real.set_aside_as == "2026-12-02.earlier-1"
    assert journal_path(tmp_path, "demo", "2026-12-02.earlier-1").read_text().count("\n") == 2


def test_after_the_plan_date_it_asks_and_moves_the_plan_to_today(store, tmp_path):
    late = open_at(store, TWO_DAYS_LATE)
    assert late.plan_passed and not late.rehearsal
    late.move_plan_to_today(store)
    assert load_stored(store, "demo").plan.date == date(2026, 12, 4)
    assert store.path_for("demo").with_name("demo.toml.prev").is_file()  # the previous version kept
    assert "2026-12-02" not in list_journeys(tmp_path, "demo")  # the untouched old day is not kept
    today = open_at(store, TWO_DAYS_LATE)
    assert today.journey_id == "2026-12-04" and not today.plan_passed and not today.rehearsal


def test_a_finished_day_stays_readable_after_the_date_without_asking(store):
    day = open_at(store, PLAN_DAY)
    walk_past_the_us_office(day)
    day.go_to("done")
    day.close()
    later = open_at(store, TWO_DAYS_LATE)
    assert later.journey_id == "2026-12-02" and later.resumed
    assert later.current.id == "done" and not later.plan_passed


def test_starting_the_day_over_keeps_the_old_journal_aside(store, tmp_path):
    session = open_at(store, PLAN_DAY)
    session.go_to("us_booth")
    session.tick("us_booth", "referral_slip", True)
    kept_as = session.start_over()
    assert kept_as == "2026-12-02.earlier-1"
    assert journey_words(kept_as) == "the day 2026-12-02, set aside (1)"
    assert session.current.id == "before_you_go"
    assert not session.state.ticked("us_booth", "referral_slip")
    assert [r["type"] for r in session.state.records] == ["journey_started", "stage_entered"]
    old = open_journal(tmp_path, "demo", kept_as)
    assert old.state.ticked("us_booth", "referral_slip")
    old.close()
    session.tick("before_you_go", "passport", True)  # the fresh journal is written
    session.close()
    again = open_at(store, PLAN_DAY)
    assert again.state.ticked("before_you_go", "passport")
    assert again.start_over() == "2026-12-02.earlier-2"
