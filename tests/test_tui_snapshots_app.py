"""Snapshots of the profile, import and export screens at 80x24 (the welcome, finder and
history screens have theirs beside their own tests)."""

from __future__ import annotations

from textual.widgets import Input

from tui.screens.help import HelpScreen
from tui.screens.profile import ProfileScreen
from tui.screens.transfer import ExportScreen, ImportScreen

from .harness import make_app, quiet_cursors, static_text, wait_for, wait_for_screen, wait_until_open


def test_profile_screen(snap_compare, tmp_path):
    async def open_profile(pilot):
        await wait_until_open(pilot)
        await pilot.press("o")
        await wait_for_screen(pilot, ProfileScreen)
        await wait_for(
            pilot,
            lambda: "checking" not in static_text(pilot.app, "#readiness-summary") and not pilot.app.workers,
            "the profile form was filled and checked",
        )
        quiet_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_profile)


def test_import_screen(snap_compare, tmp_path):
    async def open_import(pilot):
        await wait_until_open(pilot)
        await pilot.press("i")
        await wait_for_screen(pilot, ImportScreen)
        quiet_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(make_app(tmp_path, profile=None), terminal_size=(80, 24), run_before=open_import)


def test_export_screen(snap_compare, tmp_path):
    async def open_export(pilot):
        await wait_until_open(pilot)
        pilot.app.action_export_profile()
        await wait_for_screen(pilot, ExportScreen)
        pilot.app.screen.query_one("#export-path", Input).value = "/home/you/demo-profile.toml"
        quiet_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_export)


def test_help_screen(snap_compare, tmp_path):
    async def open_help(pilot):
        await wait_until_open(pilot)
        await pilot.press("question_mark")
        await wait_for_screen(pilot, HelpScreen)

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_help)
