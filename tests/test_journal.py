"""The journey journal: pure replay, crash safety on disk, several journeys, the Markdown log."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.errors import FlagpoleError
from tui.core.journal import (
    LEAVE_QUESTION,
    duration_words,
    journal_path,
    journey_id_for,
    list_journeys,
    make_record,
    open_journal,
    replay,
)
from tui.core.journal_export import ExportContext, FindingLine, export_path, journal_markdown

T0 = datetime(2026, 12, 2, 10, 0, tzinfo=timezone(timedelta(hours=-8)))


def line(kind: str, minutes: float = 0, **data) -> str:
    """One journal line at T0 + minutes."""
    return json.dumps(make_record(kind, T0 + timedelta(minutes=minutes), **data))


DAY = [
    line("journey_started", 0, route="flagpole", profile="demo", journey="2026-12-02"),
    line("stage_entered", 0, stage="before_you_go"),
    line("tick", 1, stage="before_you_go", item="passport", done=True),
    line("tick", 2, stage="before_you_go", item="battery", done=True),
    line("tick", 3, stage="before_you_go", item="battery", done=False),
    line("stage_left", 10, stage="before_you_go"),
    line("stage_entered", 10, stage="us_booth"),
    line("permit_field", 11, field="expires", value="2027-02-1"),
    line("permit_field", 12, field="expires", value="2027-02-10"),
    line("decision", 13, stage="permit_review", question=LEAVE_QUESTION, answer="leave",
         findings=["permit.expiry_matches_poe_letter"]),
]


def test_replay_gives_stage_ticks_fields_and_decisions():
    state = replay(DAY)
    assert state.current_stage == "us_booth"
    assert state.ticks == {"before_you_go": {"passport"}}
    assert state.permit_fields == {"expires": "2027-02-10"}
    assert state.left_with_errors == ("permit.expiry_matches_poe_letter",)
    assert state.profile == "demo" and state.journey == "2026-12-02"
    assert state.skipped == []


def test_time_per_stage_counts_closed_and_open_visits():
    state = replay(DAY)
    assert state.time_in("before_you_go", T0 + timedelta(hours=5)) == timedelta(minutes=10)
    assert state.time_in("us_booth", T0 + timedelta(minutes=25)) == timedelta(minutes=15)
    assert state.time_in("done", T0) == timedelta()


def test_entering_a_stage_closes_the_previous_visit_even_without_a_left_record():
    state = replay([line("stage_entered", 0, stage="a"), line("stage_entered", 5, stage="b")])
    assert state.visits["a"][0].left == T0 + timedelta(minutes=5)
    assert state.current_stage == "b"


def test_revisiting_a_stage_adds_up_both_visits():
    lines = [
        line("stage_entered", 0, stage="a"),
        line("stage_entered", 5, stage="b"),
        line("stage_entered", 7, stage="a"),
    ]
    state = replay(lines)
    assert state.time_in("a", T0 + timedelta(minutes=10)) == timedelta(minutes=8)


def test_a_torn_last_line_is_skipped_and_reported_not_raised():
    state = replay(DAY[:3] + ['{"v":1,"at":"2026-12-02T10:04:00-08:00","type":"ti'])
    assert state.ticks == {"before_you_go": {"passport"}}
    assert len(state.skipped) == 1
    assert state.skipped[0].number == 4
    assert "incomplete" in state.skipped[0].reason


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("[1, 2]", "not a journal record"),
        ('{"type": "tick", "at": "2026-12-02T10:00:00+00:00", "stage": "a"}', "malformed"),
        ('{"type": "tick", "at": "yesterday", "stage": "a", "item": "b", "done": true}', "malformed"),
        ('{"type": "tick", "at": "2026-12-02T10:00:00+00:00", "stage": "a", "item": "b", "done": "yes"}', "malformed"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_unreadable_lines_are_reported_with_their_reason(bad, reason):
    state = replay([DAY[0], bad, DAY[1]])
    assert state.current_stage == "before_you_go"
    assert [s.number for s in state.skipped] == [2]
    assert reason in state.skipped[0].reason


def test_unknown_record_types_are_kept_and_ignored():
    state = replay([DAY[1], line("something_new", 1, x=1)])
    assert state.current_stage == "before_you_go"
    assert state.records[-1]["type"] == "something_new"
    assert state.skipped == []


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_replay_never_raises_on_garbage(garbage):
    replay(garbage.split(b"\n"))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["x", "y"]), st.booleans()), max_size=20))
def test_ticks_are_the_last_word_per_item(ops):
    lines = [line("tick", i, stage=s, item=i_, done=d) for i, (s, i_, d) in enumerate(ops)]
    state = replay(lines)
    last: dict[tuple[str, str], bool] = {}
    for s, i_, d in ops:
        last[(s, i_)] = d
    for (s, i_), d in last.items():
        assert state.ticked(s, i_) is d


# --- files -------------------------------------------------------------------------------------


def test_open_creates_private_folders_and_record_appends_a_synced_line(tmp_path):
    journal = open_journal(tmp_path, "demo", "2026-12-02")
    journal.record("stage_entered", T0, stage="before_you_go")
    path = tmp_path / "journeys" / "demo" / "2026-12-02.jsonl"
    assert journal.path == path
    assert stat.S_IMODE(os.stat(tmp_path / "journeys").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_text().endswith("\n")
    assert replay(path.read_text().splitlines()).current_stage == "before_you_go"


def test_live_state_equals_replayed_state(tmp_path):
    journal = open_journal(tmp_path, "demo", "2026-12-02")
    journal.record("stage_entered", T0, stage="a")
    journal.record("tick", T0, stage="a", item="x", done=True)
    journal.record("permit_field", T0, field="surname", value="X")
    again = open_journal(tmp_path, "demo", "2026-12-02").state
    assert again.current_stage == journal.state.current_stage
    assert again.ticks == journal.state.ticks
    assert again.permit_fields == journal.state.permit_fields


def test_a_torn_last_line_on_disk_is_moved_aside_once(tmp_path):
    path = journal_path(tmp_path, "demo", "2026-12-02")
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(DAY[:3]) + '\n{"v":1,"at":"2026-12-02T1')
    journal = open_journal(tmp_path, "demo", "2026-12-02")
    assert journal.torn is not None and journal.torn.number == 4
    assert journal.state.ticks == {"before_you_go": {"passport"}}
    assert path.read_text() == "\n".join(DAY[:3]) + "\n"
    assert path.with_name(path.name + ".torn").read_text().startswith('{"v":1')
    journal.record("tick", T0, stage="before_you_go", item="battery", done=True)
    reopened = open_journal(tmp_path, "demo", "2026-12-02")
    assert reopened.torn is None and reopened.problems == []
    assert reopened.state.ticks == {"before_you_go": {"passport", "battery"}}


def test_a_complete_last_record_without_newline_is_kept(tmp_path):
    path = journal_path(tmp_path, "demo", "2026-12-02")
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(DAY[:3]))
    journal = open_journal(tmp_path, "demo", "2026-12-02")
    assert journal.torn is None
    assert journal.state.ticks == {"before_you_go": {"passport"}}
    journal.record("tick", T0, stage="before_you_go", item="battery", done=True)
    assert open_journal(tmp_path, "demo", "2026-12-02").state.ticks["before_you_go"] == {"passport", "battery"}


def test_several_journeys_per_profile_one_per_crossing_day(tmp_path):
    open_journal(tmp_path, "demo", "2026-12-02").record("stage_entered", T0, stage="a")
    open_journal(tmp_path, "demo", "2026-12-09").record("stage_entered", T0, stage="b")
    open_journal(tmp_path, "other", "2026-12-02").record("stage_entered", T0, stage="c")
    assert list_journeys(tmp_path, "demo") == ["2026-12-02", "2026-12-09"]
    assert open_journal(tmp_path, "demo", "2026-12-09").state.current_stage == "b"
    assert list_journeys(tmp_path, "nobody") == []


def test_journey_id_is_the_planned_day_or_today():
    from datetime import date

    assert journey_id_for(date(2026, 12, 2), date(2026, 11, 26)) == "2026-12-02"
    assert journey_id_for(None, date(2026, 11, 26)) == "2026-11-26"


@pytest.mark.parametrize("bad", ["../x", "", "a/b", ".hidden"])
def test_journey_ids_and_profile_names_cannot_escape_the_folder(tmp_path, bad):
    with pytest.raises(ValueError):  # not a usable journey id
        journal_path(tmp_path, "demo", bad)
    with pytest.raises(FlagpoleError):  # not a usable profile name
        journal_path(tmp_path, bad or "..", "2026-12-02")


def test_export_path_is_in_the_exports_folder(tmp_path):
    assert export_path(tmp_path, "demo", "2026-12-02") == tmp_path / "exports" / "demo-2026-12-02.md"


# --- words and Markdown ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "minutes, words", [(0, "0 min"), (0.5, "0 min"), (12, "12 min"), (65, "1 h 05 min"), (-3, "0 min")]
)
def test_duration_words(minutes, words):
    assert duration_words(timedelta(minutes=minutes)) == words


def test_markdown_log_has_times_checklists_permit_decisions_fix_and_every_event():
    state = replay(DAY)
    ctx = ExportContext(
        profile="demo",
        journey_id="2026-12-02",
        route_title="Flagpoling",
        stages=[("before_you_go", "Before you go"), ("us_booth", "US booth"), ("done", "Done")],
        now=T0 + timedelta(minutes=30),
        checklists={"before_you_go": [("passport", "Passport packed"), ("battery", "Charged")]},
        permit_values={"expires": "2027-02-10", "surname": "A|B"},
        permit_how={"expires": "typed", "surname": "confirmed"},
        permit_findings=[FindingLine("error", "permit.expiry_matches_poe_letter", "Wrong date.", "Say it.")],
        permit_corrections=["The expiry should say 2027-12-02."],
        finding_words={"permit.expiry_matches_poe_letter": "Wrong date."},
        fix_title="Fixing it: Guide 5218 / IMM 1436",
        fix_steps=["Mail IMM 1436."],
    )
    text = journal_markdown(state, ctx)
    assert text.startswith("# Flagpoling day log: demo, 2026-12-02")
    assert "| Before you go | 2026-12-02 10:00 | 2026-12-02 10:10 | 10 min |" in text
    assert "| US booth | 2026-12-02 10:10 | still here | 20 min |" in text
    assert "| Done | not reached | | |" in text
    assert "- [x] done: Passport packed" in text
    assert "- [ ] not done: Charged" in text
    assert "| Expiry | 2027-02-10 | typed as printed |" in text
    assert "| Surname | A\\|B | confirmed: matches |" in text
    assert "| Kind |  | not checked yet |" in text
    assert "- The expiry should say 2027-12-02." in text
    assert "**ERROR**: Wrong date." in text
    assert "permit.expiry_matches_poe_letter" not in text  # findings named in words
    assert "LEFT without a correction" in text
    assert "## Fixing it: Guide 5218 / IMM 1436" in text and "1. Mail IMM 1436." in text
    assert "Permit field Expiry: typed '2027-02-10'" in text  # the final value only,
    assert "'2027-02-1'" not in text  # not every keystroke


def test_markdown_lists_lines_that_could_not_be_read():
    state = replay(DAY[:2] + ["{torn"])
    ctx = ExportContext(profile="demo", journey_id="d", route_title="r", stages=[("before_you_go", "B")], now=T0)
    assert "line 3: incomplete or not JSON" in journal_markdown(state, ctx)
