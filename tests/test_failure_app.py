"""Issue 9, the app half: it never dies on I/O, says what failed, writes a crash report with no
identifying numbers and no local variables, opens a day another window holds read-only, and asks
before overwriting a profile changed since its form was opened or an existing export."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from textual.widgets import Input, Static

from tui.app import FlagpoleApp
from tui.core.profile_io import load_stored, read_profile, save_stored
from tui.core.session import Session
from tui.core.storage import ProfileStore
from tui.screens.ask import AskScreen
from tui.screens.journey import JourneyScreen
from tui.screens.profile import ProfileScreen, widget_id
from tui.screens.transfer import ExportScreen

from .harness import CLOCK, PROFILES, wait_for_workers

SECRETS = ("X9F4K2M71", "12345678", "TT-2026-1234", "123456789")


def alex_store(home) -> ProfileStore:
    """A data folder holding a profile with all three numbers (passport, policy, IME)."""
    store = ProfileStore(home)
    save_stored(store, "alex", read_profile(PROFILES / "iec-ready-with-appointment.toml"))
    return store


def notices(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def wait_until(pilot, condition, what: str, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


# --- the crash handler ---------------------------------------------------------------------------


async def test_a_crash_writes_a_private_report_without_numbers_or_locals(tmp_path, monkeypatch):
    store = alex_store(tmp_path)
    profile = load_stored(store, "alex")
    numbers = (profile.passport.number, profile.insurance.policy_number, profile.medical.ime_number)

    def broken_help(self) -> None:
        secret_local = f"policy {numbers[1]} ime {numbers[2]}"  # a local a traceback would print
        raise RuntimeError(f"help broke on passport {numbers[0]} ({len(secret_local)})")

    monkeypatch.setattr(FlagpoleApp, "action_show_help", broken_help)
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    said: list[str] = []
    panic = app.panic
    app.panic = lambda *words: (said.extend(str(w) for w in words), panic(*words))[1]
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for_workers(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
    (report,) = tmp_path.glob("crash-*.txt")
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o600
    text = report.read_text()
    assert "RuntimeError" in text and "help broke on passport" in text
    assert "broken_help" in text  # the trimmed stack: file:line:function
    for number in numbers:
        assert number not in text
    assert "secret_local" not in text and "policy " not in text
    shown = "".join(said)
    assert "RuntimeError: help broke on passport [redacted]" in shown
    assert str(report) in shown.replace("\n", "")
    for number in numbers:
        assert number not in shown


async def test_a_journeys_folder_that_is_a_file_is_a_message_not_a_crash(tmp_path):
    store = alex_store(tmp_path)
    (tmp_path / "journeys").write_text("not a folder")
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        start = app.screen_stack[0].query_one("#start-message", Static)
        assert "Could not open the profile" in str(start.render())
        assert "not a folder" in str(start.render())
        assert app.is_running


# --- full disk -----------------------------------------------------------------------------------


def full_disk(monkeypatch) -> None:
    def write(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", write)


async def test_a_full_disk_step_is_not_acknowledged_and_a_restart_is_clean(tmp_path, monkeypatch):
    store = alex_store(tmp_path)
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        assert isinstance(app.screen, JourneyScreen)
        path = app.session.journal.path
        before = path.read_bytes()
        full_disk(monkeypatch)
        await pilot.press("n")
        await wait_until(pilot, lambda: "Could not save" in notices(app), "a could-not-save message")
        assert "not saved" in notices(app)
        assert path.read_bytes() == before
        assert app.is_running
        session = app.session
        session.journal.unsaved.clear()  # as if the app were killed now
    monkeypatch.undo()
    again = Session.open(store, "alex", CLOCK)
    assert again.problems == [] and again.current.id == "before_you_go"
    again.close()


async def test_opening_a_profile_on_a_full_disk_does_not_kill_the_app(tmp_path, monkeypatch):
    store = alex_store(tmp_path)
    full_disk(monkeypatch)
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Could not save" in notices(app), "a could-not-save message")
        assert app.is_running


# --- two windows ---------------------------------------------------------------------------------


async def test_a_second_instance_on_the_same_day_opens_read_only_and_says_so(tmp_path):
    store = alex_store(tmp_path)
    first = Session.open(store, "alex", CLOCK)
    size = first.journal.path.stat().st_size
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        assert app.session.read_only
        assert "Another flagpole window has this day open" in notices(app)
        await pilot.press("n")
        await pilot.pause()
    assert first.journal.path.stat().st_size == size
    first.close()


async def test_the_profile_form_asks_before_overwriting_a_change_made_elsewhere(tmp_path):
    store = alex_store(tmp_path)
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile form")
        form = app.screen
        await wait_until(pilot, lambda: form.values()["person.surname"] != "", "the form filled in")
        elsewhere = load_stored(store, "alex")
        elsewhere.application.employer = "Changed Elsewhere Inc"
        save_stored(store, "alex", elsewhere)
        changed = store.read_bytes("alex")
        form.query_one(f"#{widget_id('person.surname')}", Input).value = "MINE"
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(app.screen, AskScreen), "the overwrite question")
        assert store.read_bytes("alex") == changed
        await pilot.press("y")
        await wait_until(pilot, lambda: b"MINE" in store.read_bytes("alex"), "the save after yes")


# --- exporting -----------------------------------------------------------------------------------


async def test_the_export_screen_asks_before_replacing_a_file_and_keeps_no_copy(tmp_path):
    store = alex_store(tmp_path / "home")
    target = tmp_path / "out" / "alex.toml"
    target.parent.mkdir()
    os.chmod(target.parent, 0o755)
    target.write_text("mine\n")
    from .harness import Harness

    app = Harness(ExportScreen(store, "alex", default_folder=target.parent))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(app.screen, AskScreen), "the replace question")
        assert target.read_text() == "mine\n"
        await pilot.press("y")
        await wait_until(pilot, lambda: target.read_text() != "mine\n", "the export after yes")
    assert sorted(p.name for p in target.parent.iterdir()) == ["alex.toml"]
    assert stat.S_IMODE(os.stat(target.parent).st_mode) == 0o755
    for number in SECRETS:
        assert number not in target.read_text()


async def test_reopening_the_same_profile_in_the_same_window_is_not_read_only(tmp_path):
    store = alex_store(tmp_path)
    app = FlagpoleApp(store=store, profile_name="alex", clock=CLOCK)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_workers(pilot)
        first = app.session
        app.open_profile("alex")  # as after saving the profile form or choosing a crossing
        await wait_until(pilot, lambda: app.session is not first and app.session is not None, "the reopen")
        await wait_for_workers(pilot)
        assert not app.session.read_only
        assert "Another flagpole window" not in notices(app)
