"""The bundled crossings data: the contract ids, the facts check (every fact sourced and dated),
the dated schedules of every restricted port on both sides of each boundary, and the loader's
error messages, search and places."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tui.core.crossings import (
    CrossingFact,
    CrossingsData,
    closest_ids,
    closest_places,
    crossings_path,
    facts,
    find_crossing,
    find_place,
    haversine_km,
    load_crossings,
    load_places,
    normalize,
    search,
    stale_facts,
)
from tui.core.errors import FlagpoleError, InvalidFileError
from tui.core.schedule import dated_schedule, flagpoling_open, port_hours_known, port_open

from .harness import CONTRACT_IDS

ZONES = {
    "BC": {"America/Vancouver"},
    "AB": {"America/Edmonton"},
    "SK": {"America/Regina"},
    "MB": {"America/Winnipeg"},
    "ON": {"America/Toronto"},
    "QC": {"America/Toronto"},
    "NB": {"America/Moncton"},
}


@pytest.fixture(scope="module")
def data() -> CrossingsData:
    return load_crossings()


# --- contract ------------------------------------------------------------------------------------


def test_at_least_30_crossings_and_every_contract_id(data):
    assert len(data.crossings) >= 30
    missing = [cid for cid in CONTRACT_IDS if cid not in data.crossings]
    assert missing == []


@pytest.mark.parametrize("cid", CONTRACT_IDS)
def test_contract_crossing_has_coordinates_and_zone(data, cid):
    c = data.crossings[cid]
    assert 41.5 < c.location.lat < 49.5, "south of 49.5°N and north of Lake Erie"
    assert -124 < c.location.lon < -66
    assert c.timezone in ZONES[c.province]
    assert c.name and c.us_port and len(c.us_state) == 2


def test_the_default_file_is_loaded_once_per_process():
    assert load_crossings() is load_crossings()
    assert load_places() is load_places()


def test_loading_an_explicit_path_reads_it_again():
    first = load_crossings(crossings_path())
    assert first is not load_crossings(crossings_path())
    assert set(first.crossings) == set(load_crossings().crossings)


# --- facts check ---------------------------------------------------------------------------------


def test_every_crossing_has_sourced_dated_hours_and_schedules(data):
    for c in data.crossings.values():
        assert c.port_hours, f"{c.id}: no port hours"
        for row in (*c.port_hours, *c.flagpoling):
            assert row.source.startswith(("https://", "http://")), c.id
            assert date(2010, 1, 1) <= row.as_of <= data.as_of, c.id
        assert c.location.source and c.location.as_of <= data.as_of, c.id
        if c.pedestrians is not None and c.pedestrians.allowed is not None:
            assert c.pedestrians.source and c.pedestrians.as_of, c.id


def test_every_fact_has_a_source_and_an_as_of_date(data):
    listed = list(facts(data))
    assert len(listed) > 3 * len(data.crossings)
    for fact in listed:
        assert fact.source and fact.as_of, fact


@pytest.mark.parametrize(
    "day", [date(2017, 6, 16), date(2017, 12, 11), date(2024, 5, 30), date(2025, 1, 6),
            date(2026, 11, 26)]
)  # fmt: skip
def test_port_hours_are_known_on_the_boundary_dates(data, day):
    unknown = [c.id for c in data.crossings.values() if not port_hours_known(c, day)]
    assert unknown == []


def test_no_schedule_note_is_sourced(data):
    assert "spokesperson" in data.no_schedule_note.lower()
    assert data.no_schedule_note_source.startswith("https://")


def test_documented_pedestrian_refusals(data):
    refusing = {c.id for c in data.crossings.values() if c.pedestrians_allowed is False}
    assert {
        "queenston-lewiston", "windsor-ambassador-bridge", "sarnia-blue-water-bridge", "prescott"
    } <= refusing  # fmt: skip


@pytest.mark.parametrize("at", ["2025-06-02T21:00", "2025-06-03T03:00", "2026-12-06T23:59"])
def test_abbotsford_is_open_at_night_with_the_older_reading_kept_as_a_note(data, at):
    c = data.crossings["abbotsford-huntingdon"]
    assert port_open(c, datetime.fromisoformat(at))  # 24 hours, CBSA as quoted by abbynews.com
    in_force = [row for row in c.port_hours if row.in_force(date.fromisoformat(at[:10]))]
    assert in_force and not any(row.unverified for row in in_force)
    assert all("abbynews.com" in row.source for row in in_force)
    assert any("8:00 PM" in note and "bordercrossinghub" in note for note in c.notes)


def test_woodstock_is_named_as_cbsa_names_it_and_found_by_its_old_name(data):
    c = data.crossings["woodstock"]
    assert c.name == "Woodstock Road"
    assert search(data, "Woodstock")[0].id == "woodstock"
    assert find_crossing(data, "woodstock road").id == "woodstock"


def test_windsor_tunnel_24_hours_is_sourced(data):
    c = data.crossings["windsor-tunnel"]
    assert port_open(c, datetime(2026, 3, 4, 3, 0))
    assert all(not row.unverified and "ezbordercrossing.com" in row.source for row in c.port_hours)


def test_rechecked_coordinates_stay_approximate_and_say_so(data):
    for cid in ("woodstock", "cornwall", "nelway"):
        c = data.crossings[cid]
        assert c.location.approximate
        assert any("Re-checked 2026-11-26" in note for note in c.notes), cid
    assert any("Water Street" in note for note in data.crossings["cornwall"].notes)
    assert any("16:00" in note for note in data.crossings["nelway"].notes)


def test_stale_facts_are_older_than_the_cutoff(data):
    today = date(2026, 11, 26)
    old = stale_facts(data, today, 365)
    assert old, "the 2024 schedules are more than a year old on 2026-11-26"
    assert all(f.as_of < today - timedelta(days=365) for f in old)
    assert [f.as_of for f in old] == sorted(f.as_of for f in old)
    assert stale_facts(data, today, 100_000) == []
    ids = {(f.crossing_id, f.fact) for f in old}
    assert ("fort-erie-peace-bridge", "flagpoling[1]") in ids


# --- restricted ports on both sides of every boundary -------------------------------------------

NIAGARA = ("fort-erie-peace-bridge", "niagara-falls-rainbow-bridge", "queenston-lewiston")
QC_2017 = ("st-bernard-de-lacolle", "st-armand-philipsburg")
PACIFIC = ("abbotsford-huntingdon", "aldergrove", "douglas", "pacific-highway")
ALL_PACIFIC = (*PACIFIC, "boundary-bay")

# (crossings, crossing-local moment, flagpoling open?)
FLAGPOLING_TABLE = [
    # Niagara bridges: 2017-06-16 (a Friday) starts Tue–Thu only.
    (NIAGARA, "2017-06-09T10:00", True),  # Friday before: whenever the port is open
    (NIAGARA, "2017-06-15T23:00", True),  # Thursday night before
    (NIAGARA, "2017-06-16T00:00", False),  # first minute of the pilot, a Friday
    (NIAGARA, "2017-06-16T10:00", False),
    (NIAGARA, "2017-06-19T10:00", False),  # Monday
    (NIAGARA, "2017-06-20T03:00", True),  # Tuesday, any hour
    (NIAGARA, "2017-12-11T10:00", False),  # Monday: the Quebec date changes nothing here
    # 2024-05-30 (a Thursday): Tue–Thu 08:00–24:00.
    (NIAGARA, "2024-05-28T03:00", True),  # Tuesday, old rule: any hour
    (NIAGARA, "2024-05-29T23:30", True),
    (NIAGARA, "2024-05-30T03:00", False),
    (NIAGARA, "2024-05-30T07:59", False),
    (NIAGARA, "2024-05-30T08:00", True),
    (NIAGARA, "2024-05-30T23:59", True),
    (NIAGARA, "2024-05-31T00:00", False),  # Friday
    (NIAGARA, "2024-06-03T10:00", False),  # Monday
    (NIAGARA, "2024-06-04T08:00", True),  # Tuesday
    (NIAGARA, "2025-01-05T10:00", False),  # Sunday: 2025-01-06 changes nothing here
    (NIAGARA, "2025-01-07T10:00", True),
    (NIAGARA, "2025-03-03T10:00", False),  # Monday
    (NIAGARA, "2025-03-04T10:00", True),  # Tuesday
    # Lacolle and St-Armand: 2017-12-11 (a Monday): Mon–Thu 12:00–19:00, Sat 09:00–17:00.
    (QC_2017, "2017-12-08T10:00", True),  # Friday before: whenever the port is open
    (QC_2017, "2017-12-10T10:00", True),  # Sunday before
    (QC_2017, "2017-12-11T11:59", False),
    (QC_2017, "2017-12-11T12:00", True),
    (QC_2017, "2017-12-11T18:59", True),
    (QC_2017, "2017-12-11T19:00", False),
    (QC_2017, "2017-12-15T12:00", False),  # Friday
    (QC_2017, "2017-12-16T08:59", False),  # Saturday
    (QC_2017, "2017-12-16T09:00", True),
    (QC_2017, "2017-12-16T16:59", True),
    (QC_2017, "2017-12-16T17:00", False),
    (QC_2017, "2017-12-17T12:00", False),  # Sunday
    (QC_2017, "2017-06-16T10:00", True),  # the Niagara date changes nothing here
    # 2024-05-30: Saturday dropped; St-Armand becomes 09:00–15:00, Lacolle stays 12:00–19:00.
    (QC_2017, "2024-05-25T10:00", True),  # last Saturday under the old schedule
    (QC_2017, "2024-06-01T10:00", False),  # first Saturday under the new one
    (("st-bernard-de-lacolle",), "2024-05-30T11:59", False),
    (("st-bernard-de-lacolle",), "2024-05-30T12:00", True),
    (("st-bernard-de-lacolle",), "2024-05-30T18:59", True),
    (("st-bernard-de-lacolle",), "2024-05-30T19:00", False),
    (("st-armand-philipsburg",), "2024-05-29T10:00", False),  # old: from 12:00
    (("st-armand-philipsburg",), "2024-05-29T12:00", True),
    (("st-armand-philipsburg",), "2024-05-29T16:00", True),  # old: until 19:00
    (("st-armand-philipsburg",), "2024-05-30T08:59", False),
    (("st-armand-philipsburg",), "2024-05-30T09:00", True),
    (("st-armand-philipsburg",), "2024-05-30T14:59", True),
    (("st-armand-philipsburg",), "2024-05-30T15:00", False),
    (("st-armand-philipsburg",), "2024-05-30T16:00", False),
    (QC_2017, "2025-01-05T12:00", False),  # Sunday; 2025-01-06 changes nothing here
    (("st-bernard-de-lacolle",), "2025-01-06T12:00", True),
    (("st-armand-philipsburg",), "2025-01-06T09:00", True),
    # Armstrong Mon–Thu 12:00–19:00 and Stanstead Route 55 Mon–Thu 08:00–17:00 from 2024-05-30.
    (("armstrong", "stanstead-route-55"), "2017-06-16T10:00", True),
    (("armstrong", "stanstead-route-55"), "2017-12-15T12:00", True),  # not in the 2017 schedule
    (("armstrong", "stanstead-route-55"), "2024-05-25T10:00", True),  # Saturday before
    (("armstrong", "stanstead-route-55"), "2024-05-29T20:00", True),  # no schedule yet
    (("armstrong",), "2024-05-30T11:59", False),
    (("armstrong",), "2024-05-30T12:00", True),
    (("armstrong",), "2024-05-30T18:59", True),
    (("armstrong",), "2024-05-30T19:00", False),
    (("stanstead-route-55",), "2024-05-30T07:59", False),
    (("stanstead-route-55",), "2024-05-30T08:00", True),
    (("stanstead-route-55",), "2024-05-30T16:59", True),
    (("stanstead-route-55",), "2024-05-30T17:00", False),
    (("armstrong", "stanstead-route-55"), "2024-05-31T12:00", False),  # Friday
    (("armstrong", "stanstead-route-55"), "2024-06-01T12:00", False),  # Saturday
    (("armstrong", "stanstead-route-55"), "2025-01-05T12:00", False),  # Sunday
    (("armstrong", "stanstead-route-55"), "2025-01-06T12:00", True),  # Monday
    # Pacific: Mon–Thu 10:00–16:00, Boundary Bay 10:00–14:00 from 2024-05-30.
    (ALL_PACIFIC, "2017-06-16T12:00", True),
    (ALL_PACIFIC, "2017-12-11T12:00", True),
    (ALL_PACIFIC, "2024-05-29T09:00", True),  # Wednesday before: whenever the port is open
    (ALL_PACIFIC, "2024-05-25T12:00", True),  # Saturday before
    (ALL_PACIFIC, "2024-05-30T09:59", False),
    (ALL_PACIFIC, "2024-05-30T10:00", True),
    (ALL_PACIFIC, "2024-05-30T13:59", True),
    (("boundary-bay",), "2024-05-30T14:00", False),
    (PACIFIC, "2024-05-30T14:00", True),
    (PACIFIC, "2024-05-30T15:59", True),
    (ALL_PACIFIC, "2024-05-30T16:00", False),
    (ALL_PACIFIC, "2024-05-31T12:00", False),  # Friday
    (ALL_PACIFIC, "2024-06-01T12:00", False),  # Saturday
    (ALL_PACIFIC, "2024-06-02T12:00", False),  # Sunday
    (ALL_PACIFIC, "2024-06-03T12:00", True),  # Monday
    (ALL_PACIFIC, "2025-01-05T12:00", False),  # Sunday
    (ALL_PACIFIC, "2025-01-06T12:00", True),  # Monday
    # Ports closed at night cut flagpoling before a schedule existed.
    (("aldergrove",), "2024-05-29T07:59", False),
    (("aldergrove",), "2024-05-29T08:00", True),
    (("abbotsford-huntingdon", "douglas", "pacific-highway", "boundary-bay"), "2024-05-29T21:00", True),
    # Lacolle 221/223 have no schedule: flagpoling follows the new port hours.
    (("lacolle-route-221", "lacolle-route-223"), "2025-01-05T23:00", True),
    (("lacolle-route-221", "lacolle-route-223"), "2025-01-06T23:00", False),
]


@pytest.mark.parametrize(
    ("ids", "at", "expected"),
    [(ids, at, expected) for ids, at, expected in FLAGPOLING_TABLE],
    ids=[f"{'+'.join(i[:1])}{'…' if len(i) > 1 else ''}@{at}" for i, at, _ in FLAGPOLING_TABLE],
)
def test_restricted_port_schedules(data, ids, at, expected):
    moment = datetime.fromisoformat(at)
    got = {cid: flagpoling_open(data.crossings[cid], moment) for cid in ids}
    assert got == {cid: expected for cid in ids}


# (crossing, crossing-local moment, port open?)
PORT_TABLE = [
    ("lacolle-route-221", "2025-01-05T23:00", True),  # before 2025-01-06
    ("lacolle-route-221", "2025-01-06T05:59", False),
    ("lacolle-route-221", "2025-01-06T06:00", True),
    ("lacolle-route-221", "2025-01-06T21:59", True),
    ("lacolle-route-221", "2025-01-06T22:00", False),
    ("lacolle-route-221", "2025-01-07T03:00", False),
    ("lacolle-route-223", "2025-01-05T23:00", True),
    ("lacolle-route-223", "2025-01-06T07:59", False),
    ("lacolle-route-223", "2025-01-06T08:00", True),
    ("lacolle-route-223", "2025-01-06T19:59", True),
    ("lacolle-route-223", "2025-01-06T20:00", False),
    ("st-bernard-de-lacolle", "2025-01-06T03:00", True),  # A-15 is not on the 2025 list
    ("aldergrove", "2025-01-06T07:59", False),
    ("aldergrove", "2025-01-06T08:00", True),
    ("aldergrove", "2025-01-06T23:59", True),
    ("aldergrove", "2025-01-07T00:00", False),
    ("fort-erie-peace-bridge", "2025-03-03T03:00", True),
    ("douglas", "2025-03-09T02:30", True),  # spring-forward night, 24 h port
]


@pytest.mark.parametrize(("cid", "at", "expected"), PORT_TABLE)
def test_port_hours(data, cid, at, expected):
    assert port_open(data.crossings[cid], datetime.fromisoformat(at)) is expected


def test_restricted_ports_have_dated_schedules_and_others_do_not(data):
    restricted = {*NIAGARA, *QC_2017, *ALL_PACIFIC, "armstrong", "stanstead-route-55"}
    assert len(restricted) == 12
    day = date(2024, 6, 4)
    with_schedule = {c.id for c in data.crossings.values() if dated_schedule(c, day)}
    assert with_schedule == restricted


# --- loader errors -------------------------------------------------------------------------------

GOOD = """\
schema = 1
as_of = 2026-11-26
no_schedule_note = "Sources disagree."
no_schedule_note_source = "https://example.org/note"

[[crossings]]
id = "test-port"
name = "Test Port"
province = "ON"
us_port = "Testville"
us_state = "NY"
aliases = ["Testbridge"]
timezone = "America/Toronto"

[crossings.location]
lat = 45.0
lon = -75.0
source = "https://example.org/where"
as_of = 2025-01-01

[[crossings.port_hours]]
start = "00:00"
end = "24:00"
source = "https://example.org/hours"
as_of = 2025-01-01

[[crossings.flagpoling]]
from = 2024-05-30
days = ["tue", "wed", "thu"]
start = "08:00"
end = "24:00"
source = "https://example.org/flag"
as_of = 2024-06-08
"""


def write(tmp_path, text: str):
    path = tmp_path / "crossings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_valid_file_loads(tmp_path):
    data = load_crossings(write(tmp_path, GOOD))
    c = data.crossings["test-port"]
    assert c.flagpoling[0].from_ == date(2024, 5, 30)
    assert c.flagpoling[0].end_minute == 1440
    assert c.port_hours[0].days == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert c.pedestrians_allowed is None
    assert flagpoling_open(c, datetime(2025, 3, 4, 23, 59))


@pytest.mark.parametrize(
    ("old", "new", "where", "reason"),
    [
        ('end = "24:00"\nsource = "https://example.org/flag"',
         'end = "25:00"\nsource = "https://example.org/flag"',
         "crossings[test-port].flagpoling[0].end", "00:00 to 24:00"),
        ('start = "08:00"', 'start = "8am"', "crossings[test-port].flagpoling[0].start", "08:00"),
        ('start = "08:00"', 'start = "24:00"', "crossings[test-port].flagpoling[0]", "after"),
        ('days = ["tue", "wed", "thu"]', 'days = ["tue", "wednesday"]',
         "crossings[test-port].flagpoling[0].days", "not a day"),
        ('timezone = "America/Toronto"', 'timezone = "America/Nowhere"',
         "crossings[test-port].timezone", "time zone"),
        ('province = "ON"', 'province = "Ontario"', "crossings[test-port].province", "province"),
        ("lat = 45.0", "latitude = 45.0", "crossings[test-port].location.latitude", "unknown key"),
        ('source = "https://example.org/where"\n', "",
         "crossings[test-port].location.source", "required"),
        ('source = "https://example.org/hours"', 'source = "a book"',
         "crossings[test-port].port_hours[0].source", "URL"),
        ("from = 2024-05-30", "from = 2024-05-30\nuntil = 2024-05-01",
         "crossings[test-port].flagpoling[0]", "after"),
        ('id = "test-port"', 'id = "Test Port"', "crossings[Test Port].id", "slug"),
        ("schema = 1", "schema = 2", "schema", "1"),
    ],
)  # fmt: skip
def test_a_bad_file_names_the_file_the_crossing_and_the_field(tmp_path, old, new, where, reason):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(InvalidFileError) as caught:
        load_crossings(path)
    err = caught.value
    assert err.kind == "crossings data"
    message = str(err)
    assert str(path) in message and "not a valid crossings data" in message
    matching = [p for p in err.problems if p.where == where]
    assert matching, f"no problem at {where}: {err.problems}"
    assert reason.lower() in matching[0].reason.lower()


def test_duplicate_ids_and_every_problem_are_reported(tmp_path):
    second = GOOD[GOOD.index("[[crossings]]") :].replace('lat = 45.0', 'lat = 95.0')
    path = write(tmp_path, GOOD + "\n" + second)
    with pytest.raises(InvalidFileError) as caught:
        load_crossings(path)
    wheres = [p.where for p in caught.value.problems]
    assert "crossings[test-port].location.lat" in wheres


def test_a_duplicate_id_is_an_error(tmp_path):
    second = GOOD[GOOD.index("[[crossings]]") :]
    with pytest.raises(InvalidFileError) as caught:
        load_crossings(write(tmp_path, GOOD + "\n" + second))
    assert [(p.where, p.reason) for p in caught.value.problems] == [
        ("crossings[test-port].id", "duplicate id")
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("schema = 1\nas_of = 2026-11-26\n[[crossings]\n", "TOML syntax"),
        ('schema = 1\nas_of = 2026-11-26\nno_schedule_note = "x"\n', "crossings"),
    ],
)
def test_unreadable_or_empty_files(tmp_path, text, where):
    with pytest.raises(InvalidFileError) as caught:
        load_crossings(write(tmp_path, text))
    assert caught.value.problems[0].where == where


def test_a_missing_file_is_an_invalid_file_error(tmp_path):
    with pytest.raises(InvalidFileError, match="no such file"):
        load_crossings(tmp_path / "absent.toml")


# --- search --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("boundary-bay", "boundary-bay"),
        ("Point Roberts", "boundary-bay"),
        ("point roberts", "boundary-bay"),
        ("Peace Arch", "douglas"),
        ("Thousand Islands", "lansdowne"),
        ("Rainbow", "niagara-falls-rainbow-bridge"),
        ("Saint-Bernard-de-Lacolle", "st-bernard-de-lacolle"),
        ("st bernard", "st-bernard-de-lacolle"),
        ("SAINT-ARMAND", "st-armand-philipsburg"),
        ("Philipsburg", "st-armand-philipsburg"),
        ("Sault Ste Marie", "sault-ste-marie"),
        ("Jackman", "armstrong"),
        ("Détroit tunnel", "windsor-tunnel"),
        ("Blue Water", "sarnia-blue-water-bridge"),
        ("Calais", "st-stephen-ferry-point"),
    ],
)
def test_search_finds_common_names(data, text, first):
    assert search(data, text)[0].id == first


def test_search_is_empty_for_nonsense_and_everything_for_nothing(data):
    assert search(data, "zzzz qqqq") == []
    assert len(search(data, "")) == len(data.crossings)


def test_normalize_folds_case_accents_and_saint():
    assert normalize("Saint-Armand/Philipsburg") == "st armand philipsburg"
    assert normalize("  MONTRÉAL ") == "montreal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("fort-erie", "fort-erie-peace-bridge"), ("dougals", "douglas"), ("armstong", "armstrong")],
)
def test_closest_ids(data, text, expected):
    assert expected in closest_ids(text, data)


def test_find_crossing(data):
    assert find_crossing(data, "douglas").id == "douglas"
    assert find_crossing(data, "Point Roberts").id == "boundary-bay"
    with pytest.raises(FlagpoleError, match="unknown crossing 'armstong'.*armstrong"):
        find_crossing(data, "armstong")


# --- places and distance -------------------------------------------------------------------------


def test_places_include_the_big_cities():
    places = load_places()
    names = {p.name for p in places}
    for city in ("Vancouver", "Victoria", "Toronto", "Ottawa", "Kingston", "Niagara Falls",
                 "Calgary", "Winnipeg", "Halifax"):  # fmt: skip
        assert city in names
    assert len(places) >= 20


@pytest.mark.parametrize(
    ("text", "name"),
    [("Vancouver", "Vancouver"), ("montreal", "Montréal"), ("MONTRÉAL", "Montréal"),
     ("niagara falls", "Niagara Falls")],
)  # fmt: skip
def test_find_place(text, name):
    assert find_place(load_places(), text).name == name


def test_unknown_place_has_close_suggestions():
    places = load_places()
    assert find_place(places, "Vancovuer") is None
    assert closest_places(places, "Vancovuer")[0] == "Vancouver"


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((49.2827, -123.1207), (43.6532, -79.3832), 3357),  # Vancouver–Toronto
        ((45.0, -75.0), (45.0, -75.0), 0),
        ((0.0, 0.0), (0.0, 1.0), 111.2),
    ],
)
def test_haversine_km(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=max(1.0, km * 0.005))


def test_fact_rows_name_the_crossing_and_fact(data):
    fact = next(f for f in facts(data) if f.crossing_id == "douglas" and f.fact == "flagpoling[0]")
    assert isinstance(fact, CrossingFact)
    assert fact.description == "Mon–Thu 10:00–16:00, from 2024-05-30"

