"""Issue 6 flows through the whole app: from an empty home to a ready profile with a chosen
crossing, import of a broken file, export with redaction, history and the theme."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input

from tui.app import FlagpoleApp
from tui.core.history import BorderHistory
from tui.core.profile_io import load_stored
from tui.core.settings import load_settings
from tui.core.storage import ProfileStore
from tui.screens.finder import CrossingFinderScreen
from tui.screens.history import HistoryScreen
from tui.screens.profile import ProfileScreen, widget_id
from tui.screens.transfer import ExportScreen, ImportScreen
from tui.screens.welcome import WelcomeScreen
from tui.widgets.choice_field import ChoiceField

from .harness import (
    CLOCK,
    FLAGPOLER,
    PROFILES,
    answer_guided_start,
    demo_store,
    static_text,
    wait_for,
    wait_for_journey,
    wait_for_screen,
    wait_for_workers,
    wait_until_open,
)

NEW_PERSON = {
    "person.surname": "DOE",
    "person.given_names": "JO ANN",
    "person.date_of_birth": "1990-01-01",
    "person.citizenship": "US",
    "passport.number": "P7777777",
    "passport.country": "US",
    "passport.expires": "2033-01-01",
    "application.poe_letter_issued": "2026-10-01",
    "application.poe_letter_valid_until": "2027-10-01",
    "application.permit_months": "24",
    "application.employer": "Maple Widgets Ltd",
    "plan.date": "2026-12-02",
    "plan.arrive": "11:00",
}


async def test_new_user_creates_a_profile_fixes_an_error_saves_and_reopens(tmp_path):
    app = FlagpoleApp(store=ProfileStore(tmp_path), clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("c")
        await answer_guided_start(pilot, "US", "employer-specific", "flagpole")
        await pilot.press("f7")
        await wait_for_screen(pilot, ProfileScreen)
        screen = app.screen
        screen.query_one("#profile-name", Input).value = "jo"
        screen.query_one(f"#{widget_id('application.basis')}", ChoiceField).value = "poe-letter"
        await pilot.pause()
        for path, value in NEW_PERSON.items():
            screen.query_one(f"#{widget_id(path)}", Input).value = value
        screen.query_one(f"#{widget_id('application.poe_letter_printed')}", ChoiceField).value = "yes"
        screen.query_one(f"#{widget_id('plan.crossing')}", Input).value = "douglas"
        screen.query_one(f"#{widget_id('person.citizenship')}", Input).value = "usa"
        await wait_for(
            pilot,
            lambda: "two-letter country code" in screen.message("person.citizenship"),
            "'usa' as citizenship was refused in words",
        )
        await pilot.press("f7")
        await wait_for_workers(pilot)
        assert ProfileStore(tmp_path).list() == []  # refused, nothing written
        screen.query_one(f"#{widget_id('person.citizenship')}", Input).value = "US"
        await wait_for(
            pilot,
            lambda: "ready to cross" in static_text(app, "#readiness-summary"),
            "'US' as citizenship made the profile ready",
        )
        assert screen.message("person.citizenship") == ""
        await pilot.press("f7")
        await wait_for(pilot, lambda: ProfileStore(tmp_path).exists("jo"), "F7 saved the profile 'jo'")
        await wait_for_workers(pilot)
        await pilot.press("escape")
        await wait_for_journey(pilot)
        assert app.session.profile_name == "jo"
    stored = load_stored(ProfileStore(tmp_path), "jo")
    assert stored.person.citizenship == "US" and stored.plan.crossing == "douglas"
    assert load_settings(tmp_path).last_profile == "jo"

    again = FlagpoleApp(store=ProfileStore(tmp_path), clock=CLOCK)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(again.screen, WelcomeScreen)
        options = again.screen.query_one("#stored-profiles")
        assert options.get_option_at_index(0).id == "jo"  # last used first
        await pilot.press("enter")
        await wait_for_journey(pilot)
        assert again.session.profile.person.surname == "DOE"


async def test_choosing_a_crossing_in_the_finder_sets_the_plan_and_rechecks(tmp_path):
    store = demo_store(tmp_path)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert app.session.verdict.crossing.id == "boundary-bay"
        await pilot.press("c")
        await wait_for_screen(pilot, CrossingFinderScreen)
        app.screen.query_one("#finder-text", Input).value = "peace arch"
        await wait_for(
            pilot, lambda: app.screen.query_one(DataTable).row_count == 1, "'peace arch' left one crossing"
        )
        app.screen.query_one(DataTable).focus()
        await pilot.press("c")
        await wait_for(
            pilot,
            lambda: app.session.verdict is not None and app.session.verdict.crossing.id == "douglas",
            "choosing Douglas checked the plan again",
        )
        await wait_for_journey(pilot)
        assert app.session.profile.plan.crossing == "douglas"
    assert load_stored(store, "demo").plan.crossing == "douglas"
    assert store.path_for("demo").with_name("demo.toml.prev").exists()


async def test_importing_a_broken_file_shows_the_cli_message_and_changes_nothing(tmp_path):
    store = demo_store(tmp_path)
    before = store.read_bytes("demo")
    broken = tmp_path / "demo.toml"
    broken.write_text((PROFILES / "demo.toml").read_text().replace("given_names", "given_name", 1))
    app = FlagpoleApp(store=store, clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("i")
        await wait_for_screen(pilot, ImportScreen)
        app.screen.query_one("#import-path", Input).value = str(broken)
        app.screen.query_one("#import-force", Checkbox).value = True
        await pilot.press("f7")
        await wait_for(
            pilot,
            lambda: "not a valid profile" in static_text(app, "#import-outcome"),
            "F7 refused the broken file in words",
        )
        outcome = static_text(app, "#import-outcome")
        assert "person.given_name: unknown key; did you mean 'given_names'?" in outcome
        assert isinstance(app.screen, ImportScreen)
    assert store.read_bytes("demo") == before


async def test_importing_over_an_existing_name_asks_for_replace(tmp_path):
    store = demo_store(tmp_path)
    app = FlagpoleApp(store=store, clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("i")
        await wait_for_screen(pilot, ImportScreen)
        app.screen.query_one("#import-path", Input).value = str(PROFILES / "pr-landing.toml")
        app.screen.query_one("#import-name", Input).value = "demo"
        await pilot.press("f7")
        await wait_for(
            pilot,
            lambda: "tick 'Replace'" in static_text(app, "#import-outcome"),
            "importing over 'demo' asked to tick Replace",
        )
        app.screen.query_one("#import-name", Input).value = "nguyen"
        await pilot.press("f7")
        await wait_for_journey(pilot)
        assert app.session.profile_name == "nguyen"


async def test_export_offers_redaction_and_masks_by_default(tmp_path):
    store = demo_store(tmp_path)
    target = tmp_path / "out" / "shared.toml"
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        app.action_export_profile()
        await wait_for_screen(pilot, ExportScreen)
        assert app.screen.query_one("#export-redact", Checkbox).value is True
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("f7")
        await wait_for(
            pilot,
            lambda: "with the numbers masked" in static_text(app, "#export-outcome"),
            "F7 exported with the numbers masked",
        )
    text = target.read_text()
    assert "X9F4K2M71" not in text and "NRI-55-20918" not in text
    assert "HALVORSEN" in text


async def test_history_screen_and_theme_are_one_key_away(tmp_path):
    store = demo_store(tmp_path)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("t")
        await wait_for(pilot, lambda: app.theme == "textual-light", "'t' switched to the light theme")
        await pilot.press("h")
        await wait_for_screen(pilot, HistoryScreen)
    assert load_settings(tmp_path).theme == "textual-light"
    again = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert again.theme == "textual-light"


async def test_walking_past_the_us_office_fills_the_border_history(tmp_path):
    store = demo_store(tmp_path, FLAGPOLER)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        for stage in ("us_booth", "us_office", "cbsa_office"):
            await pilot.press("n")
            await wait_for(pilot, lambda stage=stage: app.session.current.id == stage, f"'n' went on to {stage}")
    (entry,) = BorderHistory(tmp_path).read().entries
    assert entry.crossing_name == "Boundary Bay"
