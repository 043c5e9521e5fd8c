"""Human labels and one-line hints for every choice the profile offers: the one mapping the
guided start, the profile editor's menus and any other menu read (no raw ids on screen).

Plain names and hints only; dates, thresholds and who is exempt live in the policy data.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.profile import Basis, Exemption, PermitKind, PlanRoute, Program, StatusKind, Travel


@dataclass(frozen=True)
class Choice:
    """One choice of a menu: the value stored in the profile, its label and a one-line hint."""

    value: str
    label: str
    hint: str = ""


PROGRAMS: tuple[Choice, ...] = (
    Choice(Program.IEC_WORKING_HOLIDAY, "Working holiday (IEC / PVT)",
           "an open work permit from International Experience Canada"),
    Choice(Program.IEC_YOUNG_PROFESSIONALS, "Young professionals (IEC)",
           "an IEC permit for one employer, to build your career"),
    Choice(Program.IEC_COOP, "International co-op (IEC)",
           "an IEC internship for one employer, as part of your studies"),
    Choice(Program.EMPLOYER_SPECIFIC, "Job with one employer (including CUSMA professionals)",
           "a permit that names your employer, with a letter or applied for at the port"),
    Choice(Program.SPOUSAL_OPEN_WORK_PERMIT, "Open work permit as a spouse or partner",
           "for the spouse or partner of a worker or student in Canada"),
    Choice(Program.PGWP, "Post-graduation work permit",
           "an open permit after graduating from a Canadian school"),
    Choice(Program.PR_LANDING, "Permanent residence (landing)",
           "confirming your permanent residence (COPR)"),
)

ROUTES: tuple[Choice, ...] = (
    Choice(PlanRoute.FLAGPOLE, "At a land border (flagpoling)",
           "leave Canada by land, turn back at the US side, get the permit at the CBSA office"),
    Choice(PlanRoute.ARRIVAL_BY_AIR, "Arriving by air",
           "the permit is issued at the airport when you land in Canada"),
    Choice(PlanRoute.BY_MAIL, "By mail from IRCC (IEC participants in Canada)",
           "IRCC prints the next permit and mails it to you in Canada"),
)

EXEMPTIONS: tuple[Choice, ...] = (
    Choice(Exemption.US_PERMANENT_RESIDENT, "I am a US permanent resident (green card)",
           "carry your green card with your passport"),
    Choice(Exemption.FREE_TRADE_PROFESSIONAL, "I am a professional under a free trade agreement",
           "for example CUSMA professionals; only some citizenships qualify"),
    Choice(Exemption.FREE_TRADE_SPOUSE, "I am the spouse or partner of a free-trade professional",
           "only under some free trade agreements"),
    Choice(Exemption.TRUCK_DRIVER, "I am an international truck driver on maintained status",
           "your job takes you out of Canada and you applied to renew in time"),
    Choice(Exemption.CBSA_APPOINTMENT, "I have an appointment booked with CBSA",
           "carry the printed confirmation"),
)
NO_EXEMPTION = Choice("", "None of these", "most people")

BASES: tuple[Choice, ...] = (
    Choice(Basis.POE_LETTER, "A Port of Entry letter", "the approval letter IRCC sent you"),
    Choice(Basis.APPLY_AT_PORT, "Applying at the port",
           "no letter: US citizens and permanent residents, free-trade professionals"),
)

STATUSES: tuple[Choice, ...] = (
    Choice(StatusKind.OUTSIDE_CANADA, "Outside Canada", "you are abroad now"),
    Choice(StatusKind.VISITOR, "Visitor in Canada", "no permit to work or study"),
    Choice(StatusKind.WORK_PERMIT, "Work permit (not IEC)", "a work permit from another programme"),
    Choice(StatusKind.IEC_WORK_PERMIT, "IEC work permit", "a valid permit from International Experience Canada"),
    Choice(StatusKind.STUDY_PERMIT, "Study permit", "you study in Canada now"),
    Choice(StatusKind.MAINTAINED, "Maintained status", "you applied to extend before your permit expired"),
)

PERMIT_KINDS: tuple[Choice, ...] = (
    Choice(PermitKind.OPEN, "Open", "any employer"),
    Choice(PermitKind.EMPLOYER_SPECIFIC, "Employer-specific", "names one employer"),
)

TRAVEL: tuple[Choice, ...] = (
    Choice(Travel.CAR, "By car", "the car lanes"),
    Choice(Travel.FOOT, "On foot", "the pedestrian crossing, where there is one"),
    Choice(Travel.TRANSIT, "By bus or transit", "a bus or train across the border"),
)

YES_NO: tuple[Choice, ...] = (Choice("yes", "Yes"), Choice("no", "No"))

COUNTRIES: tuple[Choice, ...] = (
    Choice("GB", "United Kingdom"), Choice("IE", "Ireland"), Choice("FR", "France"),
    Choice("DE", "Germany"), Choice("AU", "Australia"), Choice("NZ", "New Zealand"),
    Choice("US", "United States"), Choice("MX", "Mexico"), Choice("KR", "South Korea"),
    Choice("JP", "Japan"), Choice("IT", "Italy"), Choice("ES", "Spain"),
    Choice("NL", "Netherlands"), Choice("BE", "Belgium"), Choice("CL", "Chile"),
)
"""Common citizenships, offered first; any two letters may be typed."""

BY_FIELD: dict[str, tuple[Choice, ...]] = {
    "application.program": PROGRAMS,
    "application.exemption": EXEMPTIONS,
    "application.basis": BASES,
    "status.current": STATUSES,
    "plan.route": ROUTES,
    "plan.travel": TRAVEL,
    "issued_permit.kind": PERMIT_KINDS,
}
"""The choices of each menu of the profile form, by field path."""


def label(field: str, value: str) -> str:
    """The human label of ``value`` in the menu of ``field`` (the value itself if unknown)."""
    for choice in BY_FIELD.get(field, YES_NO):
        if choice.value == value:
            return choice.label
    return value


def country_name(code: str) -> str:
    """The name of a common citizenship, or the two letters themselves."""
    code = code.strip().upper()
    return next((c.label for c in COUNTRIES if c.value == code), code)
