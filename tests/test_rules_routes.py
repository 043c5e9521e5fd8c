"""Rules by route (rules.md "Additions"): the flagpoling rules stay silent on the other routes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tui.core.crossings import load_crossings
from tui.core.policy import load_policy
from tui.core.profile_io import profile_from_dict
from tui.core.rules import CATALOGUE, evaluate

FLAGPOLE_ONLY = {
    "eligibility.flagpoling_ended",
    "eligibility.exempt",
    "eligibility.pr_landing_unconfirmed",
    "crossing.unknown",
    "crossing.port_closed",
    "crossing.no_flagpoling",
    "crossing.closes_soon",
    "crossing.no_pedestrians",
    "crossing.us_side_closed",
    "crossing.appointment_required",
}


def test_the_catalogue_marks_exactly_the_flagpole_only_rules():
    marked = {spec.id for spec in CATALOGUE if spec.flagpole_only}
    assert FLAGPOLE_ONLY <= marked
    assert all(i.startswith(("eligibility.", "crossing.")) for i in marked)


@pytest.mark.parametrize("route", ["arrival-by-air", "by-mail"])
def test_an_iec_participant_off_the_flagpole_route_gets_no_flagpoling_finding(route, demo_data):
    demo_data["plan"] = {"route": route, "airport": "yvr", "date": date(2026, 12, 2)}
    profile = profile_from_dict(demo_data)
    on = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    ids = evaluate(profile, load_crossings(), load_policy(), on).ids()
    assert not ids & FLAGPOLE_ONLY
    assert "permit.expiry_matches_poe_letter" in ids
