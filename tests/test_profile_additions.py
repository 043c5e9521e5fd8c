"""The schema-1 additions (profile-format.md "Additions"): basis, offer number, status, route,
airport. Every file written before them stays valid and is written back unchanged."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from tui.core.errors import InvalidFileError
from tui.core.profile import Basis, PlanRoute, StatusKind
from tui.core.profile_form import from_form, to_form
from tui.core.profile_io import dump_profile, parse_profile, profile_from_dict

from .harness import PROFILES, load_example

EXAMPLES = sorted(p.name for p in Path(PROFILES).glob("*.toml"))


def _refusal(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(InvalidFileError) as caught:
        profile_from_dict(data)
    return [(p.where, p.reason) for p in caught.value.problems]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_profile_imports_and_is_written_back_unchanged(name):
    text = (Path(PROFILES) / name).read_text("utf-8")
    profile = parse_profile(text, name)
    again = parse_profile(dump_profile(profile), name)
    assert again == profile
    assert "basis" not in dump_profile(profile) or profile.application.basis is Basis.APPLY_AT_PORT
    assert "route" not in dump_profile(profile) or profile.route is not PlanRoute.FLAGPOLE


def _cusma_professional() -> dict:
    data = load_example("us-citizen-employer-specific.toml")
    app = data["application"]
    for key in ("poe_letter_issued", "poe_letter_valid_until", "poe_letter_printed"):
        app.pop(key, None)
    app["basis"] = "apply-at-port"
    app["offer_number"] = "A1234567"
    return data


def test_applying_at_the_port_needs_no_poe_letter():
    profile = profile_from_dict(_cusma_professional())
    assert profile.application.applies_at_port
    assert profile.application.offer_number == "A1234567"
    assert 'basis = "apply-at-port"' in dump_profile(profile)


@pytest.mark.parametrize("program", ["iec-working-holiday", "pgwp", "pr-landing"])
def test_applying_at_the_port_is_refused_for_other_programmes_naming_the_key(program):
    data = _cusma_professional()
    data["application"]["program"] = program
    data["application"]["permit_months"] = 12
    problems = _refusal(data)
    assert any(where == "application.basis" and "apply-at-port" in why for where, why in problems)


def test_the_poe_letter_keys_stay_required_without_apply_at_port():
    data = _cusma_professional()
    del data["application"]["basis"]
    (problem,) = [p for p in _problems(data) if p.missing]
    assert problem.where == "application"
    assert problem.missing == ("poe_letter_issued", "poe_letter_valid_until", "poe_letter_printed")
    assert problem.needed_by == "employer-specific"


def _problems(data: dict):
    with pytest.raises(InvalidFileError) as caught:
        profile_from_dict(data)
    return caught.value.problems


@pytest.mark.parametrize("current", [k.value for k in StatusKind])
def test_status_takes_each_documented_value(current):
    data = load_example("lindqvist-appointment.toml")
    data["status"] = {"current": current, "valid_until": date(2027, 3, 1)}
    profile = profile_from_dict(data)
    assert profile.status.current.value == current
    assert profile_from_dict(copy.deepcopy(profile.to_toml_dict())) == profile


def test_a_misspelt_status_gets_a_did_you_mean():
    data = load_example("lindqvist-appointment.toml")
    data["status"] = {"current": "maintaned"}
    (where, why), = _refusal(data)
    assert where == "status.current" and "did you mean 'maintained'" in why


def test_arrival_by_air_needs_no_crossing():
    data = load_example("lindqvist-appointment.toml")
    data["plan"] = {"route": "arrival-by-air", "airport": "yvr", "date": date(2026, 12, 2)}
    profile = profile_from_dict(data)
    assert profile.route is PlanRoute.ARRIVAL_BY_AIR
    assert profile.plan.airport == "yvr"
    text = dump_profile(profile)
    assert 'route = "arrival-by-air"' in text and "crossing" not in text


def test_the_flagpole_route_still_needs_a_crossing():
    data = load_example("lindqvist-appointment.toml")
    del data["plan"]["crossing"]
    (problem,) = _problems(data)
    assert (problem.where, problem.missing) == ("plan", ("crossing",))


def test_no_plan_means_the_flagpole_route():
    data = load_example("lindqvist-appointment.toml")
    del data["plan"]
    assert profile_from_dict(data).route is PlanRoute.FLAGPOLE


def test_the_form_marks_each_missing_field_from_structured_data():
    values = to_form(profile_from_dict(_cusma_professional()))
    values["application.basis"] = "poe-letter"
    result = from_form(values)
    assert result.profile is None
    assert result.errors["application.poe_letter_issued"] == "Required for employer-specific."
    assert "application.poe_letter_printed" in result.errors
