"""The profile screen: validation inline, masked numbers, atomic save, unsaved changes ask."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import Input, Static

from tui.core.clock import fixed_clock
from tui.core.profile_io import load_stored, read_profile, save_stored
from tui.core.storage import ProfileStore
from tui.screens.ask import AskScreen
from tui.screens.profile import ProfileScreen, widget_id

from .conftest import PROFILES
from .harness import Harness as ScreenHarness

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("America/Vancouver"))


def Harness(store: ProfileStore, name: str | None) -> ScreenHarness:
    """The profile screen of ``name`` (None: a new profile) on its own, with the fixed clock."""
    return ScreenHarness(ProfileScreen(store, name, fixed_clock(NOW)))


async def settle(app, pilot) -> None:
    for _ in range(3):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
    await pilot.pause()


def text_on_screen(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_numbers_are_masked_until_revealed(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        number = app.screen.query_one(f"#{widget_id('passport.number')}", Input)
        assert number.value == "X9F4K2M71"
        assert number.password is True
        assert "X9F4K2M71" not in app.export_screenshot()
        await pilot.press("f8")
        await pilot.pause()
        assert number.password is False
        assert "X9F4K2M71" in app.export_screenshot()


async def test_fix_a_validation_error_then_save_keeps_the_previous_version(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    before = store.read_bytes("demo")
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dob = app.screen.query_one(f"#{widget_id('person.date_of_birth')}", Input)
        dob.value = "14/03/1999"
        await settle(app, pilot)
        assert "FIX: Expected a date like 2026-12-02" in app.screen.message("person.date_of_birth")
        assert "1 field needs attention" in str(app.screen.query_one("#readiness-summary", Static).render())
        await pilot.press("f7")
        await settle(app, pilot)
        assert store.read_bytes("demo") == before  # refused: nothing written
        dob.value = "1999-03-15"
        await settle(app, pilot)
        assert app.screen.message("person.date_of_birth") == ""
        await pilot.press("f7")
        await settle(app, pilot)
        assert load_stored(store, "demo").person.date_of_birth.isoformat() == "1999-03-15"
        assert store.path_for("demo").with_name("demo.toml.prev").read_bytes() == before
        await pilot.press("escape")
        await pilot.pause()
    assert app.result == "demo"


async def test_readiness_summary_follows_the_fields(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        summary = app.screen.query_one("#readiness-summary", Static)
        assert "0 errors" in str(summary.render())
        app.screen.query_one(f"#{widget_id('funds.amount_cad')}", Input).value = "900"
        await settle(app, pilot)
        assert "1 error" in str(summary.render())
        assert "not ready yet" in str(summary.render())


async def test_leaving_with_unsaved_changes_asks(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(PROFILES / "demo.toml"))
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.screen.query_one(f"#{widget_id('person.surname')}", Input).value = "LINDQUIST"
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.result is None
    assert load_stored(store, "demo").person.surname == "LINDQVIST"


async def test_a_new_profile_needs_a_name_and_the_required_fields(tmp_path):
    store = ProfileStore(tmp_path)
    app = Harness(store, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.screen.message("person.surname") == ""  # a blank form does not shout
        assert "need filling in" in str(app.screen.query_one("#readiness-summary", Static).render())
        await pilot.press("f7")
        await settle(app, pilot)
        assert "Required." in app.screen.message("person.surname")  # after trying to save, it does
        values = {
            "person.surname": "DOE", "person.given_names": "JO", "person.date_of_birth": "1990-01-01",
            "person.citizenship": "FR", "passport.number": "P1", "passport.country": "FR",
            "passport.expires": "2032-01-01",
        }
        for path, value in values.items():
            app.screen.query_one(f"#{widget_id(path)}", Input).value = value
        app.screen.query_one(f"#{widget_id('application.program')}").value = "pr-landing"
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        assert store.list() == []  # no name yet
        app.screen.query_one("#profile-name", Input).value = "jo"
        await pilot.press("f7")
        await settle(app, pilot)
    assert load_stored(store, "jo").person.surname == "DOE"
