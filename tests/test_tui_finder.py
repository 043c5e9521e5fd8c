"""The crossing finder screen: filter by typing, province, place and switches; choose with Enter."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from textual.app import App
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from tui.core.crossings import load_crossings, load_places
from tui.core.errors import FlagpoleError
from tui.core.finder import crossing_status, parse_near
from tui.screens.finder import CrossingFinderScreen
from tui.widgets.crossing_words import (
    flagpoling_words,
    name_cell,
    place_message,
    plain_text,
    short_time,
)

from .harness import TEST_DATA, Harness, quiet_cursors, static_text, wait_for

AT = datetime(2026, 12, 2, 10, 30, tzinfo=ZoneInfo("America/Vancouver"))
"""A Wednesday morning in December: Boundary Bay and Douglas offer flagpoling then."""


CROSSINGS = load_crossings(TEST_DATA / "crossings.toml")
PLACES = load_places(TEST_DATA / "places.toml")


def finder(**kwargs) -> CrossingFinderScreen:
    """The finder with the frozen test data already loaded (the load is tested once on its own)."""
    kwargs.setdefault("data", CROSSINGS)
    kwargs.setdefault("places", PLACES)
    return CrossingFinderScreen(AT, **kwargs)


def table_settled(app: App) -> bool:
    """No filter is being computed and the table shows its rows and their count."""
    table = app.screen.query_one(DataTable)
    return not app.workers and not table.loading and "shown" in static_text(app, "#finder-count")


async def settle(pilot, what: str = "the finder showed its table") -> None:
    """Wait until the table shows the filters on screen (a newer filter cancels an older one)."""
    await wait_for(pilot, lambda: table_settled(pilot.app), what)


async def until_rows(pilot, predicate, what: str) -> None:
    """Wait until the settled table's row ids satisfy ``predicate``."""
    await wait_for(pilot, lambda: table_settled(pilot.app) and predicate(row_ids(pilot.app)), what)


def row_ids(app: App) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(row.key.value) for row in table.ordered_rows]


def detail(app: App) -> str:
    """The detail pane as it reads on an 80-column terminal."""
    return plain_text(app.screen.query_one("#finder-detail-text", Static).content)


# --- words -----------------------------------------------------------------------------------


def test_flagpoling_words_say_yes_until_no_or_port_closed():
    data = CROSSINGS
    douglas = crossing_status(data.get("douglas"), AT)
    assert flagpoling_words(douglas) == "yes, until 16:00"
    night = crossing_status(data.get("douglas"), AT.replace(hour=23))
    assert flagpoling_words(night) in ("no", "no (port closed)")
    osoyoos = crossing_status(data.get("osoyoos"), AT)
    assert flagpoling_words(osoyoos) == "yes, 24 hours"


def test_short_time_reads_against_the_reference_day():
    ref = AT
    assert short_time(None, ref) == "—"
    assert short_time(ref.replace(hour=16, minute=0), ref) == "16:00"
    assert short_time(datetime(2026, 12, 3, 0, 0, tzinfo=ref.tzinfo), ref, end=True) == "24:00"
    assert short_time(datetime(2026, 12, 3, 10, 0, tzinfo=ref.tzinfo), ref) == "Thu 10:00"
    assert short_time(datetime(2026, 12, 20, 8, 0, tzinfo=ref.tzinfo), ref) == "20 Dec 08:00"


def test_a_long_name_is_shortened_but_keeps_its_marks():
    data = CROSSINGS
    status = crossing_status(data.get("windsor-ambassador-bridge"), AT)
    cell = name_cell(status, 16)
    assert cell == "Windsor (Amb… †⊘"


def test_the_place_message_drops_the_option_name_and_the_long_list():
    with pytest.raises(FlagpoleError) as caught:
        parse_near("Vancuver", CROSSINGS, PLACES)
    message = place_message(caught.value)
    assert message.startswith("Unknown place 'Vancuver'. Did you mean: Vancouver?")
    assert "--near" not in message and "Victoria" not in message
    assert "LAT,LON like 49.05,-123.0" in message


# --- pilot flows -----------------------------------------------------------------------------


async def test_typing_point_roberts_leaves_only_boundary_bay():
    app = Harness(finder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(row_ids(app)) == len(CROSSINGS.crossings)
        await pilot.press(*"point roberts")
        await until_rows(pilot, lambda ids: ids == ["boundary-bay"], "'point roberts' left Boundary Bay")
        assert "1 of 33 shown" in str(app.screen.query_one("#finder-count", Static).render())
        assert "Boundary Bay" in detail(app)


async def test_on_foot_leaves_out_crossings_that_refuse_pedestrians():
    app = Harness(finder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "queenston-lewiston" in row_ids(app)
        await pilot.click("#finder-foot")
        await until_rows(pilot, lambda ids: "queenston-lewiston" not in ids, "'on foot' left out Queenston")
        assert app.screen.query_one("#finder-foot", Checkbox).value is True
        ids = row_ids(app)
        assert "boundary-bay" in ids  # unknown access stays in


async def test_the_letter_keys_toggle_the_switches_from_the_table():
    late = datetime(2026, 12, 2, 21, 0, tzinfo=ZoneInfo("America/Vancouver"))
    app = Harness(CrossingFinderScreen(late, data=CROSSINGS, places=PLACES))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).focus()
        await pilot.press("o")
        await until_rows(pilot, lambda ids: "boundary-bay" not in ids, "'o' left out Boundary Bay")
        assert app.screen.query_one("#finder-open-only", Checkbox).value is True
        assert row_ids(app)  # some ports are open around the clock
        await pilot.press("w")
        await until_rows(
            pilot, lambda ids: "windsor-ambassador-bridge" not in ids, "'w' left out the Ambassador Bridge"
        )


async def test_enter_chooses_the_highlighted_crossing():
    app = Harness(finder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#finder-text", Input).value = "sumas"  # a US town
        await until_rows(pilot, lambda ids: ids == ["abbotsford-huntingdon"], "'sumas' left Huntingdon")
        await pilot.press("enter")  # from the search field to the table
        await pilot.press("enter")  # choose
        await wait_for(pilot, lambda: app.result == "abbotsford-huntingdon", "Enter chose Huntingdon")


async def test_c_chooses_the_crossing_in_the_plan_where_the_cursor_starts():
    app = Harness(finder(current="douglas"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).focus()
        await pilot.press("c")
        await wait_for(pilot, lambda: app.result == "douglas", "'c' chose Douglas")


async def test_a_bad_place_says_so_with_a_did_you_mean():
    app = Harness(finder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#finder-place", Input).value = "Vancuver"
        app.screen.query_one("#finder-place", Input).focus()
        await pilot.press("enter")
        message = app.screen.query_one("#finder-place-message", Static)
        await wait_for(
            pilot, lambda: message.display and table_settled(app), "a bad place was said inline"
        )
        assert "Did you mean: Vancouver?" in str(message.render())
        table = app.screen.query_one(DataTable)
        assert "km" not in [str(c.key.value) for c in table.ordered_columns]
        # fixing it clears the message and sorts nearest first
        app.screen.query_one("#finder-place", Input).value = "Vancouver"
        app.screen.query_one("#finder-place", Input).focus()
        await pilot.press("enter")
        await until_rows(
            pilot, lambda ids: not message.display and ids[:1] == ["boundary-bay"], "Vancouver sorted nearest first"
        )
        assert app.screen.query_one(DataTable).cursor_row == 0  # a new place: nearest first
        assert detail(app).startswith("Boundary Bay")
        assert "km" in [str(c.key.value) for c in table.ordered_columns]


async def test_the_province_filter_and_the_detail_pane():
    app = Harness(finder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#finder-province", Select).value = "BC"
        await until_rows(
            pilot,
            lambda ids: ids and all(CROSSINGS.get(i).province == "BC" for i in ids),
            "the province filter left only BC",
        )
        app.screen.query_one("#finder-text", Input).value = "huntingdon"
        await until_rows(pilot, lambda ids: ids == ["abbotsford-huntingdon"], "'huntingdon' left one row")
        text = detail(app)
        assert "open 24 hours" in text and "no longer used" in text  # the older reading, kept
        assert "as of 2026-11-26" in text and "https://" in text
        assert "Port hours   daily 00:00–24:00" in text
        app.screen.query_one("#finder-province", Select).value = "ON"
        app.screen.query_one("#finder-text", Input).value = "cornwall"
        await settle(pilot)
        text = detail(app)
        assert "UNVERIFIED" in text
        assert "? port hours or schedule unverified" in text
        assert "Port hours   daily 00:00–24:00  UNVERIFIED" in text


async def test_nothing_matching_says_how_to_see_more_and_escape_leaves():
    app = Harness(finder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#finder-text", Input).value = "zzzz"
        await until_rows(pilot, lambda ids: ids == [], "'zzzz' left no row")
        assert "No crossing matches" in detail(app)
        app.screen.query_one(DataTable).focus()
        await pilot.press("c")
        assert app.result == "not dismissed"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.result is None, "escape left the finder")


async def test_without_data_it_loads_the_bundled_files_in_a_worker():
    app = Harness(CrossingFinderScreen(AT, "Toronto"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, "the finder loaded the bundled data and showed its table")
        ids = row_ids(app)
        assert len(ids) == len(load_crossings().crossings)
        assert load_crossings().get(ids[0]).province == "ON"  # nearest to Toronto first
        table = app.screen.query_one(DataTable)
        tunnel = str(table.get_cell("windsor-tunnel", "name"))
        assert tunnel.endswith("… †")  # 80 columns: shortened
        await pilot.resize_terminal(120, 30)
        await wait_for(
            pilot,
            lambda: str(table.get_cell("windsor-tunnel", "name")) == "Windsor (Detroit–Windsor Tunnel) †",
            "at 120 columns the whole name was shown",
        )


@pytest.mark.parametrize(
    ("eligible", "words"),
    [(None, "exempt only, until 16:00"), (False, "exempt only, until 16:00"), (True, "yes, until 16:00")],
)
async def test_after_the_ban_the_table_says_exempt_only_unless_the_person_is_exempt(eligible, words):
    app = Harness(finder(eligible=eligible, current="douglas"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell("douglas", "flag")) == words
        assert ("(you are exempt)" in " ".join(detail(app).split())) is (eligible is True)


# --- snapshots -------------------------------------------------------------------------------


async def _quiet(pilot) -> None:
    await settle(pilot)
    quiet_cursors(pilot.app)
    await pilot.pause()


def test_snapshot_finder_from_vancouver(snap_compare):
    app = Harness(finder(origin_text="Vancouver", current="douglas"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_quiet)


def test_snapshot_finder_filtered_with_a_bad_place(snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        app.screen.query_one("#finder-text", Input).value = "lacolle"
        app.screen.query_one("#finder-place", Input).value = "Montreal West"
        app.screen.query_one("#finder-place", Input).focus()
        await pilot.press("enter")
        await _quiet(pilot)

    app = Harness(finder())
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
