"""The journey data is validated once per content: read back warm (without pydantic) it gives the
same stages, routes and texts as validated; a changed byte is validated again; the switch turns
the cache off."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tui.core import journey
from tui.core.journey import PROGRAMS, journey_path, load_journey
from tui.core.journey_model import JourneyData
from tui.core.situation import KNOWN_TAGS
from tui.core.validated_cache import Light

SITUATIONS = [frozenset(), *(frozenset({tag}) for tag in sorted(KNOWN_TAGS)), frozenset(KNOWN_TAGS)]
"""No tag, each tag alone, and every tag at once."""


@pytest.fixture(autouse=True)
def cache_on(monkeypatch, tmp_path):
    """These tests are about the cache: on (even in the suite's run with FLAGPOLE_NO_CACHE=1),
    in a folder of their own, and no journey data remembered from another test."""
    monkeypatch.delenv("FLAGPOLE_NO_CACHE", raising=False)
    monkeypatch.setenv("FLAGPOLE_CACHE", str(tmp_path / "cache"))
    journey.clear_cache()
    yield
    journey.clear_cache()


def _fresh(path: Path | None = None) -> Any:
    """``load_journey`` as a new process would run it (nothing remembered in memory)."""
    journey.clear_cache()
    return load_journey(path)


def _fields(value: Any) -> Any:
    """Every field of the data, recursively (a model's or a read-back object's attributes)."""
    if isinstance(value, tuple | list):
        return [_fields(v) for v in value]
    if isinstance(value, dict):
        return {k: _fields(v) for k, v in value.items()}
    if hasattr(value, "__dict__"):
        return {"class": type(value).__name__, **{k: _fields(v) for k, v in sorted(vars(value).items())}}
    return value


def _texts(entries: list[Any]) -> list[tuple[str, str]]:
    return [(e.text, getattr(e, "source", None) or "") for e in entries]


def _behaviour(data: Any) -> list[Any]:
    """What the session and the screens read, for every route, programme and situation."""
    out: list[Any] = []
    for route in data.routes:
        ids = route.stage_ids
        out.append((route.id, ids, [route.next_id(i) for i in ids], [route.previous_id(i) for i in ids],
                    [route.index(i) for i in ids], route.stage(ids[-1]).title))
        out.append([getattr(route.stage_with_panel(p), "id", None) for p in ("readiness", "permit_review", "summary")])
        for program in PROGRAMS:
            for tags in SITUATIONS:
                out.append((route.id, program, sorted(tags), data.hands_over(route, program, tags),
                            _texts(data.fix_steps(route, program, tags))))
                for stage in route.stages:
                    out.append((
                        stage.id,
                        _texts(data.expect(stage, program, tags)),
                        _texts(data.say(stage, program, tags)),
                        _texts(data.documents(route, stage, program, tags)),
                        [(c.id, c.text, c.handed_over) for c in data.checklist(stage, program, tags)],
                    ))
    return out


def test_the_journey_read_warm_equals_the_journey_validated():
    validated = _fresh()
    warm = _fresh()
    assert isinstance(warm, Light) and isinstance(validated, JourneyData)
    assert _fields(warm) == _fields(validated)
    assert _behaviour(warm) == _behaviour(validated)
    assert isinstance(warm.as_of, date) and isinstance(warm.routes, tuple)
    assert warm.route() == warm.route("flagpole")
    with pytest.raises(KeyError):
        warm.route("nowhere")
    with pytest.raises(AttributeError):
        warm.routes[0].title = "changed"


def test_the_journey_is_read_once_per_process(monkeypatch):
    first = load_journey()
    monkeypatch.setattr(journey, "_validate", lambda *_: pytest.fail("read the file again"))
    assert load_journey() is first
    assert load_journey(journey_path()) is first


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "journey.toml"
    path.parent.mkdir()
    path.write_bytes(journey_path().read_bytes())
    return path


def test_a_changed_byte_in_the_journey_file_is_validated_again(tmp_path, monkeypatch):
    path = _copy(tmp_path)
    _fresh(path)
    assert isinstance(_fresh(path), Light)
    raw = path.read_bytes()
    changed = raw.replace(b'title = "US booth"', b'title = "US b00th"', 1)
    assert changed != raw and len(changed) == len(raw)
    path.write_bytes(changed)
    again = _fresh(path)
    assert isinstance(again, JourneyData)  # validated, not read back
    assert again.route("flagpole").stage("us_booth").title == "US b00th"
    assert _fresh(path).route("flagpole").stage("us_booth").title == "US b00th"


def test_an_invalid_journey_file_is_never_cached(tmp_path):
    path = _copy(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"schema = 1", b"schema = 7", 1))
    from tui.core.errors import InvalidFileError

    for _ in range(2):
        with pytest.raises(InvalidFileError):
            _fresh(path)
    assert not list((tmp_path / "cache").glob("journey-*"))


def test_the_switch_turns_the_journey_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("FLAGPOLE_NO_CACHE", "1")
    first, second = _fresh(), _fresh()
    assert isinstance(first, JourneyData) and isinstance(second, JourneyData)
    assert not (tmp_path / "cache").exists()
    assert _behaviour(first) == _behaviour(second)


def test_the_planned_places_zone_is_read_once_per_content(tmp_path):
    from zoneinfo import ZoneInfo

    from tui.core import plan_zone as zones
    from tui.core.profile_io import parse_profile

    from .harness import PROFILES

    plan = parse_profile((PROFILES / "demo.toml").read_bytes()).plan
    assert plan is not None and plan.crossing == "boundary-bay"
    folder = tmp_path / "data"
    folder.mkdir()
    crossings = folder / "crossings.toml"
    crossings.write_bytes((journey_path().parent / "crossings.toml").read_bytes())

    def zone() -> object:
        zones._zone.cache_clear()
        zones._zones.cache_clear()
        return zones.plan_zone(plan, folder)

    assert zone() == ZoneInfo("America/Vancouver")  # parsed, and the index cached
    assert list((tmp_path / "cache").glob("zones-*"))
    assert zone() == ZoneInfo("America/Vancouver")  # read back
    raw = crossings.read_bytes()
    crossings.write_bytes(raw.replace(b'timezone = "America/Vancouver"', b'timezone = "America/Edmonton"', 1))
    assert zone() == ZoneInfo("America/Edmonton")
    crossings.write_bytes(b"not = toml = at all")
    assert zone() is None
