"""The companion's core without Textual: the session (journal-backed actions, resume) and the
verdict adapter (readiness, crossing status, the live permit check)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.core.clock import fixed_clock
from tui.core.profile_io import read_profile, save_stored
from tui.core.session import Session
from tui.core.storage import ProfileStore
from tui.core.verdict import Verdict, parse_permit

from .harness import TEST_DATA, TEST_PROFILES

ROOT = Path(__file__).resolve().parent.parent
CLOCK = fixed_clock(datetime(2026, 12, 2, 18, 5, tzinfo=UTC))  # 10:05 at Boundary Bay


@pytest.fixture
def store(tmp_path) -> ProfileStore:
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    return store


@pytest.fixture
def session(store) -> Session:
    s = Session.open(store, "demo", CLOCK, data_dir=TEST_DATA)
    s.attach_verdict(Verdict.build(s.profile, CLOCK(), TEST_DATA))
    return s


def test_a_new_session_starts_the_planned_day_at_the_first_stage(store):
    s = Session.open(store, "demo", CLOCK, data_dir=TEST_DATA)
    assert s.journey_id == "2026-12-02"
    assert s.current.id == "before_you_go"
    assert not s.resumed
    assert [r["type"] for r in s.state.records] == ["journey_started", "stage_entered"]


def test_reopening_resumes_stage_ticks_and_fields(store):
    s = Session.open(store, "demo", CLOCK, data_dir=TEST_DATA)
    s.go_to("us_office")
    s.tick("us_office", "form_read", True)
    s.set_permit_field("surname", "LINDQVISTT")
    s.close()  # the app is closed, then opened again
    again = Session.open(store, "demo", CLOCK, data_dir=TEST_DATA)
    assert again.resumed and not again.read_only
    assert again.current.id == "us_office"
    assert again.state.ticked("us_office", "form_read")
    assert again.permit_values()["surname"] == "LINDQVISTT"
    assert again.state.records[-1]["type"] == "resumed"


def test_actions_that_change_nothing_are_not_recorded(session):
    before = len(session.state.records)
    session.go_to("before_you_go")
    session.tick("before_you_go", "passport", False)
    session.set_permit_field("surname", "")  # a field not checked, typed blank: still not checked
    assert len(session.state.records) == before
    session.set_permit_field("surname", "LINDQVIST")
    session.set_permit_field("surname", "LINDQVIST")
    session.confirm_permit_field("given_names")
    session.confirm_permit_field("given_names")
    assert len(session.state.records) == before + 2


def test_the_demo_is_uncertain_by_its_cbsa_appointment_and_the_crossing_is_open(session):
    verdict = session.verdict
    # A CBSA appointment is the least certain exemption in 2026 (rules.md "Additions").
    assert verdict.eligibility_word == "UNCERTAIN"
    assert {f.id for f in verdict.eligibility} == {"eligibility.exempt", "eligibility.appointment_unconfirmed"}
    status = verdict.status
    assert status.name == "Boundary Bay"
    assert status.flagpoling_open and status.closes_in is not None
    assert f"{status.window_end:%H:%M}" == "14:00"
    assert status.next_window is not None
    assert f"{verdict.local_now(CLOCK()):%H:%M %Z}" == "10:05 PST"


def test_nothing_is_prefilled_and_the_letters_date_typed_in_is_an_error(session):
    assert session.permit_values() == {}
    assert session.permit_check().field_word("expires") == "not checked"
    assert session.permit_errors() == []
    for key in ("surname", "given_names", "date_of_birth", "citizenship", "kind", "employer", "conditions"):
        session.confirm_permit_field(key)
    session.set_permit_field("expires", "2027-02-10")
    check = session.permit_check()
    assert [f.id for f in check.findings] == ["permit.expiry_matches_poe_letter"]
    assert check.field_word("expires") == "ERROR"
    assert check.field_word("surname") == "ok"
    assert session.permit_how()["surname"] == "confirmed"
    assert check.expected["expires"] == "2027-12-02"
    seed = check.findings[0]
    assert seed.say and "2027-12-02" in seed.say
    assert "Guide 5218" in seed.advice


def test_correcting_the_expiry_clears_the_error(session):
    session.set_permit_field("expires", "2027-12-02")
    assert session.permit_errors() == []


def test_a_name_error_marks_only_the_name_that_differs(session):
    session.confirm_permit_field("surname")
    session.set_permit_field("given_names", "MAJA ELLEN")
    check = session.permit_check()
    assert check.field_word("given_names") == "ERROR"
    assert check.field_word("surname") == "ok"


def test_unreadable_fields_wait_instead_of_guessing(session):
    session.set_permit_field("expires", "2027-02")
    check = session.permit_check()
    assert check.field_word("expires") == "INVALID"
    assert check.findings == ()


def test_without_an_issued_permit_the_form_knows_what_the_permit_should_say(store):
    profile = read_profile(TEST_PROFILES / "lindqvist-appointment.toml")
    save_stored(store, "plain", profile.model_copy(update={"issued_permit": None}))
    s = Session.open(store, "plain", CLOCK, data_dir=TEST_DATA)
    s.attach_verdict(Verdict.build(s.profile, CLOCK(), TEST_DATA))
    assert s.permit_values() == {}
    expected = s.permit_expected()
    assert expected["expires"] == "2027-12-02"
    assert expected["kind"] == "open"
    assert s.permit_errors() == []


def test_parse_permit_reads_text_like_a_person_types_it():
    permit, invalid = parse_permit(
        {"surname": " X ", "given_names": "Y", "date_of_birth": "1999-03-14", "citizenship": "se",
         "expires": "2027-12-02", "kind": "Open", "employer": "", "conditions": "a; b ;"}
    )
    assert invalid == {}
    assert permit.citizenship == "SE" and permit.kind.value == "open"
    assert permit.conditions == ["a", "b"]
    _, invalid = parse_permit({"surname": "", "date_of_birth": "14/03/1999"})
    assert "surname" in invalid and "date_of_birth" in invalid


def test_leaving_with_an_error_is_recorded_and_brings_the_fix_route_into_the_export(session):
    session.go_to("permit_review")
    session.set_permit_field("expires", "2027-02-10")
    errors = [f.id for f in session.permit_errors()]
    session.decide_leave(True, errors)
    session.go_to("done")
    assert session.state.left_with_errors == ("permit.expiry_matches_poe_letter",)
    ctx = session.export_context()
    assert ctx.fix_steps and "Guide 5218" in ctx.fix_title
    assert ctx.permit_values["expires"] == "2027-02-10"
    assert ctx.permit_how["expires"] == "typed"
    assert ctx.permit_corrections == ["The expiry should say 2027-12-02."]


def test_no_fix_route_in_the_export_before_the_permit_review(session):
    assert session.export_context().fix_steps == []


def test_pr_landing_has_no_permit_form_to_check(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "pr", read_profile(ROOT / "profiles" / "pr-landing.toml"))
    s = Session.open(store, "pr", CLOCK, data_dir=TEST_DATA)
    s.attach_verdict(Verdict.build(s.profile, CLOCK(), TEST_DATA))
    assert not s.issues_permit
    assert s.permit_check() is None and s.permit_errors() == []
    assert s.verdict.eligibility_word == "UNCERTAIN"
    s.go_to("done")
    assert s.export_context().permit_values == {}
