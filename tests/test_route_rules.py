"""The three routes through the rules (rules.md "Terms → route", "Additions"): ``on`` per route,
the flagpoling rules silent off the flagpole route, ``airport.unknown``, ``mail.not_eligible``,
the same permit review everywhere, and ``flagpole check`` honouring the route."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest

from tui.cli import main
from tui.core.airports import load_airports
from tui.core.crossings import load_crossings
from tui.core.errors import BadMomentError
from tui.core.policy import load_policy
from tui.core.profile import Profile
from tui.core.profile_io import dump_profile, profile_from_dict
from tui.core.rules import evaluate, resolve_on

from .harness import load_example

NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
"""The reader's clock: the system zone is UTC, unlike any airport or crossing."""

DAY = date(2026, 12, 2)
PLANS = {
    "flagpole": {"crossing": "boundary-bay", "date": DAY, "arrive": time(10, 30)},
    "arrival-by-air": {"route": "arrival-by-air", "airport": "yvr", "date": DAY, "arrive": time(10, 30)},
    "by-mail": {"route": "by-mail", "date": DAY},
}
IEC_PERMIT = {"current": "iec-work-permit", "valid_until": date(2027, 3, 1)}


def person(route: str, *, plan: dict | None = None, status: dict | None = None,
           exempt: bool = False, **application) -> Profile:
    """The demo's IEC Working Holiday participant (not exempt unless asked) on ``route``; by
    mail she holds a valid IEC work permit unless ``status`` says otherwise."""
    data = load_example("lindqvist-appointment.toml")
    if not exempt:
        data["application"].pop("exemption")
    data["application"].update(application)
    data["plan"] = {**PLANS[route], **(plan or {})}
    if status is not None:
        data["status"] = status
    elif route == "by-mail":
        data["status"] = dict(IEC_PERMIT)
    return profile_from_dict(data)


def findings(profile: Profile, on_arg: str | None = None, now: datetime = NOW):
    """The report of the whole pipeline, as ``flagpole check`` runs it: ``on`` then the rules."""
    crossings, airports = load_crossings(), load_airports()
    on = resolve_on(profile, crossings, on_arg, now, airports=airports)
    return evaluate(profile, crossings, load_policy(), on, airports=airports)


# --- on, per route -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "plan", "on_arg", "expected"),
    [
        ("arrival-by-air", {}, None, "2026-12-02T10:30:00-08:00"),
        ("arrival-by-air", {"airport": "yul"}, None, "2026-12-02T10:30:00-05:00"),
        ("arrival-by-air", {"airport": "YUL"}, None, "2026-12-02T10:30:00-05:00"),
        ("arrival-by-air", {"airport": "yyc"}, None, "2026-12-02T10:30:00-07:00"),
        ("arrival-by-air", {"date": date(2026, 7, 2)}, None, "2026-07-02T10:30:00-07:00"),
        ("arrival-by-air", {"arrive": None}, None, "2026-12-02T12:00:00-08:00"),
        # --on keeps its meaning, relative to the airport's zone
        ("arrival-by-air", {}, "2026-12-09", "2026-12-09T10:30:00-08:00"),
        ("arrival-by-air", {}, "2026-12-09T23:15", "2026-12-09T23:15:00-08:00"),
        ("arrival-by-air", {}, "2026-12-09T10:30-05:00", "2026-12-09T07:30:00-08:00"),
        # an airport the data does not know: the system's zone stands in
        ("arrival-by-air", {"airport": "yvv"}, None, "2026-12-02T10:30:00+00:00"),
        ("arrival-by-air", {"airport": ""}, None, "2026-12-02T10:30:00+00:00"),
        # by mail: the request date at noon in the system's zone, whatever plan.arrive says
        ("by-mail", {}, None, "2026-12-02T12:00:00+00:00"),
        ("by-mail", {"arrive": time(8, 0)}, None, "2026-12-02T12:00:00+00:00"),
        ("by-mail", {}, "2026-12-09", "2026-12-09T12:00:00+00:00"),
        ("by-mail", {}, "2026-12-09T09:00", "2026-12-09T09:00:00+00:00"),
        # the flagpole route is unchanged: the crossing's zone
        ("flagpole", {}, None, "2026-12-02T10:30:00-08:00"),
    ],
)
def test_on_is_read_in_the_zone_of_the_route(route, plan, on_arg, expected):
    profile = person(route, plan=plan)
    on = resolve_on(profile, load_crossings(), on_arg, NOW, airports=load_airports())
    assert on.isoformat() == expected


def test_without_the_airports_data_the_arrival_is_in_the_system_zone():
    on = resolve_on(person("arrival-by-air"), load_crossings(), None, NOW)
    assert on.isoformat() == "2026-12-02T10:30:00+00:00"


@pytest.mark.parametrize("route", ["arrival-by-air", "by-mail"])
@pytest.mark.parametrize("bad", ["tomorrow", "2026-02-30", "12/02/2026"])
def test_a_bad_on_is_a_typed_error_without_a_flag_name(route, bad):
    with pytest.raises(BadMomentError) as caught:
        resolve_on(person(route), None, bad, NOW, airports=load_airports())
    assert caught.value.value == bad
    assert "--on" not in str(caught.value)


# --- which rules fire, per route ------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "plan", "banned"),
    [
        ("flagpole", {}, True),
        ("arrival-by-air", {}, False),
        ("arrival-by-air", {"date": date(2026, 4, 15), "arrive": time(18, 40)}, False),
        ("by-mail", {}, False),
    ],
)
def test_an_iec_participant_gets_the_flagpoling_ban_only_at_the_border(route, plan, banned):
    ids = findings(person(route, plan=plan)).ids()
    assert ("eligibility.flagpoling_ended" in ids) is banned
    assert not {i for i in ids if i.startswith("crossing.")}


@pytest.mark.parametrize(
    ("route", "plan", "expired"),
    [
        ("arrival-by-air", {"date": date(2026, 12, 2)}, True),   # landed the day after its last day
        ("arrival-by-air", {"date": date(2026, 12, 1)}, False),  # landed on its last day
        # 23:30 at YVR on the last day is already the next day in UTC: the airport's date counts
        ("arrival-by-air", {"date": date(2026, 12, 1), "arrive": time(23, 30)}, False),
        ("arrival-by-air", {"date": date(2026, 12, 2), "arrive": time(0, 5)}, True),
        ("by-mail", {"date": date(2026, 12, 2)}, True),
        ("by-mail", {"date": date(2026, 12, 1)}, False),
        ("flagpole", {"date": date(2026, 12, 2)}, True),
        ("flagpole", {"date": date(2026, 12, 1)}, False),
    ],
)
def test_a_poe_letter_expired_on_the_arrival_date_is_an_error(route, plan, expired):
    profile = person(route, plan=plan, poe_letter_valid_until=date(2026, 12, 1))
    ids = findings(profile).ids()
    assert ("poe_letter.expired" in ids) is expired


@pytest.mark.parametrize(("route", "warned"), [("flagpole", True), ("arrival-by-air", False)])
def test_a_pr_landing_by_air_gets_no_unconfirmed_warning(route, warned):
    data = load_example("pr-landing.toml")
    if route == "arrival-by-air":
        data["plan"] = {"route": "arrival-by-air", "airport": "yyz", "date": date(2026, 3, 10),
                        "arrive": time(15, 5)}
    ids = findings(profile_from_dict(data)).ids()
    assert ("eligibility.pr_landing_unconfirmed" in ids) is warned
    assert not {i for i in ids if i.startswith(("crossing.", "airport."))}


@pytest.mark.parametrize("route", ["flagpole", "arrival-by-air", "by-mail"])
def test_the_permit_printed_with_the_poe_letters_date_is_flagged_on_every_route(route):
    report = findings(person(route, exempt=True))
    seed = [f for f in report.findings if f.id == "permit.expiry_matches_poe_letter"]
    assert len(seed) == 1 and seed[0].severity.value == "error"
    assert "2027-02-10" in seed[0].message
    assert "2027-12-02" in (seed[0].say or "") + seed[0].advice  # what the permit should say


# --- airport.unknown --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("airport", "fires", "hint"),
    [
        ("yvr", False, None),
        ("YUL", False, None),
        ("yvv", True, "Vancouver International Airport (YVR)"),
        ("vancouver", True, "Vancouver International Airport (YVR)"),
        ("zzz", True, None),
        ("", True, None),
    ],
)
def test_an_arrival_needs_an_airport_from_the_data(airport, fires, hint):
    report = findings(person("arrival-by-air", plan={"airport": airport}))
    found = [f for f in report.findings if f.id == "airport.unknown"]
    assert bool(found) is fires
    if fires:
        assert found[0].severity.value == "error"
        assert found[0].fix_field == "plan.airport"
        assert "airport you land at" in found[0].advice
        if hint:
            assert f"Did you mean {hint}?" in found[0].advice


def test_the_airport_rule_is_silent_without_the_airports_data_and_off_its_route():
    on = datetime(2026, 12, 2, 10, 30, tzinfo=UTC)
    policy = load_policy()
    unknown = person("arrival-by-air", plan={"airport": "zzz"})
    assert "airport.unknown" not in evaluate(unknown, None, policy, on).ids()
    flagpoler = person("flagpole", plan={"airport": "zzz"})
    assert "airport.unknown" not in evaluate(flagpoler, None, policy, on, airports=load_airports()).ids()


# --- mail.not_eligible ------------------------------------------------------------------------

MAIL_CASES = [
    # (why, application overrides, status, the reason the message must give, or None: accepted)
    ("all three hold", {}, IEC_PERMIT, None),
    ("valid until the request date", {}, {**IEC_PERMIT, "valid_until": DAY}, None),
    ("no end date known", {}, {"current": "iec-work-permit"}, None),
    ("not an IEC programme", {"program": "spousal-open-work-permit"}, IEC_PERMIT,
     "your programme is the spousal open work permit, not an IEC programme"),
    ("no [status]", {}, None, "does not say you hold an IEC work permit"),
    ("a visitor", {}, {"current": "visitor"}, "your status is visitor, not an IEC work permit"),
    ("a permit of another kind", {}, {"current": "work-permit", "valid_until": date(2027, 3, 1)},
     "your status is work permit, not an IEC work permit"),
    ("the IEC permit ended the day before", {}, {**IEC_PERMIT, "valid_until": date(2026, 12, 1)},
     "your IEC work permit ended on 2026-12-01, before the request date 2026-12-02"),
]


@pytest.mark.parametrize(("why", "application", "status", "reason"), MAIL_CASES,
                         ids=[c[0] for c in MAIL_CASES])
def test_by_mail_only_with_a_valid_iec_permit(why, application, status, reason):
    data = load_example("lindqvist-appointment.toml")
    data["application"].update(application)
    data["plan"] = dict(PLANS["by-mail"])
    if status is not None:
        data["status"] = status
    if application.get("program") == "spousal-open-work-permit":
        data.pop("insurance"), data.pop("funds")
    report = findings(profile_from_dict(data))
    found = [f for f in report.findings if f.id == "mail.not_eligible"]
    if reason is None:
        assert not found, found
        return
    assert len(found) == 1 and found[0].severity.value == "error"
    assert reason in found[0].message
    assert "valid IEC work permit" in found[0].message
    assert found[0].advice and found[0].source.startswith("https://www.canada.ca/")
    assert report.has_errors


def test_by_mail_every_failing_condition_is_named():
    data = load_example("lindqvist-appointment.toml")
    data["application"] = {"program": "pgwp", "permit_months": 24}
    data["plan"] = dict(PLANS["by-mail"])
    data["status"] = {"current": "study-permit", "valid_until": date(2026, 11, 30)}
    data.pop("insurance"), data.pop("funds"), data.pop("issued_permit")
    message = next(f.message for f in findings(profile_from_dict(data)).findings
                   if f.id == "mail.not_eligible")
    assert "not an IEC programme" in message
    assert "your status is study permit" in message
    assert "your status ended on 2026-11-30" in message


def test_an_iec_participant_refused_by_mail_is_told_to_activate_on_arrival():
    report = findings(person("by-mail", status={"current": "visitor"}))
    advice = next(f.advice for f in report.findings if f.id == "mail.not_eligible")
    assert "arriving by air" in advice and "valid IEC work permit" in advice


@pytest.mark.parametrize("route", ["flagpole", "arrival-by-air"])
def test_the_mail_rule_is_silent_on_the_other_routes(route):
    assert "mail.not_eligible" not in findings(person(route, status={"current": "visitor"})).ids()


# --- flagpole check ---------------------------------------------------------------------------


def write(tmp_path, profile: Profile) -> str:
    path = tmp_path / "arrival.toml"
    path.write_text(dump_profile(profile), encoding="utf-8")
    return str(path)


def check_json(capsys, *argv: str) -> tuple[int, dict]:
    status = main(["check", *argv, "--json"])
    captured = capsys.readouterr()
    assert captured.err == ""
    return status, json.loads(captured.out)


@pytest.mark.parametrize(
    ("airport", "on_arg", "expected"),
    [
        ("yvr", None, "2026-12-02T10:30:00-08:00"),
        ("yul", None, "2026-12-02T10:30:00-05:00"),
        ("yvr", "2026-12-09", "2026-12-09T10:30:00-08:00"),
        ("yvr", "2026-12-09T10:30-05:00", "2026-12-09T07:30:00-08:00"),
    ],
)
def test_check_json_reads_on_in_the_airport_zone(tmp_path, capsys, airport, on_arg, expected):
    path = write(tmp_path, person("arrival-by-air", plan={"airport": airport}))
    status, out = check_json(capsys, path, *(["--on", on_arg] if on_arg else []))
    assert out["on"] == expected
    ids = {f["id"] for f in out["findings"]}
    assert "eligibility.flagpoling_ended" not in ids and "airport.unknown" not in ids
    assert "permit.expiry_matches_poe_letter" in ids
    assert status == 1


def test_check_refuses_an_unknown_airport(tmp_path, capsys):
    path = write(tmp_path, person("arrival-by-air", plan={"airport": "yvv"}))
    status, out = check_json(capsys, path)
    unknown = [f for f in out["findings"] if f["id"] == "airport.unknown"]
    assert status == 1 and unknown and "Did you mean Vancouver International Airport (YVR)?" in unknown[0]["advice"]
    assert unknown[0]["fix_field"] == "plan.airport"
    assert out["ready"] is False


def test_check_by_mail_is_at_noon_on_the_request_date(tmp_path, capsys):
    path = write(tmp_path, person("by-mail", status={"current": "visitor"}))
    status, out = check_json(capsys, path)
    assert out["on"].startswith("2026-12-02T12:00:00")
    assert status == 1 and "mail.not_eligible" in {f["id"] for f in out["findings"]}


def test_check_words_a_bad_on_with_its_option_name(tmp_path, capsys):
    path = write(tmp_path, person("arrival-by-air"))
    assert main(["check", path, "--on", "2026-02-30"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "flagpole: --on: '2026-02-30' is not a real date.\n"
