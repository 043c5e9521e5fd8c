"""Every bundled example profile is a valid, invented person."""

from __future__ import annotations

import pytest

from tui.core.profile_io import read_profile

from .harness import PROFILES

EXAMPLES = sorted(PROFILES.glob("*.toml"))


def test_there_are_examples_for_each_promised_situation():
    names = {p.stem for p in EXAMPLES}
    assert {"demo", "iec-ready-with-appointment", "iec-insurance-ends-early",
            "us-citizen-employer-specific", "pr-landing", "iec-arrival-by-air"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_profile_loads(path):
    profile = read_profile(path)
    assert profile.person.surname.isupper()
    assert path.read_text("utf-8").lstrip().startswith("#"), "say in a comment what it shows"


def test_the_arrival_by_air_example_lands_at_a_known_airport_with_an_iec_permit_to_activate():
    from tui.core.airports import load_airports
    from tui.core.profile import PlanRoute

    profile = read_profile(PROFILES / "iec-arrival-by-air.toml")
    assert profile.route is PlanRoute.ARRIVAL_BY_AIR
    assert load_airports().get(profile.plan.airport) is not None
    assert profile.application.program.is_iec and profile.issued_permit is not None
