"""The first frame (issue 14): on a warm start ``flagpole run`` opens the day and runs the rules
from the validated cache before the UI starts, so the journey with its verdict is the first screen
painted (no start screen first, no second run of the rules). What would need validating first
(a cold start), and any failure, is left to the app's workers, which say in words what failed."""

from __future__ import annotations

import pytest

from tui.app import FlagpoleApp
from tui.commands.run import open_before_start
from tui.core import verdict as verdict_module
from tui.core.session import Session
from tui.screens.journey import JourneyScreen
from tui.widgets.stage import StageView

from .harness import CLOCK, FLAGPOLER, demo_store, screen_text, wait_for, wait_until_open


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """An empty validated cache of this test's own (the bundled data's entries included)."""
    monkeypatch.setenv("FLAGPOLE_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("FLAGPOLE_NO_CACHE", raising=False)
    return tmp_path / "cache"


def warm_up(store, name: str = "demo") -> None:
    """What a first start leaves behind: the profile, the stage data and the rules' data
    validated once and their entries saved."""
    session = Session.open(store, name, CLOCK)
    verdict_module.Verdict.build(session.profile, session.now(), None)
    session.close()


async def test_a_warm_day_is_the_first_screen_with_its_verdict(tmp_path, own_cache, monkeypatch):
    store = demo_store(tmp_path / "home")
    warm_up(store)
    session = open_before_start(store, "demo", CLOCK)
    assert session is not None and session.verdict is not None
    verdict = session.verdict
    runs: list[object] = []
    real_build = verdict_module.Verdict.build
    monkeypatch.setattr(verdict_module.Verdict, "build", lambda *a, **k: runs.append(a) or real_build(*a, **k))

    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        # No wait: by the time the app runs, the journey is the screen (nothing painted before it).
        assert isinstance(app.screen, JourneyScreen), f"the first screen was {type(app.screen).__name__}"
        assert app.session is session
        await wait_until_open(pilot)
        assert "VERDICT" in screen_text(app)
        assert app.session.verdict is verdict and runs == [], "the rules ran a second time"


def test_a_cold_profile_is_left_to_the_app_and_nothing_is_written(tmp_path, own_cache):
    store = demo_store(tmp_path / "home", FLAGPOLER)  # never seen: no cache entry yet
    assert open_before_start(store, "demo", CLOCK) is None
    assert not (tmp_path / "home" / "journeys").exists(), "a cold start wrote a journal before the app"
    warm_up(store)
    assert open_before_start(store, "demo", CLOCK) is not None


def test_with_the_cache_off_the_app_opens_the_day_itself(tmp_path, own_cache, monkeypatch):
    store = demo_store(tmp_path / "home")
    warm_up(store)
    monkeypatch.setenv("FLAGPOLE_NO_CACHE", "1")
    assert open_before_start(store, "demo", CLOCK) is None


async def test_the_parts_under_the_fold_arrive_after_the_first_frame(tmp_path, own_cache):
    store = demo_store(tmp_path / "home")
    warm_up(store)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, session=open_before_start(store, "demo", CLOCK))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        view = app.screen.query_one(StageView)
        checks = [c.id for c in view.query("CheckItem")]
        assert view.complete and checks, "the checklist under the fold was never mounted"
        assert checks[0] == "check-before_you_go-no_errors"


async def test_a_profile_that_cannot_be_opened_ends_on_the_apps_words(tmp_path, own_cache):
    store = demo_store(tmp_path / "home")
    store.write_bytes("broken", b"[person\nname = ")
    assert open_before_start(store, None, CLOCK) is None
    session = open_before_start(store, "broken", CLOCK)
    assert session is None
    app = FlagpoleApp(store=store, profile_name="broken", clock=CLOCK, session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "Could not open the profile" in screen_text(app),
                       "the app said it could not open the profile")


async def test_the_first_frame_is_in_the_remembered_theme(tmp_path, own_cache):
    store = demo_store(tmp_path / "home")
    warm_up(store)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, theme="textual-light",
                      session=open_before_start(store, "demo", CLOCK))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-light" and isinstance(app.screen, JourneyScreen)
        await wait_until_open(pilot)
        assert app.theme == "textual-light"


async def test_the_demo_still_says_it_keeps_nothing_once_the_journey_shows(tmp_path, own_cache):
    from tui.demo import DEMO_START

    from .harness import record_notifications

    home = tmp_path / "demo-home"
    store = demo_store(home)
    warm_up(store)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, throwaway_home=home,
                      session=open_before_start(store, "demo", CLOCK))
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: DEMO_START in said, "the demo said it keeps nothing")
        assert isinstance(app.screen, JourneyScreen)
    assert not home.exists(), "the demo's throwaway folder was left behind"


async def test_reopening_replaces_the_first_day_and_a_failed_reopen_is_said(tmp_path, own_cache):
    from .harness import record_notifications

    store = demo_store(tmp_path / "home")
    warm_up(store)
    first = open_before_start(store, "demo", CLOCK)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, session=first)
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        app.open_profile("demo")  # what saving the profile form does
        await wait_for(pilot, lambda: app.session is not first and app.screen.session is app.session,
                       "the reopened day replaced the first one")
        await wait_until_open(pilot)
        assert len(app.screen_stack) == 1 and isinstance(app.screen, JourneyScreen)
        store.write_bytes("demo", b"[person\nname = ")
        app.open_profile("demo")
        await wait_for(pilot, lambda: any("not a valid profile" in s for s in said),
                       "the app said the profile could not be opened")
        assert isinstance(app.screen, JourneyScreen), "a failed reopen left the day shown"


async def test_collections_paused_for_the_start_resume_after_the_first_frame(tmp_path, own_cache):
    import gc

    store = demo_store(tmp_path / "home")
    warm_up(store)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, session=open_before_start(store, "demo", CLOCK))
    gc.disable()  # as the run command does
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until_open(pilot)
            await wait_for(pilot, gc.isenabled, "garbage collection was turned back on")
            assert gc.get_freeze_count() > 0, "what lived at the first frame was not set aside"
    finally:
        gc.enable()
        gc.unfreeze()
