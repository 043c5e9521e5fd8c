"""Where the bundled data files and example profiles are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    """``tui/NAME`` in an installed wheel; the checkout's top-level ``NAME`` otherwise."""
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def data_dir() -> Path:
    """The folder holding crossings.toml, policy.toml, places.toml and the journey data."""
    return _bundled("data")


def profiles_dir() -> Path:
    """The folder holding the bundled example profiles (and the demo)."""
    return _bundled("profiles")


def demo_profile_path() -> Path:
    """The invented person the demo runs on."""
    return profiles_dir() / "demo.toml"
