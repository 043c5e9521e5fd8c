"""The border history screen: the recorded turn-arounds, a notice for unreadable lines, the
facts-only note, and an empty state that says how the history fills."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.app import App
from textual.widgets import DataTable, Static

from tui.core.history import BorderHistory, TurnAround
from tui.screens.history import HistoryScreen, unreadable_words

from .harness import Harness, wait_for

FIRST = TurnAround(
    day=date(2026, 12, 2),
    crossing_id="boundary-bay",
    crossing_name="Boundary Bay",
    handed_over=("referral slip",),
    profile="demo",
    note="Sent to the Canadian office right away.",
    recorded_at=datetime(2026, 12, 2, 19, 5, tzinfo=UTC),
)
SECOND = TurnAround(
    day=date(2027, 3, 9),
    crossing_id="queenston-lewiston",
    crossing_name="Queenston-Lewiston Bridge",
    handed_over=("Form I-275 (Withdrawal of Application for Admission)", "referral slip"),
    profile="demo",
)


def write_history(home: Path, *, torn: bool) -> None:
    """Two turn-arounds (recorded newest first) and, when ``torn``, a half-written last line."""
    history = BorderHistory(home)
    history.record(SECOND)
    history.record(FIRST)
    if torn:
        with open(history.path, "ab") as handle:
            handle.write(b'{"day": "2027-0')


async def settle(pilot) -> None:
    """Wait until the history has been read and shown (the table or the empty state)."""
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, HistoryScreen)
        and not pilot.app.workers
        and not pilot.app.screen.query_one(DataTable).loading,
        "the history was read and shown",
    )


def text_of(app: App, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_unreadable_words_count_lines():
    assert unreadable_words(1).startswith("1 line of the history file")
    assert "is not shown" in unreadable_words(1)
    assert unreadable_words(3).startswith("3 lines") and "are not shown" in unreadable_words(3)


async def test_two_entries_and_a_torn_line_show_rows_and_the_notice(tmp_path):
    write_history(tmp_path, torn=True)
    app = Harness(HistoryScreen(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[0] for r in rows] == ["2026-12-02", "2027-03-09"]  # oldest first
        assert rows[0][1:] == [
            "Boundary Bay", "referral slip", "Sent to the Canadian office right away."
        ]
        assert "Form I-275" in rows[1][2] and "referral slip" in rows[1][2]
        assert rows[1][3] == "—"
        notice = app.screen.query_one("#history-notice", Static)
        assert notice.display
        assert "1 line of the history file" in text_of(app, "#history-notice")
        assert "sources disagree" in text_of(app, "#history-facts")
        assert "no legal advice" in text_of(app, "#history-facts")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.result is None, "escape closed the history")


async def test_an_empty_history_says_how_it_fills(tmp_path):
    app = Harness(HistoryScreen(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(DataTable).display
        assert not app.screen.query_one("#history-notice", Static).display
        empty = text_of(app, "#history-empty")
        assert "No border history yet" in empty
        assert "records each US turn-around" in empty


def test_snapshot_history(snap_compare, tmp_path):
    write_history(tmp_path, torn=True)

    async def run_before(pilot):
        await settle(pilot)

    app = Harness(HistoryScreen(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_snapshot_history_empty(snap_compare, tmp_path):
    async def run_before(pilot):
        await settle(pilot)

    app = Harness(HistoryScreen(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_n_sets_a_note_and_d_deletes_after_asking(tmp_path):
    from tui.screens.ask import AskScreen

    write_history(tmp_path, torn=False)
    app = Harness(HistoryScreen(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # the first row (2026-12-02) is under the cursor
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "NoteScreen", "the note box opened")
        await pilot.press("ctrl+u", *"practice run", "enter")
        await settle(pilot)
        await wait_for(
            pilot, lambda: str(app.screen.query_one(DataTable).get_row_at(0)[3]) == "practice run",
            "the new note shown in the table",
        )
        assert BorderHistory(tmp_path).read().entries[0].note == "practice run"

        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "delete asked first")
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert len(BorderHistory(tmp_path).read().entries) == 2

        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "delete asked again")
        await pilot.press("y")
        await settle(pilot)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1, "one row left")
        left = BorderHistory(tmp_path).read().entries
        assert [e.day.isoformat() for e in left] == ["2027-03-09"]
