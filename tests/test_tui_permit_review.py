"""The permit review cannot pass unread: each field starts not checked, is confirmed (F5) or
typed, leaving with unchecked fields asks, letters always type, and a key typed right after Tab
lands in the field Tab moved to."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.core.journal import PERMIT_FIELDS
from tui.screens.confirm import ConfirmLeaveScreen
from tui.screens.journey import JourneyScreen
from tui.widgets.stage import StageView

from .harness import make_app, prepare, screen_text, wait_for, wait_until_open

KEYS = [key for key, _ in PERMIT_FIELDS]


def current(app) -> str:
    """The stage the journey shows."""
    return app.screen.query_one(StageView).stage.id


def field(app, key: str) -> Input:
    """The input of one permit field."""
    return app.screen.query_one(f"#permit-{key}", Input)


async def focus(pilot, app, key: str) -> None:
    """Focus a permit field and wait until it has focus."""
    field(app, key).focus()
    await wait_for(pilot, lambda: app.focused is field(app, key), f"the {key} field took focus")


async def test_fields_start_not_checked_and_leaving_with_them_asks(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert all(field(app, key).value == "" for key in KEYS)
        assert app.session.permit_unchecked() == KEYS
        assert app.session.permit_errors() == []
        text = screen_text(app)
        assert "not checked" in text and "should say: HALVORSEN" in text
        assert "8 of 8 fields not checked yet" in text
        app.screen.query_one(StageView).focus()
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmLeaveScreen), "leaving unchecked asked first")
        assert "Not checked yet: Surname, Given names" in screen_text(app)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, JourneyScreen), "'s' stayed")
        assert current(app) == "permit_review"
        assert app.session.state.decisions[-1].unchecked == tuple(KEYS)


async def test_confirming_every_field_then_leaving_does_not_ask_and_survives_a_restart(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await focus(pilot, app, "surname")
        for _ in KEYS:
            await pilot.press("f5", "f6")
        await wait_for(pilot, lambda: app.session.permit_unchecked() == [], "F5 confirmed every field")
        assert field(app, "surname").value == "HALVORSEN"
        assert field(app, "expires").value == "2027-12-02"
        assert set(app.session.permit_how().values()) == {"confirmed"}
        await wait_for(pilot, lambda: "Every field checked" in screen_text(app), "the summary said all is checked")
        app.screen.query_one(StageView).focus()
        await pilot.press("n")
        await wait_for(pilot, lambda: current(app) == "done", "moved on to Done without a question")
        assert not app.session.state.decisions
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert again.session.permit_how() == {key: "confirmed" for key in KEYS}
        assert again.session.permit_values()["expires"] == "2027-12-02"


async def test_n_in_a_permit_field_types_n_and_the_footer_shows_no_letter_key(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await focus(pilot, app, "given_names")
        await pilot.press("n", "p", "q", "g")
        await wait_for(pilot, lambda: field(app, "given_names").value == "npqg", "letters went into the field")
        assert current(app) == "permit_review"
        assert isinstance(app.screen, JourneyScreen)
        shown = [b.binding for b in app.screen.active_bindings.values() if b.binding.show]
        displays = {app.get_key_display(b) for b in shown}
        assert "F5" in displays and "F6" in displays
        assert all(not any(ch.isalpha() and len(part) == 1 for part in d.split("/") for ch in part) for d in displays), displays


async def test_a_burst_with_tab_lands_in_two_fields_and_a_paste_in_the_focused_one(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await focus(pilot, app, "surname")
        for key in ["a", "b", "c", "tab", "d", "e", "f"]:  # no pause between keys
            char = key if len(key) == 1 else None
            app.post_message(events.Key(key, char))
        await wait_for(
            pilot,
            lambda: (field(app, "surname").value, field(app, "given_names").value) == ("abc", "def"),
            f"'abc' and 'def' in two fields (got {field(app, 'surname').value!r}, {field(app, 'given_names').value!r})",
        )
        app.post_message(events.Paste("2027-12-02"))
        app.post_message(events.Key("tab", None))
        app.post_message(events.Key("x", "x"))
        await wait_for(pilot, lambda: field(app, "date_of_birth").value == "x", "the key after the paste moved on")
        assert field(app, "given_names").value == "def2027-12-02"
        assert field(app, "surname").value == "abc"
        assert app.session.permit_values()["surname"] == "abc"


async def test_done_restates_each_correction_in_words(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        for key in KEYS:
            if key != "expires":
                app.session.confirm_permit_field(key)
        await focus(pilot, app, "expires")
        await pilot.press(*"2027-02-10")
        await wait_for(pilot, lambda: app.session.permit_errors() != [], "the letter's date is an error")
        app.screen.query_one(StageView).focus()
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmLeaveScreen), "leaving with an error asked")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, JourneyScreen) and current(app) == "done", "left")
        text = screen_text(app)
        assert "The expiry should say 2027-12-02." in text
        assert "permit.expiry" not in text
