"""Readiness rules of the routes other than flagpoling: the airport of an arrival by air is known,
and the permit by mail is open to this person (rules.md "Additions": ``airport.unknown``,
``mail.not_eligible``)."""

from __future__ import annotations

from tui.core.kinds import PlanRoute, StatusKind
from tui.core.rules.registry import ERROR, READY, Context, Hit, RuleGroup
from tui.core.rules.wording import PROGRAM_NAMES, _upper_first

RULES = RuleGroup()
_rule = RULES.rule


@_rule("airport.unknown", ERROR, READY,
       "Arriving by air, but the plan names no airport, or one not in the airports data.")
def _airport_unknown(ctx: Context) -> Hit | None:
    plan = ctx.profile.plan
    if plan is None or plan.route is not PlanRoute.ARRIVAL_BY_AIR:
        return None
    if ctx.airports is None or ctx.airport is not None:
        return None
    if not plan.airport.strip():
        return Hit(
            "Your plan is to arrive by air, but it names no airport, so the arrival time cannot "
            "be set in the airport's time zone.",
            "Choose the airport you land at in your profile (by its name, city or code, like "
            "YVR).",
            fix_field="plan.airport",
        )
    close = _close_airports(ctx, plan.airport)
    names = [f"{ctx.airports.airports[a].name} ({a.upper()})" for a in close]
    hint = f" Did you mean {' or '.join(names)}?" if names else ""
    return Hit(
        f"Your planned airport, '{plan.airport}', is not one this app knows.",
        f"Choose the airport you land at in your profile.{hint}",
        fix_field="plan.airport",
    )


def _close_airports(ctx: Context, text: str) -> list[str]:
    """Up to three airport ids close to ``text``: by name or city first, then by spelling."""
    from tui.core.airports import search

    if ctx.airports is None:
        return []
    found = [a.id for a in search(ctx.airports, text)][:3]
    import difflib  # only for a plan that names no known place

    return found or difflib.get_close_matches(text.strip().lower(), list(ctx.airports.airports), n=3)


@_rule("mail.not_eligible", ERROR, READY,
       "By mail, but not an IEC participant in Canada holding a valid IEC work permit.")
def _mail_not_eligible(ctx: Context) -> Hit | None:
    if ctx.profile.route is not PlanRoute.BY_MAIL:
        return None
    reasons = _mail_reasons(ctx)
    if not reasons:
        return None
    iec = ctx.policy.routes.iec_in_canada
    advice, sources = _mail_advice(ctx)
    return Hit(
        f"{_upper_first(iec.name)} prints and mails a permit only to IEC participants in Canada "
        f"who hold a valid IEC work permit, and {'; and '.join(reasons)}.",
        advice,
        sources=sources,
        fix_field="plan.route",
    )


def _mail_reasons(ctx: Context) -> list[str]:
    """Each condition of the by-mail route that fails, in words (empty: eligible)."""
    reasons = []
    if not ctx.program.is_iec:
        reasons.append(f"your programme is the {PROGRAM_NAMES[ctx.program]}, not an IEC programme")
    status = ctx.profile.status
    if status is None:
        reasons.append("your profile does not say you hold an IEC work permit")
    elif status.current is not StatusKind.IEC_WORK_PERMIT:
        from tui.core.labels import label  # the menus' words: loaded only when they are said

        reasons.append(
            f"your status is {label(status.current).lower()}, not an IEC work permit"
        )
    if status is not None and status.valid_until is not None and status.valid_until < ctx.today:
        what = "IEC work permit" if status.current is StatusKind.IEC_WORK_PERMIT else "status"
        reasons.append(
            f"your {what} ended on {status.valid_until}, before the "
            f"request date {ctx.today}"
        )
    return reasons


def _mail_advice(ctx: Context) -> tuple[str, tuple[str, ...]]:
    """What to do instead of asking for the permit by mail: (the words, their URLs)."""
    routes = ctx.policy.routes
    elsewhere = routes.enter_from_elsewhere
    letter = ctx.app.poe_letter_valid_until
    by_letter = f" before your letter expires on {letter}" if letter else ""
    if ctx.program.is_iec:
        return (
            f"Activate the permit on arrival instead: {elsewhere.name}{by_letter}; choose "
            "arriving by air, and your airport, in your profile. If you do hold a valid IEC work "
            "permit, say so in your profile: your status, and the day it ends.",
            (elsewhere.url,),
        )
    return (
        f"{_upper_first(routes.apply_to_ircc.name)}, or {elsewhere.name}{by_letter}.",
        (routes.apply_to_ircc.url, elsewhere.url),
    )
