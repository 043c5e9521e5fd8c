"""The profile's kinds: the enums of schema 1 (programme, exemption, basis, status, route, permit
kind, travel) and the programme groups. Plain Python, no pydantic: the rules, the schedule and the
validated cache's read-back objects use them without building the models."""

from __future__ import annotations

from enum import StrEnum

US_CITIZEN = "us-citizen"
"""The exemption key used when ``person.citizenship`` is US (not an ``application.exemption``)."""


class Program(StrEnum):
    """What the person is activating at the port of entry."""

    IEC_WORKING_HOLIDAY = "iec-working-holiday"
    IEC_YOUNG_PROFESSIONALS = "iec-young-professionals"
    IEC_COOP = "iec-coop"
    SPOUSAL_OPEN_WORK_PERMIT = "spousal-open-work-permit"
    EMPLOYER_SPECIFIC = "employer-specific"
    PGWP = "pgwp"
    PR_LANDING = "pr-landing"

    @property
    def is_iec(self) -> bool:
        """True for the three International Experience Canada programmes."""
        return self in IEC_PROGRAMS

    @property
    def is_work_permit(self) -> bool:
        """True for every programme that issues a work permit (all but PR landing)."""
        return self is not Program.PR_LANDING

    @property
    def is_employer_specific(self) -> bool:
        """True where the permit names an employer."""
        return self in EMPLOYER_SPECIFIC_PROGRAMS

    @property
    def permit_kind(self) -> PermitKind | None:
        """The kind of permit the programme issues, or None for PR landing."""
        if not self.is_work_permit:
            return None
        return PermitKind.EMPLOYER_SPECIFIC if self.is_employer_specific else PermitKind.OPEN

    @property
    def needs_poe_letter(self) -> bool:
        """True where a Port of Entry letter must be presented (work permits other than PGWP)."""
        return self.is_work_permit and self is not Program.PGWP


IEC_PROGRAMS = frozenset(
    {Program.IEC_WORKING_HOLIDAY, Program.IEC_YOUNG_PROFESSIONALS, Program.IEC_COOP}
)
EMPLOYER_SPECIFIC_PROGRAMS = frozenset(
    {Program.IEC_YOUNG_PROFESSIONALS, Program.IEC_COOP, Program.EMPLOYER_SPECIFIC}
)


class Exemption(StrEnum):
    """Why the December 2024 flagpoling ban does not apply to this person."""

    US_PERMANENT_RESIDENT = "us-permanent-resident"
    FREE_TRADE_PROFESSIONAL = "free-trade-professional"
    FREE_TRADE_SPOUSE = "free-trade-spouse"
    TRUCK_DRIVER = "truck-driver"
    CBSA_APPOINTMENT = "cbsa-appointment"


class Basis(StrEnum):
    """On what the permit is issued: a Port of Entry letter, or an application made at the port."""

    POE_LETTER = "poe-letter"
    APPLY_AT_PORT = "apply-at-port"


APPLY_AT_PORT_PROGRAMS = frozenset({Program.EMPLOYER_SPECIFIC, Program.SPOUSAL_OPEN_WORK_PERMIT})
"""The programmes a permit can be applied for at the port, with no prior approval."""


class StatusKind(StrEnum):
    """The person's status before the day."""

    OUTSIDE_CANADA = "outside-canada"
    VISITOR = "visitor"
    WORK_PERMIT = "work-permit"
    IEC_WORK_PERMIT = "iec-work-permit"
    STUDY_PERMIT = "study-permit"
    MAINTAINED = "maintained"


class PlanRoute(StrEnum):
    """How the person gets the permit: flagpoling, on arrival by air, or by mail from IRCC."""

    FLAGPOLE = "flagpole"
    ARRIVAL_BY_AIR = "arrival-by-air"
    BY_MAIL = "by-mail"


class PermitKind(StrEnum):
    """The kind printed on a work permit."""

    OPEN = "open"
    EMPLOYER_SPECIFIC = "employer-specific"


class Travel(StrEnum):
    """How the person reaches the crossing."""

    CAR = "car"
    FOOT = "foot"
    TRANSIT = "transit"
