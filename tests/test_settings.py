"""Preferences are remembered, and a broken settings file never blocks the app."""

from __future__ import annotations

import pytest

from tui.core.settings import Settings, load_settings, save_settings


def test_saved_settings_come_back(tmp_path):
    save_settings(tmp_path, Settings(theme="textual-light", last_profile="alex"))
    assert load_settings(tmp_path) == Settings(theme="textual-light", last_profile="alex")


@pytest.mark.parametrize(
    "content", ["", "theme = ", 'theme = "neon"', "theme = 3\nlast_profile = 4", "\xff"]
)
def test_broken_or_unknown_values_fall_back_to_defaults(tmp_path, content):
    (tmp_path / "settings.toml").write_text(content, errors="surrogateescape")
    assert load_settings(tmp_path).theme == "textual-dark"


def test_no_file_gives_defaults(tmp_path):
    assert load_settings(tmp_path) == Settings()
