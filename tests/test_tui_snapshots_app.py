"""Snapshots of the profile, import and export screens at 80x24 (the welcome, finder and
history screens have theirs beside their own tests)."""

from __future__ import annotations

from textual.widgets import Input

from .test_tui_app_flows import wait
from .test_tui_journey import make_app, settle


async def steady(pilot) -> None:
    """No blinking cursor in a snapshot (it would make the picture depend on timing)."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def test_profile_screen(snap_compare, tmp_path):
    async def open_profile(pilot):
        await settle(pilot)
        await pilot.press("o")
        await wait(pilot)
        await steady(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_profile)


def test_import_screen(snap_compare, tmp_path):
    async def open_import(pilot):
        await settle(pilot)
        await pilot.press("i")
        await wait(pilot)
        await steady(pilot)

    assert snap_compare(make_app(tmp_path, profile=None), terminal_size=(80, 24), run_before=open_import)


def test_export_screen(snap_compare, tmp_path):
    async def open_export(pilot):
        await settle(pilot)
        pilot.app.action_export_profile()
        await wait(pilot)
        pilot.app.screen.query_one("#export-path", Input).value = "/home/you/demo-profile.toml"
        await steady(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_export)


def test_help_screen(snap_compare, tmp_path):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await wait(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_help)

