"""The pydantic models of ``data/policy.toml`` (``tui.core.policy`` reads the file)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tui.core.kinds import US_CITIZEN, Exemption
from tui.core.model_logic import PolicyLogic


class _Fact(BaseModel):
    """Shared settings: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(_Fact):
    """Where a fact comes from."""

    source: str = Field(pattern=r"^https?://")
    as_of: date
    unverified: bool = False


class CutOver(Sourced):
    """A policy that applies from a date (compared with the crossing's local date)."""

    effective: date
    also: str | None = None


class ExemptionFact(Sourced):
    """One exemption from the December 2024 ban, and the proof to carry for it."""

    label: str = Field(min_length=1)
    short: str = Field(min_length=1)
    """A few words naming the group, for lists ("US permanent resident")."""
    proof: str = Field(min_length=1)


class SpousalChange(CutOver):
    """The narrowing of spousal open work permits, and who still qualifies, in plain words."""

    criteria: str = Field(min_length=1)


class FtaCountry(Sourced):
    """A citizenship covered by the free-trade professional exemption, and its agreement."""

    agreement: str = Field(min_length=1)
    note: str = ""
    also: str | None = None


class MedicalValidity(Sourced):
    """How long upfront medical exam results stay valid (they must be valid on the day of entry)."""

    months: int = Field(gt=0)
    also: str | None = None


class Fee(Sourced):
    """A fee in Canadian dollars, who pays it and when."""

    cad: int = Field(gt=0)
    label: str = Field(min_length=1)
    also: str | None = None


class Fees(_Fact):
    """The fees a person applying at the port meets."""

    employer_compliance: Fee
    work_permit: Fee


class MaintainedStatus(Sourced):
    """What leaving Canada does to maintained status."""

    also: str | None = None


class PrLanding(Sourced):
    """What to check at the counter when landing as a permanent resident."""

    at_counter: str = Field(min_length=1)


class BanNote(Sourced):
    """The one-line note under the crossings list about the December 2024 ban."""

    text: str = Field(min_length=1)


class IecFunds(Sourced):
    """Proof-of-funds thresholds for IEC participants."""

    minimum_cad: int = Field(gt=0)
    statement_max_age_days: int = Field(ge=0)


class PermitReview(Sourced):
    """How many days early a printed expiry may be before it counts as an error."""

    tolerance_days: int = Field(ge=0)


class CrossingPolicy(Sourced):
    """Thresholds about the crossing itself."""

    closes_soon_hours: float = Field(gt=0)


class MedicalPolicy(Sourced):
    """Keywords for the medical-condition rules (matched case-insensitively)."""

    restricted_occupations: tuple[str, ...] = Field(min_length=1)
    condition_text: str = Field(min_length=1)
    condition_keywords: tuple[str, ...] = Field(min_length=1)
    results_in_system_days: int = Field(gt=0)
    """Upfront exam results usually reach the system within this many days."""
    change_conditions_form: str = Field(min_length=1)
    """The form to apply for a change of the permit's conditions later (IMM 5710)."""


class PolicyRoute(_Fact):
    """Somewhere to go or something to file instead: a plain-words name and its URL."""

    name: str = Field(min_length=1)
    how: str = ""
    """Optional: what the route involves, in a few words."""
    url: str = Field(pattern=r"^https?://")
    as_of: date
    unverified: bool = False


class Routes(_Fact):
    """The alternatives the advice points to."""

    amend: PolicyRoute
    iec_in_canada: PolicyRoute
    enter_from_elsewhere: PolicyRoute
    apply_to_ircc: PolicyRoute
    pr_portal: PolicyRoute


class Policy(PolicyLogic, _Fact):
    """The whole ``policy.toml``."""

    schema_version: Literal[1] = Field(alias="schema")
    as_of: date
    flagpoling_ban: CutOver
    exemptions: dict[str, ExemptionFact]
    pgwp_cutoff: CutOver
    spousal_owp_change: SpousalChange
    fta_countries: dict[str, FtaCountry] = Field(min_length=1)
    medical_validity: MedicalValidity
    fees: Fees
    maintained_status: MaintainedStatus
    pr_landing: PrLanding
    ban_note: BanNote
    iec_funds: IecFunds
    permit_review: PermitReview
    crossing: CrossingPolicy
    medical: MedicalPolicy
    routes: Routes
    rule_sources: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _every_exemption_described(self) -> Policy:
        needed = {US_CITIZEN} | {e.value for e in Exemption}
        missing = sorted(needed - set(self.exemptions))
        if missing:
            raise ValueError(f"exemptions: no entry for {', '.join(missing)}")
        lower = sorted(k for k in self.fta_countries if not (len(k) == 2 and k.isupper()))
        if lower:
            raise ValueError(f"fta_countries: not a two-letter upper-case code: {', '.join(lower)}")
        bad = sorted(k for k, v in self.rule_sources.items() if not v.startswith(("http://", "https://")))
        if bad:
            raise ValueError(f"rule_sources: not a URL for {', '.join(bad)}")
        return self
