"""The app on rehearsal and the real day: the banner, no history from a rehearsal walk, the
question after the plan date, and "Start this day over" in the palette."""

from __future__ import annotations

from datetime import UTC, date, datetime

from textual.widgets import Static

from tui.app import FlagpoleApp
from tui.core.clock import fixed_clock
from tui.core.history import BorderHistory
from tui.core.profile_io import load_stored
from tui.screens.ask import AskScreen
from tui.screens.journey import JourneyScreen

from .harness import FLAGPOLER, TEST_DATA, demo_store, wait_for, wait_for_screen

EVENING_BEFORE = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # 19:00 on 12-01 at Boundary Bay
TWO_DAYS_LATE = datetime(2026, 12, 4, 18, 5, tzinfo=UTC)


def palette_highlights(app, words: str) -> bool:
    """The command palette is open and its highlighted command mentions ``words``."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists or lists.first().highlighted is None:
        return False
    commands = lists.first()
    prompt = commands.get_option_at_index(commands.highlighted).prompt
    return words in getattr(prompt, "plain", str(prompt))


def app_at(home, moment) -> FlagpoleApp:
    return FlagpoleApp(store=demo_store(home, FLAGPOLER), profile_name="demo", clock=fixed_clock(moment),
                       data_dir=TEST_DATA)


async def test_a_rehearsal_shows_its_banner_and_its_walk_writes_no_history(tmp_path):
    app = app_at(tmp_path, EVENING_BEFORE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, JourneyScreen)
        banner = str(app.screen.query_one("#journey-banner", Static).render())
        assert banner.startswith("Rehearsal") and "border history" in banner
        for stage in ("us_booth", "us_office", "cbsa_office"):
            await app.go_to_stage(stage)
        await wait_for(pilot, lambda: app.session.current.id == "cbsa_office", "the walk reached the CBSA office")
    assert BorderHistory(tmp_path).read().entries == []


async def test_after_the_plan_date_it_asks_and_yes_moves_the_plan_to_today(tmp_path):
    app = app_at(tmp_path, TWO_DAYS_LATE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, AskScreen) and app.screen.query("#ask-question"),
            "the question after the plan date",
        )
        assert "Is today the day?" in str(app.screen.query_one("#ask-question", Static).render())
        await pilot.press("y")
        await wait_for(
            pilot, lambda: app.session is not None and app.session.journey_id == "2026-12-04",
            "today's journey opened",
        )
    assert load_stored(app.store, "demo").plan.date == date(2026, 12, 4)


async def test_start_this_day_over_from_the_palette(tmp_path):
    app = app_at(tmp_path, datetime(2026, 12, 2, 18, 5, tzinfo=UTC))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_screen(pilot, JourneyScreen)
        await app.go_to_stage("us_booth")
        await pilot.press("ctrl+p")
        await pilot.press(*"Start this day over")
        await wait_for(pilot, lambda: palette_highlights(app, "Start this day over"), "the palette offered it")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "start over asked first")
        await pilot.press("y")
        await wait_for(
            pilot, lambda: isinstance(app.screen, JourneyScreen) and app.session.current.id == "before_you_go",
            "the day started over at the first stage",
        )
    assert (tmp_path / "journeys" / "demo" / "2026-12-02.earlier-1.jsonl").is_file()
