"""Shared fixtures: an isolated data folder for every test, and example profile data."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import load_example


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One validated-cache folder for the session's bundled data (never the real user cache)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch, shared_cache) -> Path:
    """Point $FLAGPOLE_HOME at a fresh folder so no test touches the real user data, and
    $FLAGPOLE_CACHE at the session's cache folder so none writes into the real user cache."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FLAGPOLE_HOME", str(home))
    monkeypatch.setenv("FLAGPOLE_CACHE", str(shared_cache))
    return home


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
