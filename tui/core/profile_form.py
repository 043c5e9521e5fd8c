"""The profile as a flat form: one text value per field, and back, with field-level messages.

The profile screen shows these fields as inputs; validation goes through the same pydantic models
as the CLI (``profile_io.profile_from_dict``), and each problem is attached to the field it is
about, in words a traveller understands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

from tui.core.errors import InvalidFileError
from tui.core.findings import Finding
from tui.core.profile import (
    Basis,
    Exemption,
    PermitKind,
    PlanRoute,
    Profile,
    Program,
    StatusKind,
    Travel,
)
from tui.core.profile_io import dump_profile, profile_from_dict
from tui.core.storage import ProfileStore, fingerprint

TEXT, DATE, TIME, YESNO, NUMBER, CHOICE, LINES = "text", "date", "time", "yesno", "number", "choice", "lines"


@dataclass(frozen=True)
class FormField:
    """One input of the profile form."""

    path: str
    label: str
    kind: str = TEXT
    choices: tuple[str, ...] = ()
    secret: bool = False
    help: str = ""

    @property
    def section(self) -> str:
        """The TOML table the field belongs to (``person``, ``passport``…)."""
        return self.path.split(".", 1)[0]

    @property
    def key(self) -> str:
        """The key inside its table."""
        return self.path.split(".", 1)[1]


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


SECTIONS: dict[str, tuple[str, bool]] = {
    "person": ("You", True),
    "passport": ("Passport", True),
    "application": ("What you are activating", True),
    "insurance": ("Health insurance", False),
    "funds": ("Proof of funds", False),
    "medical": ("Medical exam", False),
    "status": ("Your status now", False),
    "plan": ("Your plan", False),
    "issued_permit": ("The permit as issued", False),
}
"""Section → (title, required). An optional section left entirely blank is left out."""

FIELDS: tuple[FormField, ...] = (
    FormField("person.surname", "Surname", help="exactly as printed in your passport"),
    FormField("person.given_names", "Given names", help="exactly as in your passport"),
    FormField("person.date_of_birth", "Date of birth", DATE),
    FormField("person.citizenship", "Citizenship", help="two letters, like GB or FR"),
    FormField("passport.number", "Passport number", secret=True),
    FormField("passport.country", "Issuing country", help="two letters"),
    FormField("passport.expires", "Passport expires", DATE),
    FormField("application.program", "Programme", CHOICE, _values(Program)),
    FormField("application.poe_letter_issued", "POE letter issued", DATE),
    FormField("application.poe_letter_valid_until", "POE letter valid until", DATE,
              help="the 'must enter Canada by' date"),
    FormField("application.poe_letter_printed", "POE letter printed?", YESNO),
    FormField("application.permit_months", "Permit length (months)", NUMBER),
    FormField("application.expected_permit_expiry", "Expected permit expiry", DATE,
              help="only if a letter or your spouse's permit fixes the end"),
    FormField("application.employer", "Employer", help="for employer-specific permits"),
    FormField("application.occupation", "Occupation"),
    FormField("application.exemption", "Exemption from the 2024 ban", CHOICE, ("",) + _values(Exemption)),
    FormField("application.basis", "Applying on", CHOICE, _values(Basis),
              help="a POE letter, or applying at the port (US citizens, free-trade professionals)"),
    FormField("application.offer_number", "Offer of employment number",
              help="from your employer (Employer Portal), when applying at the port"),
    FormField("insurance.provider", "Insurer"),
    FormField("insurance.policy_number", "Policy number", secret=True),
    FormField("insurance.starts", "Cover starts", DATE),
    FormField("insurance.ends", "Cover ends", DATE),
    FormField("insurance.valid_outside_home_country", "Bought while abroad?", YESNO,
              help="valid when bought outside your home country"),
    FormField("insurance.printed", "Insurance printed?", YESNO),
    FormField("funds.amount_cad", "Amount (CAD)", NUMBER),
    FormField("funds.statement_date", "Statement date", DATE),
    FormField("funds.printed", "Statement printed?", YESNO),
    FormField("medical.ime_number", "IME number", secret=True),
    FormField("medical.exam_date", "Exam date", DATE),
    FormField("status.current", "Your status now", CHOICE, _values(StatusKind)),
    FormField("status.valid_until", "Status valid until", DATE),
    FormField("plan.route", "How you get the permit", CHOICE, _values(PlanRoute)),
    FormField("plan.crossing", "Crossing", help="choose one in the crossing finder"),
    FormField("plan.airport", "Airport", help="for arrival by air, like yvr or yul"),
    FormField("plan.date", "Date", DATE),
    FormField("plan.arrive", "Arrive at", TIME, help="local time, like 10:30"),
    FormField("plan.travel", "Travel by", CHOICE, _values(Travel)),
    FormField("issued_permit.surname", "Surname on permit"),
    FormField("issued_permit.given_names", "Given names on permit"),
    FormField("issued_permit.date_of_birth", "Date of birth on permit", DATE),
    FormField("issued_permit.citizenship", "Citizenship on permit"),
    FormField("issued_permit.expires", "Permit expires", DATE),
    FormField("issued_permit.kind", "Permit kind", CHOICE, _values(PermitKind)),
    FormField("issued_permit.employer", "Employer on permit"),
    FormField("issued_permit.conditions", "Conditions", LINES, help="one per line"),
)

FIELD_BY_PATH = {f.path: f for f in FIELDS}


def to_form(profile: Profile | None) -> dict[str, str]:
    """Every form field's text for ``profile`` (empty strings for a new profile)."""
    values = {f.path: "" for f in FIELDS}
    if profile is None:
        return values
    data = profile.to_toml_dict()
    for f in FIELDS:
        section = data.get(f.section)
        if not isinstance(section, dict) or f.key not in section:
            continue
        values[f.path] = _text(section[f.key], f.kind)
    return values


def _text(value: object, kind: str) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, time):
        return value.strftime("%H:%M") if value.second == 0 else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


@dataclass
class FormResult:
    """A profile when the form is valid, otherwise the messages per field path."""

    profile: Profile | None
    errors: dict[str, str]


def from_form(values: dict[str, str]) -> FormResult:
    """Build and validate a profile from form text; messages are keyed by field path.

    A problem with a whole section (a missing programme-specific key, an end before a start)
    is attached to the section's fields it names, or to the section's first field.
    """
    errors: dict[str, str] = {}
    data: dict[str, object] = {"schema": 1}
    for section, (_title, required) in SECTIONS.items():
        fields = [f for f in FIELDS if f.section == section]
        texts = {f.key: (values.get(f.path) or "").strip() for f in fields}
        if not required and not any(texts.values()):
            continue
        table: dict[str, object] = {}
        for f in fields:
            text = texts[f.key]
            if not text:
                continue
            try:
                table[f.key] = _parse(text, f)
            except ValueError as exc:
                errors[f.path] = str(exc)
        data[section] = table
    if errors:
        return FormResult(None, errors)
    try:
        return FormResult(profile_from_dict(data, "form"), {})
    except InvalidFileError as exc:
        for problem in exc.problems:
            if problem.missing:
                section = problem.where.split(".", 1)[0]
                for key in problem.missing:
                    path = f"{section}.{key}"
                    if path in FIELD_BY_PATH:
                        either = " (or give the expected permit expiry)" if key == "permit_months" else ""
                        errors.setdefault(path, f"Required for {problem.needed_by}{either}.")
                continue
            path = _field_for(problem.where, problem.reason)
            errors.setdefault(path, _plain_words(problem.reason))
        return FormResult(None, errors)


def _parse(text: str, f: FormField) -> object:
    if f.kind == YESNO:
        lowered = text.lower()
        if lowered in ("yes", "y", "true"):
            return True
        if lowered in ("no", "n", "false"):
            return False
        raise ValueError("Answer yes or no.")
    if f.kind == NUMBER:
        try:
            return int(text.replace(",", "").replace(" ", ""))
        except ValueError:
            raise ValueError("A whole number, please.") from None
    if f.kind == LINES:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text


def _field_for(where: str, reason: str) -> str:
    """The form field a validation problem belongs to (a list item belongs to its list)."""
    where = re.sub(r"\[\d+\]$", "", where)
    if where in FIELD_BY_PATH:
        return where
    section = where.split(".", 1)[0]
    in_section = [f for f in FIELDS if f.section == section]
    named = [(reason.find(f.key), f.path) for f in in_section if f.key in reason]
    if named:
        return min(named)[1]
    return in_section[0].path if in_section else FIELDS[0].path


_PLAIN = (
    ("required key is missing", "Required."),
    ("String should have at least 1 character", "Required."),
    ("Input should be a valid integer", "A whole number, please."),
    ("Input should be greater than or equal to 0", "Cannot be negative."),
)


def _plain_words(reason: str) -> str:
    for technical, plain in _PLAIN:
        if reason.startswith(technical):
            return plain
    reason = reason.replace("expected ", "Expected ", 1) if reason.startswith("expected ") else reason
    return reason[:1].upper() + reason[1:]


def store_profile(store: ProfileStore, name: str, profile: Profile, editing: bool, expected: str | None) -> str:
    """Store the form's profile as ``name`` and return the stored file's new fingerprint.

    A new profile (``editing`` False) is created only if the name is free (FileExists); an
    edited one replaces the stored file (keeping the previous version) only if that file still
    has the fingerprint ``expected`` (StoredChanged; None: no check). OSError when the disk fails.
    """
    data = dump_profile(profile).encode("utf-8")
    store.write_bytes(name, data, replace=editing, expected=expected)
    return fingerprint(data)


_TIME_TEXT = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")


def planned_moment(values: dict[str, str], now: datetime) -> tuple[datetime, str | None]:
    """The planned date and arrival time as typed (naive, crossing-local; 12:00 without a time),
    and None; ``now`` when no date is typed. When the date or the time typed cannot be used (not
    real, or outside the years the app handles): ``now`` and that field's path."""
    from tui.core.fields import as_date

    day_text = (values.get("plan.date") or "").strip()
    if not day_text:
        return now, None
    try:
        day = as_date(day_text)
    except ValueError:
        return now, "plan.date"
    time_text = (values.get("plan.arrive") or "").strip() or "12:00"
    if not _TIME_TEXT.match(time_text):
        return now, "plan.arrive"
    try:
        arrive = time.fromisoformat(time_text.zfill(5) if len(time_text) == 4 else time_text)
    except ValueError:
        return now, "plan.arrive"
    assert isinstance(day, date)  # as_date gives a date or raises
    return datetime.combine(day, arrive), None


_FINDING_FIELDS = {
    "eligibility.flagpoling_ended": "application.exemption",
    "eligibility.exempt": "application.exemption",
    "eligibility.exemption_invalid": "application.exemption",
    "eligibility.appointment_unconfirmed": "application.exemption",
    "eligibility.pgwp_ended": "plan.route",
    "eligibility.pr_landing_unconfirmed": "plan.route",
    "eligibility.spousal_rules_changed": "application.program",
    "airport.unknown": "plan.airport",
    "mail.not_eligible": "status.current",
    "status.maintained_lost_on_exit": "status.current",
    "passport.expired": "passport.expires",
    "passport.limits_permit": "passport.expires",
    "poe_letter.expired": "application.poe_letter_valid_until",
    "poe_letter.not_printed": "application.poe_letter_printed",
    "apply_at_port.offer_number_missing": "application.offer_number",
    "insurance.missing": "insurance.provider",
    "insurance.not_started": "insurance.starts",
    "insurance.limits_permit": "insurance.ends",
    "insurance.home_country_only": "insurance.valid_outside_home_country",
    "insurance.not_printed": "insurance.printed",
    "funds.missing": "funds.amount_cad",
    "funds.below_minimum": "funds.amount_cad",
    "funds.statement_too_old": "funds.statement_date",
    "plan.missing": "plan.date",
    "medical.expired": "medical.exam_date",
    "medical.condition_expected": "medical.ime_number",
    "permit.expiry_matches_poe_letter": "issued_permit.expires",
    "permit.expiry_too_early": "issued_permit.expires",
    "permit.expiry_after_passport": "issued_permit.expires",
    "permit.name_mismatch": "issued_permit.surname",
    "permit.date_of_birth_mismatch": "issued_permit.date_of_birth",
    "permit.citizenship_mismatch": "issued_permit.citizenship",
    "permit.kind_mismatch": "issued_permit.kind",
    "permit.employer_mismatch": "issued_permit.employer",
    "permit.medical_condition_printed": "issued_permit.conditions",
}
"""The form field each rule's finding is about (crossing rules: the crossing)."""


def field_for_finding(finding_id: str) -> str:
    """The form field a finding is about, to jump to (the programme when none fits better)."""
    if finding_id in _FINDING_FIELDS:
        return _FINDING_FIELDS[finding_id]
    if finding_id.startswith("crossing."):
        return "plan.crossing"
    return "application.program"


@dataclass(frozen=True)
class FieldNote:
    """One line of the editor's live list: the field it is about and what is wrong there."""

    path: str
    label: str
    words: str
    severity: str
    """"fix" (the form cannot be saved as it is), "error", "warning" or "info" (from the rules)."""


def form_notes(errors: dict[str, str]) -> list[FieldNote]:
    """The form's own problems, in the order of the form."""
    return [
        FieldNote(f.path, f.label, errors[f.path], "fix") for f in FIELDS if f.path in errors
    ]


def finding_notes(findings: Iterable[Finding]) -> list[FieldNote]:
    """The rules' findings (errors, then warnings; no info) as notes on their fields."""
    notes = []
    for finding in findings:
        severity = getattr(finding.severity, "value", str(finding.severity))
        if severity == "info":
            continue
        path = field_for_finding(finding.id)
        notes.append(FieldNote(path, FIELD_BY_PATH[path].label, finding.message, severity))
    return notes
