"""Profiles in the user's data folder: ``HOME/profiles/NAME.toml``, written through
``tui.core.safefile`` (0700/0600, atomic, the previous version kept as ``NAME.toml.prev``,
one writer at a time, no link followed). The careful-writing helpers are re-exported here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tui.core.errors import FlagpoleError
from tui.core.record import Record
from tui.core.safefile import (  # re-exported for the rest of the app ("X as X")
    PREVIOUS_SUFFIX as PREVIOUS_SUFFIX,
)
from tui.core.safefile import (
    FileExists as FileExists,
)
from tui.core.safefile import (
    FolderBusy as FolderBusy,
)
from tui.core.safefile import (
    StoredChanged as StoredChanged,
)
from tui.core.safefile import (
    UnsafePath as UnsafePath,
)
from tui.core.safefile import (
    _refuse_link as _refuse_link,
)
from tui.core.safefile import (
    _require_real_dir as _require_real_dir,
)
from tui.core.safefile import (
    _tighten as _tighten,
)
from tui.core.safefile import (
    atomic_write as atomic_write,
)
from tui.core.safefile import (
    ensure_private_dir as ensure_private_dir,
)
from tui.core.safefile import (
    ensure_private_tree as ensure_private_tree,
)
from tui.core.safefile import (
    folder_lock as folder_lock,
)
from tui.core.safefile import (
    open_private as open_private,
)
from tui.core.safefile import (
    read_private as read_private,
)
from tui.core.safefile import (
    remove_orphan_temps as remove_orphan_temps,
)
from tui.core.safefile import (
    write_all as write_all,
)
from tui.core.safefile import (
    write_locked as write_locked,
)
from tui.core.safefile import (
    write_user_file as write_user_file,
)

HOME_ENV = "FLAGPOLE_HOME"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_RESERVED = re.compile(r"(con|prn|aux|nul|com[1-9]|lpt[1-9])", re.IGNORECASE)


def default_home() -> Path:
    """The data folder: ``$FLAGPOLE_HOME`` if set, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_path("flagpole", appauthor=False))


# --- profiles -------------------------------------------------------------------------------------


def check_name(name: str) -> str:
    """Return ``name`` if it is a safe profile name (letters, digits, . _ -, not a reserved
    device name such as CON or COM1), else raise FlagpoleError."""
    if not isinstance(name, str) or not _NAME.fullmatch(name) or ".." in name or name.endswith(".toml"):
        raise FlagpoleError(
            f"{name!r} is not a usable profile name: use letters, digits, '-', '_' or '.', "
            "starting with a letter or digit, up to 64 characters (and no '.toml')."
        )
    if _RESERVED.fullmatch(name.split(".")[0]):
        raise FlagpoleError(
            f"{name!r} is not a usable profile name: it is a reserved device name on Windows "
            "(CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another."
        )
    return name


def fingerprint(data: bytes) -> str:
    """A short fingerprint of a file's content, to notice that it changed."""
    import hashlib  # here, not at the top: reading a profile (every check) needs no fingerprint

    return hashlib.sha256(data).hexdigest()


class StoredProfile(Record):
    """A profile file in the store, with when it was last written."""

    name: str
    path: Path
    modified: float


class ProfileStore:
    """Profiles as ``HOME/profiles/NAME.toml``; names never escape that folder."""

    def __init__(self, home: Path):
        self.home = Path(home)
        self.folder = self.home / "profiles"

    def path_for(self, name: str) -> Path:
        """The file that holds profile ``name`` (which must be a safe name)."""
        return self.folder / f"{check_name(name)}.toml"

    def exists(self, name: str) -> bool:
        """Whether a profile of that name is stored."""
        return self.path_for(name).is_file()

    def list(self) -> list[StoredProfile]:
        """Stored profiles, most recently written first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.toml"):
            if _NAME.fullmatch(path.stem) and path.is_file():
                found.append(StoredProfile(path.stem, path, path.stat().st_mtime))
        return sorted(found, key=lambda p: (-p.modified, p.name))

    def require(self, name: str) -> Path:
        """The file of stored profile ``name``; FlagpoleError naming the stored ones if absent."""
        path = self.path_for(name)
        if not path.is_file():
            raise self._missing(name)
        return path

    def read_bytes(self, name: str) -> bytes:
        """The stored file's bytes (no link followed; tightened to 0600); FlagpoleError when
        there is no such profile."""
        path = self.path_for(name)
        try:
            if self.folder.is_dir():
                _require_real_dir(self.folder)
                _tighten(self.folder, 0o700)
            return read_private(path)
        except FileNotFoundError:
            raise self._missing(name) from None

    def fingerprint(self, name: str) -> str | None:
        """The stored file's content fingerprint, or None when there is no such profile."""
        try:
            return fingerprint(self.read_bytes(name))
        except FlagpoleError:
            if not os.path.lexists(self.path_for(name)):
                return None
            raise

    def _missing(self, name: str) -> FlagpoleError:
        known = ", ".join(p.name for p in self.list()) or "none yet"
        return FlagpoleError(f"No stored profile named {name!r} (stored: {known}).")

    def write_bytes(
        self, name: str, data: bytes, *, replace: bool = True, expected: str | None = None
    ) -> Path:
        """Store ``data`` as profile ``name`` atomically under the profiles folder's lock,
        keeping the previous version. ``replace=False``: create only (FileExists when stored).
        ``expected``: the fingerprint the caller read; StoredChanged if the file differs now."""
        path = self.path_for(name)
        folder = ensure_private_tree(self.home, "profiles")
        with folder_lock(folder):
            if expected is not None:
                try:
                    current = fingerprint(read_private(path))
                except FileNotFoundError:
                    current = None
                if current != expected:
                    raise StoredChanged(
                        f"The stored profile {name!r} changed since it was opened (another flagpole "
                        "window or an import); nothing was saved."
                    )
            write_locked(path, data, replace=replace)
        return path

    def delete(self, name: str) -> None:
        """Remove a stored profile, keeping its last content as ``NAME.toml.prev``; its validated
        cache entries (which hold its numbers) go with it."""
        from tui.core.validated_cache import forget, private_folder, profile_prefix

        path = self.path_for(name)
        if not self.folder.is_dir():
            return
        with folder_lock(self.folder):
            _refuse_link(path)
            if path.exists():
                os.replace(path, path.with_name(path.name + PREVIOUS_SUFFIX))
            forget(private_folder(self.home), profile_prefix(name))
