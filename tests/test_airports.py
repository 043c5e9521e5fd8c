"""The bundled airports data, its loader and search, and ``flagpole airports``."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

import tui.core.airports as airports_module
from tui.cli import main
from tui.core.airports import find_airport, load_airports, search
from tui.core.errors import FlagpoleError, InvalidFileError

CONTRACT = {
    "yvr": "America/Vancouver",
    "yyj": "America/Vancouver",
    "ylw": "America/Vancouver",
    "yyc": "America/Edmonton",
    "yeg": "America/Edmonton",
    "ywg": "America/Winnipeg",
    "yyz": "America/Toronto",
    "yow": "America/Toronto",
    "yul": "America/Toronto",
    "yqb": "America/Toronto",
    "yhz": "America/Halifax",
}


@pytest.fixture(scope="module")
def data():
    return load_airports()


@pytest.mark.parametrize(("aid", "zone"), CONTRACT.items())
def test_contract_airport_has_its_zone_and_coordinates_in_canada(data, aid, zone):
    airport = data.get(aid)
    assert airport is not None, f"{aid} missing from data/airports.toml"
    assert airport.time_zone == zone
    assert airport.zone == ZoneInfo(zone)
    assert 41 < airport.location.lat < 84 and -142 < airport.location.lon < -52
    assert airport.code == aid.upper() and airport.code in airport.aliases


def test_the_zone_gives_local_time_at_the_airport(data):
    landing = datetime(2026, 7, 1, 18, 0, tzinfo=ZoneInfo("UTC"))
    assert landing.astimezone(data.get("yvr").zone).hour == 11  # PDT
    assert landing.astimezone(data.get("yhz").zone).hour == 15  # ADT


def test_every_fact_is_sourced_and_dated(data):
    for airport in data.airports.values():
        rows = airport.sources()
        assert {"airport", "location"} <= {r["fact"] for r in rows}
        for row in rows:
            assert row["source"].startswith(("https://", "http://")), (airport.id, row)
            assert row["as_of"] <= "2026-11-26", (airport.id, row)


def test_general_advice_is_marked_unverified_for_each_airport(data):
    for airport in data.airports.values():
        arrivals = airport.cbsa_office.arrivals
        if arrivals is not None and "most Canadian airports" in arrivals.description:
            assert arrivals.unverified, airport.id


def test_no_landside_office_is_invented(data):
    # No stored source places a landside CBSA office at any of these airports yet.
    assert all(a.cbsa_office.landside is None for a in data.airports.values())


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("montreal", "yul"),
        ("Montréal", "yul"),
        ("YVR", "yvr"),
        ("yvr", "yvr"),
        ("pearson", "yyz"),
        ("Dorval", "yul"),
        ("trudeau", "yul"),
        ("quebec", "yqb"),
        ("Stanfield", "yhz"),
        ("calgary", "yyc"),
    ],
)
def test_search_by_code_city_name_or_alias(data, text, first):
    assert search(data, text)[0].id == first


def test_montreal_finds_only_trudeau(data):
    assert [a.id for a in search(data, "montreal")] == ["yul"]


def test_search_is_empty_for_nonsense_and_everything_for_nothing(data):
    assert search(data, "zzzz") == []
    assert len(search(data, "")) == len(data.airports)


def test_find_airport_by_code_or_name_and_an_unknown_one(data):
    assert find_airport(data, "YYZ").id == "yyz"
    assert find_airport(data, "Halifax").id == "yhz"
    with pytest.raises(FlagpoleError, match="unknown airport 'Gander'"):
        find_airport(data, "Gander")


def test_the_default_file_is_loaded_once_per_process():
    assert load_airports() is load_airports()


# --- the loader's errors -------------------------------------------------------------------------

GOOD = """schema = 1
as_of = 2026-11-26

[[airports]]
id = "yvr"
name = "Vancouver International Airport"
city = "Vancouver"
province = "BC"
time_zone = "America/Vancouver"
source = "https://example.org/yvr"
as_of = 2026-11-26

[airports.location]
lat = 49.19472
lon = -123.18389
source = "https://example.org/yvr"
as_of = 2026-11-26
"""


def test_a_small_valid_file_loads(tmp_path):
    path = tmp_path / "airports.toml"
    path.write_text(GOOD, encoding="utf-8")
    data = load_airports(path)
    assert list(data.airports) == ["yvr"]
    assert data.get("YVR").cbsa_office.arrivals is None  # unknown, not invented


@pytest.mark.parametrize(
    ("old", "new", "where", "reason"),
    [
        ('time_zone = "America/Vancouver"', 'time_zone = "Pacific"', "airports[yvr].time_zone",
         "not a known IANA time zone"),
        ("lon = -123.18389", "lon = 123.18389", "airports[yvr].location.lon", "less than or equal"),
        ('province = "BC"', 'province = "XX"', "airports[yvr].province", "province code"),
        ('id = "yvr"', 'id = "YVR"', "airports[YVR].id", "lower case"),
        ('source = "https://example.org/yvr"\nas_of = 2026-11-26\n\n',
         'source = "example.org"\nas_of = 2026-11-26\n\n', "airports[yvr].source", "URL"),
        ('city = "Vancouver"', 'city = "Vancouver"\ncity_name = "x"', "airports[yvr].city_name",
         "unknown key"),
    ],
)  # fmt: skip
def test_a_bad_file_names_the_file_the_airport_and_the_field(tmp_path, old, new, where, reason):
    path = tmp_path / "airports.toml"
    assert old in GOOD
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InvalidFileError) as info:
        load_airports(path)
    message = str(info.value)
    assert str(path) in message and "not a valid airports data" in message
    assert any(p.where == where and reason in p.reason for p in info.value.problems), message


# --- the command ---------------------------------------------------------------------------------


def run_json(capsys, *args: str) -> list[dict]:
    status = main(["airports", "--json", *args])
    out = capsys.readouterr().out
    assert status == 0
    return json.loads(out)


def test_json_lists_the_contract_ids_with_time_zones(capsys):
    rows = {r["id"]: r for r in run_json(capsys)}
    assert {aid: rows[aid]["time_zone"] for aid in CONTRACT} == CONTRACT
    for row in rows.values():
        assert {"id", "name", "city", "province", "time_zone", "lat", "lon", "cbsa_office",
                "sources"} <= row.keys()  # fmt: skip
        assert set(row["cbsa_office"]) == {"arrivals", "landside"}
        assert row["sources"]


def test_find_filters_the_list(capsys):
    assert [r["id"] for r in run_json(capsys, "--find", "montreal")] == ["yul"]
    assert run_json(capsys, "--find", "zzzz") == []


def test_the_table_says_unknown_for_an_unsourced_office(capsys):
    assert main(["airports", "--find", "YUL"]) == 0
    out = capsys.readouterr().out
    assert "YUL" in out and "America/Toronto" in out
    assert "CBSA landside office: unknown" in out
    assert "(unverified)" in out


def test_bad_toml_exits_2_naming_the_line(capsys, tmp_path, monkeypatch):
    bad = tmp_path / "airports.toml"
    bad.write_text(GOOD.replace('city = "Vancouver"', 'city = "Vancouver'), encoding="utf-8")
    monkeypatch.setattr(airports_module, "airports_path", lambda: bad)
    airports_module.clear_cache()
    try:
        status = main(["airports"])
    finally:
        monkeypatch.undo()
        airports_module.clear_cache()
    err = capsys.readouterr().err
    assert status == 2
    assert str(bad) in err and "line 7" in err
    assert "Traceback" not in err
