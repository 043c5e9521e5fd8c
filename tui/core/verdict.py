"""What the rules say about the day, packaged for the companion: the readiness verdict, the
crossing at the planned moment, and the live check of the printed permit.

This is the one module of the journey companion that imports the rules engine, the crossings
data and the policy (pydantic-heavy, ~250 ms to import and load), and it does so lazily inside
``Verdict.build`` so the app can show the journey first and the verdict a moment later.
No UI imports.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.findings import ExpectedPermit, Finding, FindingStage, Report, Severity
from tui.core.journal import PERMIT_FIELDS

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.profile import IssuedPermit, Profile

FIELD_FINDINGS: dict[str, tuple[str, ...]] = {
    "surname": ("permit.name_mismatch",),
    "given_names": ("permit.name_mismatch",),
    "date_of_birth": ("permit.date_of_birth_mismatch",),
    "citizenship": ("permit.citizenship_mismatch",),
    "expires": ("permit.expiry_matches_poe_letter", "permit.expiry_too_early", "permit.expiry_after_passport"),
    "kind": ("permit.kind_mismatch",),
    "employer": ("permit.employer_mismatch",),
    "conditions": ("permit.medical_condition_printed",),
}
"""Which permit-review findings concern which field of the form."""

def severity_word(severity: Severity) -> str:
    """The word shown beside a finding, readable without colour."""
    return {"error": "ERROR", "warning": "WARNING", "info": "INFO"}[severity.value]


@dataclass(frozen=True)
class PlannedCrossingStatus:
    """The planned crossing at the planned moment."""

    crossing_id: str
    name: str | None
    """None when the id is not in the crossings data."""
    on: datetime
    timezone: str = ""
    port_open: bool = False
    flagpoling_open: bool = False
    window_end: datetime | None = None
    closes_in: timedelta | None = None
    next_window: datetime | None = None
    dated_schedule: bool = False
    note: str | None = None
    """The data file's note for ports without a dated flagpoling schedule."""


@dataclass(frozen=True)
class PermitCheck:
    """The permit form checked: findings, per-field problems, and what each field should say."""

    findings: tuple[Finding, ...] = ()
    invalid: Mapping[str, str] = field(default_factory=dict)
    """Field key → why the text cannot be read (not a date, not a country code…)."""
    expected: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, str] = field(default_factory=dict)
    """The form's text as checked (only the fields checked so far)."""
    unchecked: tuple[str, ...] = ()
    """The field keys not checked yet (neither typed nor confirmed), in form order."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    def field_findings(self, key: str) -> list[Finding]:
        """The findings that concern one field (a name finding only marks the name that differs)."""
        ids = FIELD_FINDINGS.get(key, ())
        found = [f for f in self.findings if f.id in ids]
        if key in ("surname", "given_names") and found:
            from tui.core.rules import same_name

            if same_name(self.values.get(key, ""), self.expected.get(key, "")):
                return []
        return found

    def field_word(self, key: str) -> str:
        """``not checked``, ``ok``, ``ERROR``, ``WARNING`` or ``INVALID`` for one field."""
        if key in self.unchecked:
            return "not checked"
        if key in self.invalid:
            return "INVALID"
        found = self.field_findings(key)
        if not found:
            return "ok"
        return severity_word(min((f.severity for f in found), key=lambda s: s.rank))


    def corrections(self) -> list[Correction]:
        """Each checked field that is wrong (an error on it, or unreadable), with what it
        should say: the words to ask for a correction at the counter or by mail."""
        found: list[Correction] = []
        for key, label in PERMIT_FIELDS:
            word = self.field_word(key)
            if word in ("ERROR", "INVALID"):
                findings = self.field_findings(key)
                found.append(
                    Correction(
                        key=key,
                        label=label,
                        printed=self.values.get(key, ""),
                        expected=self.expected.get(key, ""),
                        why=findings[0].message if findings else self.invalid.get(key, ""),
                    )
                )
        return found


@dataclass(frozen=True)
class Correction:
    """One printed field to correct: what is printed and what it should say."""

    key: str
    label: str
    printed: str
    expected: str
    why: str = ""

    @property
    def sentence(self) -> str:
        """'The expiry should say 2027-12-02.' / 'The surname should read HALVORSEN.' /
        'The employer should be blank.'"""
        noun = self.label.lower()
        if not self.expected:
            return f"The {noun} should be blank (it says {self.printed})."
        verb = "read" if self.key in ("surname", "given_names") else "say"
        return f"The {noun} should {verb} {self.expected}."


@dataclass
class Verdict:
    """The rules' view of the day for one profile, computed once per session."""

    crossings: Any
    policy: Any
    on: datetime
    readiness: Report
    crossing: Any = None
    _status: PlannedCrossingStatus | None = None
    airports: Any = None
    """The airports data, loaded only on the arrival-by-air route (else None)."""
    airport: Any = None
    """The planned airport on the arrival-by-air route, when the airports data knows it."""

    @classmethod
    def build(cls, profile: Profile, now: datetime, data_dir: Path | None = None) -> Verdict:
        """Load the crossings data, the policy and (arriving by air) the airports data, find
        the planned moment of the profile's route, run the rules.

        Blocking (file reads and imports): call from a worker thread.
        """
        from tui.core.crossings import load_crossings
        from tui.core.kinds import PlanRoute
        from tui.core.policy import load_policy
        from tui.core.rules import evaluate, resolve_on

        crossings = load_crossings(Path(data_dir) / "crossings.toml" if data_dir else None)
        policy = load_policy(Path(data_dir) / "policy.toml" if data_dir else None)
        airports = airport = crossing = None
        if profile.plan is not None and profile.route is PlanRoute.ARRIVAL_BY_AIR:
            from tui.core.airports import load_airports

            airports = load_airports(Path(data_dir) / "airports.toml" if data_dir else None)
            airport = airports.get(profile.plan.airport) if profile.plan.airport else None
        elif profile.plan is not None and profile.route is PlanRoute.FLAGPOLE:
            crossing = crossings.get(profile.plan.crossing)
        on = resolve_on(profile, crossings, None, now, airports=airports)
        report = evaluate(profile, crossings, policy, on, airports=airports)
        verdict = cls(
            crossings=crossings, policy=policy, on=on, readiness=report, crossing=crossing,
            airports=airports, airport=airport,
        )
        if profile.route is PlanRoute.FLAGPOLE:
            verdict._status = verdict._crossing_status(profile)
        return verdict

    # --- readiness ---------------------------------------------------------------------------

    @property
    def eligibility(self) -> list[Finding]:
        """The ``eligibility.*`` findings, most serious first."""
        return [f for f in self.readiness.by_stage(FindingStage.READINESS) if f.id.startswith("eligibility.")]

    @property
    def other_readiness(self) -> list[Finding]:
        """Every other readiness finding, most serious first."""
        return [f for f in self.readiness.by_stage(FindingStage.READINESS) if not f.id.startswith("eligibility.")]

    @property
    def eligibility_word(self) -> str:
        """``NOT ELIGIBLE``, ``UNCERTAIN`` or ``ELIGIBLE``: the headline of the verdict."""
        severities = {f.severity for f in self.eligibility}
        if Severity.ERROR in severities:
            return "NOT ELIGIBLE"
        if Severity.WARNING in severities:
            return "UNCERTAIN"
        return "ELIGIBLE"

    @property
    def expected(self) -> ExpectedPermit | None:
        """The permit expiry the profile predicts at the planned moment."""
        return self.readiness.expected_permit

    @property
    def status(self) -> PlannedCrossingStatus | None:
        """The planned crossing at the planned moment (None without a plan, or on a route
        other than flagpoling)."""
        return self._status

    @property
    def zone(self) -> tzinfo | None:
        """The time zone of the day's place, for a header clock: the planned crossing's, or
        the airport's on the arrival-by-air route; None (the system's) otherwise."""
        zone: tzinfo | None = None
        if self.airport is not None:
            zone = self.airport.zone
        elif self.crossing is not None:
            zone = self.crossing.tz
        return zone

    def local_now(self, now: datetime) -> datetime:
        """``now`` in the zone of the day's place (see ``zone``; the system's when unknown)."""
        zone = self.zone
        return now.astimezone(zone) if zone is not None else now.astimezone()

    def _crossing_status(self, profile: Profile) -> PlannedCrossingStatus | None:
        plan = profile.plan
        if plan is None:
            return None
        c = self.crossing
        if c is None:
            return PlannedCrossingStatus(crossing_id=plan.crossing, name=None, on=self.on)
        from tui.core import schedule
        from tui.core.finder import crossing_status

        status = crossing_status(c, self.on)
        return PlannedCrossingStatus(
            crossing_id=c.id,
            name=c.name,
            on=status.at,
            timezone=c.timezone,
            port_open=status.port_open,
            flagpoling_open=status.flagpoling,
            window_end=status.until,
            closes_in=schedule.time_left(c, status.at) if status.flagpoling else None,
            next_window=status.next,
            dated_schedule=status.dated,
            note=None if status.dated else getattr(self.crossings, "no_schedule_note", None),
        )

    # --- permit review -----------------------------------------------------------------------

    def expected_values(self, profile: Profile) -> dict[str, str]:
        """What each printed field should say, as text."""
        person, app = profile.person, profile.application
        kind = app.program.permit_kind
        expected = self.expected
        return {
            "surname": person.surname,
            "given_names": person.given_names,
            "date_of_birth": person.date_of_birth.isoformat(),
            "citizenship": person.citizenship,
            "expires": expected.expires.isoformat() if expected else "",
            "kind": kind.value if kind else "",
            "employer": app.employer if app.program.is_employer_specific else "",
            "conditions": "",
        }

    def permit_finding_words(self) -> dict[str, str]:
        """Finding id → its one-line summary in words, for every permit-review rule (to name a
        finding recorded earlier, such as the errors standing when the person left)."""
        from tui.core.rules import CATALOGUE

        return {
            spec.id: spec.summary_for(self.policy) for spec in CATALOGUE if spec.stage is FindingStage.PERMIT_REVIEW
        }

    def check_permit(
        self, profile: Profile, values: Mapping[str, str], checked: Collection[str] | None = None
    ) -> PermitCheck:
        """Check the form: parse each field, then run the rules with it as ``[issued_permit]``.

        Only the ``checked`` fields (default: every field) count: a field not checked yet stands
        in with what it should say while the rules run, and no finding or unreadable text is
        reported for it. A finding tied to no field is reported once every field is checked."""
        expected = self.expected_values(profile)
        keys = [key for key, _ in PERMIT_FIELDS]
        done = set(keys if checked is None else checked)
        unchecked = tuple(k for k in keys if k not in done)
        mine = {k: v for k, v in values.items() if k in done}
        filled = {k: (mine[k] if k in done else expected.get(k, "")) for k in keys}
        permit, invalid = parse_permit(filled)
        invalid = {k: why for k, why in invalid.items() if k in done}
        if permit is None:
            return PermitCheck(expected=expected, values=mine, unchecked=unchecked, invalid=invalid)
        from tui.core.rules import evaluate

        candidate = profile.model_copy(update={"issued_permit": permit})
        report = evaluate(candidate, self.crossings, self.policy, self.on, airports=self.airports)
        found = tuple(f for f in report.by_stage(FindingStage.PERMIT_REVIEW) if _concerns(f.id, done, unchecked))
        return PermitCheck(expected=expected, values=mine, unchecked=unchecked, findings=found)


def _concerns(finding_id: str, checked: Collection[str], unchecked: Collection[str]) -> bool:
    """Whether a permit finding is about a checked field (one tied to no field: when none is
    left unchecked)."""
    fields = [key for key, ids in FIELD_FINDINGS.items() if finding_id in ids]
    return any(k in checked for k in fields) if fields else not unchecked


def permit_to_text(issued: IssuedPermit) -> dict[str, str]:
    """An issued permit as the form's text values."""
    return {
        "surname": issued.surname,
        "given_names": issued.given_names,
        "date_of_birth": issued.date_of_birth.isoformat(),
        "citizenship": issued.citizenship,
        "expires": issued.expires.isoformat(),
        "kind": issued.kind.value,
        "employer": issued.employer,
        "conditions": "; ".join(issued.conditions),
    }


_HINTS = {
    "surname": "type the surname as printed",
    "given_names": "type the given names as printed",
    "date_of_birth": "a date like 1999-03-14",
    "citizenship": "a two-letter code in capitals, like SE",
    "expires": "a date like 2027-12-02",
    "kind": "open or employer-specific",
    "employer": "",
    "conditions": "",
}


def parse_permit(values: Mapping[str, str]) -> tuple[IssuedPermit | None, dict[str, str]]:
    """The form's text as an IssuedPermit, or None with the reason per field that cannot be read.

    Conditions are separated by ``;``. Citizenship is upper-cased (people type ``se``).
    """
    from pydantic import ValidationError

    from tui.core.profile import IssuedPermit

    data = {key: (values.get(key) or "").strip() for key, _ in PERMIT_FIELDS}
    data["citizenship"] = data["citizenship"].upper()
    data["kind"] = data["kind"].lower()
    conditions = [c.strip() for c in data.pop("conditions").split(";") if c.strip()]
    try:
        return IssuedPermit.model_validate({**data, "conditions": conditions}), {}
    except ValidationError as exc:
        invalid: dict[str, str] = {}
        for err in exc.errors(include_url=False):
            key = str(err["loc"][0]) if err["loc"] else "?"
            if key in invalid:
                continue
            hint = _HINTS.get(key, "")
            if err["type"] in ("missing", "string_too_short"):
                invalid[key] = "blank" + (f": {hint}" if hint else "")
            else:
                invalid[key] = hint or err["msg"]
        return None, invalid
