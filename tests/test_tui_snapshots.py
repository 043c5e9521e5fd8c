"""Snapshots of every stage at 80x24, and of the opening view at 100x30, with a fixed clock
injected into the app (no freezegun). ``snap_compare`` runs the app itself, so these tests are
plain ``def`` functions. Review changes in snapshot_report.html before ``--snapshot-update``."""

from __future__ import annotations

import pytest

from tui.app import FlagpoleApp
from tui.core.storage import ProfileStore
from tui.screens.confirm import ConfirmLeaveScreen

from .harness import CLOCK, make_app, prepare, wait_for, wait_until_open

STAGES = ["before_you_go", "us_booth", "us_office", "cbsa_office", "permit_review", "done"]


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_at_80x24(snap_compare, tmp_path, stage):
    prepare(tmp_path, stage, leave=(stage == "done"))
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=wait_until_open)


def test_the_demo_opens_with_the_whole_stepper_at_100x30(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(100, 30), run_before=wait_until_open)


def test_leaving_the_permit_review_with_an_error_asks_first(snap_compare, tmp_path):
    prepare(tmp_path, "permit_review")

    async def ask(pilot):
        await wait_until_open(pilot)
        await pilot.press("n")
        await wait_for(
            pilot, lambda: isinstance(pilot.app.screen, ConfirmLeaveScreen), "'n' asked before leaving"
        )

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=ask)


def test_welcome_screen(snap_compare, tmp_path):
    app = FlagpoleApp(store=ProfileStore(tmp_path), clock=CLOCK)
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_until_open)


def test_arrival_by_air_before_you_fly_at_80x24(snap_compare, tmp_path):
    from .harness import PROFILES

    app = make_app(tmp_path, person=PROFILES / "iec-arrival-by-air.toml")
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_until_open)


def test_not_eligible_banner_on_the_us_booth_at_80x24(snap_compare, tmp_path):
    from tui.core.session import Session

    from .harness import PROFILES, TEST_DATA, demo_store

    person = PROFILES / "iec-insurance-ends-early.toml"
    session = Session.open(demo_store(tmp_path, person), "demo", CLOCK, data_dir=TEST_DATA)
    session.go_to("us_booth")
    session.close()
    assert snap_compare(make_app(tmp_path, person=person), terminal_size=(80, 24), run_before=wait_until_open)
