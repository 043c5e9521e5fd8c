"""Pilot flows through the journey companion, on the demo person, with a fixed clock injected
(never freezegun around run_test: it hangs Textual 8)."""

from __future__ import annotations

import os
import stat

from textual.widgets import Input

from tui.app import FlagpoleApp
from tui.core.journal import journal_path
from tui.core.session import Session
from tui.core.storage import ProfileStore
from tui.core.verdict import permit_to_text
from tui.screens.confirm import ConfirmLeaveScreen
from tui.screens.journey import JourneyScreen
from tui.screens.log import LogScreen
from tui.screens.welcome import WelcomeScreen
from tui.widgets.checklist import CheckItem
from tui.widgets.stage import StageView
from tui.widgets.stepper import Stepper

from .harness import (
    CLOCK,
    FLAGPOLER,
    demo_store,
    make_app,
    plain,
    prepare,
    record_notifications,
    screen_text,
    wait_for,
    wait_for_journey,
    wait_until_open,
)

TITLES = ["Before you go", "US booth", "US office", "CBSA office", "Permit review", "Done"]


def current(app) -> str:
    """The stage the journey shows."""
    return app.screen.query_one(StageView).stage.id


def palette_highlights(app, words: str) -> bool:
    """The command palette is open and its highlighted command mentions ``words``."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return False
    commands = lists.first()
    highlighted = commands.highlighted
    return highlighted is not None and words in plain(commands.get_option_at_index(highlighted).prompt)


async def press_and_wait(pilot, key: str, predicate, what: str) -> None:
    """Press ``key`` and wait until ``predicate()`` holds."""
    await pilot.press(key)
    await wait_for(pilot, predicate, what)


# --- the shell ---------------------------------------------------------------------------------


async def test_demo_opens_at_before_you_go_with_every_stage_title_and_the_verdict_first(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(app.screen, JourneyScreen)
        stepper = app.screen.query_one(Stepper)
        lines = stepper.lines()
        assert [line[7:] for line in lines] == TITLES
        assert lines[0].startswith("now")
        assert all("\n" not in line for line in lines), "a title wrapped at 100 columns"
        assert stepper.region.y + 1 + len(lines) < 30, "a stage is below the screen"
        text = screen_text(app)
        assert text.index("VERDICT") < text.index("Ready to cross") < text.index("The crossing at the planned moment")
        assert "ELIGIBLE" in text and "exempt" in text
        assert "Flagpoling: OPEN then; closes 14:00, in 3 h 30 min" in text
        assert "Next window opens: Thu 3 Dec 2026, 10:00 PST" in text
        assert app.screen.title == "flagpole · demo"
        assert app.screen.sub_title == "10:05 PST, Wed 2 Dec · Boundary Bay"


async def test_walking_all_six_stages_with_the_keys(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        seen = [current(app)]
        for _ in range(5):
            before = current(app)
            await pilot.press("n")
            await wait_for(
                pilot,
                lambda before=before: isinstance(app.screen, ConfirmLeaveScreen) or current(app) != before,
                f"'n' moved on from {before} or asked first",
            )
            if isinstance(app.screen, ConfirmLeaveScreen):
                await press_and_wait(
                    pilot, "l", lambda: isinstance(app.screen, JourneyScreen), "'l' left the permit review"
                )
            seen.append(current(app))
        assert seen == ["before_you_go", "us_booth", "us_office", "cbsa_office", "permit_review", "done"]
        lines = app.screen.query_one(Stepper).lines()
        assert [line[:4] for line in lines] == ["done"] * 5 + ["now "]
        await press_and_wait(pilot, "p", lambda: current(app) == "permit_review", "'p' went back a stage")
        await press_and_wait(
            pilot, "f6", lambda: isinstance(app.screen, ConfirmLeaveScreen), "F6 asked before leaving"
        )


async def test_each_stage_shows_expect_say_documents_and_checklist(tmp_path):
    prepare(tmp_path, "cbsa_office")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        text = screen_text(app)
        assert "NOW  Hand over your documents in order" in text
        assert "Stage 4 of 6: CBSA office · 0 min here" in text
        for heading in ("What to expect", "What to say", "Hand over, in this order", "Checklist", "Sources"):
            assert heading in text
        assert text.index("1. Passport") < text.index("2. Port of Entry Letter of Introduction")
        assert "International Experience Canada" in text
        assert "[ ] to do" in text


async def test_ticks_survive_quitting_and_restarting(tmp_path):
    app = make_app(tmp_path, person=FLAGPOLER)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await press_and_wait(pilot, "n", lambda: current(app) == "us_booth", "'n' went to the US booth")
        item = app.screen.query_one("#check-us_booth-referral_slip", CheckItem)
        item.focus()
        await press_and_wait(pilot, "space", lambda: item.checked, "space ticked the referral slip")
        assert "[x] done" in plain(item.render())
        other = app.screen.query_one("#check-us_booth-told_officer", CheckItem)
        await pilot.click(f"#{other.id}")
        await wait_for(pilot, lambda: other.checked, "a click ticked 'told the officer'")
        await pilot.press("q")
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert current(again) == "us_booth"
        assert again.screen.query_one("#check-us_booth-referral_slip", CheckItem).checked
        assert again.screen.query_one("#check-us_booth-told_officer", CheckItem).checked
        assert not again.screen.query_one("#check-us_booth-passport_back", CheckItem).checked
        assert again.screen.query_one(Stepper).lines()[1].startswith("now  2 US booth")


async def test_permit_review_shows_the_poe_letter_error_with_the_sentence_and_leaving_asks(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        for key, value in permit_to_text(app.session.profile.issued_permit).items():
            app.screen.query_one(f"#permit-{key}", Input).value = value
            if not value:
                app.screen.query_one(f"#permit-{key}", Input).focus()
                await pilot.press("f5")
        await wait_for(pilot, lambda: app.session.permit_unchecked() == [], "every field checked")
        error = "ERROR    Your permit expires on 2027-02-10, the last day your Port of Entry letter"
        await wait_for(
            pilot, lambda: "SAY" in screen_text(app) and error in screen_text(app), "the error and its sentence shown"
        )
        app.screen.query_one(StageView).focus()
        text = screen_text(app)
        assert "ERROR    Your permit expires on 2027-02-10, the last day your Port of Entry letter" in text
        assert "SAY      “The expiry date on my permit is the date on my Port of Entry letter" in text
        assert "should say: 2027-12-02" in text
        assert [f.id for f in app.session.permit_errors()] == ["permit.expiry_matches_poe_letter"]

        await press_and_wait(
            pilot, "n", lambda: isinstance(app.screen, ConfirmLeaveScreen), "'n' asked before leaving"
        )
        assert "Leave without a correction?" in screen_text(app)
        await press_and_wait(pilot, "s", lambda: isinstance(app.screen, JourneyScreen), "'s' stayed")
        assert current(app) == "permit_review"
        assert app.session.state.decisions[-1].answer == "stay"

        await press_and_wait(
            pilot, "n", lambda: isinstance(app.screen, ConfirmLeaveScreen), "'n' asked again"
        )
        await pilot.click("#leave")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, JourneyScreen) and current(app) == "done",
            "clicking Leave went on to Done",
        )
        decision = app.session.state.decisions[-1]
        assert (decision.answer, decision.findings) == ("leave", ("permit.expiry_matches_poe_letter",))
        text = screen_text(app)
        assert "You left the permit review with 1 error." in text
        assert "The expiry should say 2027-12-02." in text
        assert "Fixing the permit after you left: Guide 5218 / IMM 1436" in text


async def test_typing_the_right_expiry_clears_the_error_and_letters_stay_in_the_field(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        for key in ("surname", "given_names", "date_of_birth", "citizenship", "kind", "employer", "conditions"):
            app.session.confirm_permit_field(key)
        app.screen.query_one("#permit-surname", Input).value = "HALVORSEN"
        field = app.screen.query_one("#permit-expires", Input)
        field.focus()
        field.value = "2027-12-0"
        await pilot.press("end", "2")
        await wait_for(
            pilot,
            lambda: "the permit matches what was expected." in screen_text(app),
            "the right expiry cleared the error on screen",
        )
        assert app.session.permit_errors() == []
        surname = app.screen.query_one("#permit-surname", Input)
        surname.focus()
        await pilot.press("end", "n", "p")
        await wait_for(
            pilot,
            lambda: "ERROR" in str(app.screen.query_one("#status-surname").render()),
            "a wrong surname was marked ERROR",
        )
        assert surname.value == "HALVORSENnp" and current(app) == "permit_review"
        await pilot.press("backspace", "backspace")
        app.screen.query_one(StageView).focus()
        await pilot.press("f6")
        await wait_for(pilot, lambda: current(app) == "done", "F6 went on to Done without asking")
        assert "The permit was checked: no errors." in screen_text(app)
    fields = Session.open(demo_store(tmp_path), "demo", CLOCK).state.permit_fields
    assert (fields["expires"], fields["surname"]) == ("2027-12-02", "HALVORSEN")


async def test_a_torn_journal_line_resumes_with_a_notice(tmp_path):
    prepare(tmp_path, "us_office")
    path = journal_path(tmp_path, "demo", "2026-12-02")
    with open(path, "a") as handle:
        handle.write('{"v":1,"at":"2026-12-02T18:06:00+00:00","type":"tick","stage":"us_of')
    app = make_app(tmp_path)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert current(app) == "us_office"
        assert any("could not be read and was skipped" in m and "Resumed at US office" in m for m in messages)
    assert path.read_text().endswith("\n")


async def test_the_palette_goes_to_a_stage_by_title(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("g")
        await wait_for(pilot, lambda: app.screen.query("CommandInput"), "'g' opened the palette")
        await pilot.press(*"stage permit")
        await wait_for(
            pilot,
            lambda: palette_highlights(app, "Permit review"),
            "the palette offered the permit review",
        )
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, JourneyScreen) and current(app) == "permit_review",
            "Enter in the palette went to the permit review",
        )


async def test_the_log_screen_and_the_markdown_export(tmp_path):
    prepare(tmp_path, "done", leave=True)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await press_and_wait(pilot, "l", lambda: isinstance(app.screen, LogScreen), "'l' opened the log")
        assert "Leave without a correction? LEFT without a correction" in screen_text(app)
        await press_and_wait(
            pilot, "escape", lambda: isinstance(app.screen, JourneyScreen), "escape closed the log"
        )
        await pilot.press("e")
        await wait_for(pilot, lambda: "Exported to" in screen_text(app), "'e' exported the day log")
        target = tmp_path / "exports" / "demo-2026-12-02.md"
        assert target.is_file()
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        text = target.read_text()
        assert "# Flagpoling day log: demo, 2026-12-02" in text
        assert "Guide 5218" in text and "The expiry should say 2027-12-02." in text
        assert "permit.expiry_matches_poe_letter" not in text
        assert app.session.state.exports == [str(target)]
        assert f"Exported to {target}" in screen_text(app)


async def test_without_a_profile_the_app_welcomes_and_offers_three_ways_in(tmp_path):
    app = FlagpoleApp(store=ProfileStore(tmp_path), clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert "No profile yet" in text and "24 December 2024" in text
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels == ["Create a profile (c)", "Import a file (i)", "Try the demo (d)"]


async def test_the_welcome_screen_opens_a_stored_profile(tmp_path):
    demo_store(tmp_path)
    app = make_app(tmp_path, profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        app.screen.query_one("#stored-profiles").focus()
        await pilot.press("enter")
        await wait_for_journey(pilot)


async def test_a_broken_stored_profile_is_a_message_not_a_crash(tmp_path):
    store = ProfileStore(tmp_path)
    store.write_bytes("broken", b"schema = 1\n[person]\nsurname = 3\n")
    app = FlagpoleApp(store=store, profile_name="broken", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(
            pilot, lambda: "Could not open the profile." in screen_text(app), "the profile error was shown"
        )
        assert "person.surname" in screen_text(app)
        await pilot.press("q")
    assert app.return_code == 0
