"""Issue 9: the journal and border-history readers skip and count what they cannot read; no line,
however odd, makes them (or what is computed from them afterwards) raise."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui.cli import main
from tui.core.history import BorderHistory, TurnAround
from tui.core.journal import make_record, replay
from tui.core.journal_export import ExportContext, journal_markdown
from tui.core.jsonl import parse_lines

T0 = datetime(2026, 12, 2, 10, 0, tzinfo=timezone(timedelta(hours=-8)))
GOOD = json.dumps(make_record("stage_entered", T0, stage="us_booth"))

ODD_JOURNAL_LINES = [
    '{"type": "stage_entered", "at": "2026-12-02T10:30:00", "stage": "cbsa_office"}',  # no offset
    '{"type": "stage_left", "at": "2026-12-02T10:40", "stage": "us_booth"}',  # no offset
    '{"type": "stage_entered", "at": "0001-01-01T00:00:00+05:00", "stage": "x"}',
    '{"type": "stage_entered", "at": "9999-12-31T23:59:59-05:00", "stage": "y"}',
    '{"type": "decision", "at": "2026-12-02T10:00:00", "stage": "a", "question": "q", "answer": "a"}',
    '{"type": "tick", "at": 5, "stage": "a", "item": "b", "done": true}',
    '{"type": ["stage_entered"], "at": "2026-12-02T10:00:00-08:00", "stage": "s"}',
    '{"type": "stage_entered", "at": "2026-12-02T10:00:00-08:00", "stage": {"a": 1}}',
    '{"type": "decision", "at": "2026-12-02T10:00:00-08:00", "stage": "a", "question": "q", '
    '"answer": "a", "findings": 7}',
    "[" * 100_000,
    '{"n": ' + "1" * 5000 + "}",
    '"just a string"',
    "\udcff",
]


def test_odd_journal_lines_are_skipped_and_the_state_stays_usable():
    state = replay([GOOD, *ODD_JOURNAL_LINES, GOOD])
    assert len(state.skipped) >= 10
    later = T0 + timedelta(hours=1)
    for stage in state.visits:
        state.time_in(stage, later)
        state.first_entered(stage)
    assert state.current_stage == "us_booth"
    ctx = ExportContext("demo", "2026-12-02", "Flagpole", [("us_booth", "US booth")], later)
    assert "US booth" in journal_markdown(state, ctx)


def test_a_journal_time_without_an_offset_is_reported():
    state = replay([GOOD, ODD_JOURNAL_LINES[0]])
    assert [s.number for s in state.skipped] == [2]
    assert "offset" in state.skipped[0].reason


@pytest.mark.parametrize("text", ["[" * 100_000, '{"n": ' + "1" * 5000 + "}"])
def test_the_line_reader_reports_a_line_json_cannot_hold(text):
    (line,) = parse_lines([text])
    assert line.problem and line.value is None


SAME_DAY = [
    TurnAround(date(2026, 12, 2), "peace-arch", "Peace Arch", recorded_at=datetime(2026, 12, 2, 19, 0, tzinfo=UTC)),
    TurnAround(date(2026, 12, 2), "boundary-bay", "Boundary Bay"),
]


def write_lines(home, lines) -> None:
    (home / "history.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_same_day_entries_one_without_recorded_at_sort_and_show(isolated_home, capsys):
    write_lines(isolated_home, [json.dumps(e.to_json()) for e in SAME_DAY])
    history = BorderHistory(isolated_home).read()
    assert [e.crossing_id for e in history.entries] == ["boundary-bay", "peace-arch"]
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "Peace Arch" in out and "Boundary Bay" in out


@pytest.mark.parametrize(
    "bad",
    [
        {"day": "2026-12-02", "crossing_id": "x", "recorded_at": "2026-12-02T10:00:00"},  # no offset
        {"day": "2026-12-02", "crossing_id": "x", "recorded_at": "0001-01-01T00:00:00+05:00"},
        {"day": "0001-01-01", "crossing_id": "x"},
        {"day": 20261202, "crossing_id": "x"},
        {"day": "2026-12-02", "crossing_id": "x", "handed_over": 5},
        {"day": "2026-12-02", "crossing_id": "x", "recorded_at": 5},
        {"day": "2026-12-02", "crossing_id": ["x"]},
    ],
)
def test_an_odd_history_line_is_counted_not_fatal(isolated_home, capsys, bad):
    write_lines(isolated_home, [json.dumps(e.to_json()) for e in SAME_DAY] + [json.dumps(bad)])
    history = BorderHistory(isolated_home).read()
    assert len(history.entries) == 2 and history.unreadable == 1
    assert main(["history"]) == 0
    assert "1 line(s)" in capsys.readouterr().err
