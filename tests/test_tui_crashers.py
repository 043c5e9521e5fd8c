"""Issue 9: three ways the app died or did nothing: the welcome buttons, F6 after an impossible
arrival time, and a history with two entries on one day where one has no recording time."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from textual.widgets import Button, DataTable, Input, Static

from tui.app import FlagpoleApp
from tui.core.history import TurnAround
from tui.core.profile_io import read_profile, save_stored
from tui.core.storage import ProfileStore
from tui.screens.finder import CrossingFinderScreen
from tui.screens.guided import GuidedScreen
from tui.screens.history import HistoryScreen
from tui.screens.journey import JourneyScreen
from tui.screens.profile import ProfileScreen, error_id, widget_id
from tui.screens.transfer import ImportScreen
from tui.screens.welcome import WelcomeScreen

from .harness import CLOCK, PROFILES, Harness, profile_harness, wait_for_profile_form, wait_until_open


async def wait_for(pilot, condition, what: str) -> None:
    """Bounded wait: fail saying what never happened."""
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if condition():
            return
    pytest.fail(f"never happened: {what}")


@pytest.mark.parametrize(
    "button, opens",
    [("create", GuidedScreen), ("import", ImportScreen), ("demo", JourneyScreen)],
)
async def test_each_welcome_button_opens_its_screen_when_clicked(tmp_path, button, opens):
    app = FlagpoleApp(store=ProfileStore(tmp_path), clock=CLOCK)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.query_one(f"#{button}", Button)
        await pilot.click(f"#{button}")
        await wait_for(pilot, lambda: isinstance(app.screen, opens), f"{opens.__name__} opened")


async def test_f6_after_an_impossible_arrival_time_shows_a_field_message(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    app = profile_harness(store, "demo")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_profile_form(pilot)
        app.screen.query_one(f"#{widget_id('plan.arrive')}", Input).value = "25:00"
        await pilot.press("f6")
        await wait_for_profile_form(pilot)
        assert isinstance(app.screen, ProfileScreen)
        message = str(app.screen.query_one(f"#{error_id('plan.arrive')}", Static).render())
        assert "25:00" in message


async def test_f6_after_a_far_away_date_shows_a_field_message(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    app = profile_harness(store, "demo")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_profile_form(pilot)
        app.screen.query_one(f"#{widget_id('plan.date')}", Input).value = "9999-12-31"
        await pilot.press("f6")
        await wait_for_profile_form(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query(f"#{error_id('plan.date')}")


async def test_f6_with_a_good_time_still_opens_the_finder(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    app = profile_harness(store, "demo")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_profile_form(pilot)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, CrossingFinderScreen), "the finder opened")


async def test_history_screen_shows_same_day_entries_one_without_a_recording_time(tmp_path):
    entries = [
        TurnAround(date(2026, 12, 2), "peace-arch", "Peace Arch",
                   recorded_at=datetime(2026, 12, 2, 19, 0, tzinfo=UTC)),
        TurnAround(date(2026, 12, 2), "boundary-bay", "Boundary Bay"),
    ]
    (tmp_path / "history.jsonl").write_text(
        "".join(json.dumps(e.to_json()) + "\n" for e in entries), encoding="utf-8"
    )
    app = Harness(HistoryScreen(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 2, "two rows shown")
        table = app.screen.query_one(DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(2)] == ["Boundary Bay", "Peace Arch"]
