"""``flagpole crossings``: in-process through tui.cli.main, with freezegun for "now"."""

from __future__ import annotations

import json
import os
import time

import pytest
from freezegun import freeze_time

from tui.cli import main

from .harness import CONTRACT_IDS

REQUIRED_KEYS = {
    "id", "name", "province", "us_port", "timezone", "lat", "lon", "pedestrians", "port_open",
    "flagpoling", "next_flagpoling", "distance_km", "sources",
}  # fmt: skip


@pytest.fixture(autouse=True)
def utc_system_zone():
    """The system zone is UTC for these tests, so frozen times mean the same instant anywhere."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def run_json(capsys, *args: str) -> list[dict]:
    status = main(["crossings", "--json", *args])
    out = capsys.readouterr().out
    assert status == 0
    return json.loads(out)


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def test_json_lists_every_contract_id_with_coordinates_and_zone(capsys):
    rows = run_json(capsys, "--at", "2025-03-04T10:00")
    assert set(CONTRACT_IDS) <= set(by_id(rows))
    for row in rows:
        assert REQUIRED_KEYS <= set(row)
        assert isinstance(row["lat"], float) and isinstance(row["lon"], float)
        assert row["timezone"].startswith("America/")
        assert row["distance_km"] is None
        assert row["sources"] and all(s["url"] and s["as_of"] for s in row["sources"])


@pytest.mark.parametrize(
    ("at", "flagpoling", "next_flagpoling"),
    [
        ("2025-03-03T10:00", False, "2025-03-04T08:00-05:00"),  # Monday
        ("2025-03-04T10:00", True, "2025-03-05T08:00-05:00"),  # Tuesday: next new window
    ],
)
def test_fort_erie_on_monday_and_tuesday(capsys, at, flagpoling, next_flagpoling):
    row = by_id(run_json(capsys, "--at", at))["fort-erie-peace-bridge"]
    assert row["port_open"] is True
    assert row["flagpoling"] is flagpoling
    assert row["next_flagpoling"] == next_flagpoling
    assert row["at"] == at + "-05:00"


def test_human_table_shows_fort_erie_without_then_with_flagpoling(capsys):
    assert main(["crossings", "--at", "2025-03-03T10:00"]) == 0
    monday = capsys.readouterr().out
    assert main(["crossings", "--at", "2025-03-04T10:00"]) == 0
    tuesday = capsys.readouterr().out
    line = lambda out: next(x for x in out.splitlines() if x.startswith("Fort Erie"))  # noqa: E731
    assert "  no  " in line(monday) and "Tue 2025-03-04 08:00 EST" in line(monday)
    assert "exempt travellers only, until 24:00 EST" in line(tuesday)  # after the 2024 ban
    assert "Crossing" in monday.splitlines()[1] and "Next window" in monday.splitlines()[1]


def test_an_aware_at_is_one_instant_for_every_crossing(capsys):
    # 15:00 UTC: 10:00 in Ontario (Tuesday window open), 07:00 in BC (10:00 window not yet).
    rows = by_id(run_json(capsys, "--at", "2025-03-04T15:00+00:00"))
    assert rows["fort-erie-peace-bridge"]["flagpoling"] is True
    assert rows["boundary-bay"]["flagpoling"] is False
    assert rows["boundary-bay"]["next_flagpoling"] == "2025-03-04T10:00-08:00"
    assert rows["boundary-bay"]["at"] == "2025-03-04T07:00-08:00"


@pytest.mark.parametrize(
    ("frozen", "fort_erie"),
    [("2025-03-03T15:00:00", False), ("2025-03-04T15:00:00", True)],
)
def test_default_moment_is_now(capsys, frozen, fort_erie):
    with freeze_time(frozen):
        rows = by_id(run_json(capsys))
    assert rows["fort-erie-peace-bridge"]["flagpoling"] is fort_erie
    assert rows["fort-erie-peace-bridge"]["at"] == frozen[:11] + "10:00-05:00"


def test_near_a_point_sorts_nearest_first(capsys):
    rows = run_json(capsys, "--near", "49.05,-123.0", "--at", "2025-03-04T10:00")
    assert "boundary-bay" in [r["id"] for r in rows[:3]]
    distances = [r["distance_km"] for r in rows]
    assert distances == sorted(distances)
    assert 0 < distances[0] < 20


@pytest.mark.parametrize(
    ("place", "nearest"),
    [("Toronto", {"niagara-falls-rainbow-bridge", "queenston-lewiston", "fort-erie-peace-bridge"}),
     ("montreal", {"st-bernard-de-lacolle", "lacolle-route-221", "lacolle-route-223"}),
     ("Vancouver", {"boundary-bay", "douglas", "pacific-highway"})],
)  # fmt: skip
def test_near_a_place(capsys, place, nearest):
    rows = run_json(capsys, "--near", place, "--at", "2025-03-04T10:00")
    assert rows[0]["id"] in nearest


def test_near_prints_distances_in_the_table(capsys):
    assert main(["crossings", "--near", "Vancouver", "--at", "2025-03-04T10:00"]) == 0
    out = capsys.readouterr().out
    assert "Distances from Vancouver, BC." in out
    assert " km" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--near", "Vancovuer"], "Did you mean: Vancouver"),
        (["--near", "91,0"], "latitude"),
        (["--province", "XX"], "unknown province"),
        (["--province", "Ontrio"], "Did you mean: ON"),
        (["--at", "tuesday"], "--at"),
        (["--at", "2025-02-30T10:00"], "--at"),
        (["--stale", "-1"], "--stale"),
    ],
)
def test_bad_values_exit_2_with_a_message(capsys, args, message):
    assert main(["crossings", *args]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(("province", "count_at_least"), [("qc", 6), ("Quebec", 6), ("BC", 6)])
def test_province_filter(capsys, province, count_at_least):
    rows = run_json(capsys, "--province", province, "--at", "2025-03-04T10:00")
    code = "QC" if province.lower().startswith("q") else "BC"
    assert len(rows) >= count_at_least
    assert {r["province"] for r in rows} == {code}


def test_foot_leaves_out_documented_refusals_only(capsys):
    all_rows = by_id(run_json(capsys, "--at", "2025-03-04T10:00"))
    foot = by_id(run_json(capsys, "--foot", "--at", "2025-03-04T10:00"))
    refused = {cid for cid, r in all_rows.items() if r["pedestrians"] is False}
    assert {"queenston-lewiston", "prescott", "windsor-ambassador-bridge"} <= refused
    assert set(foot) == set(all_rows) - refused
    assert any(r["pedestrians"] is None for r in foot.values())  # unknown stays in


def test_open_only(capsys):
    rows = run_json(capsys, "--open-only", "--at", "2025-03-03T10:00")
    ids = {r["id"] for r in rows}
    assert rows and all(r["flagpoling"] for r in rows)
    assert "fort-erie-peace-bridge" not in ids and "boundary-bay" in ids


def test_open_only_on_a_sunday_night_with_no_match_is_not_an_error(capsys):
    assert main(["crossings", "--open-only", "--province", "BC", "--at",
                 "2025-03-02T03:00", "--near", "Kelowna"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Distances from Kelowna" in out


def test_ports_without_a_schedule_carry_the_disagreement_note(capsys):
    rows = by_id(run_json(capsys, "--at", "2025-03-04T10:00"))
    assert rows["osoyoos"]["dated_schedule"] is False
    assert any("spokesperson" in n for n in rows["osoyoos"]["notes"])
    assert any(s["fact"] == "no_schedule_note" for s in rows["osoyoos"]["sources"])
    assert not any("spokesperson" in n for n in rows["douglas"]["notes"])


def test_unverified_port_hours_are_flagged(capsys):
    rows = by_id(run_json(capsys, "--at", "2025-03-04T10:00"))
    assert rows["cornwall"]["unverified"] is True  # 24/7 from a second-hand source
    assert rows["abbotsford-huntingdon"]["unverified"] is False  # 24 h, CBSA quoted


@freeze_time("2026-11-26T12:00:00")
def test_stale_lists_old_facts(capsys):
    rows = run_json(capsys, "--stale", "365")
    assert rows
    assert {"id", "fact", "as_of", "source"} <= set(rows[0])
    assert all(r["as_of"] < "2025-11-26" for r in rows)
    assert any(r["id"] == "fort-erie-peace-bridge" and r["fact"].startswith("flagpoling")
               for r in rows)  # fmt: skip


@freeze_time("2026-11-26T12:00:00")
def test_stale_human_output(capsys):
    assert main(["crossings", "--stale", "365", "--province", "ON"]) == 0
    out = capsys.readouterr().out
    assert "more than 365 days before 2026-11-26" in out
    assert "fort-erie-peace-bridge" in out and "douglas" not in out
    assert main(["crossings", "--stale", "100000"]) == 0
    assert "No fact is older than 100000 days" in capsys.readouterr().out
