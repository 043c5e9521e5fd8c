"""The US side's hours, the Quebec appointment mark, "exempt travellers only" after the ban, and
Abbotsford-Huntingdon at night (issue 11, spec/crossings.md "Additions")."""

from __future__ import annotations

import json
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from tui.cli import main
from tui.core import schedule
from tui.core.crossings import load_crossings
from tui.core.finder import (
    EVERYONE,
    EXEMPT_ONLY,
    crossing_status,
    eligible_to_flagpole,
    find_statuses,
    flagpoling_for,
)
from tui.core.policy import load_policy
from tui.core.profile import PlanRoute
from tui.core.rules import evaluate
from tui.widgets.crossing_detail import describe_crossing
from tui.widgets.crossing_words import flagpoling_words, plain_text

from .rule_cases import TORONTO, VANCOUVER, make, plan_at

BAN = load_policy().flagpoling_ban.effective


def nelway_at(y, m, d, hh, mm):
    return datetime(y, m, d, hh, mm, tzinfo=VANCOUVER)


# --- the US side: schedule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "canada_open", "us_open"),
    [
        (nelway_at(2024, 6, 12, 15, 59), True, True),
        (nelway_at(2024, 6, 12, 16, 0), True, False),  # CBP Metaline Falls shut at 16:00
        (nelway_at(2024, 6, 12, 19, 59), True, False),  # CBSA Nelway open to 20:00 until 2025
        (nelway_at(2024, 6, 12, 7, 59), False, False),
        (nelway_at(2020, 4, 5, 17, 0), True, True),  # before CBP's cut of 2020-04-06
        (nelway_at(2025, 1, 6, 17, 59), True, True),  # both sides 08:00–18:00 from 2025-01-06
        (nelway_at(2025, 1, 6, 18, 0), False, False),
    ],
)
def test_the_us_side_at_nelway(moment, canada_open, us_open):
    nelway = load_crossings().get("nelway")
    assert schedule.port_open(nelway, moment) is canada_open
    assert schedule.us_side_open(nelway, moment) is us_open


def test_without_us_hours_the_us_side_is_open_whenever_the_canadian_port_is():
    lacolle = load_crossings().get("lacolle-route-221")  # 06:00–22:00 from 2025-01-06
    assert not lacolle.us_port_hours
    for hh, mm in [(5, 59), (6, 0), (21, 59), (22, 0)]:
        moment = datetime(2026, 12, 3, hh, mm, tzinfo=TORONTO)
        assert schedule.us_side_open(lacolle, moment) is schedule.port_open(lacolle, moment)


# --- the rules -----------------------------------------------------------------------------------


def findings_at(crossing: str, moment: datetime, route: str | None = None):
    overrides = plan_at(crossing, moment)
    if route is not None:
        overrides["plan"]["route"] = route
        overrides["plan"]["airport"] = "yvr"
    return evaluate(make(overrides), load_crossings(), load_policy(), moment)


def test_us_side_closed_names_the_us_port_and_its_hours():
    report = findings_at("nelway", nelway_at(2024, 6, 12, 16, 0))
    found = next(f for f in report.findings if f.id == "crossing.us_side_closed")
    assert found.severity.value == "error"
    assert "Metaline Falls" in found.message and "turn you around" in found.message
    assert "08:00–16:00" in found.advice
    assert found.source.startswith("https://www.cbp.gov/")
    assert "crossing.us_side_closed" not in findings_at("nelway", nelway_at(2024, 6, 12, 15, 59)).ids()


def test_appointment_required_says_the_source_is_unconfirmed():
    moment = datetime(2024, 8, 5, 12, 30, tzinfo=TORONTO)
    report = findings_at("st-bernard-de-lacolle", moment)
    found = next(f for f in report.findings if f.id == "crossing.appointment_required")
    assert found.severity.value == "warning"
    assert "unconfirmed" in found.message
    assert "514-240-5679" in found.advice
    assert found.source.startswith("https://admis.ca/")


@pytest.mark.parametrize(
    ("crossing", "moment", "rule"),
    [
        ("nelway", nelway_at(2024, 6, 12, 16, 0), "crossing.us_side_closed"),
        ("armstrong", datetime(2024, 8, 5, 12, 30, tzinfo=TORONTO), "crossing.appointment_required"),
    ],
)
@pytest.mark.parametrize("route", [r.value for r in PlanRoute if r is not PlanRoute.FLAGPOLE])
def test_both_rules_are_silent_on_other_routes(crossing, moment, rule, route):
    assert rule in findings_at(crossing, moment).ids()
    assert rule not in findings_at(crossing, moment, route).ids()


# --- "exempt travellers only" after the ban ------------------------------------------------------


def test_the_ban_date_comes_from_the_policy_data():
    assert BAN == date(2024, 12, 24)


@pytest.mark.parametrize(
    ("day", "offered", "expected"),
    [
        (date(2024, 12, 23), True, EVERYONE),
        (date(2024, 12, 24), True, EXEMPT_ONLY),
        (date(2024, 12, 24), False, None),
        (date(2026, 12, 2), True, EXEMPT_ONLY),
    ],
)
def test_flagpoling_for_by_date(day, offered, expected):
    assert flagpoling_for(offered, day, BAN) == expected
    assert flagpoling_for(offered, day, None) == (EVERYONE if offered else None)


@pytest.mark.parametrize(
    ("at", "who"),
    [("2024-12-23T12:00", "everyone"), ("2024-12-24T12:00", "exempt-only")],
)
def test_flagpoling_for_in_the_cli_json(capsys, at, who):
    assert main(["crossings", "--at", at, "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    offered = [r for r in rows.values() if r["flagpoling"]]
    assert offered and {r["flagpoling_for"] for r in offered} == {who}
    assert all(r["flagpoling_for"] is None for r in rows.values() if not r["flagpoling"])


def test_the_cli_table_says_exempt_travellers_only_after_the_ban(capsys):
    assert main(["crossings", "--at", "2024-12-23T12:00", "--province", "QC"]) == 0
    before = capsys.readouterr().out
    assert main(["crossings", "--at", "2024-12-24T12:00", "--province", "QC"]) == 0
    after = capsys.readouterr().out
    assert "yes, around the clock" in before and "exempt travellers only" not in before
    assert "exempt travellers only, around the clock" in after and "yes," not in after


def test_find_statuses_passes_the_ban_to_every_status():
    at = datetime(2026, 12, 2, 10, 30)
    statuses = find_statuses(load_crossings(), at, ban=BAN, open_only=True)
    assert statuses and {s.flagpoling_for for s in statuses} == {EXEMPT_ONLY}


@pytest.mark.parametrize(
    ("eligible", "table", "pane"),
    [
        (None, "exempt only, until 16:00", "exempt travellers only, until 16:00 PST"),
        (False, "exempt only, until 16:00", "exempt travellers only, until 16:00 PST"),
        (True, "yes, until 16:00", "yes, until 16:00 PST (you are exempt)"),
    ],
)
def test_the_finder_words_follow_the_verdict(eligible, table, pane):
    data = load_crossings()
    status = crossing_status(data.get("douglas"), datetime(2026, 12, 2, 10, 30), ban=BAN)
    assert flagpoling_words(status, eligible) == table
    text = plain_text(describe_crossing(data, status, current=None, origin=None, eligible=eligible),
                      width=200)
    assert pane in text


def test_before_the_ban_the_finder_says_yes_to_everyone():
    data = load_crossings()
    status = crossing_status(data.get("douglas"), datetime(2024, 12, 19, 10, 30), ban=BAN)
    assert flagpoling_words(status, None) == "yes, until 16:00"


def test_the_finder_says_when_the_us_side_is_closed():
    status = crossing_status(load_crossings().get("nelway"), nelway_at(2024, 6, 12, 17, 0), ban=BAN)
    assert status.flagpoling and not status.us_side_open
    assert flagpoling_words(status) == "no (US side closed)"


def _verdict(ids: list[str], word: str):
    return SimpleNamespace(eligibility=[SimpleNamespace(id=i) for i in ids], eligibility_word=word)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        (None, None),
        (_verdict(["eligibility.exempt"], "ELIGIBLE"), True),
        (_verdict(["eligibility.flagpoling_ended"], "NOT ELIGIBLE"), False),
        (_verdict(["eligibility.pr_landing_unconfirmed"], "UNCERTAIN"), None),
    ],
)
def test_eligible_to_flagpole_reads_the_verdict(verdict, expected):
    assert eligible_to_flagpole(verdict) is expected


# --- Abbotsford-Huntingdon at night ---------------------------------------------------------------


def test_abbotsford_huntingdon_is_open_at_night_but_flagpoling_is_not():
    crossing = load_crossings().get("abbotsford-huntingdon")
    night = datetime(2026, 12, 2, 2, 0, tzinfo=VANCOUVER)  # a Wednesday, after the 24 h correction
    assert schedule.port_open(crossing, night)
    assert not schedule.flagpoling_open(crossing, night)  # its dated window is Mon–Thu 10:00–16:00
    assert schedule.next_window(crossing, night) == night.replace(hour=10)
    report = evaluate(make(plan_at("abbotsford-huntingdon", night)), load_crossings(), load_policy(),
                      night)
    assert "crossing.port_closed" not in report.ids()
    assert "crossing.no_flagpoling" in report.ids()
