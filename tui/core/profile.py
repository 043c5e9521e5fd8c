"""The profile: schema 1 of the public TOML format (``spec/profile-format.md``).

Plain pydantic models, no UI. Unknown keys are refused (they are almost always typos), dates must
be real dates, country codes two capital letters, and each programme's required keys are checked.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from tui.core.fields import Day
from tui.core.kinds import (  # noqa: F401 - re-exported: the profile's kinds live there
    APPLY_AT_PORT_PROGRAMS as APPLY_AT_PORT_PROGRAMS,
)
from tui.core.kinds import (
    EMPLOYER_SPECIFIC_PROGRAMS as EMPLOYER_SPECIFIC_PROGRAMS,
)
from tui.core.kinds import (
    IEC_PROGRAMS as IEC_PROGRAMS,
)
from tui.core.kinds import (
    Basis as Basis,
)
from tui.core.kinds import (
    Exemption as Exemption,
)
from tui.core.kinds import (
    PermitKind as PermitKind,
)
from tui.core.kinds import (
    PlanRoute as PlanRoute,
)
from tui.core.kinds import (
    Program as Program,
)
from tui.core.kinds import (
    StatusKind as StatusKind,
)
from tui.core.kinds import (
    Travel as Travel,
)
from tui.core.model_logic import ApplicationLogic, ProfileLogic

_ISO_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2})?$")


def _as_time(value: object) -> object:
    """Accept a time of day, or an ``HH:MM[:SS]`` string; refuse the rest."""
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str) and _ISO_TIME.match(value.strip()):
        try:
            return time.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real time of day") from exc
    raise ValueError("expected a local time like 10:30:00")


def _as_country(value: object) -> object:
    """Two capital letters (ISO 3166-1 alpha-2)."""
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{2}", value):
        return value
    raise ValueError("expected a two-letter country code in capitals, like GB or US")


def _empty_is_none(value: object) -> object:
    """Treat an empty string as 'not given'."""
    return None if value == "" else value


TimeOfDay = Annotated[time, BeforeValidator(_as_time)]
Country = Annotated[str, BeforeValidator(_as_country)]
NonEmpty = Annotated[str, Field(min_length=1)]
OptionalExemption = Annotated[
    Exemption | None,
    BeforeValidator(_empty_is_none),
    PlainSerializer(lambda v: v.value if v else "", return_type=str),
]


def missing_for(owner: str, missing: list[str], hint: str = "") -> PydanticCustomError:
    """A validation error saying which keys ``owner`` (a programme or a route) needs.

    The keys travel as structured data (``ctx["missing"]``), so a front end never parses the
    English back; the message reads ``OWNER needs KEY, KEY`` (plus ``hint``).
    """
    return PydanticCustomError(
        "missing_for",
        "{owner} needs {keys}{hint}",
        {"owner": owner, "keys": ", ".join(missing), "hint": hint, "missing": tuple(missing)},
    )


class Section(BaseModel):
    """Shared settings: unknown keys are errors; values are checked when assigned too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Person(Section):
    """The traveller, as printed in the passport."""

    surname: NonEmpty
    """Surname exactly as printed in the passport."""
    given_names: NonEmpty
    """Given names exactly as printed in the passport."""
    date_of_birth: Day
    """Date of birth."""
    citizenship: Country
    """Citizenship, ISO 3166-1 alpha-2 (GB, FR, US…)."""


class Passport(Section):
    """The passport travelled on."""

    number: NonEmpty
    """Passport number (masked on screen and in redacted exports)."""
    country: Country
    """Issuing country, ISO 3166-1 alpha-2."""
    expires: Day
    """Expiry date: no permit is issued past it."""


class Application(ApplicationLogic, Section):
    """What is being activated at the border."""

    program: Program
    """The programme: iec-working-holiday, iec-young-professionals, iec-coop,
    spousal-open-work-permit, employer-specific, pgwp or pr-landing."""
    poe_letter_issued: Day | None = None
    """Date the Port of Entry letter of introduction was issued."""
    poe_letter_valid_until: Day | None = None
    """Last day the letter can be used to activate the permit ("must enter Canada by")."""
    poe_letter_printed: StrictBool | None = None
    """Whether the letter is printed and packed."""
    permit_months: StrictInt | None = Field(default=None, ge=1, le=60)
    """Length of permit the programme grants, in months (IEC: by country agreement)."""
    employer: str = ""
    """Employer named on an employer-specific permit."""
    occupation: str = ""
    """Intended occupation; used by the medical-condition rule."""
    exemption: OptionalExemption = None
    """Why the December 2024 ban does not apply (us-permanent-resident, free-trade-professional,
    free-trade-spouse, truck-driver, cbsa-appointment), or empty."""
    expected_permit_expiry: Day | None = None
    """Where a letter or a spouse's permit fixes the end of the permit."""
    basis: Basis = Basis.POE_LETTER
    """poe-letter (the default), or apply-at-port: applying at the port with no prior approval
    (US citizens and permanent residents, free-trade professionals); then no POE letter."""
    offer_number: str = ""
    """The employer's offer-of-employment number (Employer Portal), for LMIA-exempt
    employer-specific permits applied for at the port."""

    @field_validator("basis")
    @classmethod
    def _basis_fits_program(cls, basis: Basis, info: ValidationInfo) -> Basis:
        program = info.data.get("program")
        if basis is Basis.APPLY_AT_PORT and program is not None and program not in APPLY_AT_PORT_PROGRAMS:
            names = " or ".join(sorted(p.value for p in APPLY_AT_PORT_PROGRAMS))
            raise ValueError(f"apply-at-port is only for {names}, not {program.value}")
        return basis

    @model_validator(mode="after")
    def _required_per_program(self) -> Application:
        program = self.program
        missing: list[str] = []
        if program.needs_poe_letter and not self.applies_at_port:
            for key in ("poe_letter_issued", "poe_letter_valid_until", "poe_letter_printed"):
                if getattr(self, key) is None:
                    missing.append(key)
        if program.is_work_permit and self.permit_months is None and self.expected_permit_expiry is None:
            missing.append("permit_months")
        if program.is_employer_specific and not self.employer.strip():
            missing.append("employer")
        if missing:
            hint = " (or expected_permit_expiry)" if "permit_months" in missing else ""
            raise missing_for(program.value, missing, hint)
        if (
            self.poe_letter_issued
            and self.poe_letter_valid_until
            and self.poe_letter_valid_until < self.poe_letter_issued
        ):
            raise ValueError("poe_letter_valid_until is before poe_letter_issued")
        return self


class Insurance(Section):
    """Health insurance (required for the IEC programmes)."""

    provider: NonEmpty
    """Insurer's name."""
    policy_number: NonEmpty
    """Policy number (masked on screen and in redacted exports)."""
    starts: Day
    """First day of cover."""
    ends: Day
    """Last day of cover: an IEC permit will not run past it."""
    valid_outside_home_country: StrictBool
    """Bought to start while already outside the home country (needed when flagpoling)."""
    printed: StrictBool
    """Whether proof of insurance is printed and packed."""

    @model_validator(mode="after")
    def _ends_after_start(self) -> Insurance:
        if self.ends < self.starts:
            raise ValueError("insurance ends before it starts")
        return self


class Funds(Section):
    """Proof of funds."""

    amount_cad: StrictInt = Field(ge=0)
    """Balance in Canadian dollars on the statement."""
    statement_date: Day
    """Date the bank statement was issued."""
    printed: StrictBool
    """Whether the statement is printed and packed."""


class Medical(Section):
    """An upfront immigration medical exam."""

    ime_number: NonEmpty
    """IME number from the panel physician's information sheet (masked on screen)."""
    exam_date: Day
    """Date of the exam."""


class Status(Section):
    """The person's status before the day."""

    current: StatusKind
    """outside-canada, visitor, work-permit, iec-work-permit, study-permit or maintained."""
    valid_until: Day | None = None
    """When that status ends, if known."""


class Plan(Section):
    """The plan: a crossing (flagpoling), a flight (arrival by air) or a request (by mail)."""

    route: PlanRoute = PlanRoute.FLAGPOLE
    """flagpole (the default), arrival-by-air or by-mail."""
    crossing: str = ""
    """A crossing id from the crossings data (e.g. boundary-bay); the flagpole route needs it."""
    airport: str = ""
    """An airport id from the airports data (e.g. yvr), for the arrival-by-air route."""
    date: Day
    """Date of the crossing, of the arrival, or of the request sent by mail."""
    arrive: TimeOfDay | None = None
    """Planned arrival time, local to the crossing or the airport."""
    travel: Travel = Travel.CAR
    """How you reach the crossing: car, foot or transit."""

    @model_validator(mode="after")
    def _crossing_for_flagpoling(self) -> Plan:
        if self.route is PlanRoute.FLAGPOLE and not self.crossing.strip():
            raise missing_for("the flagpole route", ["crossing"])
        return self


class IssuedPermit(Section):
    """What is printed on the permit the officer hands over."""

    surname: NonEmpty
    """Surname as printed on the permit."""
    given_names: NonEmpty
    """Given names as printed on the permit."""
    date_of_birth: Day
    """Date of birth as printed."""
    citizenship: Country
    """Citizenship as printed."""
    expires: Day
    """Expiry date as printed."""
    kind: PermitKind
    """open or employer-specific."""
    employer: str = ""
    """Employer as printed (employer-specific permits)."""
    conditions: list[str] = Field(default_factory=list)
    """Each printed condition, one string each."""


class Profile(ProfileLogic, Section):
    """A whole profile file, schema 1."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, populate_by_name=True
    )

    schema_version: Literal[1] = Field(alias="schema")
    """Format version; always 1."""
    person: Person
    passport: Passport
    application: Application
    insurance: Insurance | None = None
    funds: Funds | None = None
    medical: Medical | None = None
    status: Status | None = None
    plan: Plan | None = None
    issued_permit: IssuedPermit | None = None

    def to_toml_dict(self) -> dict[str, Any]:
        """The profile as plain TOML-ready data: schema first, empty optional values left out."""
        data = self.model_dump(by_alias=True, exclude_none=True, mode="python")
        app = data["application"]
        if not app.get("exemption"):
            app.pop("exemption", None)
        for key in ("employer", "occupation", "offer_number"):
            if app.get(key) == "":
                app.pop(key)
        if app.get("basis") == Basis.POE_LETTER:
            app.pop("basis")  # the default: files written before it existed stay unchanged
        plan = data.get("plan")
        if plan is not None:
            if plan.get("route") == PlanRoute.FLAGPOLE:
                plan.pop("route")
            for key in ("crossing", "airport"):
                if plan.get(key) == "":
                    plan.pop(key)
        return data
