"""Typed errors for a bad moment and a place not understood: the core speaks of the value only,
the CLI adds its option's name, the crossing finder its own words."""

from __future__ import annotations

import pytest

from tui.cli import main
from tui.core.crossings import load_crossings, load_places
from tui.core.errors import BadCoordinatesError, BadMomentError, FlagpoleError, UnknownPlaceError
from tui.core.finder import parse_at, parse_near
from tui.widgets.crossing_words import place_message


@pytest.mark.parametrize(
    ("call", "error", "field", "value"),
    [
        (lambda: parse_at("2025-13-45"), BadMomentError, "value", "2025-13-45"),
        (lambda: parse_near("Vancuver", load_crossings(), load_places()),
         UnknownPlaceError, "name", "Vancuver"),
        (lambda: parse_near("91,0", load_crossings(), load_places()), BadCoordinatesError, "value", "91,0"),
    ],
)
def test_the_core_raises_typed_errors_without_option_names(call, error, field, value):
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, FlagpoleError)
    assert getattr(caught.value, field) == value
    assert not str(caught.value).startswith("--")


def test_an_unknown_place_carries_its_suggestions():
    with pytest.raises(UnknownPlaceError) as caught:
        parse_near("Vancuver", load_crossings(), load_places())
    assert caught.value.suggestions == ("Vancouver",)
    assert "Victoria" in caught.value.known


@pytest.mark.parametrize(
    ("argv", "err"),
    [
        (["crossings", "--at", "2025-13-45"],
         "flagpole: --at: '2025-13-45' is not a date and time; expected e.g. 2025-03-04T10:00 "
         "(crossing-local) or 2025-03-04T10:00-05:00\n"),
        (["crossings", "--near", "91,0"],
         "flagpole: --near: '91,0' is not a latitude,longitude (latitude -90..90, "
         "longitude -180..180; west is negative, e.g. 49.05,-123.0).\n"),
        (["check", "profiles/demo.toml", "--on", "tomorrow"],
         "flagpole: --on: expected a date like 2026-12-02 or a date and time like "
         "2026-12-02T10:30 (optionally with an offset, like 2026-12-02T10:30-08:00); got 'tomorrow'.\n"),
    ],
)
def test_the_cli_names_its_option_as_before(capsys, monkeypatch, argv, err):
    from .harness import ROOT

    monkeypatch.chdir(ROOT)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == err


def test_the_cli_words_an_unknown_place_with_the_list_of_places(capsys):
    assert main(["crossings", "--near", "Vancuver"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("flagpole: --near: unknown place 'Vancuver'. Did you mean: Vancouver? "
                          "Give LAT,LON (e.g. 49.05,-123.0), a crossing, or one of: Vancouver, ")


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (UnknownPlaceError("Vancuver", ("Vancouver",), ("Vancouver", "Victoria")),
         "Unknown place 'Vancuver'. Did you mean: Vancouver? Type a town (Vancouver, Montréal…), "
         "a crossing, or LAT,LON like 49.05,-123.0."),
        (UnknownPlaceError("Qqq", (), ("Vancouver",)),
         "Unknown place 'Qqq'. Type a town (Vancouver, Montréal…), a crossing, "
         "or LAT,LON like 49.05,-123.0."),
        (BadCoordinatesError("91,0"),
         "'91,0' is not a latitude,longitude (latitude -90..90, longitude -180..180; west is "
         "negative, e.g. 49.05,-123.0)."),
    ],
)
def test_the_finder_words_a_place_in_its_own_words(error, words):
    assert place_message(error) == words
