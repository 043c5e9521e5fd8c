"""The guided start's core: from three answers (citizenship, programme, route) and, where it
matters, an exemption or the status now, say at once whether that way to the permit is open on a
date and why; and which parts of the profile apply to a situation.

The verdict runs the readiness rules about who may use a route (the ``eligibility`` and ``route``
rule groups) on a minimal profile holding only the answers: the same checks and the same policy
data as the full check, never a copy of them. Plain Python, no UI; the date is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from tui.core.findings import Finding, Severity
from tui.core.policy import Policy
from tui.core.profile import (
    APPLY_AT_PORT_PROGRAMS,
    Application,
    Basis,
    Exemption,
    Passport,
    Person,
    Plan,
    PlanRoute,
    Profile,
    Program,
    Status,
    StatusKind,
)
from tui.core.rules import eligibility, route
from tui.core.rules.registry import Context

AIRPORT_RULE = "airport.unknown"
"""Not part of the verdict: the airport is chosen later, in the editor."""


@dataclass(frozen=True)
class Situation:
    """The guided start's answers."""

    citizenship: str
    """Two capital letters."""
    program: Program
    route: PlanRoute
    exemption: Exemption | None = None
    status: StatusKind | None = None


@dataclass(frozen=True)
class SituationVerdict:
    """Whether the route is open to this situation on ``on``, and the findings saying why."""

    on: date
    open: bool
    """False when a rule finds an error (the officer would refuse, or the route is closed)."""
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that close the route."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)


def situation_profile(situation: Situation, on: date) -> Profile:
    """A profile holding only the answers (unvalidated: every other field is left empty), for
    the rules that look at nothing else."""
    basis = Basis.POE_LETTER
    if situation.citizenship == "US" and situation.program in APPLY_AT_PORT_PROGRAMS:
        basis = Basis.APPLY_AT_PORT
    status = None if situation.status is None else Status.model_construct(current=situation.status)
    return Profile.model_construct(
        schema_version=1,
        person=Person.model_construct(citizenship=situation.citizenship),
        passport=Passport.model_construct(country=situation.citizenship),
        application=Application.model_construct(
            program=situation.program, exemption=situation.exemption, basis=basis
        ),
        status=status,
        plan=Plan.model_construct(route=situation.route, date=on, crossing="", airport=""),
    )


def situation_verdict(situation: Situation, on: date, policy: Policy) -> SituationVerdict:
    """Run the rules about who may use the route on ``situation`` for the date ``on``."""
    profile = situation_profile(situation, on)
    ctx = Context(profile, None, policy, datetime.combine(on, time(12, 0), UTC))
    flagpoling = situation.route is PlanRoute.FLAGPOLE
    findings = []
    for spec in (*eligibility.RULES.specs, *route.RULES.specs):
        if spec.id == AIRPORT_RULE or (spec.flagpole_only and not flagpoling):
            continue
        hit = spec.check(ctx)
        if hit is None:
            continue
        findings.append(spec.finding(hit, policy))
    findings.sort(key=lambda f: f.severity.rank)
    is_open = not any(f.severity is Severity.ERROR for f in findings)
    return SituationVerdict(on=on, open=is_open, findings=tuple(findings))


def asks_exemption(situation: Situation, on: date, policy: Policy) -> bool:
    """True when an exemption changes the verdict: flagpoling for a permit the ban covers, on or
    after the ban, by someone who is not a US citizen (citizens are exempt already)."""
    return (
        situation.route is PlanRoute.FLAGPOLE
        and situation.program.needs_poe_letter
        and on >= policy.flagpoling_ban.effective
        and situation.citizenship != "US"
    )


def asks_status(situation: Situation) -> bool:
    """True when the status now decides the verdict (the permit by mail)."""
    return situation.route is PlanRoute.BY_MAIL


def headline(verdict: SituationVerdict, situation: Situation) -> str:
    """One sentence: is the way open, on which date."""
    way = {
        PlanRoute.FLAGPOLE: "by flagpoling",
        PlanRoute.ARRIVAL_BY_AIR: "on arrival by air",
        PlanRoute.BY_MAIL: "by mail from IRCC",
    }[situation.route]
    if not verdict.open:
        return f"No: you cannot get this permit {way} on {verdict.on}."
    if any(f.severity is Severity.WARNING for f in verdict.findings):
        return f"Perhaps: getting it {way} on {verdict.on} is not confirmed (see below)."
    return f"Yes: nothing in the rules stops you getting it {way} on {verdict.on}."


# --- which parts of the profile apply ----------------------------------------------------------


def _program(values: dict[str, str]) -> Program | None:
    try:
        return Program(values.get("application.program", "").strip())
    except ValueError:
        return None


def _route(values: dict[str, str]) -> PlanRoute:
    try:
        return PlanRoute(values.get("plan.route", "").strip() or PlanRoute.FLAGPOLE)
    except ValueError:
        return PlanRoute.FLAGPOLE


def field_applies(path: str, values: dict[str, str]) -> bool:
    """True when field ``path`` matters for the programme and route typed in ``values`` (with no
    programme chosen yet, every programme's fields apply)."""
    program, way = _program(values), _route(values)
    at_port = values.get("application.basis", "").strip() == Basis.APPLY_AT_PORT
    section, key = path.split(".", 1)
    if section == "application" and program is not None:
        if key.startswith("poe_letter"):
            return program.needs_poe_letter and not at_port
        if key in ("permit_months", "expected_permit_expiry", "occupation"):
            return program.is_work_permit
        if key == "employer":
            return program.is_employer_specific
        if key == "basis":
            return program in APPLY_AT_PORT_PROGRAMS
        if key == "offer_number":
            return program is Program.EMPLOYER_SPECIFIC and at_port
        if key == "exemption":
            return program.needs_poe_letter and way is PlanRoute.FLAGPOLE
    if section in ("insurance", "funds") and program is not None:
        return program.is_iec
    if section == "plan":
        if key in ("crossing", "travel"):
            return way is PlanRoute.FLAGPOLE
        if key == "airport":
            return way is PlanRoute.ARRIVAL_BY_AIR
        if key == "arrive":
            return way is not PlanRoute.BY_MAIL
    if section == "issued_permit" and key == "employer" and program is not None:
        return program.is_employer_specific
    return True


def section_required(section: str, values: dict[str, str]) -> bool | None:
    """True when the rules need the section for this programme and route, False when it may be
    left blank; None for the sections every profile needs (no mark)."""
    if section in ("person", "passport", "application"):
        return None
    program, way = _program(values), _route(values)
    if section in ("insurance", "funds"):
        return program is not None and program.is_iec
    if section == "status":
        return way is PlanRoute.BY_MAIL
    if section == "plan":
        return way is not PlanRoute.FLAGPOLE
    return False


def form_values(situation: Situation) -> dict[str, str]:
    """The profile form's first values from the answers (the passport country is the
    citizenship until the person says otherwise)."""
    values = {
        "person.citizenship": situation.citizenship,
        "passport.country": situation.citizenship,
        "application.program": situation.program.value,
        "plan.route": situation.route.value,
    }
    if situation.exemption is not None:
        values["application.exemption"] = situation.exemption.value
    if situation.status is not None:
        values["status.current"] = situation.status.value
    if situation.citizenship == "US" and situation.program in APPLY_AT_PORT_PROGRAMS:
        values["application.basis"] = Basis.APPLY_AT_PORT.value
    return values
