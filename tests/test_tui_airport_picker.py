"""The airport picker on its own: every airport with its local time now, search by city, code or
name, the CBSA office and the sources of the highlighted one; Enter or c chooses, Esc leaves."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from textual.app import App
from textual.widgets import DataTable, Input, Static

from tui.core.airports import load_airports
from tui.screens.airport_picker import AirportPickerScreen, local_time_cell
from tui.widgets.crossing_words import plain_text

from .harness import TEST_DATA, Harness, quiet_cursors, static_text, wait_for

NOW = datetime(2026, 12, 2, 18, 5, tzinfo=UTC)
"""10:05 in Vancouver, 14:05 in Halifax."""

AIRPORTS = load_airports(TEST_DATA / "airports.toml")
ALL = list(AIRPORTS.airports)


def picker(**kwargs) -> AirportPickerScreen:
    """The picker with the frozen test data already loaded."""
    kwargs.setdefault("data", AIRPORTS)
    return AirportPickerScreen(NOW, **kwargs)


def row_ids(app: App) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(row.key.value) for row in table.ordered_rows]


def highlighted(app: App) -> str | None:
    table = app.screen.query_one(DataTable)
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


def detail(app: App) -> str:
    """The detail pane as it reads on an 80-column terminal."""
    return plain_text(app.screen.query_one("#airport-detail-text", Static).content)


async def shows(pilot, ids: list[str], what: str) -> None:
    await wait_for(pilot, lambda: row_ids(pilot.app) == ids, what)


async def search_for(pilot, text: str) -> None:
    """Type ``text`` into the search field (it has the focus from the start)."""
    await pilot.press(*text)


# --- words -----------------------------------------------------------------------------------


def test_the_local_time_is_each_airports_own():
    assert local_time_cell(AIRPORTS.airports["yvr"], NOW) == "Wed 10:05 PST"
    assert local_time_cell(AIRPORTS.airports["yyc"], NOW) == "Wed 11:05 MST"
    assert local_time_cell(AIRPORTS.airports["yul"], NOW) == "Wed 13:05 EST"
    assert local_time_cell(AIRPORTS.airports["yhz"], NOW) == "Wed 14:05 AST"
    late = datetime(2026, 12, 3, 4, 30, tzinfo=UTC)  # Halifax is past midnight, Vancouver not
    assert local_time_cell(AIRPORTS.airports["yhz"], late) == "Thu 00:30 AST"
    assert local_time_cell(AIRPORTS.airports["yvr"], late) == "Wed 20:30 PST"


# --- the screen ------------------------------------------------------------------------------


async def test_every_airport_is_listed_west_to_east_with_its_time_now():
    app = Harness(picker())
    async with app.run_test(size=(80, 24)) as pilot:
        await shows(pilot, ALL, "every airport was listed")
        table = app.screen.query_one(DataTable)
        first = [str(cell) for cell in table.get_row("yvr")]
        assert first[0] == "YVR" and first[2:] == ["Vancouver", "BC", "Wed 10:05 PST"]
        assert [str(c) for c in table.get_row("yhz")][-1] == "Wed 14:05 AST"
        assert static_text(app, "#airport-count") == "11 of 11 shown"
        assert highlighted(app) == "yvr"


async def test_typing_montreal_finds_yul_with_its_cbsa_desk_and_sources():
    app = Harness(picker())
    async with app.run_test(size=(80, 24)) as pilot:
        await shows(pilot, ALL, "every airport was listed")
        await search_for(pilot, "montreal")
        await shows(pilot, ["yul"], "'montreal' left only Montréal–Trudeau")
        text = detail(app)
        assert "Montréal–Trudeau International Airport (YUL)" in text
        assert "Montréal, Quebec" in text and "America/Toronto" in text
        assert "Local time   Wed 2 Dec 2026, 13:05 EST (now)" in text
        assert "CBSA at this airport" in text and "On arrival" in text
        assert "Sources" in text and "https://" in text


async def test_a_code_or_an_alias_finds_the_airport():
    app = Harness(picker())
    async with app.run_test(size=(80, 24)) as pilot:
        await shows(pilot, ALL, "every airport was listed")
        await search_for(pilot, "yyz")
        await shows(pilot, ["yyz"], "'yyz' found Pearson")
        app.screen.query_one("#airport-text", Input).value = "pearson"
        await shows(pilot, ["yyz"], "'pearson' found Pearson")
        assert static_text(app, "#airport-count") == "1 of 11 shown"


async def test_an_unknown_landside_office_is_said_and_an_unverified_fact_marked():
    without_landside = next(a for a in AIRPORTS.airports.values() if a.cbsa_office.landside is None)
    unverified = next(
        a for a in AIRPORTS.airports.values()
        if a.cbsa_office.arrivals is not None and a.cbsa_office.arrivals.unverified
    )
    app = Harness(picker())
    async with app.run_test(size=(80, 24)) as pilot:
        await shows(pilot, ALL, "every airport was listed")
        app.screen.query_one(DataTable).move_cursor(row=ALL.index(without_landside.id))
        await wait_for(pilot, lambda: f"({without_landside.code})" in detail(app), "the detail followed the cursor")
        assert "Not known: no source names an office to go back to" in detail(app)
        app.screen.query_one(DataTable).move_cursor(row=ALL.index(unverified.id))
        await wait_for(pilot, lambda: f"({unverified.code})" in detail(app), "the detail followed the cursor")
        assert "UNVERIFIED" in detail(app)


async def test_the_planned_airport_starts_highlighted_with_the_landing_in_its_zone():
    landing = (date(2026, 6, 15), time(18, 40))
    app = Harness(picker(current="yul", landing=landing))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: highlighted(app) == "yul", "the planned airport was highlighted")
        text = detail(app)
        assert "This is the airport in your plan." in text
        assert "You land     Mon 15 Jun 2026, 18:40 EDT (your plan)" in text
        await pilot.press("down")  # from the search field: the table's cursor moves
        await wait_for(pilot, lambda: highlighted(app) == "yqb", "down moved to Québec City")
        words = " ".join(detail(app).split())  # the line wraps at 80 columns
        assert "18:40 EDT (your plan's date and time, if you land here)" in words
        assert "This is the airport in your plan." not in detail(app)


async def test_enter_in_the_table_chooses_and_c_chooses_the_highlighted_one():
    app = Harness(picker())
    async with app.run_test(size=(80, 24)) as pilot:
        await shows(pilot, ALL, "every airport was listed")
        await search_for(pilot, "calgary")
        await shows(pilot, ["yyc"], "'calgary' found YYC")
        await pilot.press("enter")  # the search field hands over to the table
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).has_focus, "Enter focused the table")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.result == "yyc", "Enter chose YYC")
    app = Harness(picker(current="yhz"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: highlighted(app) == "yhz", "Halifax was highlighted")
        app.screen.query_one(DataTable).focus()
        await pilot.press("c")
        await wait_for(pilot, lambda: app.result == "yhz", "c chose Halifax")


async def test_nothing_matching_says_what_to_try_and_escape_chooses_nothing():
    app = Harness(picker())
    async with app.run_test(size=(80, 24)) as pilot:
        await shows(pilot, ALL, "every airport was listed")
        await search_for(pilot, "gander")
        await shows(pilot, [], "'gander' matched nothing")
        assert "No airport matches. Try a city (Montreal)" in detail(app)
        await pilot.press("c")  # in the search field: typed, not a choice
        assert app.result == "not dismissed"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.result is None, "escape left without a choice")


async def test_without_data_it_reads_the_bundled_airports_in_a_worker():
    app = Harness(AirportPickerScreen(NOW))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: len(row_ids(app)) >= 11, "the bundled airports were listed")
        assert {"yvr", "yyz", "yul", "yhz"} <= set(row_ids(app))


# --- snapshot --------------------------------------------------------------------------------


def test_snapshot_airport_picker(snap_compare):
    async def run_before(pilot):
        await wait_for(pilot, lambda: highlighted(pilot.app) == "yvr", "the planned airport was highlighted")
        quiet_cursors(pilot.app)
        await pilot.pause()

    app = Harness(picker(current="yvr", landing=(date(2026, 6, 15), time(18, 40))))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
