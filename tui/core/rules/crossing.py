"""Readiness rules: the planned crossing (known, open, offering flagpoling, accepting pedestrians)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.core.kinds import Travel
from tui.core.rules.registry import ERROR, READY, WARNING, Context, Hit, RuleGroup
from tui.core.rules.terms import _crossing_table
from tui.core.rules.wording import _duration, _hm, _plural, _until, _when

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from tui.core.crossings import Crossing


RULES = RuleGroup()
_rule = RULES.rule


@_rule("plan.missing", WARNING, READY, "No planned crossing: its hours cannot be checked.")
def _plan_missing(ctx: Context) -> Hit | None:
    if ctx.profile.plan is not None:
        return None
    return Hit(
        "Your profile has no planned crossing, so the crossing's hours cannot be checked.",
        "Add your plan to your profile: the crossing, the date and your arrival time. The "
        "crossings list shows when each one offers flagpoling.",
        fix_field="plan.date",
    )


@_rule("crossing.unknown", ERROR, READY, "The planned crossing is not in the crossings data.",
    flagpole_only=True,
)
def _crossing_unknown(ctx: Context) -> Hit | None:
    plan = ctx.profile.plan
    if plan is None or ctx.crossings is None or ctx.crossing is not None:
        return None
    import difflib  # only for a plan that names no known place

    close = difflib.get_close_matches(plan.crossing, list(_crossing_table(ctx.crossings)), n=3)
    names = [_crossing_table(ctx.crossings)[c].name for c in close]
    hint = f" Did you mean {' or '.join(names)}?" if names else ""
    return Hit(
        f"Your planned crossing, '{plan.crossing}', is not one this app knows.",
        f"Choose your crossing from the crossings list.{hint}",
        fix_field="plan.crossing",
    )


def _next_window_words(crossing: Crossing, on: datetime) -> str:
    from tui.core import schedule

    nxt = schedule.next_window(crossing, on)
    if nxt is None:
        return "There is no flagpoling window in the next 14 days."
    return f"The next flagpoling window opens {_when(schedule.local(crossing, nxt))}."


def _other_crossings(on: datetime) -> str:
    return f"the crossings list shows which are open on {on:%A %Y-%m-%d} at {on:%H:%M}."


@_rule("crossing.port_closed", ERROR, READY, "The port itself is closed at the planned time.",
    flagpole_only=True,
)
def _port_closed(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or schedule.port_open(c, ctx.on):
        return None
    return Hit(
        f"{c.name} is closed at {_hm(ctx.on)} on {ctx.on:%A %Y-%m-%d} ({c.timezone}).",
        f"{_next_window_words(c, ctx.on)} Change your date or arrival time to when the port "
        f"is open, or pick another crossing: {_other_crossings(ctx.on)}",
        fix_field="plan.arrive",
    )


@_rule(
    "crossing.no_flagpoling", ERROR, READY,
    "The port is open but offers no flagpoling at the planned time; names the next window.",
    flagpole_only=True,
)
def _no_flagpoling(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or not schedule.port_open(c, ctx.on) or schedule.flagpoling_open(c, ctx.on):
        return None
    return Hit(
        f"{c.name} is open but offers no flagpoling at {_hm(ctx.on)} on "
        f"{ctx.on:%A %Y-%m-%d}. {_next_window_words(c, ctx.on)}",
        "Move your date and arrival time into a flagpoling window, or pick another crossing: "
        f"{_other_crossings(ctx.on)}",
        fix_field="plan.arrive",
    )


@_rule(
    "crossing.closes_soon", WARNING, READY,
    "Flagpoling is open but ends less than {p.crossing.closes_soon_hours:g} hours after arrival: "
    "your turn may not come.",
    flagpole_only=True,
)
def _closes_soon(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or not schedule.flagpoling_open(c, ctx.on):
        return None
    left = schedule.time_left(c, ctx.on)  # real elapsed time, correct on DST days
    threshold = timedelta(hours=ctx.policy.crossing.closes_soon_hours)
    if left is None or left >= threshold:
        return None
    end = schedule.window_end(c, ctx.on)
    if end is None:  # open now, so a window does end; kept for the type checker
        return None
    end_local = schedule.local(c, end)
    return Hit(
        f"Flagpoling at {c.name} ends at {_until(end_local)}, {_duration(left)} after you "
        f"arrive at {_hm(ctx.on)}: with long lines, your turn may not come before service ends.",
        f"Arrive at least {_plural(int(threshold.total_seconds() // 3600), 'hour')} before "
        f"{_until(end_local)}, or go on another day.",
        fix_field="plan.arrive",
    )


@_rule(
    "crossing.no_pedestrians", ERROR, READY,
    "Travelling on foot or by transit to a port documented as refusing pedestrians.",
    flagpole_only=True,
)
def _no_pedestrians(ctx: Context) -> Hit | None:
    c, plan = ctx.crossing, ctx.profile.plan
    if c is None or plan is None or plan.travel not in (Travel.FOOT, Travel.TRANSIT):
        return None
    access = getattr(c, "pedestrians", None)
    if access is None or getattr(access, "allowed", None) is not False:
        return None
    how = "on foot" if plan.travel is Travel.FOOT else "by public transit"
    return Hit(
        f"{c.name} does not let pedestrians cross, and you plan to arrive {how}.",
        "Go by car (a taxi is fine) and say so in your profile, or pick a crossing that "
        "accepts pedestrians (the crossings list can show only those).",
        source=getattr(access, "source", None) or None,
        fix_field="plan.travel",
    )


@_rule(
    "crossing.us_side_closed", ERROR, READY,
    "The Canadian port is open but the US port facing it is closed: nobody can turn you around.",
    flagpole_only=True,
)
def _us_side_closed(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None or not schedule.port_open(c, ctx.on) or schedule.us_side_open(c, ctx.on):
        return None
    here = schedule.local(c, ctx.on)
    windows = schedule.us_side_windows(c, here.date())
    hours = ", ".join(f"{_hm(s)}–{_until(e)}" for s, e in windows) or "closed all day"
    row = next((r for r in c.us_port_hours if r.in_force(here.date())), None)
    return Hit(
        f"{c.name} is open at {_hm(ctx.on)} on {ctx.on:%A %Y-%m-%d}, but the US port facing it "
        f"({c.us_port}, {c.us_state}) is closed then: nobody on the US side can turn you around.",
        f"The US side is open {hours} that day ({c.timezone}). Arrive while both sides are open, "
        f"or pick another crossing: {_other_crossings(ctx.on)}",
        source=row.source if row is not None else None,
        fix_field="plan.arrive",
    )


@_rule(
    "crossing.appointment_required", WARNING, READY,
    "The crossings data marks flagpoling at this port as by appointment on the planned date "
    "(an unconfirmed source).",
    flagpole_only=True,
)
def _appointment_required(ctx: Context) -> Hit | None:
    from tui.core import schedule

    c = ctx.crossing
    if c is None:
        return None
    day = schedule.local(c, ctx.on).date()
    mark = schedule.appointment_mark(c, day)
    if mark is None:
        return None
    book = f" (the source gives {mark.contact})" if mark.contact else ""
    return Hit(
        f"One source says flagpoling at {c.name} took a booked appointment on {day} "
        f"({mark.describe()}); this is unconfirmed: other sources disagree or say nothing.",
        f"Book an appointment before you go{book}, or call CBSA first to check whether you "
        "need one.",
        source=mark.source,
    )
