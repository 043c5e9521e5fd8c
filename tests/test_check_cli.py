"""``flagpole check`` and ``flagpole rules`` as a user runs them (in-process, output captured)."""

from __future__ import annotations

import json
import re
import sys
from datetime import date

import pytest

from tui.cli import main
from tui.core.profile_io import dump_profile

from .harness import PROFILES
from .rule_cases import DELETE, FIRING, RULE_IDS, make, with_issued

DEMO = str(PROFILES / "demo.toml")
FINDING_KEYS = {"id", "severity", "stage", "message", "advice", "source", "say", "steps", "sources", "fix_field"}  # additions


def check_json(capsys, *argv: str) -> tuple[int, dict]:
    status = main(["check", *argv, "--json"])
    captured = capsys.readouterr()
    assert captured.err == ""
    return status, json.loads(captured.out)


def write_profile(tmp_path, overrides=None, name="p.toml"):
    path = tmp_path / name
    path.write_text(dump_profile(make(overrides)), encoding="utf-8")
    return str(path)


def test_demo_json_matches_the_contract(capsys):
    status, out = check_json(capsys, DEMO)
    assert status == 1
    assert list(out) == ["profile", "on", "ready", "expected_permit", "findings"]
    assert out["profile"] == DEMO
    assert out["on"] == "2026-12-02T10:30:00-08:00"
    assert out["ready"] is True
    assert out["expected_permit"] == {"expires": "2027-12-02", "limited_by": "program"}
    for f in out["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["severity"] in {"error", "warning", "info"}
        assert f["stage"] in {"readiness", "permit_review"}
        assert f["source"] is None or f["source"].startswith("https://")
    seed = [f for f in out["findings"] if f["id"] == "permit.expiry_matches_poe_letter"]
    assert len(seed) == 1 and seed[0]["stage"] == "permit_review" and seed[0]["severity"] == "error"
    assert seed[0]["say"] == (
        "The expiry date on my permit is the date on my Port of Entry letter; "
        "my permit should run until 2027-12-02. Could you correct it, please?"
    )
    assert "Could you correct it" not in seed[0]["advice"] and "usual fix" in seed[0]["advice"]
    assert [f["stage"] for f in out["findings"]] == sorted(
        (f["stage"] for f in out["findings"]), key=["readiness", "permit_review"].index
    )


@pytest.mark.parametrize(
    ("name", "status", "ready", "ids"),
    [
        ("demo.toml", 1, True, {"eligibility.exempt", "medical.condition_expected",
                                "permit.expiry_matches_poe_letter"}),
        ("iec-insurance-ends-early.toml", 1, False,
         {"eligibility.flagpoling_ended", "insurance.limits_permit", "medical.condition_expected"}),
        ("iec-ready-with-appointment.toml", 0, True, {"eligibility.exempt", "eligibility.appointment_unconfirmed"}),
        ("pr-landing.toml", 0, True, {"eligibility.pr_landing_unconfirmed"}),
        ("us-citizen-employer-specific.toml", 0, True, {"eligibility.exempt"}),
        ("iec-arrival-by-air.toml", 0, True, {"insurance.limits_permit", "medical.condition_expected"}),
    ],
)
def test_example_profiles_exit_status_and_findings(capsys, name, status, ready, ids):
    got, out = check_json(capsys, str(PROFILES / name))
    assert got == status
    assert out["ready"] is ready
    assert {f["id"] for f in out["findings"]} == ids


def test_the_arrival_by_air_example_is_checked_at_its_landing_in_the_airport_zone(capsys):
    _, out = check_json(capsys, str(PROFILES / "iec-arrival-by-air.toml"))
    assert out["on"] == "2026-06-15T18:40:00-07:00"
    assert out["expected_permit"] == {"expires": "2027-06-14", "limited_by": "insurance"}


def test_pr_landing_has_null_expected_permit(capsys):
    _, out = check_json(capsys, str(PROFILES / "pr-landing.toml"))
    assert out["expected_permit"] is None


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2026-12-03", "2026-12-03T10:30:00-08:00"),
        ("2026-12-03T15:45", "2026-12-03T15:45:00-08:00"),
        ("2026-12-03T15:45:00-05:00", "2026-12-03T12:45:00-08:00"),
    ],
)
def test_on_option(capsys, on, expected):
    _, out = check_json(capsys, DEMO, "--on", on)
    assert out["on"] == expected


def test_on_moves_the_crossing_rules(capsys):
    _, out = check_json(capsys, DEMO, "--on", "2026-12-04")  # a Friday at Boundary Bay
    nf = [f for f in out["findings"] if f["id"] == "crossing.no_flagpoling"]
    assert nf and "Monday 2026-12-07 10:00" in nf[0]["message"]
    assert out["ready"] is False


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_the_cli_produces_every_rule_id(tmp_path, capsys, rule_id):
    case = FIRING[rule_id]
    path = write_profile(tmp_path, case.overrides)
    status, out = check_json(capsys, path, "--on", case.on.isoformat())
    ids = {f["id"] for f in out["findings"]}
    assert rule_id in ids
    assert status == (1 if any(f["severity"] == "error" for f in out["findings"]) else 0)


def test_human_output_groups_by_severity_in_words(capsys):
    assert main(["check", DEMO]) == 1
    out = capsys.readouterr().out
    assert "\x1b[" not in out  # not a terminal: no colour
    assert "Expected permit expiry: 2027-12-02" in out
    assert "Ready to cross: yes" in out
    assert out.index("ERRORS (1)") < out.index("INFO (2)")
    assert "  ERROR  permit.expiry_matches_poe_letter  [permit review]" in out
    assert "  INFO  eligibility.exempt  [readiness]" in out
    assert "What to do:" in out and "2027-12-02" in out
    assert "WARNINGS" not in out  # a US citizen on time, at an open window: nothing to warn of
    assert '    SAY: "The expiry date on my permit' in out


def test_human_output_numbers_what_to_do_instead(capsys, tmp_path):
    import tomllib

    data = tomllib.loads((PROFILES / "iec-insurance-ends-early.toml").read_text("utf-8"))
    data.setdefault("status", {})["current"] = "iec-work-permit"
    path = tmp_path / "p.toml"
    import tomli_w

    path.write_text(tomli_w.dumps(data), "utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "      1. Use IRCC's in-Canada process for IEC participants" in out
    assert "      2. If you do belong to an exempt group" in out
    assert "Source: https://www.canada.ca/" in out


def test_human_output_on_a_not_ready_profile(capsys):
    assert main(["check", str(PROFILES / "iec-insurance-ends-early.toml")]) == 1
    out = capsys.readouterr().out
    assert "Ready to cross: NO" in out
    assert "WARNINGS (1)" in out and "  WARNING  insurance.limits_permit" in out


def test_colour_only_on_a_terminal(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", DEMO])
    out = capsys.readouterr().out
    assert "\x1b[1;31mERROR\x1b[0m" in out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", DEMO])
    assert "\x1b[" not in capsys.readouterr().out


def test_json_is_never_coloured(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", DEMO, "--json"])
    assert "\x1b[" not in capsys.readouterr().out


def test_no_findings_message(tmp_path, capsys):
    path = write_profile(tmp_path, {"insurance.starts": date(2024, 1, 1)})
    assert main(["check", path, "--on", "2024-12-23"]) == 0  # the day before the ban
    out = capsys.readouterr().out
    assert "Nothing to report" in out


def test_profile_without_plan(tmp_path, capsys):
    path = write_profile(tmp_path, {"plan": DELETE})
    status, out = check_json(capsys, path, "--on", "2026-12-02T10:30-08:00")
    assert out["on"] == "2026-12-02T10:30:00-08:00"
    assert "plan.missing" in {f["id"] for f in out["findings"]}
    assert status == 0


def test_stored_profile_by_name(capsys):
    assert main(["import", DEMO]) == 0
    capsys.readouterr()
    status, out = check_json(capsys, "demo")
    assert status == 1 and out["profile"] == "demo"


@pytest.mark.parametrize("bad", ["tomorrow", "2026-02-30", "12/02/2026"])
def test_bad_on_exits_2(capsys, bad):
    assert main(["check", DEMO, "--on", bad]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("flagpole: --on: ") and "Traceback" not in captured.err


def test_invalid_profile_exits_2_without_output(tmp_path, capsys):
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = 1\n[person]\nsurname = 'X'\n", encoding="utf-8")
    assert main(["check", str(broken), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a valid profile" in captured.err and "Traceback" not in captured.err
    assert main(["check", str(tmp_path / "absent.toml")]) == 2


def test_invalid_policy_data_exits_2(tmp_path, capsys, monkeypatch):
    import tui.core.policy as policy_module

    bad = tmp_path / "policy.toml"
    bad.write_text("schema = 1\n", encoding="utf-8")
    monkeypatch.setattr(policy_module, "default_policy_path", lambda: bad)
    assert main(["check", DEMO]) == 2
    captured = capsys.readouterr()
    assert "not a valid policy data" in captured.err and captured.out == ""


def test_permit_review_error_keeps_ready_but_fails(tmp_path, capsys):
    path = write_profile(tmp_path, with_issued(surname="LINDQVST"))
    status, out = check_json(capsys, path, "--on", "2026-12-02")
    assert status == 1 and out["ready"] is True


# --- flagpole rules ---------------------------------------------------------------------------


def test_rules_json(capsys):
    assert main(["rules", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == RULE_IDS
    for r in rows:
        assert set(r) == {"id", "severity", "stage", "summary", "source"}
        assert r["severity"] in {"error", "warning", "info"}
        assert r["stage"] in {"readiness", "permit_review"}
        assert r["source"] is None or r["source"].startswith("https://")


def test_rules_human(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule_id in RULE_IDS:
        assert rule_id in out
    assert "READINESS" in out and "PERMIT REVIEW" in out
    assert f"{len(RULE_IDS)} rules." in out
    assert "ERROR    eligibility.flagpoling_ended" in out


def test_without_plan_or_on_the_moment_is_now(tmp_path, capsys):
    from freezegun import freeze_time

    path = write_profile(tmp_path, {"plan": DELETE})
    with freeze_time("2026-11-26 12:00:00.123456"):
        _, out = check_json(capsys, path)
    assert out["on"].startswith("2026-11-26T12:00:00")
    assert len(out["on"]) == len("2026-11-26T12:00:00+00:00")


# --- The words per route, and the profile key to change ----------------------------------------

_LETTER_EXPIRED = {"application.poe_letter_valid_until": date(2026, 11, 1)}
_ROUTES = {
    "flagpole": ({}, "Ready to cross: NO", "your crossing is on 2026-12-02"),
    "arrival-by-air": (
        {"plan": {"route": "arrival-by-air", "airport": "yvr", "date": date(2026, 12, 2)}},
        "Ready to fly: NO",
        "your arrival is on 2026-12-02",
    ),
    "by-mail": (
        {"plan": {"route": "by-mail", "date": date(2026, 12, 2)},
         "status": {"current": "iec-work-permit", "valid_until": date(2027, 3, 1)}},
        "Ready to send the request: NO",
        "your request is on 2026-12-02",
    ),
}


@pytest.mark.parametrize("route", list(_ROUTES))
def test_the_ready_line_and_the_expired_letter_speak_of_the_route(tmp_path, capsys, route):
    overrides, ready_line, day = _ROUTES[route]
    path = write_profile(tmp_path, {**_LETTER_EXPIRED, **overrides})
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    assert ready_line in out
    assert [line.split(" (")[0] for line in out.splitlines() if line.startswith("Ready to")] == [ready_line]
    _, data = check_json(capsys, path)
    letter = next(f for f in data["findings"] if f["id"] == "poe_letter.expired")
    assert day in letter["message"] and "crossing" not in letter["message"].replace(day, "")


def test_a_finding_names_the_profile_key_to_change_in_json_and_after_the_words(tmp_path, capsys):
    case = FIRING["crossing.no_pedestrians"]
    path = write_profile(tmp_path, case.overrides)
    _, data = check_json(capsys, path, "--on", case.on.isoformat())
    keys = {f["id"]: f["fix_field"] for f in data["findings"]}
    assert keys["crossing.no_pedestrians"] == "plan.travel"
    assert keys["eligibility.exempt"] is None  # nothing in the profile to change
    main(["check", path, "--on", case.on.isoformat()])
    out = capsys.readouterr().out
    block = re.split(r"\n  (?! )", out[out.index("  crossing.no_pedestrians  "):])[0]
    assert "    Profile key: plan.travel" in block.splitlines()
    assert "plan.travel" not in block.replace("Profile key: plan.travel", "")
