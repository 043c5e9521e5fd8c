"""Issue 9, storage half: the user's folders keep their modes, exports leave no copies and replace
only when asked, appends are all or nothing, links are refused, one writer at a time."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from tui.cli import main
from tui.core import jsonl, storage
from tui.core.errors import FlagpoleError
from tui.core.journal import journal_path, open_journal, replay
from tui.core.storage import ProfileStore

from .harness import PROFILES, ROOT

DEMO = PROFILES / "demo.toml"
T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# --- exports -------------------------------------------------------------------------------------


def test_export_into_a_0755_folder_leaves_it_0755(tmp_path, monkeypatch):
    assert main(["import", str(DEMO)]) == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    monkeypatch.chdir(shared)
    assert main(["export", "demo", "--redact", "--output", "demo-shared.toml"]) == 0
    assert mode(shared) == 0o755
    assert (shared / "demo-shared.toml").is_file()


def test_export_into_a_sticky_shared_folder_works(tmp_path):
    main(["import", str(DEMO)])
    sticky = tmp_path / "tmp"
    sticky.mkdir()
    os.chmod(sticky, 0o1777)
    assert main(["export", "demo", "-o", str(sticky / "out.toml")]) == 0
    assert mode(sticky) == 0o1777
    assert (sticky / "out.toml").read_text().startswith("schema")


def test_overwriting_an_export_needs_force_and_leaves_no_copy_beside_it(tmp_path, capsys):
    main(["import", str(DEMO)])
    target = tmp_path / "mine.toml"
    target.write_text("my notes\n")
    assert main(["export", "demo", "-o", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_text() == "my notes\n"
    assert main(["export", "demo", "-o", str(target), "--force"]) == 0
    assert target.read_text() != "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml"]


def test_re_exporting_redacted_over_an_unredacted_export_leaves_no_unredacted_copy(tmp_path):
    main(["import", str(PROFILES / "iec-ready-with-appointment.toml"), "--name", "alex"])
    target = tmp_path / "alex.toml"
    assert main(["export", "alex", "-o", str(target)]) == 0
    assert "123456789" in target.read_text()
    assert main(["export", "alex", "--redact", "-o", str(target), "--force"]) == 0
    for path in tmp_path.iterdir():
        assert "123456789" not in path.read_text(), path.name


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["alex\n", "CON", "con", "Nul", "aux", "prn", "COM1", "com9", "LPT1", "lpt9", "con.v2"]
)
def test_reserved_and_trailing_newline_names_are_refused(tmp_path, name):
    with pytest.raises(FlagpoleError, match="not a usable profile name"):
        ProfileStore(tmp_path).path_for(name)


@pytest.mark.parametrize("name", ["console", "com10", "nullable", "alex"])
def test_names_that_only_look_reserved_are_fine(tmp_path, name):
    assert ProfileStore(tmp_path).path_for(name).name == f"{name}.toml"


# --- permissions ---------------------------------------------------------------------------------


def test_under_umask_000_missing_parents_are_created_0700(tmp_path):
    home = tmp_path / "a" / "b" / "home"
    old = os.umask(0)
    try:
        ProfileStore(home).write_bytes("alex", b"x")
        journal = open_journal(home, "alex", "2026-12-02")
        journal.record("resumed", T0)
        journal.close()
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", home, home / "profiles", home / "journeys", home / "journeys" / "alex"):
        assert mode(folder) == 0o700, folder
    assert mode(home / "profiles" / "alex.toml") == 0o600
    assert mode(journal.path) == 0o600


def test_existing_loose_files_and_folders_are_tightened_when_opened(tmp_path):
    store = ProfileStore(tmp_path)
    path = store.write_bytes("alex", b"x")
    os.chmod(path, 0o644)
    os.chmod(store.folder, 0o755)
    store.read_bytes("alex")
    assert mode(path) == 0o600
    assert mode(store.folder) == 0o700
    journal = open_journal(tmp_path, "alex", "2026-12-02")
    journal.record("resumed", T0)
    journal.close()
    os.chmod(journal.path, 0o644)
    os.chmod(journal.path.parent, 0o755)
    open_journal(tmp_path, "alex", "2026-12-02").close()
    assert mode(journal.path) == 0o600
    assert mode(journal.path.parent) == 0o700


# --- previous versions and leftovers -------------------------------------------------------------


class PowerCut(BaseException):
    """A crash in the middle of a write: not an Exception, so no handler catches it (unlike
    KeyboardInterrupt, it does not stop the test run)."""


def test_a_crash_before_the_final_rename_leaves_the_old_file_and_an_undo_copy(tmp_path, monkeypatch):
    store = ProfileStore(tmp_path)
    store.write_bytes("alex", b"one")
    path = store.write_bytes("alex", b"two")
    real_replace = os.replace

    def crash_on_final_rename(src, dst):
        if str(dst) == str(path):
            raise PowerCut("power cut")
        return real_replace(src, dst)

    monkeypatch.setattr(storage.os, "replace", crash_on_final_rename)
    with pytest.raises(PowerCut):
        store.write_bytes("alex", b"three")
    assert path.read_bytes() == b"two"
    assert path.with_name("alex.toml.prev").read_bytes() in (b"one", b"two")


def test_orphan_temp_files_in_the_data_folder_are_removed_at_start(tmp_path):
    store = ProfileStore(tmp_path)
    store.write_bytes("alex", b"x")
    orphan = store.folder / ".alex.toml.abc123.tmp"
    orphan.write_bytes(b"a whole profile with a passport number")
    journal = open_journal(tmp_path, "alex", "2026-12-02")
    journal.close()
    orphan2 = journal.path.parent / ".notes.x.tmp"
    orphan2.write_bytes(b"x")
    kept = store.folder / "notes.tmp"
    kept.write_bytes(b"not ours")
    assert storage.remove_orphan_temps(tmp_path) == 2
    assert not orphan.exists() and not orphan2.exists()
    assert kept.exists()


# --- links ---------------------------------------------------------------------------------------


def test_a_link_in_place_of_the_journal_is_refused_and_its_target_untouched(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious, no newline at the end")
    path = journal_path(tmp_path / "home", "demo", "2026-12-02")
    path.parent.mkdir(parents=True)
    path.symlink_to(victim)
    with pytest.raises(FlagpoleError, match="symbolic link"):
        open_journal(tmp_path / "home", "demo", "2026-12-02")
    assert victim.read_bytes() == b"precious, no newline at the end"


def test_a_link_in_place_of_the_journeys_folder_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    (home / "journeys").symlink_to(elsewhere)
    with pytest.raises(FlagpoleError, match="symbolic link"):
        open_journal(home, "demo", "2026-12-02")
    assert list(elsewhere.iterdir()) == []


def test_a_link_in_place_of_the_history_or_a_profile_is_refused(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep")
    home = tmp_path / "home"
    home.mkdir()
    (home / "history.jsonl").symlink_to(victim)
    with pytest.raises(FlagpoleError, match="symbolic link"):
        jsonl.append_record(home / "history.jsonl", {"a": 1})
    store = ProfileStore(home)
    store.folder.mkdir()
    store.path_for("alex").symlink_to(victim)
    with pytest.raises(FlagpoleError, match="symbolic link"):
        store.write_bytes("alex", b"new")
    with pytest.raises(FlagpoleError, match="symbolic link"):
        store.read_bytes("alex")
    assert victim.read_bytes() == b"keep"


# --- appends -------------------------------------------------------------------------------------


def disk_full_after(monkeypatch, budget: int) -> None:
    """os.write writes at most ``budget`` bytes in all, then fails as a full disk does."""
    real_write = os.write
    left = {"n": budget}

    def write(fd, data):
        if left["n"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[: left["n"]]))
        left["n"] -= n
        return n

    monkeypatch.setattr(os, "write", write)


def test_a_short_append_is_rolled_back_and_raised(tmp_path, monkeypatch):
    path = tmp_path / "h.jsonl"
    jsonl.append_record(path, {"n": 1})
    before = path.read_bytes()
    disk_full_after(monkeypatch, 5)
    with pytest.raises(OSError) as failed:
        jsonl.append_record(path, {"n": 2, "text": "a record longer than five bytes"})
    assert failed.value.errno == errno.ENOSPC
    assert path.read_bytes() == before


def test_a_short_journal_write_is_not_acknowledged_and_a_restart_is_clean(tmp_path, monkeypatch):
    journal = open_journal(tmp_path, "demo", "2026-12-02")
    journal.record("stage_entered", T0, stage="a")
    failures = []
    journal.on_write_error = failures.append
    disk_full_after(monkeypatch, 10)
    journal.record("tick", T0, stage="a", item="x", done=True)
    assert journal.write_error is not None and failures
    assert len(journal.unsaved) == 1
    on_disk = journal.path.read_bytes()  # what a restart (or a kill now) would find
    assert on_disk.endswith(b"\n")
    restarted = replay(on_disk.split(b"\n"))
    assert restarted.skipped == [] and restarted.ticks == {} and restarted.current_stage == "a"
    monkeypatch.undo()
    journal.close()  # closing tries the unsaved record once more
    again = open_journal(tmp_path, "demo", "2026-12-02")
    assert again.problems == [] and again.state.ticks == {"a": {"x"}}


def test_records_that_failed_are_written_with_the_next_one(tmp_path, monkeypatch):
    journal = open_journal(tmp_path, "demo", "2026-12-02")
    disk_full_after(monkeypatch, 0)
    journal.record("stage_entered", T0, stage="a")
    monkeypatch.undo()
    journal.record("tick", T0, stage="a", item="x", done=True)
    assert journal.unsaved == [] and journal.write_error is None
    journal.close()
    state = open_journal(tmp_path, "demo", "2026-12-02").state
    assert state.current_stage == "a" and state.ticks == {"a": {"x"}}


# --- two writers ---------------------------------------------------------------------------------


def test_a_second_opener_of_the_same_day_is_read_only_and_writes_nothing(tmp_path):
    first = open_journal(tmp_path, "demo", "2026-12-02")
    first.record("stage_entered", T0, stage="a")
    size = first.path.stat().st_size
    second = open_journal(tmp_path, "demo", "2026-12-02")
    assert second.read_only and not first.read_only
    assert second.state.current_stage == "a"
    second.record("tick", T0, stage="a", item="x", done=True)
    assert first.path.stat().st_size == size
    first.close()
    third = open_journal(tmp_path, "demo", "2026-12-02")
    assert not third.read_only


def test_the_torn_line_repair_is_not_done_by_a_second_opener(tmp_path):
    first = open_journal(tmp_path, "demo", "2026-12-02")
    first.record("stage_entered", T0, stage="a")
    with open(first.path, "ab") as handle:  # another writer's line, half written so far
        handle.write(b'{"v":1,"at":"2026-12-02T09')
    second = open_journal(tmp_path, "demo", "2026-12-02")
    assert second.read_only
    assert first.path.read_bytes().endswith(b'"2026-12-02T09')
    assert not first.path.with_name(first.path.name + ".torn").exists()


def test_the_profile_write_notices_a_change_since_it_was_read(tmp_path):
    store = ProfileStore(tmp_path)
    store.write_bytes("alex", b"one")
    seen = store.fingerprint("alex")
    store.write_bytes("alex", b"changed elsewhere")
    with pytest.raises(getattr(storage, "StoredChanged", FlagpoleError)):
        store.write_bytes("alex", b"mine", expected=seen)
    assert store.read_bytes("alex") == b"changed elsewhere"
    store.write_bytes("alex", b"mine", expected=store.fingerprint("alex"))
    assert store.read_bytes("alex") == b"mine"


RACE = """
import sys, time
from pathlib import Path
from tui.cli import main
from tui.core.storage import ProfileStore

# Both processes look for the name, then wait for each other before storing: the worst timing.
me, other = Path(sys.argv[2]), Path(sys.argv[3])
looked = ProfileStore.exists
def exists(self, name):
    answer = looked(self, name)
    me.touch()
    deadline = time.time() + 20
    while not other.exists() and time.time() < deadline:
        time.sleep(0.01)
    return answer
ProfileStore.exists = exists
sys.exit(main(["import", sys.argv[1], "--name", "same"]))
"""


def test_two_processes_importing_the_same_name_at_once_exactly_one_stores(tmp_path, isolated_home):
    env = {**os.environ, "FLAGPOLE_HOME": str(isolated_home), "PYTHONPATH": str(ROOT)}
    sources = (DEMO, PROFILES / "pr-landing.toml")
    marks = (tmp_path / "a", tmp_path / "b")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(source), str(mine), str(theirs)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for source, mine, theirs in ((sources[0], *marks), (sources[1], *reversed(marks)))
    ]
    results = [(*p.communicate(timeout=60), p.returncode) for p in procs]
    codes = sorted(code for _, _, code in results)
    assert codes == [0, 2], results
    loser = next(err for _, err, code in results if code == 2)
    assert "already stored" in loser
    winner = sources[0] if results[0][2] == 0 else sources[1]
    store = ProfileStore(isolated_home)
    from tui.core.profile_io import dump_profile, read_profile

    assert store.read_bytes("same") == dump_profile(read_profile(winner)).encode()
    assert not store.path_for("same").with_name("same.toml.prev").exists()
