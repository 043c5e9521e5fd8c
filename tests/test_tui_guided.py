"""Issue 13 item 1 and the drafts of item 6: from an empty home to a verdict in three answers; the
editor with only the parts that apply, human labels, findings that lead to their field; a draft
that survives a crash."""

from __future__ import annotations

import os
import re
import stat

from textual.widgets import Input, OptionList

from tui.app import FlagpoleApp
from tui.core.drafts import draft_path
from tui.core.profile_io import read_profile, save_stored
from tui.core.storage import ProfileStore
from tui.screens.ask import AskScreen
from tui.screens.guided import GuidedScreen
from tui.screens.profile import ProfileScreen, widget_id
from tui.widgets.choice_field import ChoiceField, ChoicePicker

from .harness import (
    CLOCK,
    TEST_DATA,
    TEST_PROFILES,
    answer_guided_start,
    profile_harness,
    screen_text,
    static_text,
    wait_for,
    wait_for_profile_form,
    wait_for_screen,
    wait_until_open,
)

RAW_ID = re.compile(
    r"\b(iec-working-holiday|iec-young-professionals|iec-coop|spousal-open-work-permit|pgwp|pr-landing"
    r"|arrival-by-air|by-mail|poe-letter|apply-at-port|outside-canada|iec-work-permit|study-permit"
    r"|us-permanent-resident|free-trade-professional|cbsa-appointment)\b"
)


def new_app(home) -> FlagpoleApp:
    return FlagpoleApp(store=ProfileStore(home), clock=CLOCK, data_dir=TEST_DATA)


async def test_an_iec_participant_learns_in_three_answers_that_flagpoling_is_closed(tmp_path):
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("c")
        await answer_guided_start(pilot, "GB", "iec-working-holiday", "flagpole")
        headline = static_text(app, "#verdict-headline")
        assert headline.startswith("No: you cannot get this permit by flagpoling on 2026-12-02")
        assert "no longer issues work permits to people who flagpole" in screen_text(app)
        assert not app.screen.verdict.open
        # An exemption changes the answer at once.
        await pilot.press("down", "down", "down", "down", "down")  # a CBSA appointment
        await wait_for(pilot, lambda: app.screen.exemption is not None, "the exemption was taken")
        assert not static_text(app, "#verdict-headline").startswith("No")


async def test_a_us_citizen_is_told_they_are_exempt_and_goes_on_to_the_details(tmp_path):
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("c")
        await answer_guided_start(pilot, "US", "employer-specific", "flagpole")
        assert static_text(app, "#verdict-headline").startswith("Yes")
        assert "you are exempt: US citizen" in screen_text(app)
        assert not app.screen.query_one("#guided-extra").display  # nothing more to ask
        await pilot.press("f7")
        await wait_for_screen(pilot, ProfileScreen)
        form = app.screen
        assert form.query_one(f"#{widget_id('person.citizenship')}", Input).value == "US"
        assert form.values()["application.program"] == "employer-specific"
        assert form.values()["application.basis"] == "apply-at-port"
        # Only what applies: no IEC insurance or funds, no airport; a crossing.
        assert not form.query_one("#s-insurance").display and not form.query_one("#s-funds").display
        assert "plan.airport" not in form.built and "plan.crossing" in form.built


async def test_escape_goes_back_a_question_and_leaves_from_the_first(tmp_path):
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("c")
        await answer_guided_start(pilot, "FR", "pgwp", "arrival-by-air")
        assert static_text(app, "#verdict-headline").startswith("No")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen.step == 2, "back at the route question")
        await pilot.press("escape", "escape", "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, GuidedScreen), "the guided start closed")


async def test_an_iec_profile_by_air_shows_insurance_required_and_an_airport_menu(tmp_path):
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("c")
        await answer_guided_start(pilot, "IE", "iec-working-holiday", "arrival-by-air")
        await pilot.press("f7")
        await wait_for_screen(pilot, ProfileScreen)
        form = app.screen
        assert static_text(app, "#s-insurance") == "Health insurance  (required)"
        assert static_text(app, "#s-funds") == "Proof of funds  (required)"
        assert "plan.crossing" not in form.built
        airport = form.query_one(f"#{widget_id('plan.airport')}", ChoiceField)
        assert "yvr" in [c.value for c in airport.choices]
        airport.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker), "the airport menu opened")
        menu = app.screen.query_one(OptionList)
        assert any("Vancouver" in str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count))


async def test_menus_show_labels_never_raw_ids(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "lind", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    app = profile_harness(store, "lind")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_profile_form(pilot)
        fields = list(app.screen.query(ChoiceField))
        assert fields and any(f.value for f in fields)
        for field in fields:
            assert not RAW_ID.search(str(field.render())), field.id
        program = app.screen.query_one(f"#{widget_id('application.program')}", ChoiceField)
        program.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker), "the programme menu opened")
        menu = app.screen.query_one(OptionList)
        shown = "\n".join(str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count))
        assert "Working holiday (IEC / PVT)" in shown and not RAW_ID.search(shown)


async def test_the_live_list_names_the_fields_and_f3_goes_to_each(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "lind", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    app = profile_harness(store, "lind")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_profile_form(pilot)
        app.screen.query_one(f"#{widget_id('person.surname')}", Input).value = ""
        app.screen.query_one(f"#{widget_id('passport.expires')}", Input).value = "soon"
        await wait_for(pilot, lambda: [n.path for n in app.screen.notes] == ["person.surname", "passport.expires"],
                       "the two fields listed")
        notes = static_text(app, "#profile-notes")
        assert "• Surname: Required." in notes and "• Passport expires:" in notes
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.focused is not None
                       and app.screen.focused.id == widget_id("person.surname"), "F3 went to the surname")
        await pilot.press("f3")
        await wait_for(pilot, lambda: app.screen.focused.id == widget_id("passport.expires"),
                       "F3 went on to the passport expiry")


async def test_unsaved_typing_survives_a_crash_and_is_offered_back(tmp_path):
    store = ProfileStore(tmp_path)
    app = profile_harness(store, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_profile_form(pilot)
        app.screen.query_one(f"#{widget_id('person.surname')}", Input).value = "NAKAMURA"
        app.screen.query_one(f"#{widget_id('passport.number')}", Input).value = "TK1234567"
        draft = draft_path(tmp_path, None)
        await wait_for(pilot, lambda: draft.is_file() and b"NAKAMURA" in draft.read_bytes(),
                       "the typing was kept as a draft")
    # The app ended without saving or leaving the form (a crash, a closed terminal).
    assert stat.S_IMODE(os.stat(draft).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(draft.parent).st_mode) == 0o700

    again = profile_harness(store, None)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, AskScreen), "the draft was offered back")
        again.screen.dismiss(True)
        await wait_for(pilot, lambda: isinstance(again.screen, ProfileScreen)
                       and again.screen.values()["person.surname"] == "NAKAMURA", "the typing came back")
        assert again.screen.values()["passport.number"] == "TK1234567"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(again.screen, AskScreen), "leaving asks")
        again.screen.dismiss(True)  # leave, discard changes
        await wait_for(pilot, lambda: not draft.exists(), "discarding removed the draft")


def _guided_snapshot(citizenship: str | None, program: str | None = None, route: str | None = None):
    async def walk(pilot):
        from .harness import quiet_cursors

        await wait_until_open(pilot)
        await pilot.press("c")
        await wait_for_screen(pilot, GuidedScreen)
        if citizenship:
            await answer_guided_start(pilot, citizenship, program, route)
        quiet_cursors(pilot.app)
        await pilot.pause()

    return walk


def test_snapshot_guided_first_question(snap_compare, tmp_path):
    assert snap_compare(new_app(tmp_path), terminal_size=(80, 24), run_before=_guided_snapshot(None))


def test_snapshot_guided_verdict_closed(snap_compare, tmp_path):
    walk = _guided_snapshot("GB", "iec-working-holiday", "flagpole")
    assert snap_compare(new_app(tmp_path), terminal_size=(80, 24), run_before=walk)


def test_snapshot_guided_verdict_exempt(snap_compare, tmp_path):
    walk = _guided_snapshot("US", "employer-specific", "flagpole")
    assert snap_compare(new_app(tmp_path), terminal_size=(80, 24), run_before=walk)
