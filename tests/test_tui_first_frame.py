"""The first frame (issue 14): ``flagpole run`` opens the day and runs the rules before the UI
starts, so the journey with its verdict is the first screen painted (no start screen first, no
second run of the rules); a profile that cannot be opened still ends on the app's own words."""

from __future__ import annotations

from tui.app import FlagpoleApp
from tui.commands.run import open_before_start
from tui.core import verdict as verdict_module
from tui.screens.journey import JourneyScreen
from tui.widgets.stage import StageView

from .harness import CLOCK, TEST_DATA, demo_store, screen_text, wait_for, wait_until_open


async def test_an_opened_day_is_the_first_screen_with_its_verdict(tmp_path, monkeypatch):
    store = demo_store(tmp_path)
    session = open_before_start(store, "demo", CLOCK, TEST_DATA)
    assert session is not None and session.verdict is not None
    verdict = session.verdict
    runs: list[object] = []
    real_build = verdict_module.Verdict.build
    monkeypatch.setattr(verdict_module.Verdict, "build", lambda *a, **k: runs.append(a) or real_build(*a, **k))

    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, data_dir=TEST_DATA, session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        # No wait: by the time the app is running, the journey is the screen (nothing painted before it).
        assert isinstance(app.screen, JourneyScreen), f"the first screen was {type(app.screen).__name__}"
        assert app.session is session
        await wait_until_open(pilot)
        assert "VERDICT" in screen_text(app)
        assert app.session.verdict is verdict and runs == [], "the rules ran a second time"


async def test_the_parts_under_the_fold_arrive_after_the_first_frame(tmp_path):
    store = demo_store(tmp_path)
    session = open_before_start(store, "demo", CLOCK, TEST_DATA)
    app = FlagpoleApp(store=store, profile_name="demo", clock=CLOCK, data_dir=TEST_DATA, session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        view = app.screen.query_one(StageView)
        checks = [c.id for c in view.query("CheckItem")]
        assert view.complete and checks, "the checklist under the fold was never mounted"
        assert checks[0] == "check-before_you_go-no_errors"


def test_a_profile_that_cannot_be_opened_is_left_to_the_app(tmp_path):
    store = demo_store(tmp_path)
    store.write_bytes("broken", b"[person\nname = ")
    assert open_before_start(store, "broken", CLOCK, TEST_DATA) is None
    assert open_before_start(store, None, CLOCK, TEST_DATA) is None


async def test_the_app_says_what_failed_when_the_day_was_not_opened_before(tmp_path):
    store = demo_store(tmp_path)
    store.write_bytes("broken", b"[person\nname = ")
    app = FlagpoleApp(store=store, profile_name="broken", clock=CLOCK, data_dir=TEST_DATA,
                      session=open_before_start(store, "broken", CLOCK, TEST_DATA))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "Could not open the profile" in screen_text(app),
                       "the app said it could not open the profile")
