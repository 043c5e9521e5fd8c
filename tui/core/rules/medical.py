"""Readiness rules: the medical condition a permit may carry."""

from __future__ import annotations

from tui.core.rules.registry import ERROR, INFO, READY, WARNING, Context, Hit, RuleGroup
from tui.core.rules.terms import add_months, matches_keyword

RULES = RuleGroup()
_rule = RULES.rule


@_rule(
    "medical.expired", ERROR, READY,
    "The upfront medical exam's results ({p.medical_validity.months} months) are no longer "
    "valid on the day of entry.",
)
def _medical_expired(ctx: Context) -> Hit | None:
    medical = ctx.profile.medical
    if medical is None:
        return None
    months = ctx.policy.medical_validity.months
    valid_until = add_months(medical.exam_date, months)
    if valid_until >= ctx.today:
        return None
    return Hit(
        f"Your medical exam of {medical.exam_date} was valid for {months} months, until "
        f"{valid_until}; on {ctx.today} its results no longer count, and they must be valid on "
        "the day you enter.",
        "Book a new exam with an IRCC panel physician before you travel and bring the new "
        "information sheet; with expired results the permit will likely carry the medical "
        "condition.",
        fix_field="medical.exam_date",
    )


@_rule(
    "medical.condition_expected", INFO, READY,
    "No upfront medical exam: the permit will likely carry the medical condition "
    "(warning for restricted occupations).",
)
def _condition_expected(ctx: Context) -> Hit | None:
    if not ctx.program.is_work_permit or ctx.profile.medical is not None:
        return None
    restricted = matches_keyword(ctx.app.occupation, ctx.policy.medical.restricted_occupations)
    message = (
        "Your profile has no upfront immigration medical exam, so your permit will likely "
        f"carry the condition \"{ctx.policy.medical.condition_text}\"."
    )
    if restricted:
        message += f" That would bar you from the occupation you plan: {ctx.app.occupation.strip()}."
        advice = (
            "Before you travel, get an upfront medical exam from an IRCC panel physician, "
            "bring the printed information sheet and add the exam to your profile: the officer "
            "can leave the condition off only when the results are already in the system "
            f"(usually within {ctx.policy.medical.results_in_system_days} days of the exam)."
        )
        return Hit(message, advice, severity=WARNING, fix_field="medical.exam_date")
    advice = (
        "Nothing to do if you will not work in those fields. If you might, get an upfront "
        "medical exam from an IRCC panel physician before you travel and bring the information "
        "sheet."
    )
    return Hit(message, advice)


