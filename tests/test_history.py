"""The border history keeps each US turn-around, survives torn lines and deleted profiles."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

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
    recorded_at=datetime(2026, 12, 2, 19, 5, tzinfo=UTC),
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


def test_ids_are_stable_and_notes_and_deletions_are_appended(tmp_path):
    history = BorderHistory(tmp_path)
    recorded = history.record(ENTRY)
    other = history.record(TurnAround(day=date(2027, 1, 5), crossing_id="douglas", crossing_name="Douglas"))
    assert recorded.id and recorded.id != other.id
    assert [e.id for e in history.read().entries] == [recorded.id, other.id]  # the same on every read
    at = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    history.note(recorded.id, "  a practice run  ", at)
    assert history.read().find(recorded.id).note == "a practice run"
    history.delete(recorded.id, at)
    assert [e.id for e in history.read().entries] == [other.id]
    lines = history.path.read_text().splitlines()
    assert len(lines) == 4  # appended, never rewritten


def test_a_line_written_before_ids_gets_the_same_id_every_time(tmp_path):
    legacy = ENTRY.to_json()
    append_record(tmp_path / "history.jsonl", legacy)
    first = BorderHistory(tmp_path).read().entries[0].id
    assert first and BorderHistory(tmp_path).read().entries[0].id == first
    BorderHistory(tmp_path).delete(first, datetime(2026, 12, 3, tzinfo=UTC))
    assert BorderHistory(tmp_path).read().entries == []


def test_the_cli_lists_ids_and_deletes_and_annotates_by_id(isolated_home, capsys):
    history = BorderHistory(isolated_home)
    kept = history.record(ENTRY)
    gone = history.record(TurnAround(day=date(2027, 1, 5), crossing_id="douglas", crossing_name="Douglas"))
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert f"[id {kept.id}]" in out and f"[id {gone.id}]" in out

    assert main(["history", "--note", kept.id, "sent to the CBSA office"]) == 0
    assert main(["history", "--delete", gone.id]) == 0
    capsys.readouterr()
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "note: sent to the CBSA office" in out
    assert "Douglas" not in out

    assert main(["history", "--delete", "nosuch"]) == 2
    assert "no entry with id 'nosuch'" in capsys.readouterr().err
    assert main(["history", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["id"], d["note"]) for d in data] == [(kept.id, "sent to the CBSA office")]
