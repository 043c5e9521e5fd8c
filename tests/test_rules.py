"""The rules engine: every rule fires at its boundary and stays silent just past it; the terms
(term end, expected permit, on) behave as rules.md says; example profiles keep their promises."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.airports import load_airports
from tui.core.crossings import load_crossings
from tui.core.errors import BadMomentError
from tui.core.findings import FindingStage, Severity
from tui.core.policy import load_policy
from tui.core.profile_io import read_profile
from tui.core.rules import (
    CATALOGUE,
    add_months,
    evaluate,
    exemption,
    expected_permit,
    matches_keyword,
    resolve_on,
    same_name,
    term_end,
)

from .harness import DOCS, PROFILES, TEST_DATA
from .rule_cases import (
    CASES,
    DELETE,
    EMPLOYER,
    NOT_EXEMPT,
    ON,
    PGWP,
    PR,
    RULE_IDS,
    SPOUSAL,
    TORONTO,
    at,
    make,
    plan_at,
    with_issued,
)


@pytest.fixture(scope="module")
def crossings():
    return load_crossings(TEST_DATA / "crossings.toml")


@pytest.fixture(scope="module")
def policy():
    return load_policy(TEST_DATA / "policy.toml")


def run(overrides=None, on=ON, crossings=None, policy=None):
    return evaluate(make(overrides), crossings or load_crossings(TEST_DATA / "crossings.toml"), policy or load_policy(TEST_DATA / "policy.toml"), on)


def finding(report, rule_id):
    found = [f for f in report.findings if f.id == rule_id]
    assert found, f"{rule_id} not in {sorted(report.ids())}"
    return found[0]


# --- The catalogue ----------------------------------------------------------------------------


def test_catalogue_has_exactly_the_contract_ids():
    assert [spec.id for spec in CATALOGUE] == RULE_IDS
    assert len(CATALOGUE) == len(RULE_IDS)


def test_every_id_in_the_spec_tables_is_in_the_catalogue():
    """The original Readiness and Permit review tables of docs/rules.md (the Additions are
    checked against ``flagpole rules --json`` in test_contracts.py)."""
    text = (DOCS / "rules.md").read_text(encoding="utf-8").split("\n## Additions", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| (error|warning|info) \|", text, re.M)
    assert len(rows) == 33
    catalogue = {spec.id: spec for spec in CATALOGUE}
    for rule_id, severity in rows:
        assert rule_id in catalogue
        assert catalogue[rule_id].severity.value == severity
    assert {r for r, _ in rows} <= set(RULE_IDS)  # the Additions: tests/test_contracts.py


def test_catalogue_stages_and_summaries(policy):
    for spec in CATALOGUE:
        expected = FindingStage.PERMIT_REVIEW if spec.id.startswith("permit.") else FindingStage.READINESS
        assert spec.stage is expected
        summary = spec.summary_for(policy)
        assert summary and "\n" not in summary and "{" not in summary
    by_id = {s.id: s for s in CATALOGUE}
    assert "CAD 2,500" in by_id["funds.below_minimum"].summary_for(policy)
    assert "2024-12-24" in by_id["eligibility.flagpoling_ended"].summary_for(policy)


def test_every_rule_has_a_firing_and_a_silent_case():
    fires = {c.rule for c in CASES if c.fires}
    silent = {c.rule for c in CASES if not c.fires}
    assert fires == set(RULE_IDS)
    assert silent == set(RULE_IDS)


# --- Every rule at its boundaries -------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_rule_boundaries(case, crossings, policy):
    report = evaluate(make(case.overrides), crossings, policy, case.on, airports=load_airports())
    assert (case.rule in report.ids()) is case.fires, sorted(report.ids())
    if case.fires:
        f = finding(report, case.rule)
        spec = {s.id: s for s in CATALOGUE}[case.rule]
        assert f.stage is spec.stage
        assert f.message and f.advice
        if case.rule not in ("medical.condition_expected", "status.maintained_lost_on_exit"):
            assert f.severity is spec.severity


def test_base_profile_is_ready_with_only_the_exemption(crossings, policy):
    report = evaluate(make(), crossings, policy, ON)
    assert report.ids() == {"eligibility.exempt", "eligibility.appointment_unconfirmed"}
    assert report.ready and not report.has_errors


def test_findings_come_sorted_stage_then_severity(crossings, policy):
    report = evaluate(
        make({"medical": DELETE, "funds.amount_cad": 10, **with_issued(expires=date(2027, 2, 10))}),
        crossings, policy, ON,
    )
    keys = [(f.stage is FindingStage.PERMIT_REVIEW, f.severity.rank) for f in report.findings]
    assert keys == sorted(keys)
    assert report.findings[0].id == "funds.below_minimum"
    assert report.findings[-1].stage is FindingStage.PERMIT_REVIEW


def test_no_permit_review_without_an_issued_permit(crossings, policy):
    report = evaluate(make({"passport.expires": date(2027, 1, 1)}), crossings, policy, ON)
    assert not [f for f in report.findings if f.stage is FindingStage.PERMIT_REVIEW]


def test_without_crossings_data_the_crossing_rules_stay_silent(policy):
    report = evaluate(make({"plan.crossing": "nowhere"}), None, policy, at(2026, 12, 4))
    assert not {i for i in report.ids() if i.startswith("crossing.")}


# --- Messages people can act on ---------------------------------------------------------------


def test_seed_story_names_the_expected_date_and_the_sentence(crossings, policy):
    report = run(with_issued(expires=date(2027, 2, 10)), crossings=crossings, policy=policy)
    f = finding(report, "permit.expiry_matches_poe_letter")
    assert "permit.expiry_too_early" not in report.ids()
    assert "2027-02-10" in f.message and "2027-12-02" in f.message
    assert f.say == (
        "The expiry date on my permit is the date on my Port of Entry letter; my permit should "
        "run until 2027-12-02. Could you correct it, please?"
    )
    assert "Guide 5218" in f.advice and "the usual fix is" in f.advice
    assert "http" not in f.advice and "http" not in f.say
    assert policy.routes.amend.url in f.sources
    assert f.source and f.source.startswith("https://")


@pytest.mark.parametrize(
    ("overrides", "limit_words"),
    [
        ({"insurance.ends": date(2027, 8, 31)}, "insurance"),
        ({"passport.expires": date(2027, 8, 31)}, "passport"),
        ({}, "12-month term"),
    ],
)
def test_expiry_too_early_says_the_expected_date_and_what_limits_it(overrides, limit_words, crossings, policy):
    issued = date(2027, 6, 30)
    report = run({**overrides, **with_issued(expires=issued)}, crossings=crossings, policy=policy)
    f = finding(report, "permit.expiry_too_early")
    expected = report.expected_permit.expires
    assert str(expected) in f.message and str(issued) in f.message
    assert limit_words in f.message
    assert f"My permit should run until {expected}" in f.say


def test_insurance_limits_message_states_dates_and_gap(crossings, policy):
    f = finding(run({"insurance.ends": date(2027, 6, 30)}, crossings=crossings, policy=policy),
                "insurance.limits_permit")
    assert f.message == (
        "Your insurance ends 2027-06-30, 5 months before the 12-month term of your programme ends "
        "(2027-12-02): the permit will probably end then too."
    )
    assert "2027-12-02" in f.advice and "Nordic Roamer Insurance" in f.advice


def test_funds_messages_state_amounts(crossings, policy):
    f = finding(run({"funds.amount_cad": 2100}, crossings=crossings, policy=policy), "funds.below_minimum")
    assert "CAD 2,100" in f.message and "CAD 2,500" in f.message and "CAD 400 short" in f.message
    f = finding(run({"funds.statement_date": date(2026, 11, 20)}, crossings=crossings, policy=policy),
                "funds.statement_too_old")
    assert "2026-11-20" in f.message and "12 days" in f.message
    assert "2026-11-25 or later" in f.advice


def test_flagpoling_ended_steps_differ_for_iec(crossings, policy):
    iec = finding(run(NOT_EXEMPT, crossings=crossings, policy=policy), "eligibility.flagpoling_ended")
    other = finding(run({**EMPLOYER, **NOT_EXEMPT}, crossings=crossings, policy=policy),
                    "eligibility.flagpoling_ended")
    iec_steps = " ".join(iec.steps)
    assert "web form" in iec_steps and policy.routes.iec_in_canada.url in iec.sources
    assert "other than the US" in iec_steps and "2027-02-10" in iec_steps
    other_steps = " ".join(other.steps)
    assert "web form" not in other_steps
    assert "IRCC" in other_steps and "other than the US" in other_steps
    for f in (iec, other):
        assert "http" not in f.advice + " ".join(f.steps)


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"person.citizenship": "US", "application.exemption": DELETE}, "us-citizen"),
        ({"application.exemption": "us-permanent-resident"}, "us-permanent-resident"),
        ({"application.exemption": "free-trade-professional", "person.citizenship": "MX"}, "free-trade-professional"),
        ({"application.exemption": "free-trade-spouse"}, "free-trade-spouse"),
        ({"application.exemption": "truck-driver"}, "truck-driver"),
        ({"application.exemption": "cbsa-appointment"}, "cbsa-appointment"),
    ],
)
def test_exempt_names_the_exemption_and_the_proof(overrides, key, crossings, policy):
    f = finding(run(overrides, crossings=crossings, policy=policy), "eligibility.exempt")
    fact = policy.exemptions[key]
    assert fact.label in f.message
    assert fact.proof in f.advice
    assert f.severity is Severity.INFO


def test_no_flagpoling_names_the_next_window(crossings, policy):
    f = finding(run(on=at(2026, 12, 4, 10, 30), crossings=crossings, policy=policy), "crossing.no_flagpoling")
    assert "Boundary Bay" in f.message
    assert "Friday 2026-12-04" in f.message
    assert "Monday 2026-12-07 10:00" in f.message


def test_port_closed_names_the_next_window(crossings, policy):
    on = at(2026, 12, 3, 23, 0, TORONTO)
    f = finding(run(plan_at("lacolle-route-221", on), on=on, crossings=crossings, policy=policy),
                "crossing.port_closed")
    assert "23:00" in f.message and "Friday 2026-12-04 06:00" in f.advice


def test_closes_soon_says_when_service_ends(crossings, policy):
    f = finding(run(on=at(2026, 12, 2, 12, 45), crossings=crossings, policy=policy), "crossing.closes_soon")
    assert "14:00" in f.message and "1 hour 15 min" in f.message


def test_closes_soon_at_a_window_ending_at_midnight(crossings, policy):
    on = at(2026, 12, 8, 23, 0, TORONTO)  # Tuesday, Peace Bridge Tue–Thu 08:00–24:00
    f = finding(run(plan_at("fort-erie-peace-bridge", on), on=on, crossings=crossings, policy=policy),
                "crossing.closes_soon")
    assert "midnight" in f.message and "1 hour" in f.message


def test_pedestrian_finding_cites_the_crossings_source(crossings, policy):
    on = at(2026, 12, 2, 10, 30, TORONTO)
    f = finding(run(plan_at("queenston-lewiston", on, "foot"), on=on, crossings=crossings, policy=policy),
                "crossing.no_pedestrians")
    assert f.source == crossings.crossings["queenston-lewiston"].pedestrians.source


def test_unknown_crossing_suggests_the_closest_by_name(crossings, policy):
    f = finding(run({"plan.crossing": "boundary-bya"}, crossings=crossings, policy=policy), "crossing.unknown")
    assert "boundary-bya" in f.message and crossings.crossings["boundary-bay"].name in f.advice
    assert f.fix_field == "plan.crossing"


@pytest.mark.parametrize(
    ("occupation", "severity"),
    [
        ("barista", Severity.INFO),
        ("", Severity.INFO),
        ("software tester", Severity.INFO),
        ("Primary School Teacher", Severity.WARNING),
        ("registered nurse", Severity.WARNING),
        ("Daycare assistant", Severity.WARNING),
        ("healthcare aide", Severity.WARNING),
        ("personal care aide", Severity.WARNING),
        ("NANNY", Severity.WARNING),
        ("paramedic", Severity.WARNING),
        ("dental hygienist", Severity.WARNING),
        ("accidental tourist guide", Severity.INFO),  # word starts only: not "dental"
    ],
)
def test_medical_condition_severity_follows_the_occupation(occupation, severity, crossings, policy):
    f = finding(run({"medical": DELETE, "application.occupation": occupation}, crossings=crossings,
                    policy=policy), "medical.condition_expected")
    assert f.severity is severity
    assert "childcare" in f.message
    if severity is Severity.WARNING:
        assert occupation.strip() in f.message and "panel physician" in f.advice


def test_permit_sentences_for_identity_errors(crossings, policy):
    report = run(with_issued(surname="LINDQVST", citizenship="CH", date_of_birth=date(1999, 3, 15)),
                 crossings=crossings, policy=policy)
    assert "it should read LINDQVIST, MAJA ELIN" in finding(report, "permit.name_mismatch").say
    assert "should be SE" in finding(report, "permit.citizenship_mismatch").say
    assert "should be 1999-03-14" in finding(report, "permit.date_of_birth_mismatch").say
    employer = run({**EMPLOYER, **with_issued(kind="employer-specific", employer="Acme Inc")},
                   crossings=crossings, policy=policy)
    assert "should be Acme Ltd" in finding(employer, "permit.employer_mismatch").say


def test_ready_ignores_permit_review_errors(crossings, policy):
    report = run(with_issued(expires=date(2027, 2, 10)), crossings=crossings, policy=policy)
    assert report.ready and report.has_errors


# --- Terms: term end, expected permit ---------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 12, 2), 12, date(2027, 12, 2)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 10, 31), 2, date(2026, 12, 31)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 15), 24, date(2028, 12, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, end):
    assert add_months(start, months) == end


def test_term_end_prefers_the_given_expiry_and_is_none_for_pr():
    assert term_end(make(), ON) == date(2027, 12, 2)
    assert term_end(make({"application.expected_permit_expiry": date(2027, 9, 1)}), ON) == date(2027, 9, 1)
    assert term_end(make(PR), ON) is None


@pytest.mark.parametrize(
    ("overrides", "expires", "limited_by"),
    [
        ({}, date(2027, 12, 2), "program"),
        ({"passport.expires": date(2027, 12, 2)}, date(2027, 12, 2), "program"),  # tie: program
        ({"insurance.ends": date(2027, 12, 2)}, date(2027, 12, 2), "program"),  # tie: program
        ({"passport.expires": date(2027, 6, 1), "insurance.ends": date(2027, 6, 1)}, date(2027, 6, 1), "passport"),
        ({"passport.expires": date(2027, 12, 1)}, date(2027, 12, 1), "passport"),
        ({"insurance.ends": date(2027, 12, 1)}, date(2027, 12, 1), "insurance"),
        ({"insurance.ends": date(2027, 5, 1), "passport.expires": date(2027, 5, 2)}, date(2027, 5, 1), "insurance"),
        ({**EMPLOYER, "insurance.ends": date(2027, 1, 1)}, date(2027, 12, 2), "program"),  # not IEC
        ({"insurance": DELETE}, date(2027, 12, 2), "program"),
        ({"application.expected_permit_expiry": date(2027, 3, 31)}, date(2027, 3, 31), "program"),
    ],
)
def test_expected_permit_and_ties(overrides, expires, limited_by):
    ep = expected_permit(make(overrides), ON)
    assert (ep.expires, ep.limited_by) == (expires, limited_by)


def test_pr_landing_has_no_expected_permit(crossings, policy):
    assert expected_permit(make(PR), ON) is None
    assert evaluate(make(PR), crossings, policy, ON).expected_permit is None


def test_exemption_never_applies_to_pgwp():
    assert exemption(make({**PGWP, "person.citizenship": "US"})) is None
    assert exemption(make({"person.citizenship": "US"})) == "us-citizen"
    assert exemption(make()) == "cbsa-appointment"
    assert exemption(make(NOT_EXEMPT)) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("JEAN-PAUL", "jean paul", True),
        ("Jean -- Paul", "JEAN PAUL", True),
        ("  maja  elin ", "MAJA ELIN", True),
        ("O'BRIEN-DIAZ", "o'brien diaz", True),
        ("MAJA", "MAJA ELIN", False),
        ("JEANPAUL", "JEAN PAUL", False),
    ],
)
def test_name_comparison(a, b, same):
    assert same_name(a, b) is same


def test_keyword_matching_is_at_word_starts():
    assert matches_keyword("High-school teacher", ["teach"]) == "teach"
    assert matches_keyword("Healthcare", ["health"]) == "health"
    assert matches_keyword("accidental", ["dental"]) is None


_NAMEISH = st.text(alphabet=st.sampled_from(list("aAbZ19 -\t\n\u00a0\u2028ßİé")), max_size=12)


def _key_as_written(name: str) -> str:  # the rules' wording of "the same name", as a pattern
    return re.sub(r"[\s\-]+", " ", name.strip().casefold()).strip()


@settings(max_examples=300, deadline=None)
@given(_NAMEISH, _NAMEISH, st.lists(_NAMEISH, max_size=3))
def test_names_and_keywords_compare_as_the_patterns_say(a, b, keywords):
    """Spaces and hyphens in runs count as one space, case does not count, and a keyword
    matches only where no letter or digit comes before it (read without a regex per keyword)."""
    assert same_name(a, b) is (_key_as_written(a) == _key_as_written(b))
    folded = _key_as_written(a)
    first = next((k for k in keywords if re.search(r"(?<![a-z0-9])" + re.escape(_key_as_written(k)), folded)), None)
    assert matches_keyword(a, keywords) == first


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.integers(0, 120))
def test_add_months_lands_on_the_same_day_or_the_month_end(start, months):
    import calendar

    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == min(start.day, calendar.monthrange(end.year, end.month)[1])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    on=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    months=st.integers(min_value=1, max_value=60),
    passport=st.dates(min_value=date(2024, 1, 1), max_value=date(2036, 12, 31)),
    ins_days=st.integers(min_value=0, max_value=2000),
    program=st.sampled_from(["iec-working-holiday", "iec-young-professionals", "iec-coop", "employer-specific"]),
    given_expiry=st.one_of(st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2036, 12, 31))),
)
def test_expected_expiry_never_after_passport_nor_iec_insurance(on, months, passport, ins_days, program, given_expiry):
    ins_start = date(2024, 1, 1)
    overrides = {
        "application.program": program,
        "application.employer": "Acme Ltd",
        "application.permit_months": months,
        "passport.expires": passport,
        "insurance.starts": ins_start,
        "insurance.ends": ins_start + timedelta(days=ins_days),
    }
    if given_expiry is not None:
        overrides["application.expected_permit_expiry"] = given_expiry
    profile = make(overrides)
    ep = expected_permit(profile, on)
    assert ep is not None
    assert ep.expires <= passport
    assert ep.expires <= term_end(profile, on)
    if program.startswith("iec"):
        assert ep.expires <= profile.insurance.ends
    limit = {"program": term_end(profile, on), "passport": passport, "insurance": profile.insurance.ends}
    assert limit[ep.limited_by] == ep.expires


# --- Terms: on --------------------------------------------------------------------------------

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize(
    ("on_arg", "expected"),
    [
        (None, "2026-12-02T10:30:00-08:00"),  # the plan
        ("2026-12-05", "2026-12-05T10:30:00-08:00"),  # a date keeps plan.arrive
        ("2026-07-01", "2026-07-01T10:30:00-07:00"),  # summer time
        ("2026-12-05T09:15", "2026-12-05T09:15:00-08:00"),  # naive = crossing-local
        ("2026-12-05 09:15:30", "2026-12-05T09:15:30-08:00"),
        ("2026-12-05T12:00-05:00", "2026-12-05T09:00:00-08:00"),  # aware: converted
        ("2026-12-05T18:00Z", "2026-12-05T10:00:00-08:00"),
        ("2026-12-05T23:30+00:00", "2026-12-05T15:30:00-08:00"),
        ("2026-03-08T02:30", "2026-03-08T03:30:00-07:00"),  # in the spring gap: moved forward
        ("2026-11-01T01:30", "2026-11-01T01:30:00-07:00"),  # repeated hour: the first one
    ],
)
def test_resolve_on_with_a_plan(on_arg, expected, crossings):
    on = resolve_on(make(), crossings, on_arg, NOW)
    assert on.isoformat() == expected
    assert str(on.tzinfo) == "America/Vancouver"


def test_resolve_on_date_without_arrive_is_noon(crossings):
    profile = make({"plan.arrive": DELETE})
    assert resolve_on(profile, crossings, None, NOW).isoformat() == "2026-12-02T12:00:00-08:00"
    assert resolve_on(profile, crossings, "2026-12-09", NOW).isoformat() == "2026-12-09T12:00:00-08:00"


def test_resolve_on_in_the_crossings_zone(crossings):
    profile = make(plan_at("fort-erie-peace-bridge", at(2026, 12, 8, 9, 0, TORONTO)))
    assert resolve_on(profile, crossings, None, NOW).isoformat() == "2026-12-08T09:00:00-05:00"
    assert resolve_on(profile, crossings, "2026-12-08T09:00-08:00", NOW).isoformat() == "2026-12-08T12:00:00-05:00"


def test_resolve_on_without_a_plan(crossings):
    profile = make({"plan": DELETE})
    assert resolve_on(profile, crossings, None, NOW) == NOW
    assert resolve_on(profile, crossings, "2026-12-05", NOW).isoformat() == "2026-12-05T12:00:00+01:00"
    assert resolve_on(profile, crossings, "2026-12-05T09:00", NOW).isoformat() == "2026-12-05T09:00:00+01:00"
    assert resolve_on(profile, crossings, "2026-12-05T09:00-08:00", NOW).isoformat() == "2026-12-05T09:00:00-08:00"
    naive_now = datetime(2026, 11, 26, 8, 0)
    assert resolve_on(profile, crossings, None, naive_now).tzinfo is not None


def test_resolve_on_unknown_crossing_uses_the_system_zone(crossings):
    profile = make({"plan.crossing": "nowhere"})
    assert resolve_on(profile, crossings, None, NOW).isoformat() == "2026-12-02T10:30:00+01:00"


@pytest.mark.parametrize("bad", ["tomorrow", "2026-02-30", "2026-13-01T10:00", "12/02/2026", ""])
def test_resolve_on_refuses_malformed_values(bad, crossings):
    with pytest.raises(BadMomentError) as err:
        resolve_on(make(), crossings, bad, NOW)
    assert err.value.value == bad and "2026-12-02T10:30" in err.value.expected
    assert "--on" not in str(err.value)  # the CLI adds its option's name


def test_date_rules_use_the_crossings_local_date(crossings, policy):
    # 2024-12-24 07:30 UTC is still 2024-12-23 in Vancouver: the ban does not apply yet.
    profile = make({**NOT_EXEMPT, "insurance.starts": date(2024, 1, 1)})
    on = resolve_on(profile, crossings, "2024-12-24T07:30:00+00:00", NOW)
    assert on.date() == date(2024, 12, 23)
    assert "eligibility.flagpoling_ended" not in evaluate(profile, crossings, policy, on).ids()
    on = resolve_on(profile, crossings, "2024-12-24T08:00:00+00:00", NOW)
    assert "eligibility.flagpoling_ended" in evaluate(profile, crossings, policy, on).ids()


# --- The example profiles keep their promises -------------------------------------------------


EXAMPLES = {
    "demo.toml": (
        {"eligibility.exempt", "medical.condition_expected", "permit.expiry_matches_poe_letter"},
        ("2027-12-02", "program"),
    ),
    "iec-insurance-ends-early.toml": (
        {"eligibility.flagpoling_ended", "insurance.limits_permit", "medical.condition_expected"},
        ("2027-11-30", "insurance"),
    ),
    "iec-ready-with-appointment.toml": (
        {"eligibility.exempt", "eligibility.appointment_unconfirmed"}, ("2028-12-03", "program")
    ),
    "pr-landing.toml": ({"eligibility.pr_landing_unconfirmed"}, None),
    "us-citizen-employer-specific.toml": ({"eligibility.exempt"}, ("2028-12-07", "program")),
    "iec-arrival-by-air.toml": (
        {"insurance.limits_permit", "medical.condition_expected"}, ("2027-06-14", "insurance"),
    ),
}


def test_every_example_profile_is_covered():
    assert {p.name for p in PROFILES.glob("*.toml")} == set(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_profiles_give_the_promised_findings(name, crossings, policy):
    ids, expected = EXAMPLES[name]
    profile = read_profile(PROFILES / name)
    airports = load_airports()
    on = resolve_on(profile, crossings, None, NOW, airports=airports)
    report = evaluate(profile, crossings, policy, on, airports=airports)
    assert report.ids() == ids
    if expected is None:
        assert report.expected_permit is None
    else:
        assert (str(report.expected_permit.expires), report.expected_permit.limited_by) == expected


def test_demo_seed_story(crossings, policy):
    profile = read_profile(PROFILES / "demo.toml")
    on = resolve_on(profile, crossings, None, NOW)
    assert on.isoformat() == "2026-12-02T10:30:00-08:00"
    report = evaluate(profile, crossings, policy, on)
    f = finding(report, "permit.expiry_matches_poe_letter")
    assert "my permit should run until 2027-12-02. Could you correct it, please?" in f.say
    assert report.ready


def test_us_citizen_example_is_exempt_as_a_us_citizen(crossings, policy):
    profile = read_profile(PROFILES / "us-citizen-employer-specific.toml")
    report = evaluate(profile, crossings, policy, resolve_on(profile, crossings, None, NOW))
    assert "US citizen" in finding(report, "eligibility.exempt").message


def test_evaluate_is_pure(crossings, policy):
    profile = make(with_issued(expires=date(2027, 2, 10)))
    before = profile.model_dump()
    first = evaluate(profile, crossings, policy, ON)
    second = evaluate(profile, crossings, policy, ON)
    assert first == second
    assert profile.model_dump() == before


def test_spousal_and_pgwp_profiles_validate():
    assert make(SPOUSAL).application.program.value == "spousal-open-work-permit"
    assert make(PGWP).application.program.value == "pgwp"
    assert make(PR).application.program.value == "pr-landing"
