"""Shared test data for the rules engine: a base profile, overrides, and the table of rule cases.

``CASES`` holds, for every rule id, boundary cases where it fires and where it does not.
``test_rules.py`` (the engine), ``test_check_cli.py`` (the CLI producing every id) and
``test_policy.py`` use it (a helper module: it holds no test).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from tui.core.profile import Profile
from tui.core.profile_io import profile_from_dict

VANCOUVER = ZoneInfo("America/Vancouver")
TORONTO = ZoneInfo("America/Toronto")

BASE: dict[str, Any] = {
    "schema": 1,
    "person": {
        "surname": "LINDQVIST",
        "given_names": "MAJA ELIN",
        "date_of_birth": date(1999, 3, 14),
        "citizenship": "SE",
    },
    "passport": {"number": "X9F4K2M71", "country": "SE", "expires": date(2032, 5, 20)},
    "application": {
        "program": "iec-working-holiday",
        "poe_letter_issued": date(2026, 2, 10),
        "poe_letter_valid_until": date(2027, 2, 10),
        "poe_letter_printed": True,
        "permit_months": 12,
        "occupation": "barista",
        "exemption": "cbsa-appointment",
    },
    "insurance": {
        "provider": "Nordic Roamer Insurance",
        "policy_number": "NRI-55-20918",
        "starts": date(2026, 11, 30),
        "ends": date(2028, 1, 31),
        "valid_outside_home_country": True,
        "printed": True,
    },
    "funds": {"amount_cad": 4200, "statement_date": date(2026, 11, 27), "printed": True},
    "medical": {"ime_number": "12345678", "exam_date": date(2026, 10, 1)},
    "plan": {
        "crossing": "boundary-bay",
        "date": date(2026, 12, 2),
        "arrive": time(10, 30),
        "travel": "car",
    },
}
"""A ready IEC Working Holiday profile: on ON it yields only ``eligibility.exempt``."""

ON = datetime(2026, 12, 2, 10, 30, tzinfo=VANCOUVER)
"""Wednesday, inside Boundary Bay's Mon–Thu 10:00–14:00 flagpoling window."""

ISSUED: dict[str, Any] = {
    "surname": "LINDQVIST",
    "given_names": "MAJA ELIN",
    "date_of_birth": date(1999, 3, 14),
    "citizenship": "SE",
    "expires": date(2027, 12, 2),
    "kind": "open",
    "employer": "",
    "conditions": [],
}
"""A permit printed exactly as expected for BASE on ON (12 months → 2027-12-02)."""

DELETE = object()
"""Override value that removes the key or section."""


def profile_data(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """BASE with dotted-path overrides applied (``{"application.exemption": DELETE}``)."""
    data = copy.deepcopy(BASE)
    for path, value in (overrides or {}).items():
        *parents, key = path.split(".")
        target = data
        for part in parents:
            target = target.setdefault(part, {})
        if value is DELETE:
            target.pop(key, None)
        else:
            target[key] = copy.deepcopy(value)
    return data


def make(overrides: dict[str, Any] | None = None) -> Profile:
    """A validated Profile from BASE with overrides."""
    return profile_from_dict(profile_data(overrides))


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 30, tz: ZoneInfo = VANCOUVER) -> datetime:
    """An aware moment (Vancouver by default)."""
    return datetime(y, m, d, hh, mm, tzinfo=tz)


def plan_at(crossing: str, moment: datetime, travel: str = "car") -> dict[str, Any]:
    """Overrides putting the plan at ``crossing`` at ``moment`` (its local wall time)."""
    return {
        "plan": {
            "crossing": crossing,
            "date": moment.date(),
            "arrive": moment.time().replace(tzinfo=None),
            "travel": travel,
        }
    }


NOT_EXEMPT = {"application.exemption": DELETE}
SPOUSAL = {"application.program": "spousal-open-work-permit", "insurance": DELETE, "funds": DELETE}
EMPLOYER = {"application.program": "employer-specific", "application.employer": "Acme Ltd"}
PGWP = {
    "application": {"program": "pgwp", "permit_months": 36},
    "insurance": DELETE,
    "funds": DELETE,
}
KR_PROFESSIONAL = {
    **EMPLOYER,
    "person.citizenship": "KR",
    "passport.country": "KR",
    "application.exemption": "free-trade-professional",
}
"""A Korean citizen claiming the free-trade professional exemption (valid: KR is an FTA country)."""
GB_PROFESSIONAL = {**KR_PROFESSIONAL, "person.citizenship": "GB", "passport.country": "GB"}
"""A British citizen claiming the same exemption (invalid: GB is no FTA country)."""
AT_PORT = {
    **EMPLOYER,
    "person.citizenship": "US",
    "passport.country": "US",
    "application.exemption": DELETE,
    "application.basis": "apply-at-port",
}
"""A US citizen applying at the port for an employer-specific permit (no offer number yet)."""
MAINTAINED = {"status": {"current": "maintained"}}
PR = {"application": {"program": "pr-landing"}, "insurance": DELETE, "funds": DELETE}


def with_issued(**fields: Any) -> dict[str, Any]:
    """Overrides adding an issued permit (ISSUED with ``fields`` changed)."""
    return {"issued_permit": {**ISSUED, **fields}}


@dataclass(frozen=True)
class Case:
    """One row: rule ``rule`` does (``fires``) or does not fire on BASE+``overrides`` at ``on``."""

    rule: str
    fires: bool
    why: str
    overrides: dict[str, Any] = field(default_factory=dict)
    on: datetime = ON

    @property
    def id(self) -> str:
        """A readable pytest id."""
        return f"{self.rule}-{'fires' if self.fires else 'silent'}-{self.why}"


def _merge(*parts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in parts:
        out.update(part)
    return out


def arrival_at(airport: str) -> dict[str, Any]:
    """Overrides: arriving by air at ``airport`` on ON's date and time."""
    return {"plan": {"route": "arrival-by-air", "airport": airport, "date": date(2026, 12, 2),
                     "arrive": time(10, 30)}}


BY_MAIL = {"plan": {"route": "by-mail", "date": date(2026, 12, 2)}}
IEC_PERMIT = {"status": {"current": "iec-work-permit", "valid_until": date(2027, 3, 1)}}

BAN_DAY = at(2024, 12, 24, 10, 30)  # Tuesday
DAY_BEFORE_BAN = at(2024, 12, 23, 10, 30)  # Monday
ON_2024 = {"insurance.starts": date(2024, 1, 1), "funds.statement_date": date(2024, 12, 20)}

CASES: list[Case] = [
    # eligibility.flagpoling_ended — on >= 2024-12-24, work permit other than PGWP, not exempt
    Case("eligibility.flagpoling_ended", True, "ban-day", _merge(NOT_EXEMPT, ON_2024), BAN_DAY),
    Case("eligibility.flagpoling_ended", False, "day-before", _merge(NOT_EXEMPT, ON_2024), DAY_BEFORE_BAN),
    Case("eligibility.flagpoling_ended", False, "cbsa-appointment", {}),
    Case("eligibility.flagpoling_ended", False, "us-citizen", _merge(NOT_EXEMPT, {"person.citizenship": "US"})),
    Case("eligibility.flagpoling_ended", True, "spousal", _merge(SPOUSAL, NOT_EXEMPT)),
    Case("eligibility.flagpoling_ended", True, "employer-specific", _merge(EMPLOYER, NOT_EXEMPT)),
    Case("eligibility.flagpoling_ended", False, "pgwp", PGWP),
    Case("eligibility.flagpoling_ended", False, "pr-landing", PR),
    # eligibility.pgwp_ended — pgwp and on >= 2024-06-21, exemptions do not apply
    Case("eligibility.pgwp_ended", True, "cut-off-day", PGWP, at(2024, 6, 21)),
    Case("eligibility.pgwp_ended", False, "day-before", PGWP, at(2024, 6, 20)),
    Case("eligibility.pgwp_ended", True, "us-citizen-not-exempt", _merge(PGWP, {"person.citizenship": "US"})),
    Case("eligibility.pgwp_ended", False, "not-pgwp", _merge(NOT_EXEMPT)),
    # eligibility.exempt — after the ban, exempt, not PGWP
    Case("eligibility.exempt", True, "ban-day", ON_2024, BAN_DAY),
    Case("eligibility.exempt", False, "day-before", ON_2024, DAY_BEFORE_BAN),
    Case("eligibility.exempt", False, "not-exempt", NOT_EXEMPT),
    Case("eligibility.exempt", True, "us-citizen", _merge(NOT_EXEMPT, {"person.citizenship": "US"})),
    Case("eligibility.exempt", False, "pgwp-with-exemption", _merge(PGWP, {"application.exemption": "truck-driver"})),
    Case("eligibility.exempt", False, "pr-landing-us-citizen", _merge(PR, {"person.citizenship": "US"})),
    # eligibility.exemption_invalid — free-trade-professional with a citizenship not in the FTA list
    Case("eligibility.exemption_invalid", True, "gb-citizen", GB_PROFESSIONAL),
    Case("eligibility.exemption_invalid", False, "kr-citizen", KR_PROFESSIONAL),
    Case("eligibility.exemption_invalid", False, "other-exemption", {}),
    Case("eligibility.exemption_invalid", False, "by-air", _merge(GB_PROFESSIONAL, {
        "plan": {"route": "arrival-by-air", "airport": "yvr", "date": date(2026, 12, 2)}})),
    # eligibility.appointment_unconfirmed — cbsa-appointment and on >= 2024-12-24
    Case("eligibility.appointment_unconfirmed", True, "ban-day", ON_2024, BAN_DAY),
    Case("eligibility.appointment_unconfirmed", False, "day-before", ON_2024, DAY_BEFORE_BAN),
    Case("eligibility.appointment_unconfirmed", False, "truck-driver", {"application.exemption": "truck-driver"}),
    Case("eligibility.appointment_unconfirmed", False, "by-mail", {
        "plan": {"route": "by-mail", "date": date(2026, 12, 2)}}),
    # status.maintained_lost_on_exit — maintained, not by-mail
    Case("status.maintained_lost_on_exit", True, "flagpole", MAINTAINED),
    Case("status.maintained_lost_on_exit", True, "by-air", _merge(MAINTAINED, {
        "plan": {"route": "arrival-by-air", "airport": "yvr", "date": date(2026, 12, 2)}})),
    Case("status.maintained_lost_on_exit", False, "by-mail", _merge(MAINTAINED, {
        "plan": {"route": "by-mail", "date": date(2026, 12, 2)}})),
    Case("status.maintained_lost_on_exit", False, "visitor", {"status": {"current": "visitor"}}),
    Case("status.maintained_lost_on_exit", False, "no-status", {}),
    # eligibility.pr_landing_unconfirmed — pr-landing and on >= 2024-12-24
    Case("eligibility.pr_landing_unconfirmed", True, "ban-day", PR, BAN_DAY),
    Case("eligibility.pr_landing_unconfirmed", False, "day-before", PR, DAY_BEFORE_BAN),
    Case("eligibility.pr_landing_unconfirmed", False, "work-permit", {}),
    # eligibility.spousal_rules_changed — spousal and on >= 2025-01-21
    Case("eligibility.spousal_rules_changed", True, "change-day", SPOUSAL, at(2025, 1, 21)),
    Case("eligibility.spousal_rules_changed", False, "day-before", SPOUSAL, at(2025, 1, 20)),
    Case("eligibility.spousal_rules_changed", False, "not-spousal", {}),
    # passport.expired — expires < on
    Case("passport.expired", True, "day-before", {"passport.expires": date(2026, 12, 1)}),
    Case("passport.expired", False, "same-day", {"passport.expires": date(2026, 12, 2)}),
    # passport.limits_permit — expires < term end (2027-12-02)
    Case("passport.limits_permit", True, "day-before-term-end", {"passport.expires": date(2027, 12, 1)}),
    Case("passport.limits_permit", False, "on-term-end", {"passport.expires": date(2027, 12, 2)}),
    Case("passport.limits_permit", False, "pr-landing", _merge(PR, {"passport.expires": date(2027, 1, 1)})),
    # poe_letter.expired — work permit and on > valid_until
    Case("poe_letter.expired", True, "day-after", {"application.poe_letter_valid_until": date(2026, 12, 1)}),
    Case("poe_letter.expired", False, "last-day", {"application.poe_letter_valid_until": date(2026, 12, 2)}),
    # poe_letter.not_printed
    Case("poe_letter.not_printed", True, "false", {"application.poe_letter_printed": False}),
    Case("poe_letter.not_printed", False, "true", {}),
    # apply_at_port.offer_number_missing — apply-at-port, employer-specific, no offer_number
    Case("apply_at_port.offer_number_missing", True, "no-number", AT_PORT),
    Case("apply_at_port.offer_number_missing", False, "number", _merge(AT_PORT, {"application.offer_number": "A1234567"})),
    Case("apply_at_port.offer_number_missing", False, "poe-letter", _merge(AT_PORT, {"application.basis": "poe-letter"})),
    Case("apply_at_port.offer_number_missing", False, "spousal", _merge(AT_PORT, SPOUSAL, {
        "person.citizenship": "US", "application.exemption": DELETE})),
    # insurance.missing — IEC without [insurance]
    Case("insurance.missing", True, "iec", {"insurance": DELETE}),
    Case("insurance.missing", False, "present", {}),
    Case("insurance.missing", False, "spousal", SPOUSAL),
    # insurance.not_started — starts > on
    Case("insurance.not_started", True, "day-after", {"insurance.starts": date(2026, 12, 3)}),
    Case("insurance.not_started", False, "same-day", {"insurance.starts": date(2026, 12, 2)}),
    # insurance.limits_permit — IEC and ends < term end (2027-12-02)
    Case("insurance.limits_permit", True, "day-before-term-end", {"insurance.ends": date(2027, 12, 1)}),
    Case("insurance.limits_permit", False, "on-term-end", {"insurance.ends": date(2027, 12, 2)}),
    Case("insurance.limits_permit", False, "not-iec", _merge(EMPLOYER, {"insurance.ends": date(2027, 1, 1)})),
    # insurance.home_country_only
    Case("insurance.home_country_only", True, "false", {"insurance.valid_outside_home_country": False}),
    Case("insurance.home_country_only", False, "true", {}),
    # insurance.not_printed
    Case("insurance.not_printed", True, "false", {"insurance.printed": False}),
    Case("insurance.not_printed", False, "true", {}),
    # funds.missing — IEC without [funds]
    Case("funds.missing", True, "iec", {"funds": DELETE}),
    Case("funds.missing", False, "present", {}),
    Case("funds.missing", False, "employer-specific", _merge(EMPLOYER, {"funds": DELETE})),
    # funds.below_minimum — IEC and amount < 2500
    Case("funds.below_minimum", True, "2499", {"funds.amount_cad": 2499}),
    Case("funds.below_minimum", False, "2500", {"funds.amount_cad": 2500}),
    Case("funds.below_minimum", False, "not-iec", _merge(EMPLOYER, {"funds.amount_cad": 100})),
    # funds.statement_too_old — more than 7 days before on
    Case("funds.statement_too_old", True, "8-days", {"funds.statement_date": date(2026, 11, 24)}),
    Case("funds.statement_too_old", False, "7-days", {"funds.statement_date": date(2026, 11, 25)}),
    # plan.missing
    Case("plan.missing", True, "no-plan", {"plan": DELETE}),
    Case("plan.missing", False, "plan", {}),
    # crossing.unknown
    Case("crossing.unknown", True, "typo", {"plan.crossing": "boundary-bya"}),
    Case("crossing.unknown", False, "known", {}),
    Case("crossing.unknown", False, "no-plan", {"plan": DELETE}),
    # crossing.port_closed — Lacolle Route 221 is 06:00–22:00 from 2025-01-06
    Case("crossing.port_closed", True, "22:00", plan_at("lacolle-route-221", at(2026, 12, 3, 22, 0, TORONTO)),
         at(2026, 12, 3, 22, 0, TORONTO)),
    Case("crossing.port_closed", False, "21:59", plan_at("lacolle-route-221", at(2026, 12, 3, 21, 59, TORONTO)),
         at(2026, 12, 3, 21, 59, TORONTO)),
    Case("crossing.port_closed", True, "05:59", plan_at("lacolle-route-221", at(2026, 12, 3, 5, 59, TORONTO)),
         at(2026, 12, 3, 5, 59, TORONTO)),
    Case("crossing.port_closed", False, "before-2025-01-06", plan_at("lacolle-route-221", at(2025, 1, 5, 23, 0, TORONTO)),
         at(2025, 1, 5, 23, 0, TORONTO)),
    # crossing.no_flagpoling — Boundary Bay Mon–Thu 10:00–14:00
    Case("crossing.no_flagpoling", True, "09:59", {}, at(2026, 12, 2, 9, 59)),
    Case("crossing.no_flagpoling", False, "10:00", {}, at(2026, 12, 2, 10, 0)),
    Case("crossing.no_flagpoling", True, "14:00", {}, at(2026, 12, 2, 14, 0)),
    Case("crossing.no_flagpoling", True, "friday", {}, at(2026, 12, 4, 10, 30)),
    Case("crossing.no_flagpoling", False, "port-closed-instead", plan_at("lacolle-route-221", at(2026, 12, 3, 23, 0, TORONTO)),
         at(2026, 12, 3, 23, 0, TORONTO)),
    # crossing.closes_soon — open and the window ends < 2 h later (strictly)
    Case("crossing.closes_soon", True, "1h59", {}, at(2026, 12, 2, 12, 1)),
    Case("crossing.closes_soon", False, "exactly-2h", {}, at(2026, 12, 2, 12, 0)),
    Case("crossing.closes_soon", True, "1-minute", {}, at(2026, 12, 2, 13, 59)),
    Case("crossing.closes_soon", False, "closed", {}, at(2026, 12, 2, 14, 0)),
    Case("crossing.closes_soon", False, "24h-port", plan_at("osoyoos", at(2026, 12, 2, 23, 30)), at(2026, 12, 2, 23, 30)),
    # crossing.no_pedestrians — foot/transit and documented refusal; unknown = silent
    Case("crossing.no_pedestrians", True, "foot", plan_at("queenston-lewiston", at(2026, 12, 2, 10, 30, TORONTO), "foot"),
         at(2026, 12, 2, 10, 30, TORONTO)),
    Case("crossing.no_pedestrians", True, "transit", plan_at("queenston-lewiston", at(2026, 12, 2, 10, 30, TORONTO), "transit"),
         at(2026, 12, 2, 10, 30, TORONTO)),
    Case("crossing.no_pedestrians", False, "car", plan_at("queenston-lewiston", at(2026, 12, 2, 10, 30, TORONTO)),
         at(2026, 12, 2, 10, 30, TORONTO)),
    Case("crossing.no_pedestrians", False, "unknown-access", {"plan.travel": "foot"}),
    # crossing.us_side_closed — Nelway: CBSA 08:00–20:00, US Metaline Falls 08:00–16:00 (2020–2024)
    Case("crossing.us_side_closed", True, "16:00", plan_at("nelway", at(2024, 6, 12, 16, 0)), at(2024, 6, 12, 16, 0)),
    Case("crossing.us_side_closed", False, "15:59", plan_at("nelway", at(2024, 6, 12, 15, 59)), at(2024, 6, 12, 15, 59)),
    Case("crossing.us_side_closed", False, "both-18:00-from-2025", plan_at("nelway", at(2026, 12, 2, 16, 0)),
         at(2026, 12, 2, 16, 0)),
    Case("crossing.us_side_closed", False, "port-closed-instead", plan_at("nelway", at(2024, 6, 12, 20, 0)),
         at(2024, 6, 12, 20, 0)),
    Case("crossing.us_side_closed", False, "no-us-hours", {}),
    # crossing.appointment_required — Quebec ports, 2024-07-04 to 2024-12-18 (excl.), unconfirmed
    Case("crossing.appointment_required", True, "first-day", plan_at("st-bernard-de-lacolle", at(2024, 7, 4, 12, 30, TORONTO)),
         at(2024, 7, 4, 12, 30, TORONTO)),
    Case("crossing.appointment_required", True, "last-day", plan_at("armstrong", at(2024, 12, 17, 12, 30, TORONTO)),
         at(2024, 12, 17, 12, 30, TORONTO)),
    Case("crossing.appointment_required", False, "day-before", plan_at("st-bernard-de-lacolle", at(2024, 7, 3, 12, 30, TORONTO)),
         at(2024, 7, 3, 12, 30, TORONTO)),
    Case("crossing.appointment_required", False, "ended", plan_at("armstrong", at(2024, 12, 18, 12, 30, TORONTO)),
         at(2024, 12, 18, 12, 30, TORONTO)),
    Case("crossing.appointment_required", False, "other-port", plan_at("lacolle-route-221", at(2024, 8, 5, 12, 30, TORONTO)),
         at(2024, 8, 5, 12, 30, TORONTO)),
    # medical.condition_expected — work permit without [medical]
    Case("medical.condition_expected", True, "no-medical", {"medical": DELETE}),
    Case("medical.condition_expected", False, "medical", {}),
    Case("medical.condition_expected", False, "pr-landing", _merge(PR, {"medical": DELETE})),
    # medical.expired — exam_date + 12 months < on's date (exam 2025-12-02: valid through 2026-12-02)
    Case("medical.expired", True, "day-after-12-months", {"medical.exam_date": date(2025, 12, 1)}),
    Case("medical.expired", False, "last-valid-day", {"medical.exam_date": date(2025, 12, 2)}),
    Case("medical.expired", False, "no-medical", {"medical": DELETE}),
    # permit.expiry_matches_poe_letter — equals the letter's date and > 2 days early
    Case("permit.expiry_matches_poe_letter", True, "demo-story", with_issued(expires=date(2027, 2, 10))),
    Case("permit.expiry_matches_poe_letter", True, "3-days-early",
         _merge(with_issued(expires=date(2027, 11, 29)), {"application.poe_letter_valid_until": date(2027, 11, 29)})),
    Case("permit.expiry_matches_poe_letter", False, "2-days-early-tolerated",
         _merge(with_issued(expires=date(2027, 11, 30)), {"application.poe_letter_valid_until": date(2027, 11, 30)})),
    Case("permit.expiry_matches_poe_letter", False, "as-expected", with_issued()),
    # permit.expiry_too_early — more than 2 days before expected; not when the letter's date was used
    Case("permit.expiry_too_early", True, "3-days", with_issued(expires=date(2027, 11, 29))),
    Case("permit.expiry_too_early", False, "2-days", with_issued(expires=date(2027, 11, 30))),
    Case("permit.expiry_too_early", False, "letter-date-rule-instead", with_issued(expires=date(2027, 2, 10))),
    Case("permit.expiry_too_early", False, "later-than-expected", with_issued(expires=date(2027, 12, 20))),
    # permit.expiry_after_passport — after passport.expires, no tolerance
    Case("permit.expiry_after_passport", True, "one-day-after",
         _merge(with_issued(expires=date(2027, 12, 2)), {"passport.expires": date(2027, 12, 1)})),
    Case("permit.expiry_after_passport", False, "same-day",
         _merge(with_issued(expires=date(2027, 12, 1)), {"passport.expires": date(2027, 12, 1)})),
    # permit.name_mismatch — case-insensitive, spaces/hyphens collapse
    Case("permit.name_mismatch", True, "missing-given-name", with_issued(given_names="MAJA")),
    Case("permit.name_mismatch", True, "misspelt-surname", with_issued(surname="LINDQVST")),
    Case("permit.name_mismatch", False, "case-and-hyphens", with_issued(surname="lindqvist", given_names="Maja-Elin")),
    Case("permit.name_mismatch", False, "same", with_issued()),
    # permit.date_of_birth_mismatch
    Case("permit.date_of_birth_mismatch", True, "off-by-one", with_issued(date_of_birth=date(1999, 3, 15))),
    Case("permit.date_of_birth_mismatch", False, "same", with_issued()),
    # permit.citizenship_mismatch
    Case("permit.citizenship_mismatch", True, "different", with_issued(citizenship="CH")),
    Case("permit.citizenship_mismatch", False, "same", with_issued()),
    # permit.kind_mismatch
    Case("permit.kind_mismatch", True, "iec-wh-employer-specific", with_issued(kind="employer-specific", employer="Acme")),
    Case("permit.kind_mismatch", False, "iec-wh-open", with_issued()),
    Case("permit.kind_mismatch", True, "employer-specific-open", _merge(EMPLOYER, with_issued())),
    # permit.employer_mismatch — employer-specific programme and issued kind, names compared like names
    Case("permit.employer_mismatch", True, "other-employer",
         _merge(EMPLOYER, with_issued(kind="employer-specific", employer="Acme Inc"))),
    Case("permit.employer_mismatch", False, "same-modulo-case-hyphen",
         _merge(EMPLOYER, with_issued(kind="employer-specific", employer="ACME-ltd"))),
    Case("permit.employer_mismatch", False, "issued-open", _merge(EMPLOYER, with_issued(employer="Other"))),
    # permit.medical_condition_printed — [medical] present and the condition printed
    Case("permit.medical_condition_printed", True, "standard-wording", with_issued(conditions=[
        "Not authorized to work in childcare, primary or secondary school teaching, or health services field occupations"])),
    Case("permit.medical_condition_printed", True, "ircc-variant", with_issued(conditions=[
        "(not authorized to work in childcare, primary/secondary school teachings, health service field occupations)"])),
    Case("permit.medical_condition_printed", False, "no-medical", _merge({"medical": DELETE}, with_issued(conditions=[
        "Not authorized to work in childcare, primary or secondary school teaching, or health services field occupations"]))),
    Case("permit.medical_condition_printed", False, "other-condition", with_issued(conditions=[
        "Must leave Canada by expiry of status"])),
    # airport.unknown — arriving by air, plan.airport absent or not in the airports data
    Case("airport.unknown", True, "misspelt", arrival_at("yvv")),
    Case("airport.unknown", False, "yvr", arrival_at("yvr")),
    # mail.not_eligible — by mail without an IEC programme, an IEC permit, still valid
    Case("mail.not_eligible", True, "no-status", BY_MAIL),
    Case("mail.not_eligible", False, "valid-iec-permit", _merge(BY_MAIL, IEC_PERMIT)),
]

RULE_IDS = [
    "eligibility.flagpoling_ended", "eligibility.pgwp_ended", "eligibility.exempt",
    "eligibility.exemption_invalid", "eligibility.appointment_unconfirmed",
    "eligibility.pr_landing_unconfirmed", "eligibility.spousal_rules_changed",
    "airport.unknown", "mail.not_eligible",
    "status.maintained_lost_on_exit",
    "passport.expired", "passport.limits_permit", "poe_letter.expired", "poe_letter.not_printed",
    "apply_at_port.offer_number_missing",
    "insurance.missing", "insurance.not_started", "insurance.limits_permit",
    "insurance.home_country_only", "insurance.not_printed", "funds.missing",
    "funds.below_minimum", "funds.statement_too_old", "plan.missing", "crossing.unknown",
    "crossing.port_closed", "crossing.no_flagpoling", "crossing.closes_soon",
    "crossing.no_pedestrians", "crossing.us_side_closed", "crossing.appointment_required",
    "medical.expired", "medical.condition_expected",
    "permit.expiry_matches_poe_letter", "permit.expiry_too_early", "permit.expiry_after_passport",
    "permit.name_mismatch", "permit.date_of_birth_mismatch", "permit.citizenship_mismatch",
    "permit.kind_mismatch", "permit.employer_mismatch", "permit.medical_condition_printed",
]
"""Every id in spec/rules.md's tables and "Additions" (hard-coded, so the test runs without the spec)."""

FIRING = {c.rule: c for c in reversed(CASES) if c.fires}
"""One firing case per rule id (the first in CASES)."""
