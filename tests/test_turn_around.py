"""Leaving the US office records the turn-around in the border history, once, with what was ticked."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tui.core.clock import fixed_clock
from tui.core.history import BorderHistory
from tui.core.profile_io import read_profile, save_stored
from tui.core.session import Session
from tui.core.storage import ProfileStore
from tui.core.verdict import Verdict

from .harness import TEST_PROFILES

NOW = datetime(2026, 12, 2, 18, 5, tzinfo=UTC)  # 10:05 at Boundary Bay


def open_demo(tmp_path) -> Session:
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    session = Session.open(store, "demo", fixed_clock(NOW))
    session.attach_verdict(Verdict.build(session.profile, NOW))
    return session


def test_leaving_the_us_office_forward_records_what_was_handed_over(tmp_path):
    session = open_demo(tmp_path)
    session.go_to("us_booth")
    session.tick("us_booth", "referral_slip", True)
    session.go_to("us_office")
    session.tick("us_office", "got_administrative_refusal", True)
    assert BorderHistory(tmp_path).read().entries == []
    session.go_to("cbsa_office")
    (entry,) = BorderHistory(tmp_path).read().entries
    assert entry.day == date(2026, 12, 2)
    assert entry.crossing_id == "boundary-bay"
    assert entry.crossing_name == "Boundary Bay"
    assert entry.handed_over == ("referral slip", "administrative refusal, with an I-94 record for the day")
    assert entry.profile == "demo"


def test_it_is_recorded_once_per_journey_even_after_a_restart(tmp_path):
    session = open_demo(tmp_path)
    session.go_to("us_office")
    session.go_to("cbsa_office")
    session.go_to("us_office")
    session.go_to("permit_review")
    session.close()  # a restart
    again = Session.open(ProfileStore(tmp_path), "demo", fixed_clock(NOW))
    again.go_to("us_office")
    again.go_to("done")
    assert len(BorderHistory(tmp_path).read().entries) == 1


def test_going_back_from_the_us_office_records_nothing(tmp_path):
    session = open_demo(tmp_path)
    session.go_to("us_office")
    session.go_to("us_booth")
    assert BorderHistory(tmp_path).read().entries == []
