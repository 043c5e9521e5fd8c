"""Readiness rules: who may still flagpole (the ban, PGWP, exemptions, PR landing, spousal OWP)."""

from __future__ import annotations

from tui.core.kinds import US_CITIZEN, Program, StatusKind
from tui.core.rules.registry import ERROR, INFO, READY, WARNING, Context, Hit, RuleGroup
from tui.core.rules.wording import PROGRAM_NAMES, _upper_first

CBSA_APPOINTMENT = "cbsa-appointment"

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
    message = (
        f"Since {ban}, CBSA no longer issues work permits to people who flagpole, and your "
        f"profile ({PROGRAM_NAMES[ctx.program]}) is in no exempt group: on {ctx.today} the "
        "officer will tell you to apply to IRCC instead."
    )
    steps, sources = _instead(ctx)
    return Hit(
        message,
        "Do not travel to the border for this permit; do one of the steps below instead.",
        steps=steps,
        sources=sources,
        fix_field="plan.route",
    )


def _valid_iec_permit_in_canada(ctx: Context) -> bool | None:
    """True when ``[status]`` says the person holds a valid IEC work permit in Canada, False when
    it says otherwise, None without ``[status]``."""
    status = ctx.profile.status
    if status is None:
        return None
    return status.current is StatusKind.IEC_WORK_PERMIT and (
        status.valid_until is None or status.valid_until >= ctx.today
    )


def _instead(ctx: Context) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What to do instead of flagpoling, chosen by ``[status]``: (numbered steps, their URLs)."""
    routes = ctx.policy.routes
    letter = ctx.app.poe_letter_valid_until
    by_letter = f" before your Port of Entry letter expires on {letter}" if letter else ""
    iec, elsewhere, ircc = routes.iec_in_canada, routes.enter_from_elsewhere, routes.apply_to_ircc
    steps: list[str] = []
    sources: list[str] = []
    in_canada_on_iec = _valid_iec_permit_in_canada(ctx) if ctx.program.is_iec else False
    if in_canada_on_iec:
        steps.append(f"Use {iec.name}: {iec.how}; do it{by_letter}.")
        sources.append(iec.url)
    else:
        if in_canada_on_iec is None:
            steps.append(
                f"If you are in Canada on a valid IEC work permit, use {iec.name}: {iec.how} "
                "(to plan it, say in your profile that your status is an IEC work permit)."
            )
            sources.append(iec.url)
        if not ctx.program.is_iec:
            steps.append(f"{_upper_first(ircc.name)}.")
            sources.append(ircc.url)
        steps.append(
            f"{_upper_first(elsewhere.name)}{by_letter}; to plan that day, choose arriving by "
            "air, and your airport, in your profile."
        )
        sources.append(elsewhere.url)
    groups = ", ".join(
        fact.short for key, fact in ctx.policy.exemptions.items() if key != US_CITIZEN
    )
    steps.append(
        f"If you do belong to an exempt group ({groups}), choose your exemption in your "
        "profile."
    )
    return tuple(steps), tuple(dict.fromkeys(sources))


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
    "eligibility.exemption_invalid", ERROR, READY,
    "The free-trade professional exemption is claimed with a citizenship not covered by a "
    "free-trade agreement.",
    flagpole_only=True,
)
def _exemption_invalid(ctx: Context) -> Hit | None:
    if not ctx.exemption_invalid:
        return None
    countries = ", ".join(ctx.policy.fta_countries)
    citizenship = ctx.profile.person.citizenship
    return Hit(
        "Your profile claims the free-trade professional exemption, but only citizens of the "
        f"partner countries ({countries}) qualify, and your citizenship is {citizenship}: "
        "the officer will treat you as not exempt.",
        "Take the free-trade exemption out of your profile unless another exemption applies "
        "to you, and plan another way to get the permit.",
        fix_field="application.exemption",
    )


@_rule(
    "eligibility.appointment_unconfirmed", WARNING, READY,
    "The CBSA-appointment exemption covers appointments that already existed; no source "
    "confirms CBSA books new ones.",
    flagpole_only=True,
)
def _appointment_unconfirmed(ctx: Context) -> Hit | None:
    if ctx.exemption != CBSA_APPOINTMENT or ctx.today < ctx.policy.flagpoling_ban.effective:
        return None
    return Hit(
        f"Your exemption is a CBSA appointment. The ban of {ctx.policy.flagpoling_ban.effective} "
        "exempts appointments that already existed; no source confirms that CBSA books new "
        "flagpoling appointments.",
        "Carry the written confirmation of your appointment (date, time and port of entry); "
        "without one, expect to be treated as not exempt.",
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
        f"Check first whether you can confirm your permanent residence through {portal.name}. "
        "If you still go, carry your COPR and passport, and be ready to be sent back.",
        sources=(portal.url,),
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
        f"Since {change}, {ctx.policy.spousal_owp_change.criteria}.",
        "Check that you still qualify before you travel (permits already issued are not "
        "affected); bring proof of your relationship and of your partner's study or job.",
    )


