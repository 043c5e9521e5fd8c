"""Pilot flows through the journey companion, on the demo person, with a fixed clock injected
(never freezegun around run_test: it hangs Textual 8)."""

from __future__ import annotations

import io
import os
import stat
from datetime import datetime, timezone
from pathlib import Path

from textual.widgets import Input

from tui.app import FlagpoleApp
from tui.core.clock import fixed_clock
from tui.core.journal import journal_path
from tui.core.profile_io import read_profile, save_stored
from tui.core.session import Session
from tui.core.storage import ProfileStore
from tui.screens.confirm import ConfirmLeaveScreen
from tui.screens.journey import JourneyScreen
from tui.screens.log import LogScreen
from tui.screens.welcome import WelcomeScreen
from tui.widgets.checklist import CheckItem
from tui.widgets.stage import StageView
from tui.widgets.stepper import StepLine

ROOT = Path(__file__).resolve().parent.parent
CLOCK = fixed_clock(datetime(2026, 12, 2, 18, 5, tzinfo=timezone.utc))  # 10:05 at Boundary Bay
TITLES = ["Before you go", "US booth", "US office", "CBSA office", "Permit review", "Done"]


def demo_store(home: Path) -> ProfileStore:
    """A data folder holding the demo profile as stored profile 'demo'."""
    store = ProfileStore(home)
    if not store.exists("demo"):
        save_stored(store, "demo", read_profile(ROOT / "profiles" / "demo.toml"))
    return store


def make_app(home: Path, profile: str | None = "demo") -> FlagpoleApp:
    """The app on the demo profile in ``home``, with the fixed clock."""
    return FlagpoleApp(store=demo_store(home), profile_name=profile, clock=CLOCK)


def prepare(home: Path, stage: str, *, leave: bool = False) -> None:
    """Write a journal that stands at ``stage`` (without Textual), optionally having left the
    permit review with its error."""
    from tui.core.verdict import Verdict

    session = Session.open(demo_store(home), "demo", CLOCK)
    for stage_id in session.route.stage_ids:
        session.go_to(stage_id)
        if stage_id == "permit_review" and leave:
            session.attach_verdict(Verdict.build(session.profile, CLOCK()))
            session.decide_leave(True, [f.id for f in session.permit_errors()])
        if stage_id == stage:
            break


async def settle(pilot) -> None:
    """Wait until the app is idle: no worker running, and the verdict drawn once a journey is open."""
    app = pilot.app
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.workers:
            continue
        session = app.session
        if session is not None and session.verdict is not None:
            break
        if session is None and isinstance(app.screen, WelcomeScreen):
            break
    await pilot.pause()


def screen_text(app) -> str:
    """The text of every Static and checklist item on the current screen, in order (including
    what is scrolled out of view), for assertions."""
    from textual.widgets import Static

    parts = []
    for widget in app.screen.walk_children(with_self=False):
        if isinstance(widget, Static):
            parts.append(_plain(widget.content))
        elif isinstance(widget, CheckItem):
            parts.append(_plain(widget.render()))
    return "\n".join(parts)


def _plain(renderable) -> str:
    from rich.console import Console
    from textual.content import Content

    if isinstance(renderable, str):
        return renderable
    if isinstance(renderable, Content):
        return renderable.plain
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def current(app) -> str:
    """The stage the journey shows."""
    return app.screen.query_one(StageView).stage.id


# --- the shell ---------------------------------------------------------------------------------


async def test_demo_opens_at_before_you_go_with_every_stage_title_and_the_verdict_first(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, JourneyScreen)
        lines = [str(line.render()) for line in app.screen.query(StepLine)]
        assert [line[7:] for line in lines] == TITLES
        assert lines[0].startswith("now")
        assert all(line.region.height == 1 and line.region.y < 30 for line in app.screen.query(StepLine))
        text = screen_text(app)
        assert text.index("VERDICT") < text.index("Readiness") < text.index("The crossing at the planned moment")
        assert "ELIGIBLE" in text and "exempt" in text
        assert "Flagpoling: OPEN then; closes 14:00, in 3 h 30 min" in text
        assert "Next window opens: Thu 3 Dec 2026, 10:00 PST" in text
        assert app.screen.title == "flagpole · demo"
        assert app.screen.sub_title == "Boundary Bay: 10:05 PST, Wed 2 Dec"


async def test_walking_all_six_stages_with_the_keys(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = [current(app)]
        for _ in range(5):
            await pilot.press("n")
            await pilot.pause()
            if isinstance(app.screen, ConfirmLeaveScreen):
                await pilot.press("l")
                await pilot.pause()
            seen.append(current(app))
        assert seen == ["before_you_go", "us_booth", "us_office", "cbsa_office", "permit_review", "done"]
        lines = [str(line.render()) for line in app.screen.query(StepLine)]
        assert [line[:4] for line in lines] == ["done"] * 5 + ["now "]
        await pilot.press("p")
        await pilot.pause()
        assert current(app) == "permit_review"
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeaveScreen)


async def test_each_stage_shows_expect_say_documents_and_checklist(tmp_path):
    prepare(tmp_path, "cbsa_office")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "NOW  Hand over your documents in order" in text
        assert "Stage 4 of 6: CBSA office · 0 min here" in text
        for heading in ("What to expect", "What to say", "Hand over, in this order", "Checklist", "Sources"):
            assert heading in text
        assert text.index("1. Passport") < text.index("2. Port of Entry Letter of Introduction")
        assert "International Experience Canada" in text
        assert "[ ] to do" in text


async def test_ticks_survive_quitting_and_restarting(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        item = app.screen.query_one("#check-us_booth-referral_slip", CheckItem)
        item.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "[x] done" in _plain(item.render())
        other = app.screen.query_one("#check-us_booth-told_officer", CheckItem)
        await pilot.click(f"#{other.id}")
        await pilot.pause()
        await pilot.press("q")
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current(again) == "us_booth"
        assert again.screen.query_one("#check-us_booth-referral_slip", CheckItem).checked
        assert again.screen.query_one("#check-us_booth-told_officer", CheckItem).checked
        assert not again.screen.query_one("#check-us_booth-passport_back", CheckItem).checked
        assert str(again.screen.query_one("#step-us_booth", StepLine).render()).startswith("now")


async def test_permit_review_shows_the_poe_letter_error_with_the_sentence_and_leaving_asks(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#permit-expires", Input).value == "2027-02-10"
        text = screen_text(app)
        assert "ERROR    Your permit expires on 2027-02-10, the last day your Port of Entry letter" in text
        assert "SAY      “The expiry date on my permit is the date on my Port of Entry letter" in text
        assert "should say: 2027-12-02" in text
        assert [f.id for f in app.session.permit_errors()] == ["permit.expiry_matches_poe_letter"]

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmLeaveScreen)
        assert "Leave without a correction?" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, JourneyScreen) and current(app) == "permit_review"
        assert app.session.state.decisions[-1].answer == "stay"

        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#leave")
        await pilot.pause()
        assert current(app) == "done"
        decision = app.session.state.decisions[-1]
        assert (decision.answer, decision.findings) == ("leave", ("permit.expiry_matches_poe_letter",))
        text = screen_text(app)
        assert "You left the permit review with 1 error(s) standing" in text
        assert "Fixing the permit after you left: Guide 5218 / IMM 1436" in text


async def test_typing_the_right_expiry_clears_the_error_and_letters_stay_in_the_field(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#permit-expires", Input)
        field.focus()
        field.value = "2027-12-0"
        await pilot.press("end", "2")
        await pilot.pause()
        assert app.session.permit_errors() == []
        assert "The permit matches what was expected." in screen_text(app)
        surname = app.screen.query_one("#permit-surname", Input)
        surname.focus()
        await pilot.press("end", "n", "p")
        await pilot.pause()
        assert surname.value == "LINDQVISTnp" and current(app) == "permit_review"
        assert "ERROR" in str(app.screen.query_one("#status-surname").render())
        await pilot.press("backspace", "backspace", "f6")
        await pilot.pause()
        assert current(app) == "done"
        assert "The permit was checked: no errors." in screen_text(app)
    fields = Session.open(demo_store(tmp_path), "demo", CLOCK).state.permit_fields
    assert fields == {"expires": "2027-12-02", "surname": "LINDQVIST"}


async def test_a_torn_journal_line_resumes_with_a_notice(tmp_path):
    prepare(tmp_path, "us_office")
    path = journal_path(tmp_path, "demo", "2026-12-02")
    with open(path, "a") as handle:
        handle.write('{"v":1,"at":"2026-12-02T18:06:00+00:00","type":"tick","stage":"us_of')
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current(app) == "us_office"
        messages = [n.message for n in app._notifications]
        assert any("could not be read and was skipped" in m and "Resumed at US office" in m for m in messages)
    assert path.read_text().endswith("\n")


async def test_the_palette_goes_to_a_stage_by_title(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"stage permit")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await settle(pilot)
        assert current(app) == "permit_review"


async def test_the_log_screen_and_the_markdown_export(tmp_path):
    prepare(tmp_path, "done", leave=True)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        assert "Leave without a correction? LEFT without a correction" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await settle(pilot)
        target = tmp_path / "exports" / "demo-2026-12-02.md"
        assert target.is_file()
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        text = target.read_text()
        assert "# Flagpoling day log: demo, 2026-12-02" in text
        assert "Guide 5218" in text and "permit.expiry_matches_poe_letter" in text
        assert app.session.state.exports == [str(target)]
        assert f"Exported to {target}" in screen_text(app)


async def test_without_a_profile_the_app_welcomes_and_offers_three_ways_in(tmp_path):
    app = FlagpoleApp(store=ProfileStore(tmp_path), clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert "No profile yet" in text and "24 December 2024" in text
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels == ["Create a profile (c)", "Import a file (i)", "Try the demo (d)"]


async def test_the_welcome_screen_opens_a_stored_profile(tmp_path):
    demo_store(tmp_path)
    app = make_app(tmp_path, profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        app.screen.query_one("#stored-profiles").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, JourneyScreen)


async def test_a_broken_stored_profile_is_a_message_not_a_crash(tmp_path):
    store = ProfileStore(tmp_path)
    store.write_bytes("broken", b"schema = 1\n[person]\nsurname = 3\n")
    app = FlagpoleApp(store=store, profile_name="broken", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Could not open the profile." in text and "person.surname" in text
        await pilot.press("q")
    assert app.return_code == 0
