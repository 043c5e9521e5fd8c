"""A traveller's words: the texts the app shows carry no profile key path, no rule id and no CLI
command (issue 13, item 5). The CLI may append them; the findings' own words may not.

Scanned: every finding the rules produce for every rule case (tests/rule_cases.py, which fires
every rule) and for every example profile on several dates and routes (message, advice, the
sentence to say, the steps), every text of the bundled journey data, and the welcome screen.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tui.core.airports import load_airports
from tui.core.crossings import load_crossings
from tui.core.findings import Finding, FindingStage, Severity
from tui.core.policy import load_policy
from tui.core.profile import (
    Basis,
    Exemption,
    PermitKind,
    PlanRoute,
    Profile,
    Program,
    StatusKind,
    Travel,
)
from tui.core.profile_io import profile_from_dict, read_profile
from tui.core.resources import data_dir
from tui.core.rules import evaluate, resolve_on, rule_ids

from .harness import PROFILES
from .rule_cases import CASES, make


def _sections() -> dict[str, set[str]]:
    out = {}
    for name, info in Profile.model_fields.items():
        models = [m for m in getattr(info.annotation, "__args__", (info.annotation,)) if m is not type(None)]
        if hasattr(models[0], "model_fields"):
            out[name] = set(models[0].model_fields)
    return out


SECTIONS = _sections()
"""Each section of the profile format and its keys (person: surname, given_names, ...)."""

KEY_PATH = re.compile(
    r"(?<![\w.])(" + "|".join(SECTIONS) + r")\.([a-z_]+)\b"
)
SECTION_HEADER = re.compile(r"\[(" + "|".join(SECTIONS) + r")\]")
RULE_ID = re.compile(r"(?<![\w.])(" + "|".join(re.escape(i) for i in rule_ids()) + r")(?![\w.])")
COMMANDS = ("check", "crossings", "airports", "rules", "history", "export", "import", "profiles",
            "run", "demo")
CLI_COMMAND = re.compile(r"\bflagpole (" + "|".join(COMMANDS) + r")\b")
ASSIGNMENT = re.compile(r"\b[a-z_]+ ?= ?\"")
"""A profile line like ``route = "arrival-by-air"``."""
RAW_IDS = {
    v.value
    for enum in (Program, Exemption, Basis, StatusKind, PlanRoute, PermitKind, Travel)
    for v in enum
    if v.value.count("-") >= 2 or v.value in {"iec-coop", "by-mail", "poe-letter", "truck-driver"}
}
"""Enum values no sentence would spell this way (``arrival-by-air``, ``iec-work-permit``)."""
RAW_ID = re.compile(r"(?<![\w-])(" + "|".join(sorted(RAW_IDS)) + r")(?![\w-])")


def problems(text: str) -> list[str]:
    """What in ``text`` belongs to the profile file, the catalogue or the CLI, not to a traveller."""
    found: list[str] = []
    for m in KEY_PATH.finditer(text):
        if m.group(2) in SECTIONS[m.group(1)]:
            found.append(f"key path {m.group(0)!r}")
    found += [f"section {m.group(0)!r}" for m in SECTION_HEADER.finditer(text)]
    found += [f"rule id {m.group(0)!r}" for m in RULE_ID.finditer(text)]
    found += [f"command {m.group(0)!r}" for m in CLI_COMMAND.finditer(text)]
    found += [f"assignment {m.group(0)!r}" for m in ASSIGNMENT.finditer(text)]
    found += [f"raw id {m.group(0)!r}" for m in RAW_ID.finditer(text)]
    if "`" in text:
        found.append("a backtick")
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Set application.exemption in your profile.",
        "Add a [plan] to the profile.",
        "The rule eligibility.flagpoling_ended fired.",
        "'flagpole crossings --foot' lists them.",
        'set route = "arrival-by-air"',
        "your status is iec-work-permit",
        "Run `check` first.",
    ],
)
def test_the_scanner_catches_each_kind_of_words_from_the_wrong_world(text):
    assert problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your passport expired on 2026-01-01.",
        "People who flagpole on their date, by car.",
        "An employer-specific permit; your plan. Date and time.",
        "Flagpoling at Boundary Bay ends at 14:00 (see canada.ca).",
    ],
)
def test_the_scanner_lets_plain_words_through(text):
    assert problems(text) == []


# --- The findings ----------------------------------------------------------------------------


def finding_texts(f: Finding) -> Iterator[str]:
    """Every text of a finding the app shows."""
    yield f.message
    yield f.advice
    if f.say:
        yield f.say
    yield from f.steps


def _report_problems(findings) -> list[str]:
    out = []
    for f in findings:
        for text in finding_texts(f):
            out += [f"{f.id}: {p} in {text!r}" for p in problems(text)]
    return out


def test_every_finding_of_every_rule_case_speaks_plain_words():
    policy, crossings, airports = load_policy(), load_crossings(), load_airports()
    bad: list[str] = []
    fired: set[str] = set()
    for case in CASES:
        report = evaluate(make(case.overrides), crossings, policy, case.on, airports=airports)
        fired |= report.ids()
        bad += _report_problems(report.findings)
    assert fired == set(rule_ids()), "every rule must have been heard"
    assert not bad, "\n".join(sorted(set(bad)))


def _variants(profile: Profile) -> Iterator[Profile]:
    """The profile as it is, and on each route (air at Vancouver, by mail), and with no plan."""
    yield profile
    data = profile.model_dump(by_alias=True, exclude_none=True)
    plan_date = profile.plan.date if profile.plan else date(2026, 12, 2)
    routes = [
        {"route": "flagpole", "crossing": "boundary-bay", "date": plan_date, "arrive": time(10, 30),
         "travel": "foot"},
        {"route": "flagpole", "crossing": "no-such-crossing", "date": plan_date},
        {"route": "arrival-by-air", "airport": "yvr", "date": plan_date, "arrive": time(7, 0)},
        {"route": "arrival-by-air", "airport": "", "date": plan_date},
        {"route": "arrival-by-air", "airport": "vancuver", "date": plan_date},
        {"route": "by-mail", "date": plan_date},
    ]
    for plan in routes:
        yield profile_from_dict({**data, "plan": plan})
    yield profile_from_dict({k: v for k, v in data.items() if k != "plan"})


MOMENTS = [None, "2024-12-23", "2024-12-24", "2026-12-05T22:00", "2027-06-01", "2031-01-01"]


@pytest.mark.parametrize("path", sorted(PROFILES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_finding_of_every_example_on_every_route_and_date_speaks_plain_words(path):
    policy, crossings, airports = load_policy(), load_crossings(), load_airports()
    now = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("America/Vancouver"))
    bad: list[str] = []
    for profile in _variants(read_profile(path)):
        for moment in MOMENTS:
            on = resolve_on(profile, crossings, moment, now, airports=airports)
            bad += _report_problems(evaluate(profile, crossings, policy, on, airports=airports).findings)
    assert not bad, "\n".join(sorted(set(bad)))


# --- The journey data and the welcome screen ---------------------------------------------------

_NOT_SHOWN = {"id", "source", "as_of", "confidence", "programs", "when", "unless", "panel",
              "documents_from", "history_stage", "schema", "handed_over"}


def _shown_strings(node, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every string of the journey data the app shows."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _NOT_SHOWN and key != "program_groups":
                yield from _shown_strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _shown_strings(value, f"{where}[{i}]")
    elif isinstance(node, str):
        yield where, node


def test_the_journey_data_speaks_plain_words():
    raw = tomllib.loads((data_dir() / "journey.toml").read_text("utf-8"))
    strings = list(_shown_strings(raw))
    assert len(strings) > 200, "the walk must reach the stages' texts"
    bad = [f"{where}: {p} in {text!r}" for where, text in strings for p in problems(text)]
    assert not bad, "\n".join(bad)


def test_the_welcome_screen_speaks_plain_words():
    from tui.screens import welcome

    texts = [welcome.WELCOME, *welcome.HINTS] if hasattr(welcome, "HINTS") else [welcome.WELCOME]
    assert all(problems(t) == [] for t in texts), [problems(t) for t in texts]


# --- Menus with human labels, and the field to change in words ----------------------------------

from tui.core import labels  # noqa: E402


@pytest.mark.parametrize("enum", list(labels.MENUS), ids=lambda e: e.__name__)
def test_every_choice_the_app_shows_has_a_plain_label_and_a_one_line_hint(enum):
    menu = labels.choices(enum)
    assert [c.value for c in menu] == [m.value for m in enum]
    assert len({c.label for c in menu}) == len(menu), "two choices read the same"
    for c in menu:
        assert c.label != c.value and problems(c.label) == [] and problems(c.hint) == []
        assert c.hint and "\n" not in c.hint and len(c.hint) <= 100
        assert labels.label(c.value, enum) == c.label and labels.hint(c.value, enum) == c.hint


def test_labels_read_enum_members_and_leave_unknown_ids_alone():
    assert labels.label(Program.IEC_WORKING_HOLIDAY) == "Working holiday (IEC / PVT)"
    assert labels.label(Program.SPOUSAL_OPEN_WORK_PERMIT) == "Spouse or partner open work permit"
    assert labels.label(PlanRoute.ARRIVAL_BY_AIR) == "On arrival by air"
    assert labels.label("no-such-thing", Program) == "no-such-thing"
    assert labels.hint("no-such-thing", Program) == ""


def test_every_field_a_finding_points_at_has_words():
    policy, crossings, airports = load_policy(), load_crossings(), load_airports()
    pointed: set[str] = set()
    for case in CASES:
        report = evaluate(make(case.overrides), crossings, policy, case.on, airports=airports)
        pointed |= {f.fix_field for f in report.findings if f.fix_field}
    assert {"plan.arrive", "plan.route", "application.exemption", "plan.airport"} <= pointed
    for key in pointed:
        section, name = key.split(".")
        assert name in SECTIONS[section], key
        assert key in labels.FIELDS and problems(labels.field_words(key)) == []
    assert set(labels.FIELDS) <= {f"{s}.{k}" for s, keys in SECTIONS.items() for k in keys}


def test_the_app_names_the_key_that_opens_the_profile_at_what_to_change():
    from tui.widgets.findings import change_words

    finding = Finding(
        id="crossing.closes_soon", severity=Severity.WARNING, stage=FindingStage.READINESS,
        message="m", advice="Arrive earlier.", fix_field="plan.arrive",
    )
    assert change_words(finding) == "Press o to change your arrival time."
    assert change_words(finding, None) == ""
    assert change_words(Finding(**{**finding.__dict__, "fix_field": None})) == ""
