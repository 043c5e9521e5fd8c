"""Readiness rules: who may still flagpole (the ban, PGWP, exemptions, PR landing, spousal OWP)."""

from __future__ import annotations

from tui.core.profile import Program
from tui.core.rules.registry import ERROR, INFO, READY, WARNING, Context, Hit, RuleGroup
from tui.core.rules.wording import PROGRAM_NAMES, _upper_first

RULES = RuleGroup()
_rule = RULES.rule


@_rule(
    "eligibility.flagpoling_ended", ERROR, READY,
    "Since {p.flagpoling_ban.effective} CBSA issues no work permits to flagpolers outside the exempt groups.",
    flagpole_only=True,
)
def _flagpoling_ended(ctx: Context) -> Hit | None:
    if not ctx.banned_period or ctx.exemption is not None:
        return None
    ban = ctx.policy.flagpoling_ban.effective
    routes = ctx.policy.routes
    letter = ctx.app.poe_letter_valid_until
    by_letter = f" before your letter expires on {letter}" if letter else ""
    message = (
        f"Since {ban}, CBSA no longer issues work permits to people who flagpole, and your "
        f"profile ({PROGRAM_NAMES[ctx.program]}) is in no exempt group: on {ctx.today} the "
        "officer will tell you to apply to IRCC instead."
    )
    if ctx.program.is_iec:
        iec, elsewhere = routes.iec_in_canada, routes.enter_from_elsewhere
        advice = (
            f"If you are in Canada on a valid IEC permit, use {iec.name} ({iec.url}): {iec.how}; "
            f"do it{by_letter}. Otherwise, {elsewhere.name}{by_letter} ({elsewhere.url})."
        )
    else:
        advice = (
            f"{_upper_first(routes.apply_to_ircc.name)} ({routes.apply_to_ircc.url}), or "
            f"{routes.enter_from_elsewhere.name}{by_letter}."
        )
    advice += (
        " If you do belong to an exempt group (US permanent resident, free-trade professional "
        "or spouse, truck driver on maintained status, CBSA appointment), set "
        "application.exemption in your profile."
    )
    return Hit(message, advice)


@_rule(
    "eligibility.pgwp_ended", ERROR, READY,
    "Since {p.pgwp_cutoff.effective} a PGWP cannot be applied for at the border (no exemptions).",
)
def _pgwp_ended(ctx: Context) -> Hit | None:
    cutoff = ctx.policy.pgwp_cutoff.effective
    if ctx.program is not Program.PGWP or ctx.today < cutoff:
        return None
    return Hit(
        f"Since {cutoff}, a post-graduation work permit cannot be applied for at the border, "
        f"and no exemption applies: flagpoling for it on {ctx.today} will be refused.",
        "Apply for your PGWP online with IRCC instead of travelling to the border.",
    )


@_rule(
    "eligibility.exempt", INFO, READY,
    "Exempt from the flagpoling ban of {p.flagpoling_ban.effective}: names the exemption and "
    "the proof to carry.",
    flagpole_only=True,
)
def _exempt(ctx: Context) -> Hit | None:
    if not ctx.banned_period or ctx.exemption is None:
        return None
    fact = ctx.policy.exemptions[ctx.exemption]
    return Hit(
        f"Flagpoling ended on {ctx.policy.flagpoling_ban.effective} for most people, but you "
        f"are exempt: {fact.label}.",
        f"Carry {fact.proof}, and tell the CBSA officer why the exemption applies to you.",
        source=fact.source,
    )


@_rule(
    "eligibility.pr_landing_unconfirmed", WARNING, READY,
    "PR landing by flagpoling since {p.flagpoling_ban.effective} is unconfirmed; the PR Portal "
    "is the usual route.",
    flagpole_only=True,
)
def _pr_landing_unconfirmed(ctx: Context) -> Hit | None:
    if ctx.program is not Program.PR_LANDING or ctx.today < ctx.policy.flagpoling_ban.effective:
        return None
    portal = ctx.policy.routes.pr_portal
    return Hit(
        f"The flagpoling ban of {ctx.policy.flagpoling_ban.effective} names only work and study "
        "permits, but no source confirms that CBSA still lands permanent residents who flagpole.",
        f"Check first whether you can confirm your permanent residence through {portal.name} "
        f"({portal.url}). If you still go, carry your COPR and passport, and be ready to be "
        "sent back.",
    )


@_rule(
    "eligibility.spousal_rules_changed", INFO, READY,
    "Spousal open work permit eligibility was narrowed on {p.spousal_owp_change.effective}: check it.",
)
def _spousal_rules_changed(ctx: Context) -> Hit | None:
    change = ctx.policy.spousal_owp_change.effective
    if ctx.program is not Program.SPOUSAL_OPEN_WORK_PERMIT or ctx.today < change:
        return None
    return Hit(
        f"Since {change}, spousal open work permits go only to spouses of students in a "
        "master's programme of 16 months or more, a doctorate or some professional programmes, "
        "and to spouses of workers in TEER 0 or 1 (or selected TEER 2 or 3) jobs whose permit "
        "has at least 16 months left.",
        "Check that you still qualify before you travel (permits already issued are not "
        "affected); bring proof of your relationship and of your partner's study or job.",
    )


