"""Validate once per content: the cache gives the same answers as validating, is never used for
an invalid or changed file, keeps a profile's entries private and removes them with it."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tui.cli import main
from tui.core import validated_cache
from tui.core.errors import InvalidFileError
from tui.core.profile_io import parse_profile, view_file, view_stored
from tui.core.storage import ProfileStore
from tui.core.validated_cache import Light, cached

from .harness import PROFILES

EXAMPLES = sorted(PROFILES.glob("*.toml"))


@pytest.fixture(autouse=True)
def cache_on(monkeypatch):
    """These tests are about the cache: on, even in the suite's run with FLAGPOLE_NO_CACHE=1."""
    monkeypatch.delenv("FLAGPOLE_NO_CACHE", raising=False)
MOMENTS = [None, "2024-11-01", "2025-06-30T09:00", "2026-12-02", "2027-03-15T23:30"]


def _forget_process_caches() -> None:
    """What a new process starts with: no data read yet."""
    from tui.core import airports, policy
    from tui.core.crossings import clear_cache

    clear_cache()
    airports.clear_cache()
    policy._load.cache_clear()


def _check_json(capsys, profile: Path, on: str | None) -> tuple[int, str]:
    _forget_process_caches()
    argv = ["check", str(profile), "--json", *(["--on", on] if on else [])]
    status = main(argv)
    out = capsys.readouterr().out
    return status, out


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_check_json_is_byte_identical_cold_warm_and_without_the_cache(profile, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("FLAGPOLE_CACHE", str(tmp_path / "cache"))
    for on in MOMENTS:
        monkeypatch.delenv("FLAGPOLE_NO_CACHE", raising=False)
        for entry in (tmp_path / "cache").glob("*"):
            entry.unlink()
        cold = _check_json(capsys, profile, on)
        warm = _check_json(capsys, profile, on)
        monkeypatch.setenv("FLAGPOLE_NO_CACHE", "1")
        off = _check_json(capsys, profile, on)
        assert cold == warm == off, f"{profile.name} --on {on}"
        assert json.loads(cold[1])["profile"] == str(profile)
    _forget_process_caches()


def test_a_warm_read_returns_plain_objects_that_behave_like_the_models(tmp_path):
    raw = (PROFILES / "demo.toml").read_bytes()
    validated = cached("profile", raw, parse_profile, tmp_path)
    read_back = cached("profile", raw, _never, tmp_path)
    assert isinstance(read_back, Light) and not isinstance(validated, Light)
    assert read_back.route is validated.route
    assert read_back.application.program is validated.application.program
    assert read_back.application.applies_at_port == validated.application.applies_at_port
    assert read_back.passport.expires == validated.passport.expires
    assert read_back.plan.arrive == validated.plan.arrive
    with pytest.raises(AttributeError):
        read_back.plan.crossing = "elsewhere"


def _never(raw: bytes):
    raise AssertionError("validated again although the entry was fresh")


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, raw: bytes):
        self.calls += 1
        return parse_profile(raw)


def test_a_changed_byte_is_validated_again(tmp_path):
    raw = (PROFILES / "demo.toml").read_bytes()
    validate = Counting()
    cached("profile", raw, validate, tmp_path)
    cached("profile", raw, validate, tmp_path)
    assert validate.calls == 1
    changed = raw.replace(b"HALVORSEN", b"HALVORSEM", 1)
    assert changed != raw and len(changed) == len(raw)
    cached("profile", changed, validate, tmp_path)
    assert validate.calls == 2


def test_changed_model_code_is_validated_again(tmp_path, monkeypatch):
    raw = (PROFILES / "demo.toml").read_bytes()
    validate = Counting()
    cached("profile", raw, validate, tmp_path)
    monkeypatch.setitem(validated_cache._code_hashes, "profile", "a different Profile model")
    cached("profile", raw, validate, tmp_path)
    assert validate.calls == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"key": "someone else", "value": 1}', b'{"value": {"$m": "X", "$x": ["os:system"]}}',
     b"KEYED:" + b'{"$m": "X", "$x": ["tui.core.storage:ProfileStore"]}',
     b"KEYED:" + b'{"$e": "tui.core.storage:ProfileStore", "v": "/tmp"}'],
    ids=["empty", "truncated", "wrong key", "foreign class", "a class of ours that is no behaviour", "no enum"],
)
def test_a_damaged_or_unknown_entry_is_validated_again(tmp_path, damage):
    raw = (PROFILES / "demo.toml").read_bytes()
    validate = Counting()
    first = cached("profile", raw, validate, tmp_path)
    (entry,) = tmp_path.glob("profile-*.json")
    if damage.startswith(b"KEYED:"):  # the right key, a value naming what it may not
        key = json.loads(entry.read_bytes())["key"]
        damage = b'{"key": "%s", "value": %s}' % (key.encode(), damage[len(b"KEYED:"):])
    entry.write_bytes(damage)
    again = cached("profile", raw, validate, tmp_path)
    assert validate.calls == 2
    assert again == first


def test_an_invalid_file_is_never_cached(tmp_path):
    raw = (PROFILES / "demo.toml").read_bytes().replace(b"schema = 1", b"schema = 7")
    for _ in range(2):
        with pytest.raises(InvalidFileError):
            cached("profile", raw, parse_profile, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_switch_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("FLAGPOLE_NO_CACHE", "1")
    raw = (PROFILES / "demo.toml").read_bytes()
    validate = Counting()
    cached("profile", raw, validate, tmp_path)
    cached("profile", raw, validate, tmp_path)
    assert validate.calls == 2
    assert list(tmp_path.iterdir()) == []


def test_warm_only_reads_entries_and_never_validates(tmp_path, monkeypatch):
    raw = (PROFILES / "demo.toml").read_bytes()
    validate = Counting()
    with validated_cache.warm_only(), pytest.raises(validated_cache.ColdEntry):
        cached("profile", raw, validate, tmp_path)  # no entry yet: the caller takes the slow path
    assert validate.calls == 0 and list(tmp_path.iterdir()) == []
    first = cached("profile", raw, validate, tmp_path)
    with validated_cache.warm_only():
        assert cached("profile", raw, validate, tmp_path) == first
        monkeypatch.setenv("FLAGPOLE_NO_CACHE", "1")
        with pytest.raises(validated_cache.ColdEntry):
            cached("profile", raw, validate, tmp_path)
    assert validate.calls == 1
    monkeypatch.delenv("FLAGPOLE_NO_CACHE")
    assert cached("profile", raw.replace(b"HALVORSEN", b"HALVORSEM", 1), validate, tmp_path)
    assert validate.calls == 2, "outside the block a miss validates again"


def _own_profile() -> bytes:
    """A profile that is no bundled example (a real person's, as far as the cache knows)."""
    return (PROFILES / "demo.toml").read_bytes() + b"\n# mine\n"


def test_a_profiles_entries_are_private_and_deleted_with_it(isolated_home):
    store = ProfileStore(isolated_home)
    store.write_bytes("alice", _own_profile())
    store.write_bytes("bob", _own_profile() + b"\n")
    view_stored(store, "alice")
    view_stored(store, "bob")
    entries = sorted((isolated_home / "cache").glob("profile-*"))
    assert [e.name.split("-")[1] for e in entries] == ["alice", "bob"]
    for entry in entries:
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE((isolated_home / "cache").stat().st_mode) == 0o700
    assert isinstance(view_stored(store, "alice"), Light)
    store.delete("alice")
    assert [e.name.split("-")[1] for e in (isolated_home / "cache").glob("profile-*")] == ["bob"]


def test_an_edited_profile_leaves_one_entry(isolated_home):
    store = ProfileStore(isolated_home)
    store.write_bytes("alice", _own_profile())
    view_stored(store, "alice")
    store.write_bytes("alice", _own_profile() + b"\n")
    view_stored(store, "alice")
    assert len(list((isolated_home / "cache").glob("profile-alice-*"))) == 1


def test_a_users_own_file_is_cached_in_the_data_folder_not_the_shared_cache(isolated_home, tmp_path, shared_cache):
    mine = tmp_path / "me.toml"
    mine.write_bytes(_own_profile())
    before = set(shared_cache.iterdir())
    view_file(mine, isolated_home)
    assert set(shared_cache.iterdir()) == before
    (entry,) = (isolated_home / "cache").glob("file-*")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_bundled_examples_use_the_shared_cache(isolated_home, shared_cache):
    view_file(PROFILES / "demo.toml", isolated_home)
    assert not (isolated_home / "cache").exists()
    assert any(p.name.startswith("file-") for p in shared_cache.iterdir())


def test_the_shared_cache_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLAGPOLE_CACHE", str(tmp_path / "c"))
    assert validated_cache.shared_folder() == tmp_path / "c"
    monkeypatch.delenv("FLAGPOLE_CACHE")
    monkeypatch.setenv("FLAGPOLE_HOME", str(tmp_path / "h"))
    assert validated_cache.shared_folder() == tmp_path / "h" / "cache"
    assert os.environ.get("FLAGPOLE_HOME")


def test_the_key_digest_is_sha256():
    import hashlib

    for data in (b"", b"abc", (PROFILES / "demo.toml").read_bytes()):
        assert validated_cache.sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_a_changed_byte_in_a_model_source_changes_the_key(tmp_path, monkeypatch):
    """The code part of the key is read from the model sources themselves (once per process)."""
    raw = (PROFILES / "demo.toml").read_bytes()
    tui = tmp_path / "tui"
    for rel in (*validated_cache.MODEL_CODE["profile"], "core/validated_cache.py"):
        (tui / rel).parent.mkdir(parents=True, exist_ok=True)
        (tui / rel).write_bytes((validated_cache._TUI / rel).read_bytes())
    monkeypatch.setattr(validated_cache, "_TUI", tui)

    def new_process_key() -> str:
        monkeypatch.setattr(validated_cache, "_code_hashes", {})
        monkeypatch.setattr(validated_cache, "_file_hashes", {})
        return validated_cache.key_for("profile", raw)

    before = new_process_key()
    assert new_process_key() == before
    profile_py = tui / "core" / "profile.py"
    profile_py.write_bytes(profile_py.read_bytes() + b"\n# a changed model\n")
    assert new_process_key() != before
