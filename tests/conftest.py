"""Shared fixtures: an isolated data folder for every test, and example profile data."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
TEST_PROFILES = Path(__file__).resolve().parent / "profiles"
"""Profiles frozen for tests (the demo until issue 11, and others), independent of profiles/."""


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """Point $FLAGPOLE_HOME at a fresh folder so no test touches the real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FLAGPOLE_HOME", str(home))
    return home


def load_example(name: str) -> dict:
    """An example profile from profiles/ (or, failing that, tests/profiles/) as plain TOML data
    (a fresh copy each time)."""
    path = PROFILES / name if (PROFILES / name).is_file() else TEST_PROFILES / name
    with open(path, "rb") as handle:
        return copy.deepcopy(tomllib.load(handle))


@pytest.fixture(autouse=True)
def quick_form_checks(monkeypatch) -> None:
    """The profile form re-checks 0.3 s after typing stops; tests need not wait that long."""
    from tui.screens.profile import ProfileScreen

    monkeypatch.setattr(ProfileScreen, "CHECK_DELAY", 0.02)


@pytest.fixture
def demo_data() -> dict:
    """The demo profile until issue 11 (an IEC participant with a CBSA appointment whose permit
    carries the POE letter's date), frozen in tests/profiles/, as plain data."""
    return load_example("lindqvist-appointment.toml")
