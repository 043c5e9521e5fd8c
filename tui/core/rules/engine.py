"""The engine: ``CATALOGUE`` (every rule, in catalogue order), ``evaluate`` and ``rule_ids``."""

from __future__ import annotations

from datetime import datetime

from tui.core.findings import Finding, FindingStage, Report
from tui.core.kinds import PlanRoute
from tui.core.rules.registry import Context, RuleSpec

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from tui.core.airports import AirportsData
    from tui.core.crossings import CrossingsData
    from tui.core.policy import Policy
    from tui.core.profile import Profile

from tui.core.rules import crossing, documents, eligibility, medical, permit_review, route, status

GROUPS = (
    eligibility.RULES,
    route.RULES,
    status.RULES,
    documents.RULES,
    crossing.RULES,
    medical.RULES,
    permit_review.RULES,
)
"""The groups of rules, in catalogue order. A new group of rules is a new module listed here."""

CATALOGUE: tuple[RuleSpec, ...] = tuple(spec for group in GROUPS for spec in group.specs)
"""Every rule, in catalogue order (readiness, then permit review)."""

_ORDER = {spec.id: i for i, spec in enumerate(CATALOGUE)}
_STAGE_ORDER = {FindingStage.READINESS: 0, FindingStage.PERMIT_REVIEW: 1}


# --- The engine -------------------------------------------------------------------------------


def evaluate(
    profile: Profile,
    crossings: CrossingsData | None,
    policy: Policy,
    on: datetime,
    *,
    airports: AirportsData | None = None,
) -> Report:
    """Run every rule on ``profile`` at the moment ``on`` (aware, in the place's zone: see
    ``resolve_on``).

    ``crossings`` is the crossings data (``CrossingsData``; a plain mapping of id to crossing
    also works); with None the crossing rules stay silent. ``airports`` is the airports data;
    with None the airport rule stays silent. Pure: reads no clock and no file.
    Permit-review rules run only when ``[issued_permit]`` is present.
    """
    ctx = Context(profile, crossings, policy, on, airports)
    flagpoling = profile.route is PlanRoute.FLAGPOLE
    findings: list[Finding] = []
    for spec in CATALOGUE:
        if spec.stage is FindingStage.PERMIT_REVIEW and profile.issued_permit is None:
            continue
        if spec.flagpole_only and not flagpoling:
            continue
        hit = spec.check(ctx)
        if hit is None:
            continue
        findings.append(spec.finding(hit, policy))
    findings.sort(key=lambda f: (_STAGE_ORDER[f.stage], f.severity.rank, _ORDER[f.id]))
    return Report(on=on, findings=tuple(findings), expected_permit=ctx.expected)


def rule_ids() -> list[str]:
    """Every rule id, in catalogue order."""
    return [spec.id for spec in CATALOGUE]
