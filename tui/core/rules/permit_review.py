"""Permit-review rules: the printed permit checked against the profile before leaving the counter."""

from __future__ import annotations

from tui.core.kinds import PermitKind
from tui.core.rules.registry import ERROR, REVIEW, WARNING, Context, Hit, RuleGroup
from tui.core.rules.terms import matches_keyword, passport_caps_permit, same_name
from tui.core.rules.wording import (
    ASK_AT_COUNTER,
    PROGRAM_NAMES,
    _after_leaving,
    _amend_sources,
    _limit_reason,
    _limit_words,
    _span,
)

RULES = RuleGroup()
_rule = RULES.rule


def _issued_early_by(ctx: Context) -> int | None:
    """Days the printed expiry falls short of the expected one, or None without both."""
    issued, expected = ctx.profile.issued_permit, ctx.expected
    if issued is None or expected is None:
        return None
    return (expected.expires - issued.expires).days


def _earlier_than_expected(ctx: Context) -> bool:
    early = _issued_early_by(ctx)
    return early is not None and early > ctx.policy.permit_review.tolerance_days


def _letter_date_used(ctx: Context) -> bool:
    issued = ctx.profile.issued_permit
    return (
        issued is not None
        and ctx.app.poe_letter_valid_until is not None
        and issued.expires == ctx.app.poe_letter_valid_until
        and _earlier_than_expected(ctx)
    )


@_rule(
    "permit.expiry_matches_poe_letter", ERROR, REVIEW,
    "The permit expires on the POE letter's date, earlier than expected: the officer used it.",
)
def _expiry_matches_letter(ctx: Context) -> Hit | None:
    if not _letter_date_used(ctx):
        return None
    issued, expected = ctx.profile.issued_permit, ctx.expected
    assert issued is not None and expected is not None
    return Hit(
        f"Your permit expires on {issued.expires}, the last day your Port of Entry letter was "
        f"valid, but it should run until {expected.expires} ({_limit_words(ctx, expected)}): "
        "the officer used the letter's date.",
        ASK_AT_COUNTER + _after_leaving(ctx),
        say=(
            "The expiry date on my permit is the date on my Port of Entry letter; my permit "
            f"should run until {expected.expires}. Could you correct it, please?"
        ),
        sources=_amend_sources(ctx),
    )


@_rule(
    "permit.expiry_too_early", ERROR, REVIEW,
    "The permit expires more than {p.permit_review.tolerance_days} days before the expected expiry.",
)
def _expiry_too_early(ctx: Context) -> Hit | None:
    if not _earlier_than_expected(ctx) or _letter_date_used(ctx):
        return None
    issued, expected = ctx.profile.issued_permit, ctx.expected
    assert issued is not None and expected is not None
    return Hit(
        f"Your permit expires on {issued.expires}, {_span(issued.expires, expected.expires)} "
        f"before the expected {expected.expires} ({_limit_words(ctx, expected)}).",
        ASK_AT_COUNTER + _after_leaving(ctx),
        say=(
            f"My permit should run until {expected.expires}, because "
            f"{_limit_reason(ctx, expected)}. Could you correct the expiry date, please?"
        ),
        sources=_amend_sources(ctx),
    )


@_rule(
    "permit.expiry_after_passport", WARNING, REVIEW,
    "The permit expires after the passport does.",
)
def _expiry_after_passport(ctx: Context) -> Hit | None:
    issued, passport = ctx.profile.issued_permit, ctx.profile.passport
    if issued is None or issued.expires <= passport.expires or not passport_caps_permit(ctx.profile):
        return None
    return Hit(
        f"Your permit expires on {issued.expires}, after your passport ({passport.expires}); "
        "permits normally stop at the passport's expiry.",
        f"Ask the officer to check the expiry date before you leave the counter. Either way, "
        f"renew your passport before {passport.expires}.",
        say=(
            f"My permit runs past my passport, which expires on {passport.expires}. Is this "
            "expiry date correct?"
        ),
    )


def _person_words(surname: str, given: str) -> str:
    return f"{surname}, {given}"


@_rule("permit.name_mismatch", ERROR, REVIEW, "The name on the permit differs from the passport.")
def _name_mismatch(ctx: Context) -> Hit | None:
    issued, person = ctx.profile.issued_permit, ctx.profile.person
    if issued is None or (
        same_name(issued.surname, person.surname) and same_name(issued.given_names, person.given_names)
    ):
        return None
    right = _person_words(person.surname, person.given_names)
    return Hit(
        f"The permit reads '{_person_words(issued.surname, issued.given_names)}', but your "
        f"passport reads '{right}'.",
        ASK_AT_COUNTER + _after_leaving(ctx),
        say=(
            f"My name on the permit does not match my passport: it should read {right}. "
            "Could you correct it, please?"
        ),
        sources=_amend_sources(ctx),
    )


@_rule("permit.date_of_birth_mismatch", ERROR, REVIEW, "The date of birth on the permit differs.")
def _dob_mismatch(ctx: Context) -> Hit | None:
    issued, person = ctx.profile.issued_permit, ctx.profile.person
    if issued is None or issued.date_of_birth == person.date_of_birth:
        return None
    return Hit(
        f"The permit gives your date of birth as {issued.date_of_birth}; your passport says "
        f"{person.date_of_birth}.",
        ASK_AT_COUNTER + _after_leaving(ctx),
        say=(
            f"My date of birth on the permit is wrong: it should be {person.date_of_birth}, as "
            "in my passport. Could you correct it, please?"
        ),
        sources=_amend_sources(ctx),
    )


@_rule("permit.citizenship_mismatch", ERROR, REVIEW, "The citizenship on the permit differs.")
def _citizenship_mismatch(ctx: Context) -> Hit | None:
    issued, person = ctx.profile.issued_permit, ctx.profile.person
    if issued is None or issued.citizenship == person.citizenship:
        return None
    return Hit(
        f"The permit gives your citizenship as {issued.citizenship}; your passport says "
        f"{person.citizenship}.",
        ASK_AT_COUNTER + _after_leaving(ctx),
        say=(
            f"My citizenship on the permit is wrong: it should be {person.citizenship}, as in my "
            "passport. Could you correct it, please?"
        ),
        sources=_amend_sources(ctx),
    )


_KIND_WORDS = {PermitKind.OPEN: "an open", PermitKind.EMPLOYER_SPECIFIC: "an employer-specific"}


@_rule(
    "permit.kind_mismatch", ERROR, REVIEW,
    "The permit's kind (open / employer-specific) differs from the programme's.",
)
def _kind_mismatch(ctx: Context) -> Hit | None:
    issued, wanted = ctx.profile.issued_permit, ctx.program.permit_kind
    if issued is None or wanted is None or issued.kind is wanted:
        return None
    return Hit(
        f"Your permit is printed as {_KIND_WORDS[issued.kind]} permit, but the "
        f"{PROGRAM_NAMES[ctx.program]} programme issues {_KIND_WORDS[wanted]} permit.",
        ASK_AT_COUNTER,
        say=(
            f"My programme, {PROGRAM_NAMES[ctx.program]}, gives {_KIND_WORDS[wanted]} work "
            f"permit, but this one is printed as {_KIND_WORDS[issued.kind]} permit. Could you "
            "correct it, please?"
        ),
    )


@_rule(
    "permit.employer_mismatch", ERROR, REVIEW,
    "The employer on an employer-specific permit differs from the application's.",
)
def _employer_mismatch(ctx: Context) -> Hit | None:
    issued = ctx.profile.issued_permit
    if (
        issued is None
        or not ctx.program.is_employer_specific
        or issued.kind is not PermitKind.EMPLOYER_SPECIFIC
        or same_name(issued.employer, ctx.app.employer)
    ):
        return None
    printed = f"'{issued.employer}'" if issued.employer.strip() else "no employer"
    return Hit(
        f"The permit names {printed}, but your job offer is with '{ctx.app.employer}'.",
        ASK_AT_COUNTER + _after_leaving(ctx),
        say=(
            f"The employer on my permit should be {ctx.app.employer}, as in my job offer. "
            "Could you correct it, please?"
        ),
        sources=_amend_sources(ctx),
    )


@_rule(
    "permit.medical_condition_printed", WARNING, REVIEW,
    "An upfront medical was done but the permit carries the medical condition.",
)
def _condition_printed(ctx: Context) -> Hit | None:
    issued, medical = ctx.profile.issued_permit, ctx.profile.medical
    if issued is None or medical is None:
        return None
    keywords = ctx.policy.medical.condition_keywords
    printed = next((c for c in issued.conditions if matches_keyword(c, keywords)), None)
    if printed is None:
        return None
    return Hit(
        f"Your permit carries the medical condition \"{printed}\", although you had an upfront "
        f"medical exam on {medical.exam_date}.",
        "Ask the officer to remove it before you leave the counter, and show the exam's "
        "information sheet. Later, it can only be removed by applying to change the permit's "
        f"conditions ({ctx.policy.medical.change_conditions_form}).",
        say=(
            f"I had an upfront immigration medical exam on {medical.exam_date}; the results "
            "should be in the system. Could you remove the medical condition, please?"
        ),
    )

