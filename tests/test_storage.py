"""Storage is private, atomic, keeps the previous version, and never escapes its folder."""

from __future__ import annotations

import os
import stat

import pytest

from tui.core import storage
from tui.core.errors import FlagpoleError
from tui.core.storage import ProfileStore, atomic_write, default_home


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_written_files_and_folders_are_private(tmp_path):
    store = ProfileStore(tmp_path / "home")
    path = store.write_bytes("alex", b"one")
    assert mode(path) == 0o600
    assert mode(store.folder) == 0o700
    assert mode(store.home) == 0o700


def test_previous_version_is_kept_and_private(tmp_path):
    store = ProfileStore(tmp_path)
    store.write_bytes("alex", b"one")
    path = store.write_bytes("alex", b"two")
    previous = path.with_name("alex.toml.prev")
    assert path.read_bytes() == b"two"
    assert previous.read_bytes() == b"one"
    assert mode(previous) == 0o600


def test_a_failed_rename_leaves_the_old_file_byte_identical(tmp_path, monkeypatch):
    store = ProfileStore(tmp_path)
    path = store.write_bytes("alex", b"original bytes")

    def broken_replace(src, dst):
        if str(dst) == str(path):
            raise OSError("disk pulled out")
        return os.rename(src, dst)

    monkeypatch.setattr(storage.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk pulled out"):
        store.write_bytes("alex", b"new bytes")
    assert path.read_bytes() == b"original bytes"
    assert sorted(p.name for p in store.folder.iterdir()) == ["alex.toml", "alex.toml.prev"]


def test_a_failed_write_of_the_data_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "f.toml"
    atomic_write(target, b"keep")
    monkeypatch.setattr(storage.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError("io")))
    with pytest.raises(OSError):
        atomic_write(target, b"lost")
    assert target.read_bytes() == b"keep"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "name", ["../evil", "a/b", "/etc/passwd", "", ".hidden", "x" * 65, "a..b", "me.toml", "a b"]
)
def test_names_that_could_escape_or_confuse_are_refused(tmp_path, name):
    with pytest.raises(FlagpoleError, match="not a usable profile name"):
        ProfileStore(tmp_path).path_for(name)


@pytest.mark.parametrize("name", ["alex", "Alex-2026_12.v2", "9"])
def test_ordinary_names_stay_inside_the_profiles_folder(tmp_path, name):
    store = ProfileStore(tmp_path)
    assert store.path_for(name).parent == store.folder


def test_list_is_most_recent_first(tmp_path):
    store = ProfileStore(tmp_path)
    first = store.write_bytes("first", b"1")
    store.write_bytes("second", b"2")
    os.utime(first, (1, 1))
    assert [p.name for p in store.list()] == ["second", "first"]


def test_home_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLAGPOLE_HOME", str(tmp_path / "elsewhere"))
    assert default_home() == tmp_path / "elsewhere"
    monkeypatch.delenv("FLAGPOLE_HOME")
    assert default_home().name == "flagpole"
