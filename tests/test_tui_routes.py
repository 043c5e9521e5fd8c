"""Issue 12 in the app: the arrival-by-air and by-mail journeys (their stages, the same permit
review as flagpoling, resuming after a restart, the exported log's route), the key ``c`` opening
the airport picker when arriving by air, and the palette reaching every stage of the route."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.app import FlagpoleApp
from tui.core.profile_io import load_stored, profile_from_dict, save_stored
from tui.core.storage import ProfileStore
from tui.palette import FlagpoleCommands
from tui.screens.airport_picker import AirportPickerScreen
from tui.screens.confirm import ConfirmLeaveScreen
from tui.screens.finder import CrossingFinderScreen
from tui.screens.journey import JourneyScreen
from tui.widgets.stage import StageView
from tui.widgets.stepper import Stepper

from .harness import (
    TEST_DATA,
    check_printed_permit,
    clock_on_plan,
    load_example,
    plain,
    record_notifications,
    screen_text,
    wait_for,
    wait_for_journey,
    wait_until_open,
)

AIR_TITLES = ["Before you fly", "Landing and primary inspection", "Immigration desk", "Permit review", "Done"]
MAIL_TITLES = ["Request", "Waiting for the permit", "Permit review", "Done"]
FLAGPOLE_TITLES = ["Before you go", "US booth", "US office", "CBSA office", "Permit review", "Done"]


def arrival_by_air() -> dict:
    """A copy of profiles/iec-arrival-by-air.toml (landing at YVR on 2026-06-15) whose issued
    permit carries the POE letter's date (2027-03-02) as its expiry: the officer's mistake."""
    data = load_example("iec-arrival-by-air.toml")
    data["issued_permit"]["expires"] = data["application"]["poe_letter_valid_until"]
    return data


def flagpoling(data: dict) -> dict:
    """The same person and permit, flagpoling at Boundary Bay on the same day instead."""
    plan = {k: v for k, v in data["plan"].items() if k not in ("route", "airport")}
    return {**data, "plan": {**plan, "crossing": "boundary-bay"}}


def by_mail(data: dict) -> dict:
    """The same person asking IRCC by mail: in Canada on a valid IEC permit."""
    return {
        **data,
        "status": {"current": "iec-work-permit", "valid_until": date(2026, 12, 31)},
        "plan": {"route": "by-mail", "date": date(2026, 11, 20)},
    }


def app_on(home: Path, data: dict, name: str = "traveller") -> FlagpoleApp:
    """The app on ``data`` stored as ``name`` in ``home`` (the fixed clock, the frozen data)."""
    store = ProfileStore(home)
    if not store.exists(name):
        save_stored(store, name, profile_from_dict(data))
    clock = clock_on_plan(data["plan"]["date"])
    return FlagpoleApp(store=store, profile_name=name, clock=clock, data_dir=TEST_DATA)


def current(app) -> str:
    return app.screen.query_one(StageView).stage.id


def stepper_titles(app) -> list[str]:
    """The stage titles in the stepper, a wrapped title read as one line."""
    return [" ".join(line[7:].split()) for line in app.screen.query_one(Stepper).lines()]


async def next_stage(pilot) -> None:
    """Press n; leave the permit review with its error standing when asked, and go on past a
    NOT ELIGIBLE verdict ("Go on anyway?") when asked."""
    from tui.screens.ask import AskScreen

    app = pilot.app
    before = current(app)
    await pilot.press("n")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, ConfirmLeaveScreen | AskScreen) or current(app) != before,
        f"'n' moved on from {before} or asked first",
    )
    if isinstance(app.screen, AskScreen):
        await pilot.press("y")
        await wait_for(pilot, lambda: current(app) != before, "'y' went on past the verdict")
    if isinstance(app.screen, ConfirmLeaveScreen):
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, JourneyScreen), "'l' left the permit review")


async def go_to(pilot, stage_id: str) -> None:
    """Go to ``stage_id`` with the palette's action, going on past a NOT ELIGIBLE verdict."""
    from tui.screens.ask import AskScreen

    await pilot.app.go_to_stage(stage_id)
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, AskScreen) or current(pilot.app) == stage_id,
        f"the journey went to {stage_id} or asked first",
    )
    if isinstance(pilot.app.screen, AskScreen):
        await pilot.press("y")
    await wait_for(pilot, lambda: current(pilot.app) == stage_id, f"the journey went to {stage_id}")


def review_lines(app) -> list[str]:
    """The ERROR and SAY lines of the permit review on screen."""
    return [line for line in screen_text(app).splitlines() if line.startswith(("ERROR", "SAY"))]


async def palette_names(app) -> list[str]:
    provider = FlagpoleCommands(app.screen)
    return [plain(hit.display) async for hit in provider.discover()]


# --- arrival by air --------------------------------------------------------------------------


async def test_arriving_at_yvr_opens_on_before_you_fly_with_the_five_stages(tmp_path):
    app = app_on(tmp_path, arrival_by_air())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until_open(pilot)
        assert current(app) == "before_you_fly"
        assert stepper_titles(app) == AIR_TITLES
        assert "Stage 1 of 5: Before you fly" in screen_text(app)
        assert app.session.verdict.airport.id == "yvr"


async def test_the_permit_review_flags_the_poe_letter_date_exactly_as_flagpoling_does(tmp_path):
    seen = {}
    for route, data in (("air", arrival_by_air()), ("flagpole", flagpoling(arrival_by_air()))):
        app = app_on(tmp_path / route, data)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until_open(pilot)
            await go_to(pilot, "permit_review")
            await check_printed_permit(pilot)
            await wait_for(pilot, lambda app=app: "SAY" in screen_text(app), "the error's sentence shown")
            assert [f.id for f in app.session.permit_errors()] == ["permit.expiry_matches_poe_letter"]
            seen[route] = review_lines(app)
    assert seen["air"] == seen["flagpole"]
    assert any("2027-03-02" in line and "Port of Entry letter" in line for line in seen["air"])


async def test_c_opens_the_airport_picker_and_choosing_yul_replans_and_checks_again(tmp_path):
    app = app_on(tmp_path, arrival_by_air())
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, AirportPickerScreen), "'c' opened the airport picker")
        await wait_for(pilot, lambda: "This is the airport in your plan." in screen_text(app), "YVR was highlighted")
        await pilot.press(*"montreal", "enter", "enter")
        await wait_for(
            pilot,
            lambda: app.session is not None and app.session.verdict is not None
            and app.session.verdict.airport is not None and app.session.verdict.airport.id == "yul",
            "the journey reopened with Montréal–Trudeau",
        )
        await wait_for_journey(pilot)
        assert "18:40 EDT" in screen_text(app)  # the planned landing, now in Montréal's zone
    store = ProfileStore(tmp_path)
    assert load_stored(store, "traveller").plan.airport == "yul"
    assert any(p.name.endswith(".prev") for p in (tmp_path / "profiles").iterdir()), "the previous version is kept"
    assert any("Plan set to YUL" in m for m in said)


async def test_choosing_an_airport_on_a_flagpoling_plan_switches_the_plan_and_says_the_day_keeps_its_stages(tmp_path):
    app = app_on(tmp_path, flagpoling(arrival_by_air()))
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CrossingFinderScreen), "'c' opened the crossing finder")
        await pilot.press("escape")
        await wait_for_journey(pilot)
        assert "Find an airport" in await palette_names(app)
        from tui.airport_action import open_airport_picker

        open_airport_picker(app)
        await wait_for(pilot, lambda: isinstance(app.screen, AirportPickerScreen), "the airport picker opened")
        await pilot.press(*"yvr", "enter", "enter")
        await wait_for(pilot, lambda: any("Plan set to YVR" in m for m in said), "the plan was changed")
        await wait_until_open(pilot)
    plan = load_stored(ProfileStore(tmp_path), "traveller").plan
    assert (plan.route.value, plan.airport, plan.crossing) == ("arrival-by-air", "yvr", "boundary-bay")
    assert any("start this day over" in m for m in said)


async def test_the_palette_reaches_every_stage_of_the_route_and_the_airport_picker(tmp_path):
    app = app_on(tmp_path, arrival_by_air())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        names = await palette_names(app)
        assert [n for n in names if n.startswith("Go to stage: ")] == [f"Go to stage: {t}" for t in AIR_TITLES]
        assert "Find an airport" in names and "Open screen: Crossing finder" not in names
        await go_to(pilot, "immigration_desk")
        assert "Stage 3 of 5: Immigration desk" in screen_text(app)


# --- by mail ---------------------------------------------------------------------------------


async def test_by_mail_walks_request_waiting_permit_review_done(tmp_path):
    app = app_on(tmp_path, by_mail(arrival_by_air()))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert stepper_titles(app) == MAIL_TITLES
        verdict_line = next(line for line in screen_text(app).splitlines() if "VERDICT" in line)
        assert verdict_line.rstrip().endswith(" for Fri 20 Nov 2026"), "a request by mail has a day, no time"
        seen = [current(app)]
        for _ in MAIL_TITLES[1:]:
            await next_stage(pilot)
            seen.append(current(app))
        assert seen == ["request", "waiting", "permit_review", "done"]
        names = await palette_names(app)
        assert [n for n in names if n.startswith("Go to stage: ")] == [f"Go to stage: {t}" for t in MAIL_TITLES]


# --- every route -----------------------------------------------------------------------------


ROUTES = {
    "flagpole": (lambda: flagpoling(arrival_by_air()), FLAGPOLE_TITLES),
    "arrival-by-air": (arrival_by_air, AIR_TITLES),
    "by-mail": (lambda: by_mail(arrival_by_air()), MAIL_TITLES),
}


@pytest.mark.parametrize("route", list(ROUTES))
async def test_each_route_resumes_at_the_same_stage_after_a_restart(tmp_path, route):
    make, titles = ROUTES[route]
    app = app_on(tmp_path, make())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await next_stage(pilot)
        left_at = current(app)
        await pilot.press("q")
    again = app_on(tmp_path, make())
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert current(again) == left_at
        assert stepper_titles(again) == titles
        assert again.session.route.id == route


@pytest.mark.parametrize("route", list(ROUTES))
async def test_the_exported_log_records_its_route(tmp_path, route):
    make, _ = ROUTES[route]
    app = app_on(tmp_path, make())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: app.session.state.exports, "'e' exported the log")
        target = Path(app.session.state.exports[-1])
        route_title = app.session.route.title
    assert f"Route: {route_title}." in target.read_text()
    assert route_title == {
        "flagpole": "Flagpoling at a Canada–US land border",
        "arrival-by-air": "Activating the permit on arrival by air",
        "by-mail": "The IEC permit printed and mailed by IRCC",
    }[route]


# --- snapshots -------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["arrival-by-air", "by-mail"])
def test_snapshot_first_stage_at_80x24(snap_compare, tmp_path, route):
    make, _ = ROUTES[route]
    assert snap_compare(app_on(tmp_path, make()), terminal_size=(80, 24), run_before=wait_until_open)
