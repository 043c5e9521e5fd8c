"""The profile model accepts exactly schema 1 and explains every refusal by field path."""

from __future__ import annotations

from datetime import date, time

import pytest

from tui.core.errors import InvalidFileError
from tui.core.profile import PermitKind, Program
from tui.core.profile_io import profile_from_dict

from .harness import load_example


def with_change(data: dict, path: str, value) -> dict:
    """Set (or, with value=DELETE, remove) the dotted key ``path`` in ``data``."""
    *parents, key = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    if value is DELETE:
        node.pop(key, None)
    else:
        node[key] = value
    return data


DELETE = object()


def test_demo_profile_is_valid_and_typed():
    profile = profile_from_dict(load_example("lindqvist-appointment.toml"))
    assert profile.application.program is Program.IEC_WORKING_HOLIDAY
    assert profile.passport.expires == date(2032, 5, 20)
    assert profile.plan.arrive == time(10, 30)
    assert profile.issued_permit.kind is PermitKind.OPEN
    assert profile.issued_permit.conditions == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("person.citizenship", "FR"),
        ("passport.expires", "2031-06-30"),  # an ISO string typed into a form is a date too
        ("application.exemption", ""),
        ("application.exemption", "truck-driver"),
        ("application.permit_months", 12),
        ("plan.arrive", "09:15"),
        ("plan.travel", "foot"),
        ("plan.arrive", DELETE),
        ("insurance", DELETE),
        ("funds", DELETE),
        ("plan", DELETE),
        ("issued_permit", DELETE),
        ("issued_permit.conditions", DELETE),
        ("issued_permit.employer", DELETE),
        ("application.occupation", DELETE),
    ],
)
def test_valid_variations_are_accepted(path, value):
    profile_from_dict(with_change(load_example("lindqvist-appointment.toml"), path, value))


@pytest.mark.parametrize(
    ("path", "value", "where", "words"),
    [
        ("schema", 2, "schema", "1"),
        ("person.surname", "", "person.surname", "at least 1"),
        ("person.citizenship", "gb", "person.citizenship", "two-letter"),
        ("person.citizenship", "GBR", "person.citizenship", "two-letter"),
        ("person.date_of_birth", 1999, "person.date_of_birth", "date"),
        ("person.date_of_birth", "1999-02-30", "person.date_of_birth", "not a real date"),
        ("passport.number", DELETE, "passport.number", "missing"),
        ("passport.expires", "soon", "passport.expires", "date"),
        ("application.program", "iec", "application.program", "iec-working-holiday"),
        ("application.program", DELETE, "application.program", "missing"),
        ("application.exemption", "diplomat", "application.exemption", "us-permanent-resident"),
        ("application.permit_months", 0, "application.permit_months", "greater than"),
        ("application.permit_months", "24", "application.permit_months", "integer"),
        ("application.poe_letter_valid_until", DELETE, "application", "poe_letter_valid_until"),
        ("application.poe_letter_printed", "yes", "application.poe_letter_printed", "boolean"),
        ("application.permit_months", DELETE, "application", "permit_months"),
        ("application.poe_letter_valid_until", "2025-01-01", "application", "before"),
        ("insurance.ends", "2026-01-01", "insurance", "ends before it starts"),
        ("insurance.printed", DELETE, "insurance.printed", "missing"),
        ("funds.amount_cad", -1, "funds.amount_cad", "greater than or equal"),
        ("plan.arrive", "25:00", "plan.arrive", "not a real time"),
        ("plan.arrive", "noon", "plan.arrive", "local time"),
        ("plan.travel", "bike", "plan.travel", "car"),
        ("issued_permit.kind", "closed", "issued_permit.kind", "open"),
        ("issued_permit.conditions", "none", "issued_permit.conditions", "list"),
        ("person.nickname", "Mo", "person.nickname", "unknown key"),
        ("passport.expiry", "2030-01-01", "passport.expiry", "did you mean 'expires'"),
        ("extra", {"a": 1}, "extra", "unknown key"),
    ],
)
def test_invalid_values_are_refused_with_path_and_reason(path, value, where, words):
    data = with_change(load_example("lindqvist-appointment.toml"), path, value)
    with pytest.raises(InvalidFileError) as caught:
        profile_from_dict(data, "x.toml")
    problems = caught.value.problems
    assert any(p.where == where and words in p.reason for p in problems), problems


def test_employer_specific_needs_an_employer():
    data = load_example("us-citizen-employer-specific.toml")
    data["application"]["employer"] = "  "
    with pytest.raises(InvalidFileError) as caught:
        profile_from_dict(data)
    assert "employer" in str(caught.value)


def test_pgwp_needs_no_poe_letter_but_a_length():
    data = load_example("pr-landing.toml")
    data["application"] = {"program": "pgwp", "permit_months": 36}
    assert profile_from_dict(data).application.program is Program.PGWP
    data["application"] = {"program": "pgwp"}
    with pytest.raises(InvalidFileError):
        profile_from_dict(data)


def test_expected_permit_expiry_can_replace_permit_months():
    data = load_example("lindqvist-appointment.toml")
    del data["application"]["permit_months"]
    data["application"]["expected_permit_expiry"] = date(2027, 12, 1)
    assert profile_from_dict(data).application.expected_permit_expiry == date(2027, 12, 1)


def test_pr_landing_needs_only_the_program():
    profile = profile_from_dict(load_example("pr-landing.toml"))
    assert profile.application.program.permit_kind is None
