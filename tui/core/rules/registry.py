"""The rule registry: what a rule returns (``Hit``), what it is (``RuleSpec``), how a group of rules
registers its checks (``RuleGroup``), and what every check looks at (``Context``)."""

from __future__ import annotations

from functools import cached_property

from tui.core.findings import ExpectedPermit, Finding, FindingStage, Severity
from tui.core.record import Record
from tui.core.rules.terms import (
    _find_crossing,
    exemption,
    expected_permit,
    find_airport_by_id,
    term_end,
)

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable
    from datetime import date, datetime
    from typing import Any

    from tui.core.airports import Airport, AirportsData
    from tui.core.crossings import Crossing
    from tui.core.policy import Policy
    from tui.core.profile import Profile


class Hit(Record):
    """What a rule returns when it fires: the words, and optionally a finer severity or source."""

    message: str
    advice: str
    severity: Severity | None = None
    source: str | None = None
    say: str | None = None
    """The sentence to say, word for word, on its own (not inside ``advice``)."""
    steps: tuple[str, ...] = ()
    """What to do instead, one sentence per step, no URLs (they go in ``sources``)."""
    sources: tuple[str, ...] = ()
    """The URLs behind the steps."""
    fix_field: str | None = None
    """The profile key path to change (``plan.arrive``), never named in the words."""


class RuleSpec(Record):
    """One rule of the catalogue: stable id, severity, stage, one-line summary, and its check."""

    id: str
    severity: Severity
    stage: FindingStage
    summary: str
    """One line; ``{p.…}`` fields are filled from the policy data (see ``summary_for``)."""
    check: Callable[[Context], Hit | None]
    flagpole_only: bool = False
    """True for the rules that apply only on the flagpole route (rules.md "Additions")."""

    def summary_for(self, policy: Policy) -> str:
        """The one-line summary with the policy's current dates and thresholds filled in."""
        return self.summary.format(p=policy)

    def source(self, policy: Policy) -> str | None:
        """The URL behind the rule's fact, from the policy data."""
        return policy.source_for(self.id)

    def finding(self, hit: Hit, policy: Policy) -> Finding:
        """The finding this rule reports when its check returned ``hit``: the hit's words, its
        severity or the rule's, its source or the rule's."""
        return Finding(
            id=self.id,
            severity=hit.severity or self.severity,
            stage=self.stage,
            message=hit.message,
            advice=hit.advice,
            source=hit.source or self.source(policy),
            say=hit.say,
            steps=hit.steps,
            sources=hit.sources,
            fix_field=hit.fix_field,
        )

    def to_json(self, policy: Policy) -> dict[str, Any]:
        """As listed by ``flagpole rules --json``."""
        return {
            "id": self.id,
            "severity": self.severity.value,
            "stage": self.stage.value,
            "summary": self.summary_for(policy),
            "source": self.source(policy),
        }


if TYPE_CHECKING:  # pragma: no cover
    Check = Callable[["Context"], "Hit | None"]
    """A rule's check: the context in, a hit or None out."""


class RuleGroup:
    """The rules of one group module, in definition order.

    A group module creates ``RULES = RuleGroup()`` and registers each check with
    ``@RULES.rule(id, severity, stage, summary)``; the engine lists the group modules in
    catalogue order (``tui.core.rules.engine.GROUPS``).
    """

    def __init__(self) -> None:
        self.specs: list[RuleSpec] = []

    def rule(
        self,
        rule_id: str,
        severity: Severity,
        stage: FindingStage,
        summary: str,
        *,
        flagpole_only: bool = False,
    ) -> Callable[[Check], Check]:
        """Register the decorated function as the check of rule ``rule_id`` (silent on routes
        other than flagpoling when ``flagpole_only``)."""

        def register(check: Check) -> Check:
            self.specs.append(RuleSpec(rule_id, severity, stage, summary, check, flagpole_only))
            return check

        return register


FREE_TRADE_PROFESSIONAL = "free-trade-professional"

READY = FindingStage.READINESS
REVIEW = FindingStage.PERMIT_REVIEW
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


class Context:
    """What the rules look at: the profile, the policy, the moment, and values derived once."""

    def __init__(
        self,
        profile: Profile,
        crossings: Any,
        policy: Policy,
        on: datetime,
        airports: AirportsData | None = None,
    ):
        self.profile = profile
        self.crossings = crossings
        self.airports = airports
        """The airports data, or None (the airport rule is then silent)."""
        self.policy = policy
        self.on = on
        self.today = on.date()
        self.program = profile.application.program
        self.app = profile.application

    @cached_property
    def term_end(self) -> date | None:
        """The programme's term end (see ``term_end``)."""
        return term_end(self.profile, self.today)

    @cached_property
    def expected(self) -> ExpectedPermit | None:
        """The expected permit (see ``expected_permit``)."""
        return expected_permit(self.profile, self.today)

    @cached_property
    def claimed_exemption(self) -> str | None:
        """The exemption the profile claims (see ``exemption``), valid or not."""
        return exemption(self.profile)

    @cached_property
    def exemption_invalid(self) -> bool:
        """True when the profile claims the free-trade professional exemption with a citizenship
        not in the FTA countries (only partner-country citizens qualify)."""
        return (
            self.claimed_exemption == FREE_TRADE_PROFESSIONAL
            and self.profile.person.citizenship not in self.policy.fta_countries
        )

    @cached_property
    def exemption(self) -> str | None:
        """The exemption that applies, if any: the claimed one, unless it is invalid."""
        return None if self.exemption_invalid else self.claimed_exemption

    @cached_property
    def banned_period(self) -> bool:
        """On or after the December 2024 ban, for a work permit programme other than PGWP."""
        return (
            self.program.needs_poe_letter
            and self.today >= self.policy.flagpoling_ban.effective
        )

    @cached_property
    def crossing(self) -> Crossing | None:
        """The planned crossing, when the plan names a known one."""
        if self.profile.plan is None:
            return None
        return _find_crossing(self.crossings, self.profile.plan.crossing)

    @cached_property
    def airport(self) -> Airport | None:
        """The planned airport, when the plan names a known one."""
        if self.profile.plan is None:
            return None
        return find_airport_by_id(self.airports, self.profile.plan.airport)

    @cached_property
    def day_words(self) -> str:
        """What the day is called on the profile's route: 'your crossing' (flagpoling), 'your
        arrival' (by air) or 'your request' (by mail)."""
        from tui.core.kinds import PlanRoute

        return {
            PlanRoute.ARRIVAL_BY_AIR: "your arrival",
            PlanRoute.BY_MAIL: "your request",
        }.get(self.profile.route, "your crossing")

    @cached_property
    def term_words(self) -> str:
        """How the term is described: 'the 24-month term' or 'the expected expiry'."""
        if self.app.expected_permit_expiry is not None:
            return "the expected expiry in your application"
        return f"the {self.app.permit_months}-month term of your programme"


