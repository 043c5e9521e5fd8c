"""Private, atomic storage of profiles in the user's data folder.

Folder mode 0700, files 0600. A write goes to a temporary file in the same folder, is fsynced and
renamed over the target; the previous version is kept beside it as ``NAME.toml.prev``. A refused
or failed write leaves the stored file byte-identical.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import FlagpoleError

HOME_ENV = "FLAGPOLE_HOME"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
PREVIOUS_SUFFIX = ".prev"


def default_home() -> Path:
    """The data folder: ``$FLAGPOLE_HOME`` if set, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_path("flagpole", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it private to the user (0700)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def atomic_write(path: Path, data: bytes, *, keep_previous: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (0600), keeping the old content as ``path.prev``.

    If anything fails before the final rename, ``path`` is untouched.
    """
    path = Path(path)
    ensure_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_previous and path.exists():
            _copy_private(path, path.with_name(path.name + PREVIOUS_SUFFIX))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _copy_private(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` atomically with mode 0600."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(src.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, dst)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_name(name: str) -> str:
    """Return ``name`` if it is a safe profile name (letters, digits, . _ -), else raise."""
    if not _NAME.match(name) or ".." in name or name.endswith(".toml"):
        raise FlagpoleError(
            f"{name!r} is not a usable profile name: use letters, digits, '-', '_' or '.', "
            "starting with a letter or digit, up to 64 characters (and no '.toml')."
        )
    return name


@dataclass(frozen=True)
class StoredProfile:
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
            if _NAME.match(path.stem):
                found.append(StoredProfile(path.stem, path, path.stat().st_mtime))
        return sorted(found, key=lambda p: (-p.modified, p.name))

    def require(self, name: str) -> Path:
        """The file of stored profile ``name``; FlagpoleError naming the stored ones if absent."""
        path = self.path_for(name)
        if not path.is_file():
            raise self._missing(name)
        return path

    def read_bytes(self, name: str) -> bytes:
        """The stored file's bytes; FlagpoleError when there is no such profile."""
        try:
            return self.path_for(name).read_bytes()
        except FileNotFoundError:
            raise self._missing(name) from None

    def _missing(self, name: str) -> FlagpoleError:
        known = ", ".join(p.name for p in self.list()) or "none yet"
        return FlagpoleError(f"No stored profile named {name!r} (stored: {known}).")

    def write_bytes(self, name: str, data: bytes) -> Path:
        """Store ``data`` as profile ``name`` atomically, keeping the previous version."""
        path = self.path_for(name)
        ensure_private_dir(self.home)
        ensure_private_dir(self.folder)
        atomic_write(path, data)
        return path

    def delete(self, name: str) -> None:
        """Remove a stored profile, keeping its last content as ``NAME.toml.prev``."""
        path = self.path_for(name)
        if path.exists():
            os.replace(path, path.with_name(path.name + PREVIOUS_SUFFIX))
