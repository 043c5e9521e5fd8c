"""Readiness rules: the person's status before the day (``[status]``) and what the day does to it."""

from __future__ import annotations

from tui.core.kinds import PlanRoute, StatusKind
from tui.core.rules.registry import ERROR, READY, WARNING, Context, Hit, RuleGroup

RULES = RuleGroup()
_rule = RULES.rule


@_rule(
    "status.maintained_lost_on_exit", ERROR, READY,
    "On maintained status, leaving Canada ends it: no work until a new permit is issued "
    "(warning when exempt or not flagpoling).",
)
def _maintained_lost_on_exit(ctx: Context) -> Hit | None:
    status = ctx.profile.status
    route = ctx.profile.route
    if status is None or status.current is not StatusKind.MAINTAINED or route is PlanRoute.BY_MAIL:
        return None
    message = (
        "You are on maintained status, and leaving Canada (by land or by air) ends it: back in "
        "Canada you may not work or study until the new permit is issued, and if the officer "
        "refuses it you come back in as a visitor."
    )
    if route is PlanRoute.FLAGPOLE and ctx.exemption is None:
        return Hit(
            message + " You are in no exempt group, so a refusal is what to expect.",
            "Do not leave Canada while you wait: keep your maintained status and wait for "
            "IRCC's decision on your application.",
        )
    return Hit(
        message,
        "Go only if you can stop working until the permit is in your hands, and carry proof "
        "that you applied before your permit expired.",
        severity=WARNING,
    )

