"""Readiness rules: the medical condition a permit may carry."""

from __future__ import annotations

from tui.core.rules.registry import INFO, READY, WARNING, Context, Hit, RuleGroup
from tui.core.rules.terms import matches_keyword

RULES = RuleGroup()
_rule = RULES.rule


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
            "bring the printed information sheet and add [medical] to the profile: the officer "
            "can leave the condition off only when the results are already in the system "
            "(usually within 30 days of the exam)."
        )
        return Hit(message, advice, severity=WARNING)
    advice = (
        "Nothing to do if you will not work in those fields. If you might, get an upfront "
        "medical exam from an IRCC panel physician before you travel and bring the information "
        "sheet."
    )
    return Hit(message, advice)


