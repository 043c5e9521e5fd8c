"""The crossing finder's filters, as the app and the CLI use them."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui.core.crossings import load_crossings, load_places
from tui.core.errors import FlagpoleError
from tui.core.finder import find_statuses, parse_near, province_code

from .harness import TEST_DATA

TUESDAY_10 = datetime(2025, 3, 4, 10, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("point roberts", "boundary-bay"), ("Peace Arch", "douglas"), ("thousand islands", "lansdowne"),
     ("Champlain", "st-bernard-de-lacolle")],
)
def test_typing_a_common_name_finds_the_crossing(text, expected):
    ids = [s.crossing.id for s in find_statuses(load_crossings(TEST_DATA / "crossings.toml"), TUESDAY_10, text=text)]
    assert ids[0] == expected


def test_text_that_matches_nothing_gives_nothing():
    assert find_statuses(load_crossings(TEST_DATA / "crossings.toml"), TUESDAY_10, text="zzzz") == []


def test_on_foot_leaves_out_documented_refusals_only():
    ids = {s.crossing.id for s in find_statuses(load_crossings(TEST_DATA / "crossings.toml"), TUESDAY_10, foot=True)}
    assert "queenston-lewiston" not in ids
    assert "niagara-falls-rainbow-bridge" in ids
    assert "boundary-bay" in ids  # unknown access stays in


def test_open_only_and_province():
    statuses = find_statuses(load_crossings(TEST_DATA / "crossings.toml"), datetime(2025, 3, 3, 10, 0), province="ON", open_only=True)
    ids = {s.crossing.id for s in statuses}
    assert "fort-erie-peace-bridge" not in ids  # Monday: Niagara bridges are Tue–Thu
    assert "lansdowne" in ids
    assert all(s.crossing.province == "ON" and s.flagpoling for s in statuses)


def test_nearest_first_from_a_place():
    origin = parse_near("Vancouver", load_crossings(TEST_DATA / "crossings.toml"), load_places(TEST_DATA / "places.toml"))
    statuses = find_statuses(load_crossings(TEST_DATA / "crossings.toml"), TUESDAY_10, origin=origin)
    distances = [s.distance_km for s in statuses]
    assert distances == sorted(distances)
    assert statuses[0].crossing.province == "BC"


@pytest.mark.parametrize(("text", "code"), [("bc", "BC"), ("Québec", "QC"), ("ontario", "ON")])
def test_province_by_code_or_name(text, code):
    assert province_code(text) == code


def test_unknown_province_suggests():
    with pytest.raises(FlagpoleError, match="Did you mean: ON"):
        province_code("Ontaro")
