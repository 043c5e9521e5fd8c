"""The person's situation (rules.md Terms and "Additions"): US citizens are not capped by their
passport, the free-trade exemption needs an FTA citizenship, maintained status is lost on exit,
and "what to do instead" is a numbered list chosen by ``[status]``. Explicit dates throughout;
the data is loaded through one helper so it can point at frozen copies."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.crossings import load_crossings
from tui.core.policy import load_policy
from tui.core.rules import evaluate

from .rule_cases import EMPLOYER, GB_PROFESSIONAL, KR_PROFESSIONAL, NOT_EXEMPT, ON, make, with_issued


def data():
    """(crossings, policy) the engine runs on in these tests."""
    return load_crossings(), load_policy()


def report(overrides, on=ON):
    crossings, policy = data()
    return evaluate(make(overrides), crossings, policy, on)


def finding(rep, rule_id):
    found = [f for f in rep.findings if f.id == rule_id]
    assert found, f"{rule_id} not in {sorted(rep.ids())}"
    return found[0]


# --- US citizens are not capped by their passport ---------------------------------------------

SHORT_PASSPORT = {"passport.expires": date(2027, 6, 30), "application.exemption": "truck-driver"}


@pytest.mark.parametrize(
    ("country", "expected", "limited_by", "capped"),
    [
        ("US", date(2027, 12, 2), "program", False),
        ("GB", date(2027, 6, 30), "passport", True),
    ],
)
def test_us_citizen_vs_gb_passport_caps_side_by_side(country, expected, limited_by, capped):
    overrides = {
        **SHORT_PASSPORT,
        **with_issued(expires=date(2027, 12, 2), citizenship=country),
        "person.citizenship": country,
        "passport.country": country,
        "insurance.ends": date(2028, 6, 1),
    }
    rep = report(overrides)
    assert (str(rep.expected_permit.expires), rep.expected_permit.limited_by) == (str(expected), limited_by)
    assert ("passport.limits_permit" in rep.ids()) is capped
    assert ("permit.expiry_after_passport" in rep.ids()) is capped


def test_a_us_citizen_with_another_passport_stays_capped():
    rep = report({**SHORT_PASSPORT, "person.citizenship": "US", "passport.country": "IE"})
    assert rep.expected_permit.limited_by == "passport"
    assert "passport.limits_permit" in rep.ids()


# --- Free-trade professionals: partner-country citizens only ----------------------------------


@pytest.mark.parametrize(
    ("overrides", "invalid"),
    [(KR_PROFESSIONAL, False), (GB_PROFESSIONAL, True)],
    ids=["KR", "GB"],
)
def test_fta_exemption_for_a_kr_and_a_gb_citizen(overrides, invalid):
    rep = report(overrides)
    assert ("eligibility.exemption_invalid" in rep.ids()) is invalid
    assert ("eligibility.flagpoling_ended" in rep.ids()) is invalid
    assert ("eligibility.exempt" in rep.ids()) is not invalid
    if invalid:
        assert "GB" in finding(rep, "eligibility.exemption_invalid").message
        assert not rep.ready


# --- Maintained status ------------------------------------------------------------------------

MAINTAINED = {**EMPLOYER, "status": {"current": "maintained"}}


@pytest.mark.parametrize(
    ("overrides", "severity"),
    [
        ({**MAINTAINED, "application.exemption": "truck-driver"}, "warning"),
        ({**MAINTAINED, **NOT_EXEMPT}, "error"),
        ({**MAINTAINED, **NOT_EXEMPT, "plan": {"route": "arrival-by-air", "airport": "yvr",
                                              "date": date(2026, 12, 2)}}, "warning"),
    ],
    ids=["exempt-flagpole", "not-exempt-flagpole", "not-exempt-by-air"],
)
def test_maintained_status_exempt_and_not(overrides, severity):
    f = finding(report(overrides), "status.maintained_lost_on_exit")
    assert f.severity.value == severity
    assert "visitor" in f.message


# --- The sentence to say is its own field ------------------------------------------------------


def test_every_permit_sentence_is_in_say_not_in_advice():
    rep = report(with_issued(expires=date(2027, 2, 10), surname="LINDQVST", kind="employer-specific",
                             employer="X", conditions=["Not authorized to work in childcare"]))
    review = [f for f in rep.findings if f.stage.value == "permit_review"]
    assert len(review) >= 4
    for f in review:
        assert f.say and '"' not in f.advice and "say:" not in f.advice
        assert "http" not in f.say and "http" not in f.advice


# --- What to do instead, by [status] ------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "in_canada_step"),
    [
        ({"current": "iec-work-permit", "valid_until": date(2026, 12, 2)}, "Use IRCC's in-Canada"),
        ({"current": "iec-work-permit", "valid_until": date(2026, 12, 1)}, None),
        ({"current": "visitor"}, None),
    ],
    ids=["valid-iec-permit", "iec-permit-ended-day-before", "visitor"],
)
def test_flagpoling_ended_steps_follow_the_status(status, in_canada_step):
    _, policy = data()
    f = finding(report({**NOT_EXEMPT, "status": status}), "eligibility.flagpoling_ended")
    assert f.steps and len(f.advice) < 120 and "http" not in f.advice
    if in_canada_step:
        assert f.steps[0].startswith(in_canada_step)
        assert f.sources[0] == policy.routes.iec_in_canada.url
        assert not any("arriving by air" in s for s in f.steps)
    else:
        assert any("arriving by air" in s for s in f.steps)
        assert policy.routes.enter_from_elsewhere.url in f.sources
        assert not any(s.startswith("Use IRCC's in-Canada") for s in f.steps)
    assert "exempt group" in f.steps[-1]
    assert f.fix_field == "plan.route"
    assert all("http" not in s for s in f.steps)
