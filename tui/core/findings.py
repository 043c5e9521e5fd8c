"""Findings: what the rules say about a profile, each with a stable id from ``spec/rules.md``."""

from __future__ import annotations

from enum import StrEnum

from tui.core.record import Record

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from datetime import date, datetime
    from typing import Any


class Severity(StrEnum):
    """How much a finding matters: an error blocks, a warning needs attention, info informs."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: sort order, most serious first."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class FindingStage(StrEnum):
    """When a finding applies: before the crossing, or at the counter with the printed permit."""

    READINESS = "readiness"
    PERMIT_REVIEW = "permit_review"


class Finding(Record):
    """One result of one rule: a stable id, a severity, plain words, and what to do next."""

    id: str
    severity: Severity
    stage: FindingStage
    message: str
    advice: str
    source: str | None = None
    say: str | None = None
    """The sentence to say to the officer, word for word, when there is one."""
    steps: tuple[str, ...] = ()
    """What to do instead, as a short numbered list (each step one sentence), when there is one."""
    sources: tuple[str, ...] = ()
    """The URLs behind the steps (listed under Sources, never inside the words)."""
    fix_field: str | None = None
    """The profile key path to change to fix it (``plan.arrive``), or None: the words never name
    it; the CLI may append it and the app names the key that opens the profile."""

    def to_json(self) -> dict[str, Any]:
        """The finding as in the ``flagpole check --json`` contract."""
        return {
            "id": self.id,
            "severity": self.severity.value,
            "stage": self.stage.value,
            "message": self.message,
            "advice": self.advice,
            "source": self.source,
            "say": self.say,
            "steps": list(self.steps),
            "sources": list(self.sources),
            "fix_field": self.fix_field,
        }


class ExpectedPermit(Record):
    """The permit expiry the profile predicts, and what limits it (program, passport, insurance)."""

    expires: date
    limited_by: str

    def to_json(self) -> dict[str, Any]:
        """As in the ``expected_permit`` object of ``flagpole check --json``."""
        return {"expires": self.expires.isoformat(), "limited_by": self.limited_by}


class Report(Record):
    """Everything the rules found for one profile at one moment."""

    on: datetime
    findings: tuple[Finding, ...] = ()
    expected_permit: ExpectedPermit | None = None

    @property
    def ready(self) -> bool:
        """True when no readiness finding is an error."""
        return not any(
            f.severity is Severity.ERROR and f.stage is FindingStage.READINESS for f in self.findings
        )

    @property
    def has_errors(self) -> bool:
        """True when any finding, readiness or permit review, is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def ids(self) -> set[str]:
        """The ids of all findings."""
        return {f.id for f in self.findings}

    def by_stage(self, stage: FindingStage) -> list[Finding]:
        """Findings of one stage, most serious first."""
        return sorted((f for f in self.findings if f.stage is stage), key=lambda f: f.severity.rank)

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity."""
        return {s: sum(1 for f in self.findings if f.severity is s) for s in Severity}
