"""The border history keeps each US turn-around, survives torn lines and deleted profiles."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from tui.cli import main
from tui.core.history import BorderHistory, TurnAround
from tui.core.jsonl import append_record, read_records
from tui.core.storage import ProfileStore

from .harness import PROFILES

ENTRY = TurnAround(
    day=date(2026, 12, 2),
    crossing_id="boundary-bay",
    crossing_name="Boundary Bay",
    handed_over=("referral slip", "nothing in writing"),
    profile="demo",
    recorded_at=datetime(2026, 12, 2, 19, 5, tzinfo=timezone.utc),
)


def test_recorded_entries_read_back_in_day_order(tmp_path):
    history = BorderHistory(tmp_path)
    later = TurnAround(day=date(2027, 1, 5), crossing_id="douglas", crossing_name="Douglas")
    history.record(later)
    history.record(ENTRY)
    assert history.read().entries == [ENTRY, later]


def test_a_torn_last_line_is_skipped_and_the_next_record_still_lands(tmp_path):
    history = BorderHistory(tmp_path)
    history.record(ENTRY)
    with open(history.path, "ab") as handle:
        handle.write(b'{"day": "2026-12-0')
    assert history.read().unreadable == 1
    history.record(ENTRY)
    read = history.read()
    assert read.entries == [ENTRY, ENTRY]
    assert read.unreadable == 1


def test_records_are_private(tmp_path):
    append_record(tmp_path / "sub" / "x.jsonl", {"a": 1})
    assert oct((tmp_path / "sub" / "x.jsonl").stat().st_mode & 0o777) == "0o600"
    assert oct((tmp_path / "sub").stat().st_mode & 0o777) == "0o700"
    assert read_records(tmp_path / "sub" / "x.jsonl").records == [{"a": 1}]


def test_history_outlives_the_profile_and_the_cli_shows_it(isolated_home, capsys):
    main(["import", str(PROFILES / "demo.toml")])
    BorderHistory(isolated_home).record(ENTRY)
    ProfileStore(isolated_home).delete("demo")
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "2026-12-02  Boundary Bay" in out
    assert "referral slip" in out
    assert main(["history", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["crossing_id"] == "boundary-bay"
    assert entry["handed_over"] == ["referral slip", "nothing in writing"]


def test_empty_history_says_how_it_fills(capsys):
    assert main(["history"]) == 0
    assert "No border history yet" in capsys.readouterr().out
