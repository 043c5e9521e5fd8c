"""The companion's verdict on each route: the moment, the zone of its header clock, the airport."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from tui.core.profile_io import profile_from_dict
from tui.core.verdict import Verdict, permit_to_text

from .harness import load_example

NOW = datetime(2026, 12, 2, 17, 5, tzinfo=UTC)

PLANS = {
    "flagpole": {"crossing": "boundary-bay", "date": date(2026, 12, 2), "arrive": time(10, 30)},
    "yvr": {"route": "arrival-by-air", "airport": "yvr", "date": date(2026, 12, 2), "arrive": time(10, 30)},
    "yul": {"route": "arrival-by-air", "airport": "yul", "date": date(2026, 12, 2), "arrive": time(10, 30)},
    "unknown-airport": {"route": "arrival-by-air", "airport": "yvv", "date": date(2026, 12, 2)},
    "by-mail": {"route": "by-mail", "date": date(2026, 12, 2)},
}


def verdict_for(plan: str) -> Verdict:
    data = load_example("lindqvist-appointment.toml")
    data["plan"] = PLANS[plan]
    return Verdict.build(profile_from_dict(data), NOW)


@pytest.mark.parametrize(
    ("plan", "on", "clock", "airport"),
    [
        ("flagpole", "2026-12-02T10:30:00-08:00", "09:05 PST", None),
        ("yvr", "2026-12-02T10:30:00-08:00", "09:05 PST", "yvr"),
        ("yul", "2026-12-02T10:30:00-05:00", "12:05 EST", "yul"),
        ("unknown-airport", None, None, None),
        ("by-mail", None, None, None),
    ],
)
def test_the_verdict_reads_the_day_in_the_zone_of_its_place(plan, on, clock, airport):
    verdict = verdict_for(plan)
    if on is not None:
        assert verdict.on.isoformat() == on
        assert f"{verdict.local_now(NOW):%H:%M %Z}" == clock
    else:  # no place known: the system's zone
        assert verdict.zone is None
        assert verdict.local_now(NOW) == NOW.astimezone()
    assert (verdict.airport.id if verdict.airport else None) == airport


@pytest.mark.parametrize("plan", ["yvr", "by-mail"])
def test_off_the_flagpole_route_there_is_no_crossing_status_and_no_flagpoling_finding(plan):
    verdict = verdict_for(plan)
    assert verdict.status is None and verdict.crossing is None
    assert not verdict.eligibility or all(
        f.id not in {"eligibility.exempt", "eligibility.flagpoling_ended"} for f in verdict.eligibility
    )


def test_the_airports_data_is_read_only_for_an_arrival_by_air():
    assert verdict_for("yvr").airports is not None
    assert verdict_for("flagpole").airports is None
    assert verdict_for("by-mail").airports is None


def test_the_permit_check_flags_the_poe_letters_date_at_the_airport():
    data = load_example("lindqvist-appointment.toml")
    data["plan"] = PLANS["yvr"]
    profile = profile_from_dict(data)
    verdict = Verdict.build(profile, NOW)
    values = permit_to_text(profile.issued_permit)  # the demo's permit: the letter's date, 2027-02-10
    check = verdict.check_permit(profile, values)
    assert [f.id for f in check.errors] == ["permit.expiry_matches_poe_letter"]
    assert check.field_word("expires") == "ERROR"
