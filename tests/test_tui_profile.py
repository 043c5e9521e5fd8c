"""The profile screen: validation inline, masked numbers, atomic save, unsaved changes ask."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import Input, Static

from tui.core.profile_io import load_stored, read_profile, save_stored
from tui.core.storage import ProfileStore
from tui.screens.ask import AskScreen
from tui.screens.profile import ProfileScreen, widget_id

from .harness import (
    TEST_PROFILES,
    profile_harness,
    record_notifications,
    static_text,
    wait_for,
    wait_for_profile_form,
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("America/Vancouver"))


Harness = profile_harness


def summary(app) -> str:
    """The readiness line at the top of the form."""
    return static_text(app, "#readiness-summary")


settle = wait_for_profile_form


def text_on_screen(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def test_numbers_are_masked_until_revealed(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        number = app.screen.query_one(f"#{widget_id('passport.number')}", Input)
        assert number.value == "X9F4K2M71"
        assert number.password is True
        assert "X9F4K2M71" not in app.export_screenshot()
        await pilot.press("f8")
        await wait_for(pilot, lambda: number.password is False, "F8 revealed the numbers")
        assert "X9F4K2M71" in app.export_screenshot()


async def test_fix_a_validation_error_then_save_keeps_the_previous_version(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    before = store.read_bytes("demo")
    app = Harness(store, "demo")
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        dob = app.screen.query_one(f"#{widget_id('person.date_of_birth')}", Input)
        dob.value = "14/03/1999"
        await wait_for(
            pilot,
            lambda: "FIX: Expected a date like 2026-12-02" in app.screen.message("person.date_of_birth")
            and "1 field needs attention" in summary(app),
            "a day-first date was refused inline and counted in the summary",
        )
        await pilot.press("f7")
        await wait_for(pilot, lambda: any("Not saved" in m for m in said), "F7 refused to save, in words")
        assert store.read_bytes("demo") == before  # refused: nothing written
        dob.value = "1999-03-15"
        await wait_for(
            pilot, lambda: app.screen.message("person.date_of_birth") == "", "the fixed date was accepted"
        )
        await pilot.press("f7")
        await wait_for(pilot, lambda: any("Saved 'demo'" in m for m in said), "F7 saved the profile")
        assert load_stored(store, "demo").person.date_of_birth.isoformat() == "1999-03-15"
        assert store.path_for("demo").with_name("demo.toml.prev").read_bytes() == before
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.result == "demo", "escape left the saved profile")


async def test_readiness_summary_follows_the_fields(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Readiness: 0 errors" in summary(app)
        app.screen.query_one(f"#{widget_id('funds.amount_cad')}", Input).value = "900"
        await wait_for(
            pilot, lambda: "Readiness: 1 error " in summary(app), "CAD 900 of funds counted as an error"
        )
        assert "not ready yet" in summary(app)


async def test_leaving_with_unsaved_changes_asks(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "demo", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    app = Harness(store, "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(f"#{widget_id('person.surname')}", Input).value = "LINDQUIST"
        await wait_for(pilot, lambda: app.screen.dirty, "the changed surname made the form unsaved")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "escape asked before leaving")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileScreen), "'n' stayed on the form")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "escape asked again")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.result != "not dismissed", "'y' left without saving")
    assert app.result is None
    assert load_stored(store, "demo").person.surname == "LINDQVIST"


async def test_a_new_profile_needs_a_name_and_the_required_fields(tmp_path):
    store = ProfileStore(tmp_path)
    app = Harness(store, None)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.message("person.surname") == ""  # a blank form does not shout
        assert "need filling in" in summary(app)
        await pilot.press("f7")
        await wait_for(  # after trying to save, it does
            pilot, lambda: "Required." in app.screen.message("person.surname"), "F7 marked the surname required"
        )
        values = {
            "person.surname": "DOE", "person.given_names": "JO", "person.date_of_birth": "1990-01-01",
            "person.citizenship": "FR", "passport.number": "P1", "passport.country": "FR",
            "passport.expires": "2032-01-01",
        }
        for path, value in values.items():
            app.screen.query_one(f"#{widget_id(path)}", Input).value = value
        app.screen.query_one(f"#{widget_id('application.program')}").value = "pr-landing"
        await wait_for(
            pilot,
            lambda: "not checked" not in summary(app) and not app.workers,
            "the filled-in form was checked by the rules",
        )
        asked = len(said)
        await pilot.press("f7")
        await wait_for(pilot, lambda: len(said) > asked, "F7 without a name said why it did not save")
        assert store.list() == []  # no name yet
        app.screen.query_one("#profile-name", Input).value = "jo"
        await pilot.press("f7")
        await wait_for(pilot, lambda: store.exists("jo"), "F7 saved the profile 'jo'")
        await wait_for(pilot, lambda: not app.workers, "the save finished")
    assert load_stored(store, "jo").person.surname == "DOE"
