"""The profile form: every field round-trips, and each problem lands on its own field."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.profile_form import FIELDS, from_form, to_form
from tui.core.profile_io import read_profile

from .harness import PROFILES

EXAMPLES = sorted(PROFILES.glob("*.toml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_survives_the_form(path):
    profile = read_profile(path)
    result = from_form(to_form(profile))
    assert result.errors == {}
    assert result.profile == profile


def test_a_new_profile_form_is_empty_and_says_what_is_required():
    result = from_form(to_form(None))
    assert result.profile is None
    assert result.errors["person.surname"] == "Required."
    assert result.errors["passport.number"] == "Required."
    assert "application.program" in result.errors
    assert not any(path.startswith("insurance.") for path in result.errors)


@pytest.mark.parametrize(
    ("path", "text", "message"),
    [
        ("person.date_of_birth", "14/03/1999", "Expected a date like 2026-12-02"),
        ("person.citizenship", "Sweden", "two-letter country code"),
        ("funds.amount_cad", "lots", "A whole number"),
        ("insurance.printed", "maybe", "Answer yes or no"),
        ("plan.arrive", "half past ten", "local time"),
        ("insurance.ends", "2026-01-01", "ends before it starts"),
        ("application.permit_months", "", "Required for iec-working-holiday (or give the expected"),
        ("application.poe_letter_issued", "", "Required for iec-working-holiday."),
    ],
)
def test_a_bad_value_is_reported_on_its_field(path, text, message):
    values = to_form(read_profile(PROFILES / "demo.toml"))
    values[path] = text
    result = from_form(values)
    assert result.profile is None
    assert message in result.errors[path], result.errors


def test_clearing_an_optional_section_removes_it():
    values = to_form(read_profile(PROFILES / "demo.toml"))
    for f in FIELDS:
        if f.section == "issued_permit":
            values[f.path] = ""
    result = from_form(values)
    assert result.profile.issued_permit is None


def test_conditions_are_one_per_line():
    values = to_form(read_profile(PROFILES / "demo.toml"))
    values["issued_permit.conditions"] = "Not authorized to work in childcare\n\n  Must leave by X \n"
    result = from_form(values)
    assert result.profile.issued_permit.conditions == ["Not authorized to work in childcare", "Must leave by X"]


@settings(max_examples=100)
@given(path=st.sampled_from([f.path for f in FIELDS]), text=st.text(max_size=20))
def test_any_text_in_any_field_gives_a_profile_or_messages(path, text):
    values = to_form(read_profile(PROFILES / "demo.toml"))
    values[path] = text
    result = from_form(values)
    assert (result.profile is None) == bool(result.errors)
    for message in result.errors.values():
        assert message and message[0].isupper()
