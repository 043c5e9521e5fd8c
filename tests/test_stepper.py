"""The stepper: one widget; each row maps back to its stage (wrapped titles included), and a
click on a stage moves the journey there."""

from __future__ import annotations

from tui.screens.journey import JourneyScreen
from tui.widgets.stepper import Stepper

from .harness import make_app, wait_for, wait_until_open

AIR = [("before", "Before you fly"), ("landing", "Landing and primary inspection"), ("desk", "Immigration desk")]


def test_rows_map_to_their_stage_with_wrapped_titles():
    stepper = Stepper(AIR, current="landing", visited={"before"})
    assert stepper.lines()[0] == "done 1 Before you fly"
    assert stepper.lines()[1].split("\n") == ["now  2 Landing and", "       primary", "       inspection"]
    rows = [stepper.stage_at(row) for row in range(8)]
    assert rows == [None, "before", "landing", "landing", "landing", "desk", "desk", None]  # "Immigration" / "desk"


async def test_a_click_on_a_stage_moves_there(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert isinstance(app.screen, JourneyScreen)
        await pilot.click(Stepper, offset=(3, 2))  # row 0 is the heading, row 2 the second stage
        await wait_for(pilot, lambda: app.session.current.id == "us_booth", "the click moved to the US booth")
        assert app.screen.query_one(Stepper).lines()[1].startswith("now  2 US booth")
