"""What the test modules share (no test module imports from another): the repository's paths and
the frozen test data, the example profiles, the contract crossing ids, and for the screens a
minimal app, the demo app with a fixed clock, the text on screen, and ``wait_for``, the one
bounded wait."""

from __future__ import annotations

import copy
import os
import re
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from time import monotonic
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from tui.core.clock import fixed_clock
from tui.core.storage import ProfileStore

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
DOCS = ROOT / "docs"
BUNDLED_DATA = ROOT / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
"""A frozen copy of data/*.toml: engine tests read it, so an edit of the bundled facts (new CBSA
hours, say) does not turn them red; tests/test_bundled_data.py checks the bundled files."""
TEST_PROFILES = Path(__file__).resolve().parent / "profiles"
"""Profiles frozen for tests (the demo until issue 11), independent of the bundled profiles/."""

WAIT_SECONDS = 30.0
"""How long ``wait_for`` waits before failing: generous for a loaded two-core machine."""


def load_example(name: str) -> dict:
    """An example profile from profiles/ (or, failing that, the frozen tests/profiles/) as plain
    TOML data (a fresh copy each time)."""
    path = PROFILES / name if (PROFILES / name).is_file() else TEST_PROFILES / name
    with open(path, "rb") as handle:
        return copy.deepcopy(tomllib.load(handle))


def contract_crossing_ids() -> list[str]:
    """The crossing ids the contract (docs/crossings.md, its first table) requires, in order."""
    text = (DOCS / "crossings.md").read_text(encoding="utf-8")
    first_table = text.split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z0-9-]+)` \|", first_table, re.M)


CONTRACT_IDS = contract_crossing_ids()


# --- waiting ---------------------------------------------------------------------------------


async def wait_for(
    pilot: Pilot[Any], predicate: Callable[[], object], what: str, timeout: float = WAIT_SECONDS
) -> None:
    """Let the app run (``pilot.pause()``: its messages, timers and workers) until ``predicate()``
    holds; fail with "never happened: WHAT" once ``timeout`` seconds have passed without it."""
    deadline = monotonic() + timeout
    while True:
        await pilot.pause()
        if predicate():
            return
        if monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")


async def wait_for_workers(pilot: Pilot[Any], what: str = "the app's workers finished") -> None:
    """Wait until no worker of the app is pending or running (a finished worker leaves the
    manager), then let the messages they posted be handled."""
    await wait_for(pilot, lambda: not pilot.app.workers, what)
    await pilot.pause()


async def wait_for_screen(pilot: Pilot[Any], kind: type[Screen[Any]]) -> None:
    """Wait until the screen on top is a ``kind`` and its workers have finished."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), f"the {kind.__name__} is shown")
    await wait_for_workers(pilot, f"the {kind.__name__}'s workers finished")


# --- one screen on its own -------------------------------------------------------------------


class Harness(App[None]):
    """Pushes one screen and keeps what it dismissed with."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.the_screen = screen
        self.result: object = "not dismissed"

    def on_mount(self) -> None:
        self.push_screen(self.the_screen, self.keep_result)

    def keep_result(self, result: object) -> None:
        """The screen's dismissal: keep what it gave back."""
        self.result = result


def record_notifications(app: App[Any]) -> list[str]:
    """From now on, every message ``app`` notifies (the toasts a user would read) is appended
    to the returned list."""
    said: list[str] = []
    notify = app.notify

    def recording(message: str, *args: Any, **kwargs: Any) -> None:
        said.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return said


# --- the whole app on the demo person --------------------------------------------------------

CLOCK = fixed_clock(datetime(2026, 12, 2, 18, 5, tzinfo=UTC))  # 10:05 at Boundary Bay


DEMO = PROFILES / "demo.toml"
"""The bundled demo: a US citizen (admitted by the US side, so nothing is handed over)."""
FLAGPOLER = TEST_PROFILES / "lindqvist-appointment.toml"
"""A non-citizen flagpoler (handed a referral slip, turned around: a border history entry)."""


def demo_store(home: Path, person: Path = DEMO) -> ProfileStore:
    """A data folder holding ``person`` (the demo by default) as stored profile 'demo'."""
    from tui.core.profile_io import read_profile, save_stored

    store = ProfileStore(home)
    if not store.exists("demo"):
        save_stored(store, "demo", read_profile(person))
    return store


def clock_on_plan(plan_date: date | None):
    """The fixed clock, or, for a plan dated before it, the same time of day on the plan's date:
    the app then opens the real day (not the "is today the day?" question of a slipped plan)."""
    if plan_date is None or plan_date >= CLOCK().date():
        return CLOCK
    return fixed_clock(datetime.combine(plan_date, CLOCK().time(), tzinfo=UTC))


def make_app(home: Path, profile: str | None = "demo", person: Path = DEMO):
    """The app on ``person`` (the demo by default) stored as 'demo' in ``home``, with the fixed
    clock (on the person's plan date when that is earlier) and the frozen test data."""
    from tui.app import FlagpoleApp

    store = demo_store(home, person)
    plan = tomllib.loads(person.read_text("utf-8")).get("plan", {})
    clock = clock_on_plan(plan.get("date"))
    return FlagpoleApp(store=store, profile_name=profile, clock=clock, data_dir=TEST_DATA)


def prepare(home: Path, stage: str, *, leave: bool = False) -> None:
    """Write a journal that stands at ``stage`` (without Textual), optionally having left the
    permit review with its error."""
    from tui.core.session import Session
    from tui.core.verdict import Verdict

    session = Session.open(demo_store(home), "demo", CLOCK, data_dir=TEST_DATA)
    for stage_id in session.route.stage_ids:
        session.go_to(stage_id)
        if stage_id == "permit_review" and leave:
            session.attach_verdict(Verdict.build(session.profile, CLOCK(), TEST_DATA))
            type_printed(session)
            session.decide_leave(True, [f.id for f in session.permit_errors()])
        if stage_id == stage:
            break


def type_printed(session) -> None:
    """Check every permit field against the demo's printed permit (its ``issued_permit``, with
    the Port of Entry letter's date): typed where printed, confirmed where blank."""
    from tui.core.verdict import permit_to_text

    for key, value in permit_to_text(session.profile.issued_permit).items():
        if value:
            session.set_permit_field(key, value)
        else:
            session.confirm_permit_field(key)


async def check_printed_permit(pilot: Pilot[Any]) -> None:
    """At the permit review, type what the profile's ``issued_permit`` says is printed into each
    field (a blank one confirmed with F5), as a person reading the permit would."""
    from textual.widgets import Input

    from tui.core.verdict import permit_to_text

    app = pilot.app
    for key, value in permit_to_text(app.session.profile.issued_permit).items():
        field = app.screen.query_one(f"#permit-{key}", Input)
        field.value = value
        if not value:
            field.focus()
            await pilot.press("f5")
    await wait_for(pilot, lambda: app.session.permit_unchecked() == [], "every permit field checked")


def app_opened(app) -> bool:
    """The app has settled after opening: no worker running, and either a journey with its
    verdict or the welcome screen is shown."""
    from tui.screens.journey import JourneyScreen
    from tui.screens.welcome import WelcomeScreen

    if app.workers:
        return False
    session = app.session
    if isinstance(app.screen, JourneyScreen):
        from tui.widgets.stage import StageView

        views = app.screen.query(StageView)
        complete = bool(views) and all(view.complete for view in views)
        return session is not None and session.verdict is not None and complete
    return session is None and isinstance(app.screen, WelcomeScreen)


async def wait_until_open(pilot: Pilot[Any]) -> None:
    """Wait until the app shows a journey with its verdict drawn, or the welcome screen."""
    await wait_for(
        pilot, lambda: app_opened(pilot.app), "the app showed a journey with its verdict, or the welcome"
    )
    await pilot.pause()


async def wait_for_journey(pilot: Pilot[Any]) -> None:
    """Wait until the journey screen is on top with its verdict drawn."""
    from tui.screens.journey import JourneyScreen

    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, JourneyScreen) and app_opened(pilot.app),
        "the journey screen showed the verdict",
    )
    await pilot.pause()


def quiet_cursors(app: App[Any]) -> None:
    """No blinking cursor in a snapshot (it would make the picture depend on timing)."""
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


# --- the text on screen ----------------------------------------------------------------------


def screen_text(app: App[Any]) -> str:
    """The text of every Static and checklist item on the current screen, in order (including
    what is scrolled out of view), for assertions."""
    from textual.widgets import Static

    from tui.widgets.checklist import CheckItem

    parts = []
    for widget in app.screen.walk_children(with_self=False):
        if isinstance(widget, Static):
            parts.append(plain(widget.content))
        elif isinstance(widget, CheckItem):
            parts.append(plain(widget.render()))
    return "\n".join(parts)


def static_text(app: App[Any], selector: str) -> str:
    """The plain text a Static on the current screen shows."""
    from textual.widgets import Static

    return plain(app.screen.query_one(selector, Static).content)


def plain(renderable: object) -> str:
    """A string, Textual Content or Rich renderable as the plain text a reader sees."""
    from rich.console import Console
    from textual.content import Content

    if isinstance(renderable, str):
        return renderable
    if isinstance(renderable, Content):
        return renderable.plain
    with open(os.devnull, "w") as sink:
        console = Console(width=200, record=True, color_system=None, file=sink)
        console.print(renderable)
        return console.export_text()


# --- the profile screen on its own ----------------------------------------------------------

PROFILE_NOW = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)  # 09:00 in Vancouver


def profile_harness(store: ProfileStore, name: str | None) -> Harness:
    """The profile screen of ``name`` (None: a new profile) on its own, with a fixed clock."""
    from tui.screens.profile import ProfileScreen

    return Harness(ProfileScreen(store, name, fixed_clock(PROFILE_NOW), data_dir=TEST_DATA))


async def answer_guided_start(pilot: Pilot[Any], citizenship: str, program: str, route: str) -> None:
    """On the guided start: type the two letters, choose the programme and the route (by their
    values, moving the highlight as a person would), and wait until the verdict is shown."""
    from textual.widgets import OptionList

    from tui.screens.guided import VERDICT, GuidedScreen

    await wait_for(pilot, lambda: isinstance(pilot.app.screen, GuidedScreen), "the guided start is shown")
    screen = pilot.app.screen
    await pilot.press(*citizenship, "enter")
    for value in (program, route):
        options = screen.query_one("#guided-options", OptionList)
        offered = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert value in offered, f"{value!r} is not offered (only {offered})"
        target = offered.index(value)
        await pilot.press(*(["down"] * (target - (options.highlighted or 0))), "enter")
    await wait_for(pilot, lambda: screen.step == VERDICT and screen.verdict is not None, "the verdict is shown")


async def wait_for_profile_form(pilot: Pilot[Any]) -> None:
    """Wait until the profile form is filled and checked: no worker running (so every field is
    built, those below the first screen too), the readiness line no longer 'checking…'."""
    await wait_for(
        pilot,
        lambda: not pilot.app.workers and "checking" not in static_text(pilot.app, "#readiness-summary"),
        "the profile form was filled and checked",
    )
