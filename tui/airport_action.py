"""The app's airport action: on the arrival-by-air route the crossing key (``c``) opens the
airport picker instead of the crossing finder; choosing an airport sets the plan and re-checks,
as choosing a crossing does (``FlagpoleApp.action_find_crossing``)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tui.failure import disk_words

if TYPE_CHECKING:  # pragma: no cover
    from tui.app import FlagpoleApp

AIR_ROUTE = "arrival-by-air"


def arriving_by_air(app: FlagpoleApp) -> bool:
    """True when the app's open journey is on the arrival-by-air route (``c`` picks an airport)."""
    return app.session is not None and app.session.route.id == AIR_ROUTE


def open_airport_picker(app: FlagpoleApp) -> None:
    """Push the airport picker (each airport's local time now, the plan's airport highlighted);
    choosing one sets the plan's airport and the arrival-by-air route, keeping the previous
    profile, and reopens the profile so every check runs again."""
    from tui.screens.airport_picker import AirportPickerScreen

    session = app.session
    if session is None:
        app.notify("Open a profile first.", severity="warning")
        return
    plan = session.profile.plan
    verdict = session.verdict
    picker = AirportPickerScreen(
        app.clock(),
        current=(plan.airport or None) if plan is not None else None,
        landing=(plan.date, plan.arrive) if plan is not None else None,
        data=verdict.airports if verdict is not None else None,
    )
    app.push_screen(picker, partial(_chosen, app, session.profile_name, session.route.id))


def _chosen(app: FlagpoleApp, name: str, route_now: str, airport_id: str | None) -> None:
    if airport_id:
        app.run_worker(
            partial(_set_plan_airport, app, name, airport_id, route_now),
            thread=True,
            exclusive=True,
            group="open",
        )


def _set_plan_airport(app: FlagpoleApp, name: str, airport_id: str, route_now: str) -> None:
    """(A worker thread.) Store the chosen airport in the profile's plan, on the arrival-by-air
    route (a plan for today when there was none), keeping the previous version; then reopen so
    the checks run again. ``route_now`` is the route the open journey is on."""
    from tui.core.errors import FlagpoleError
    from tui.core.profile import Plan, PlanRoute
    from tui.core.profile_io import load_stored, save_stored

    try:
        profile = load_stored(app.store, name)
        if profile.plan is None:
            today = app.clock().date()
            profile.plan = Plan(route=PlanRoute.ARRIVAL_BY_AIR, airport=airport_id, date=today)
        else:
            profile.plan.airport = airport_id
            profile.plan.route = PlanRoute.ARRIVAL_BY_AIR
        save_stored(app.store, name, profile)
    except (FlagpoleError, OSError) as exc:
        words = disk_words(exc, "save the profile") if isinstance(exc, OSError) else str(exc)
        app.call_from_thread(app.notify, words, title="Plan not changed", severity="error")
        return
    message = f"Plan set to {airport_id.upper()}, arriving by air; checking again."
    if route_now != AIR_ROUTE:
        message += (
            " Today's journey keeps the stages it started with: start this day over to "
            "follow the arrival-by-air stages."
        )
    app.call_from_thread(app.notify, message, timeout=8)
    app.call_from_thread(app.open_profile, name)
