"""Human labels: every choice the app offers (programmes, exemptions, statuses, routes, travel
modes, permit kinds, bases) as a plain label with a one-line hint, and every profile field a
finding can point at, in plain words.

The app shows these instead of the profile file's ids (``spousal-open-work-permit``) and key paths
(``plan.arrive``); the profile file and the CLI keep the ids. Plain data: no textual or rich.
"""

from __future__ import annotations

from tui.core.kinds import (
    Basis,
    Exemption,
    PermitKind,
    PlanRoute,
    Program,
    StatusKind,
    Travel,
)
from tui.core.record import Record

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping
    from enum import StrEnum
    from typing import Any


class Choice(Record):
    """One value of a menu: its id in the profile file, a plain label, and a one-line hint."""

    value: str
    label: str
    hint: str


def _choices(enum: type[StrEnum], words: Mapping[Any, tuple[str, str]]) -> dict[str, Choice]:
    missing = set(enum) - set(words)
    assert not missing, f"no label for {sorted(missing)}"  # a new enum value needs its words
    return {member.value: Choice(member.value, *words[member]) for member in enum}


PROGRAMS = _choices(Program, {
    Program.IEC_WORKING_HOLIDAY: (
        "Working holiday (IEC / PVT)",
        "An open work permit from International Experience Canada's Working Holiday.",
    ),
    Program.IEC_YOUNG_PROFESSIONALS: (
        "Young professionals (IEC)",
        "An IEC permit for a job with one employer that builds your career.",
    ),
    Program.IEC_COOP: (
        "International co-op internship (IEC)",
        "An IEC permit for a work placement that is part of your studies.",
    ),
    Program.SPOUSAL_OPEN_WORK_PERMIT: (
        "Spouse or partner open work permit",
        "An open work permit as the spouse or partner of a student or worker in Canada.",
    ),
    Program.EMPLOYER_SPECIFIC: (
        "Job with one employer (including CUSMA professionals)",
        "A permit that names your employer, with an offer or an approved job.",
    ),
    Program.PGWP: (
        "Post-graduation work permit (PGWP)",
        "An open work permit after your studies in Canada.",
    ),
    Program.PR_LANDING: (
        "Permanent residence landing",
        "Confirming your permanent residence with your COPR.",
    ),
})
"""What the person is activating."""

EXEMPTIONS = _choices(Exemption, {
    Exemption.US_PERMANENT_RESIDENT: (
        "US permanent resident",
        "You hold a US green card.",
    ),
    Exemption.FREE_TRADE_PROFESSIONAL: (
        "Free-trade professional",
        "A professional or technician under a free trade agreement your citizenship is part of.",
    ),
    Exemption.FREE_TRADE_SPOUSE: (
        "Spouse of a free-trade professional",
        "The spouse or common-law partner of a professional under some free trade agreements.",
    ),
    Exemption.TRUCK_DRIVER: (
        "Truck driver on maintained status",
        "An international truck driver whose job takes them out of Canada.",
    ),
    Exemption.CBSA_APPOINTMENT: (
        "CBSA appointment",
        "An appointment already booked with CBSA to process your permit.",
    ),
})
"""Why the December 2024 flagpoling ban does not apply (US citizens need none: it follows from
their citizenship)."""

NO_EXEMPTION = Choice("", "None of these", "Most people: the ban applies to you.")
"""The menu entry for no exemption (the profile file leaves the key empty)."""

STATUSES = _choices(StatusKind, {
    StatusKind.OUTSIDE_CANADA: ("Outside Canada", "You are not in Canada now."),
    StatusKind.VISITOR: ("Visitor", "You are in Canada as a visitor."),
    StatusKind.WORK_PERMIT: ("Work permit", "You hold a work permit other than an IEC one."),
    StatusKind.IEC_WORK_PERMIT: ("IEC work permit", "You hold a valid IEC work permit in Canada."),
    StatusKind.STUDY_PERMIT: ("Study permit", "You are in Canada on a study permit."),
    StatusKind.MAINTAINED: (
        "Maintained status",
        "Your permit expired after you applied for a new one, and you are waiting.",
    ),
})
"""The person's status before the day."""

ROUTES = _choices(PlanRoute, {
    PlanRoute.FLAGPOLE: (
        "Flagpoling at a land border",
        "Leave Canada by land, be turned back by the US side, get the permit at the Canadian office.",
    ),
    PlanRoute.ARRIVAL_BY_AIR: (
        "On arrival by air",
        "Fly in from abroad and get the permit at the airport where you land.",
    ),
    PlanRoute.BY_MAIL: (
        "By mail from IRCC",
        "For IEC participants in Canada with a valid IEC work permit: the permit is mailed.",
    ),
})
"""How the person gets the permit."""

TRAVEL = _choices(Travel, {
    Travel.CAR: ("By car", "Driving, or in a taxi."),
    Travel.FOOT: ("On foot", "Walking across: some crossings do not allow it."),
    Travel.TRANSIT: ("By public transit", "A bus or train to the crossing."),
})
"""How the person reaches the crossing."""

PERMIT_KINDS = _choices(PermitKind, {
    PermitKind.OPEN: ("Open work permit", "Any employer."),
    PermitKind.EMPLOYER_SPECIFIC: ("Employer-specific work permit", "Names one employer."),
})
"""The kind printed on a work permit."""

BASES = _choices(Basis, {
    Basis.POE_LETTER: (
        "With a Port of Entry letter",
        "IRCC already approved the permit and sent you the letter.",
    ),
    Basis.APPLY_AT_PORT: (
        "Applying at the port",
        "No prior approval: you apply at the counter and pay the fee there.",
    ),
})
"""On what the permit is issued."""

MENUS: dict[type[StrEnum], dict[str, Choice]] = {
    Program: PROGRAMS,
    Exemption: EXEMPTIONS,
    StatusKind: STATUSES,
    PlanRoute: ROUTES,
    Travel: TRAVEL,
    PermitKind: PERMIT_KINDS,
    Basis: BASES,
}
"""Every enum the app shows, with its choices in the enum's order."""


READY_WORDS: dict[str, str] = {
    PlanRoute.FLAGPOLE: "Ready to cross",
    PlanRoute.ARRIVAL_BY_AIR: "Ready to fly",
    PlanRoute.BY_MAIL: "Ready to send the request",
}
"""The readiness heading by route (the crossing words only where there is a crossing): the app's
stage and ``flagpole check`` say the same."""


def choices(enum: type[StrEnum]) -> list[Choice]:
    """The menu of ``enum``: one Choice per value, in the enum's order."""
    return list(MENUS[enum].values())


def label(value: StrEnum | str, enum: type[StrEnum] | None = None) -> str:
    """The plain label of an enum value (``Program.PGWP`` or ``"pgwp"`` with ``enum``); an
    unknown id comes back as it is."""
    menu = MENUS.get(enum or type(value), {})  # type: ignore[arg-type]
    choice = menu.get(str(value))
    return choice.label if choice else str(value)


def hint(value: StrEnum | str, enum: type[StrEnum] | None = None) -> str:
    """The one-line hint of an enum value; empty for an unknown id."""
    menu = MENUS.get(enum or type(value), {})  # type: ignore[arg-type]
    choice = menu.get(str(value))
    return choice.hint if choice else ""


FIELDS: dict[str, str] = {
    "person.surname": "your surname",
    "person.given_names": "your given names",
    "person.date_of_birth": "your date of birth",
    "person.citizenship": "your citizenship",
    "passport.number": "your passport number",
    "passport.country": "the country of your passport",
    "passport.expires": "your passport's expiry date",
    "application.program": "what you are activating",
    "application.poe_letter_issued": "the date your Port of Entry letter was issued",
    "application.poe_letter_valid_until": "the last day of your Port of Entry letter",
    "application.poe_letter_printed": "whether your Port of Entry letter is printed",
    "application.permit_months": "how many months your programme grants",
    "application.employer": "your employer",
    "application.occupation": "your occupation",
    "application.exemption": "your exemption",
    "application.expected_permit_expiry": "the expiry your application sets",
    "application.basis": "how you get the permit (letter or at the port)",
    "application.offer_number": "your offer-of-employment number",
    "insurance.provider": "your health insurance",
    "insurance.policy_number": "your insurance policy number",
    "insurance.starts": "the start of your insurance",
    "insurance.ends": "the end of your insurance",
    "insurance.valid_outside_home_country": "whether your insurance can start outside your home country",
    "insurance.printed": "whether your insurance certificate is printed",
    "funds.amount_cad": "your proof of funds",
    "funds.statement_date": "the date of your bank statement",
    "funds.printed": "whether your bank statement is printed",
    "medical.ime_number": "your medical exam number",
    "medical.exam_date": "the date of your medical exam",
    "status.current": "your status in Canada",
    "status.valid_until": "the end of your current status",
    "plan.route": "how you get the permit",
    "plan.crossing": "your crossing",
    "plan.airport": "your airport",
    "plan.date": "the date of your day",
    "plan.arrive": "your arrival time",
    "plan.travel": "how you travel to the crossing",
}
"""Every profile field a finding may ask to change, in plain words ("your arrival time")."""


def field_words(key_path: str) -> str:
    """A profile key path (``plan.arrive``) in plain words ("your arrival time"); an unknown path
    becomes "your profile"."""
    return FIELDS.get(key_path, "your profile")
