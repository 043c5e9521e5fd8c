"""Readiness rules: the documents to carry (passport, POE letter, insurance, proof of funds)."""

from __future__ import annotations

from datetime import timedelta

from tui.core.kinds import Program
from tui.core.rules.registry import ERROR, READY, WARNING, Context, Hit, RuleGroup
from tui.core.rules.terms import passport_caps_permit
from tui.core.rules.wording import _cad, _plural, _span

RULES = RuleGroup()
_rule = RULES.rule


@_rule("passport.expired", ERROR, READY, "The passport expires before the crossing.")
def _passport_expired(ctx: Context) -> Hit | None:
    expires = ctx.profile.passport.expires
    if expires >= ctx.today:
        return None
    return Hit(
        f"Your passport expired on {expires}, before {ctx.day_words} on {ctx.today}.",
        "Renew your passport before you travel: no permit is issued on an expired passport.",
        fix_field="passport.expires",
    )


@_rule(
    "passport.limits_permit", WARNING, READY,
    "The passport expires before the programme's term ends: the permit stops there.",
)
def _passport_limits(ctx: Context) -> Hit | None:
    expires, end = ctx.profile.passport.expires, ctx.term_end
    if end is None or expires >= end or not passport_caps_permit(ctx.profile):
        return None
    return Hit(
        f"Your passport expires on {expires}, {_span(expires, end)} before {ctx.term_words} "
        f"ends ({end}): the permit will not run past your passport.",
        f"Renew your passport before you activate the permit to get the full term to {end}; "
        f"otherwise expect the permit to end on {expires}.",
        fix_field="passport.expires",
    )


@_rule(
    "poe_letter.expired", ERROR, READY,
    "The Port of Entry letter's last valid day is before the crossing.",
)
def _poe_letter_expired(ctx: Context) -> Hit | None:
    until = ctx.app.poe_letter_valid_until
    if not ctx.program.is_work_permit or until is None or ctx.today <= until:
        return None
    return Hit(
        f"Your Port of Entry letter was valid until {until}; {ctx.day_words} is on {ctx.today}, "
        f"{_span(until, ctx.today)} later.",
        "An expired letter cannot activate a permit. Move your day to on or before its last "
        "day if you still can; otherwise contact IRCC about your application before you travel.",
        fix_field="plan.date",
    )


@_rule("poe_letter.not_printed", WARNING, READY, "The Port of Entry letter is not printed.")
def _poe_letter_not_printed(ctx: Context) -> Hit | None:
    if ctx.app.poe_letter_printed is not False:
        return None
    return Hit(
        "Your Port of Entry letter is not printed.",
        "Print it and pack it with your passport: the officer asks for the letter.",
        fix_field="application.poe_letter_printed",
    )


@_rule(
    "apply_at_port.offer_number_missing", WARNING, READY,
    "Applying at the port for an employer-specific permit without the employer's "
    "offer-of-employment number.",
)
def _offer_number_missing(ctx: Context) -> Hit | None:
    if (
        not ctx.app.applies_at_port
        or ctx.program is not Program.EMPLOYER_SPECIFIC
        or ctx.app.offer_number.strip()
    ):
        return None
    fees = ctx.policy.fees
    compliance, permit = fees.employer_compliance, fees.work_permit
    return Hit(
        "You are applying for an employer-specific permit at the port, but your profile has no "
        "offer-of-employment number: the officer must see your employer's offer in the system "
        f"and that the {compliance.label} ({_cad(compliance.cad)}) was paid.",
        f"Ask your employer for the offer-of-employment number from the Employer Portal and "
        f"proof that they paid the {compliance.label}, and add the number to your profile. "
        f"Bring your job offer, proof of your qualifications, and a card to pay the "
        f"{permit.label} ({_cad(permit.cad)}) at the counter.",
        fix_field="application.offer_number",
    )


@_rule("insurance.missing", ERROR, READY, "An IEC profile has no health insurance.")
def _insurance_missing(ctx: Context) -> Hit | None:
    if not ctx.program.is_iec or ctx.profile.insurance is not None:
        return None
    until = f" (at least until {ctx.term_end})" if ctx.term_end else ""
    return Hit(
        "Your profile has no health insurance; IEC participants must be insured for their "
        "whole stay.",
        f"Buy health insurance for your whole stay{until}, one that can start while you are "
        "outside your home country, print it, and add it to your profile.",
        fix_field="insurance.provider",
    )


@_rule("insurance.not_started", ERROR, READY, "The insurance starts after the crossing.")
def _insurance_not_started(ctx: Context) -> Hit | None:
    ins = ctx.profile.insurance
    if ins is None or ins.starts <= ctx.today:
        return None
    return Hit(
        f"Your insurance ({ins.provider}) starts on {ins.starts}, after {ctx.day_words} on "
        f"{ctx.today}.",
        f"Ask {ins.provider} to start the cover on or before {ctx.today} and print the new "
        "certificate, or move your day to on or after the start date.",
        fix_field="insurance.starts",
    )


@_rule(
    "insurance.limits_permit", WARNING, READY,
    "IEC insurance ends before the programme's term: the permit will likely end with it.",
)
def _insurance_limits(ctx: Context) -> Hit | None:
    ins, end = ctx.profile.insurance, ctx.term_end
    if not ctx.program.is_iec or ins is None or end is None or ins.ends >= end:
        return None
    return Hit(
        f"Your insurance ends {ins.ends}, {_span(ins.ends, end)} before {ctx.term_words} "
        f"ends ({end}): the permit will probably end then too.",
        f"Extend the policy with {ins.provider} to at least {end} and print the new certificate "
        f"before {ctx.day_words}: an IEC permit is not lengthened later to match new insurance.",
        fix_field="insurance.ends",
    )


@_rule(
    "insurance.home_country_only", ERROR, READY,
    "The insurance is valid only if bought in the home country.",
)
def _insurance_home_only(ctx: Context) -> Hit | None:
    ins = ctx.profile.insurance
    if ins is None or ins.valid_outside_home_country:
        return None
    return Hit(
        f"Your insurance ({ins.provider}) is only valid if bought while in your home country, "
        "and you are already outside it.",
        "Buy a policy that can start while you are outside your home country, for your whole "
        "stay, and print it: the officer may refuse the permit without valid cover.",
        fix_field="insurance.valid_outside_home_country",
    )


@_rule("insurance.not_printed", WARNING, READY, "Proof of insurance is not printed.")
def _insurance_not_printed(ctx: Context) -> Hit | None:
    ins = ctx.profile.insurance
    if ins is None or ins.printed:
        return None
    return Hit(
        f"Your insurance certificate ({ins.provider}) is not printed.",
        f"Print the certificate showing the cover dates ({ins.starts} to {ins.ends}) and pack it.",
        fix_field="insurance.printed",
    )


@_rule("funds.missing", ERROR, READY, "An IEC profile has no proof of funds.")
def _funds_missing(ctx: Context) -> Hit | None:
    if not ctx.program.is_iec or ctx.profile.funds is not None:
        return None
    rule = ctx.policy.iec_funds
    return Hit(
        f"Your profile has no proof of funds; IEC participants must show at least "
        f"{_cad(rule.minimum_cad)}.",
        f"Get a bank statement issued no more than {_plural(rule.statement_max_age_days, 'day')} "
        f"before {ctx.day_words} showing at least {_cad(rule.minimum_cad)}, print it, and add it to "
        "your profile.",
        fix_field="funds.amount_cad",
    )


@_rule("funds.below_minimum", ERROR, READY, "IEC proof of funds is below CAD {p.iec_funds.minimum_cad:,}.")
def _funds_below(ctx: Context) -> Hit | None:
    funds, minimum = ctx.profile.funds, ctx.policy.iec_funds.minimum_cad
    if not ctx.program.is_iec or funds is None or funds.amount_cad >= minimum:
        return None
    return Hit(
        f"Your statement shows {_cad(funds.amount_cad)}; IEC participants must show at least "
        f"{_cad(minimum)} ({_cad(minimum - funds.amount_cad)} short).",
        f"Add at least {_cad(minimum - funds.amount_cad)} to the account and print a new "
        f"statement before {ctx.day_words}.",
        fix_field="funds.amount_cad",
    )


@_rule(
    "funds.statement_too_old", WARNING, READY,
    "The bank statement is more than {p.iec_funds.statement_max_age_days} days old.",
)
def _statement_too_old(ctx: Context) -> Hit | None:
    funds, max_age = ctx.profile.funds, ctx.policy.iec_funds.statement_max_age_days
    if funds is None:
        return None
    age = (ctx.today - funds.statement_date).days
    if age <= max_age:
        return None
    return Hit(
        f"Your bank statement is dated {funds.statement_date}, {_plural(age, 'day')} before "
        f"{ctx.day_words} on {ctx.today}; it should be at most {_plural(max_age, 'day')} old.",
        f"Print a new statement dated {ctx.today - timedelta(days=max_age)} or later.",
        fix_field="funds.statement_date",
    )


