"""The person's situation drives the day: US citizens, applying at the port, the exemption named at
the CBSA office, maintained status; and the route taken from the profile (spec/product.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.core.clock import fixed_clock
from tui.core.history import BorderHistory
from tui.core.journey import load_journey
from tui.core.profile import Exemption, Profile
from tui.core.profile_io import save_stored
from tui.core.session import Session
from tui.core.situation import KNOWN_TAGS, situation_tags
from tui.core.storage import ProfileStore

from .harness import load_example

NOW = datetime(2026, 12, 2, 18, 5, tzinfo=UTC)


def profile_from(name: str, **changes: dict) -> Profile:
    """An example profile with some sections changed (``section={"key": value or None}``;
    None removes the key)."""
    data = load_example(name)
    for section, values in changes.items():
        target = data.setdefault(section, {})
        for key, value in values.items():
            if value is None:
                target.pop(key, None)
            else:
                target[key] = value
    return Profile.model_validate(data)


NO_LETTER = {"poe_letter_issued": None, "poe_letter_valid_until": None, "poe_letter_printed": None}


def us_citizen() -> Profile:
    """A US citizen on a US passport, employer-specific with a Port of Entry letter."""
    return profile_from("us-citizen-employer-specific.toml")


def cusma_at_port(citizenship: str = "MX") -> Profile:
    """A CUSMA professional applying at the port: no Port of Entry letter, an offer number."""
    return profile_from(
        "us-citizen-employer-specific.toml",
        person={"citizenship": citizenship},
        passport={"country": citizenship},
        application={**NO_LETTER, "basis": "apply-at-port", "offer_number": "A1234567",
                     "exemption": "free-trade-professional"},
    )


def open_session(tmp_path, profile: Profile, name: str = "p", at: datetime = NOW, **kwargs) -> Session:
    store = ProfileStore(tmp_path)
    save_stored(store, name, profile)
    return Session.open(store, name, fixed_clock(at), **kwargs)


# --- the tags ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, changes, expected",
    [
        ("iec-ready-with-appointment.toml", {}, {"exemption:cbsa-appointment"}),
        ("us-citizen-employer-specific.toml", {}, {"us-citizen", "exemption:us-citizen"}),
        # A US citizen travelling on another passport is exempt, but not a "US citizen" for the booth.
        ("us-citizen-employer-specific.toml", {"passport": {"country": "IE"}}, {"exemption:us-citizen"}),
        ("iec-ready-with-appointment.toml", {"application": {"exemption": ""}, "status": {"current": "maintained"}},
         {"status:maintained"}),
        ("us-citizen-employer-specific.toml",
         {"person": {"citizenship": "MX"}, "passport": {"country": "MX"},
          "application": {**NO_LETTER, "basis": "apply-at-port", "exemption": "free-trade-professional"}},
         {"apply-at-port", "exemption:free-trade-professional"}),
    ],
)
def test_situation_tags_come_from_the_profile(name, changes, expected):
    assert situation_tags(profile_from(name, **changes)) == expected


def test_every_exemption_and_status_has_a_known_tag():
    assert {f"exemption:{e.value}" for e in Exemption} <= KNOWN_TAGS
    assert "exemption:us-citizen" in KNOWN_TAGS and "status:maintained" in KNOWN_TAGS


# --- US citizens: admitted, not refused ---------------------------------------------------------


def test_a_us_citizen_at_the_us_booth_gets_no_withdrawal_sentence_and_no_refusal_items(tmp_path):
    session = open_session(tmp_path, us_citizen())
    booth, office = session.route.stage("us_booth"), session.route.stage("us_office")
    words = " ".join(s.text for stage in (booth, office) for s in session.say(stage)).lower()
    assert "withdraw" not in words and "us citizen" in words
    assert not [item for stage in (booth, office) for item in session.checklist(stage) if item.handed_over]
    assert any("admitted" in f.text for f in session.expect(booth))
    assert not any("referral" in d.text.lower() for d in session.documents(office))


def test_a_non_citizen_still_withdraws_and_is_offered_what_the_us_side_may_hand_over(tmp_path):
    session = open_session(tmp_path, profile_from("iec-ready-with-appointment.toml"))
    booth, office = session.route.stage("us_booth"), session.route.stage("us_office")
    assert any("withdraw my application" in s.text for s in session.say(booth))
    handed = [item.handed_over for item in session.checklist(office) if item.handed_over]
    assert len(handed) >= 4 and any("Refusal of Admission" in h and "unconfirmed" in h for h in handed)
    assert any("I-94" in h for h in handed) and any("stamp" in h for h in handed)
    assert any("photograph" in f.text for f in session.expect(booth))


def test_leaving_the_us_office_writes_no_border_history_for_a_us_citizen(tmp_path):
    session = open_session(tmp_path, us_citizen())
    for stage in ("us_booth", "us_office", "cbsa_office", "permit_review", "done"):
        session.go_to(stage)
    assert BorderHistory(tmp_path).read().entries == []
    assert not session.turn_around_recorded


def test_the_same_walk_records_the_turn_around_for_a_non_citizen(tmp_path):
    plan_day = NOW + timedelta(days=1)  # on its plan date (the day before is a rehearsal)
    session = open_session(tmp_path, profile_from("iec-ready-with-appointment.toml"), at=plan_day)
    for stage in ("us_booth", "us_office", "cbsa_office"):
        session.go_to(stage)
    assert len(BorderHistory(tmp_path).read().entries) == 1


# --- applying at the port -----------------------------------------------------------------------


def test_a_cusma_professional_applying_at_the_port_packs_the_port_documents_and_no_letter(tmp_path):
    session = open_session(tmp_path, cusma_at_port())
    docs = [d.text for d in session.documents(session.route.stage("cbsa_office"))]
    joined = " | ".join(docs)
    for words in ("Job offer or contract describing the duties", "offer-of-employment number",
                  "compliance fee (CAD 230)", "qualifications", "card to pay the work permit fee (CAD 155)"):
        assert words in joined, words
    assert "Port of Entry" not in joined and "LMIA copy" not in joined
    packed = [d.text for d in session.documents(session.route.stage("before_you_go"))]
    assert packed == docs
    ticks = {c.id for c in session.checklist(session.route.stage("before_you_go"))}
    assert {"offer_number", "compliance_fee", "qualifications", "fee_card"} <= ticks and "poe_letter" not in ticks


def test_with_a_letter_the_employer_specific_documents_are_unchanged(tmp_path):
    session = open_session(tmp_path, us_citizen())
    docs = [d.text for d in session.documents(session.route.stage("cbsa_office"))]
    assert docs[:3] == ["Passport", "Port of Entry letter", "Job offer"]
    assert not any("CAD 155" in d for d in docs)


# --- the exemption, named at the CBSA office ----------------------------------------------------


@pytest.mark.parametrize(
    "exemption, words",
    [
        ("us-permanent-resident", "permanent resident of the United States"),
        ("free-trade-professional", "free-trade professional"),
        ("free-trade-spouse", "spouse of a free-trade professional"),
        ("truck-driver", "truck driver"),
        ("cbsa-appointment", "appointment with CBSA"),
    ],
)
def test_the_cbsa_sentence_names_the_exemption(tmp_path, exemption, words):
    profile = profile_from("iec-ready-with-appointment.toml", application={"exemption": exemption})
    session = open_session(tmp_path, profile)
    said = [s.text for s in session.say(session.route.stage("cbsa_office"))]
    named = [s for s in said if "flagpoling restriction" in s]
    assert len(named) == 1 and words in named[0]


def test_a_us_citizen_names_citizenship_at_the_cbsa_office(tmp_path):
    session = open_session(tmp_path, us_citizen())
    said = " ".join(s.text for s in session.say(session.route.stage("cbsa_office")))
    assert "I'm a US citizen" in said


def test_without_an_exemption_no_exemption_is_claimed(tmp_path):
    profile = profile_from("iec-ready-with-appointment.toml", application={"exemption": ""})
    session = open_session(tmp_path, profile)
    assert not any("restriction" in s.text for s in session.say(session.route.stage("cbsa_office")))


# --- maintained status --------------------------------------------------------------------------


@pytest.mark.parametrize("route_id, stage_id", [("flagpole", "before_you_go"), ("arrival-by-air", "before_you_fly")])
def test_maintained_status_is_told_that_leaving_canada_ends_it(tmp_path, route_id, stage_id):
    maintained = profile_from("iec-ready-with-appointment.toml", status={"current": "maintained"})
    session = open_session(tmp_path, maintained, route_id=route_id)
    texts = [f.text for f in session.expect(session.route.stage(stage_id))]
    assert any("leaving Canada ends it" in t for t in texts)
    other = open_session(tmp_path / "other", profile_from("iec-ready-with-appointment.toml",
                                                          status={"current": "work-permit"}), route_id=route_id)
    assert not any("leaving Canada ends it" in f.text for f in other.expect(other.route.stage(stage_id)))


# --- the route comes from the profile -----------------------------------------------------------

ROUTES = {
    "flagpole": ["before_you_go", "us_booth", "us_office", "cbsa_office", "permit_review", "done"],
    "arrival-by-air": ["before_you_fly", "landing", "immigration_desk", "permit_review", "done"],
    "by-mail": ["request", "waiting", "permit_review", "done"],
}


def on_route(route: str) -> Profile:
    plan = {"route": route, "airport": "yvr"} if route == "arrival-by-air" else {"route": route}
    return profile_from("iec-ready-with-appointment.toml", plan=plan)


@pytest.mark.parametrize("route", ROUTES)
def test_the_session_takes_the_route_from_the_profile_and_records_it(tmp_path, route):
    session = open_session(tmp_path, on_route(route))
    assert session.route.id == route
    assert session.current.id == ROUTES[route][0]
    assert session.state.records[0]["type"] == "journey_started"
    assert session.state.records[0]["route"] == route


def test_a_profile_without_a_plan_route_takes_the_flagpole_route(tmp_path):
    session = open_session(tmp_path, profile_from("iec-ready-with-appointment.toml"))
    assert session.route.id == "flagpole"


def test_an_explicit_route_overrides_the_profile(tmp_path):
    session = open_session(tmp_path, on_route("by-mail"), route_id="arrival-by-air")
    assert session.route.id == "arrival-by-air"


def test_a_by_mail_session_walks_request_waiting_review_done(tmp_path):
    session = open_session(tmp_path, on_route("by-mail"))
    seen = [session.current.title]
    for stage_id in ROUTES["by-mail"][1:]:
        session.go_to(stage_id)
        seen.append(session.current.title)
    assert seen == ["Request", "Waiting for the permit", "Permit review", "Done"]
    assert BorderHistory(tmp_path).read().entries == []
    assert [r["stage"] for r in session.state.records if r["type"] == "stage_entered"] == ROUTES["by-mail"]


@pytest.mark.parametrize("route", ROUTES)
def test_each_route_resumes_at_the_same_stage_with_the_same_ticks(tmp_path, route):
    stage_id = ROUTES[route][1]
    first = open_session(tmp_path, on_route(route))
    first.go_to(stage_id)
    item = first.checklist(first.current)[0].id
    first.tick(stage_id, item, True)
    again = Session.open(ProfileStore(tmp_path), "p", fixed_clock(NOW + timedelta(hours=1)))
    assert again.resumed
    assert again.route.id == route
    assert again.current.id == stage_id
    assert again.state.ticked(stage_id, item)
    assert not again.route_differs_from_plan


def test_a_resumed_day_keeps_its_route_when_the_plan_changes(tmp_path):
    first = open_session(tmp_path, on_route("flagpole"))
    first.go_to("us_office")
    store = ProfileStore(tmp_path)
    save_stored(store, "p", on_route("arrival-by-air"))
    again = Session.open(store, "p", fixed_clock(NOW))
    assert again.route.id == "flagpole" and again.current.id == "us_office"
    assert again.route_differs_from_plan


def test_fix_steps_follow_the_route(tmp_path):
    air = open_session(tmp_path, on_route("arrival-by-air"))
    assert "airport" in air.fix_steps()[0].text
    mail = open_session(tmp_path / "mail", on_route("by-mail"))
    assert "web form" in mail.fix_steps()[0].text
    data = load_journey()
    labels = {r.id: r.fix.label for r in data.routes}
    assert labels["arrival-by-air"] == "Ask CBSA at the airport, then by mail (Guide 5218)"
    assert len(set(labels.values())) == 3
