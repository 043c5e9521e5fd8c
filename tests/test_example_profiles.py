"""Every bundled example profile is a valid, invented person."""

from __future__ import annotations

import pytest

from tui.core.profile_io import read_profile

from .harness import PROFILES

EXAMPLES = sorted(PROFILES.glob("*.toml"))


def test_there_are_examples_for_each_promised_situation():
    names = {p.stem for p in EXAMPLES}
    assert {"demo", "iec-ready-with-appointment", "iec-insurance-ends-early",
            "us-citizen-employer-specific", "pr-landing"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_profile_loads(path):
    profile = read_profile(path)
    assert profile.person.surname.isupper()
    assert path.read_text("utf-8").lstrip().startswith("#"), "say in a comment what it shows"
