"""The bundled facts themselves (data/*.toml, what the app ships): every fact carries a source URL
and an as-of date, the counts the README states hold, and every crossing the contract
(docs/crossings.md) names is there. The engine tests read the frozen copy in tests/data instead,
so a data edit turns only this suite (and the data's own tests) red."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from tui.core.crossings import load_crossings, load_places
from tui.core.journey import load_journey
from tui.core.policy import load_policy

from .harness import BUNDLED_DATA, CONTRACT_IDS, ROOT

DATA_FILES = sorted(BUNDLED_DATA.glob("*.toml"))


def sourced_tables(node: object, where: str = "") -> list[tuple[str, dict]]:
    """Every table in ``node`` that states a fact's provenance (has ``source`` or ``as_of``),
    with a path like ``crossings[3].port_hours[0]``."""
    found: list[tuple[str, dict]] = []
    if isinstance(node, dict):
        if "source" in node or "as_of" in node:
            found.append((where or "(top)", node))
        for key, value in node.items():
            found += sourced_tables(value, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += sourced_tables(value, f"{where}[{index}]")
    return found


def test_the_bundled_files_are_the_five_the_app_reads():
    assert [p.name for p in DATA_FILES] == [
        "airports.toml", "crossings.toml", "journey.toml", "places.toml", "policy.toml"
    ]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_fact_has_a_source_url_and_an_as_of_date(path: Path):
    with open(path, "rb") as handle:
        tables = sourced_tables(tomllib.load(handle))
    assert len(tables) >= 10, "a data file states its facts with sources"
    problems = []
    for where, table in tables:
        if where == "(top)":  # the file's own review date, no source of its own
            assert isinstance(table.get("as_of"), date)
            continue
        source = table.get("source", table.get("url"))  # a policy route names its page as `url`
        if not re.match(r"https?://\S+$", str(source)):
            problems.append(f"{where}: source {source!r}")
        is_sentence = ".say[" in where  # the app's own words; a backing URL is optional, undated
        if not is_sentence and not isinstance(table.get("as_of"), date):
            problems.append(f"{where}: as_of {table.get('as_of')!r}")
    assert problems == []


def test_the_bundled_files_load():
    assert load_crossings().crossings and load_places() and load_journey().routes
    assert load_policy() is not None


def test_the_readme_count_of_crossings_holds():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"`data/crossings\.toml` \((\d+) crossings", readme)
    assert stated, "the README states how many crossings the data holds"
    assert len(load_crossings().crossings) == int(stated.group(1))


def test_every_contract_crossing_is_bundled():
    data = load_crossings()
    assert [cid for cid in CONTRACT_IDS if cid not in data.crossings] == []


def test_the_frozen_test_data_is_a_full_set():
    """tests/data holds a copy of every bundled file (the engine tests read it)."""
    assert sorted(p.name for p in (ROOT / "tests" / "data").glob("*.toml")) == [p.name for p in DATA_FILES]
