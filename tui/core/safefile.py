"""Careful file writing: private, atomic, link-refusing storage in the data folder, and writes of
the user's own files that change nothing else.

Inside the data folder (HOME): folders 0700 and files 0600, created so whatever the umask and
tightened when found looser; nothing inside it is opened through a symbolic link (a link where a
file or folder should be is refused, its target untouched). A write goes to a temporary file in
the same folder, is fsynced and renamed over the target. The previous version is first
hard-linked (or copied) to ``NAME.prev`` through its own temporary name, so a crash at any
moment leaves the old or the new file *and* an undo copy. Every write holds its folder's advisory
lock, so temporary files left by a killed writer are removed without racing a live one.

Outside the data folder (exports), ``write_user_file`` never changes the folder, never leaves a
copy beside the target and replaces an existing file only when asked.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.core.errors import FlagpoleError

PREVIOUS_SUFFIX = ".prev"
TEMP_SUFFIX = ".tmp"
LOCK_WAIT = 5.0
"""Seconds a writer waits for another flagpole's write in the same folder to finish."""


class UnsafePath(FlagpoleError):
    """Something other than a plain file or folder (a link, a device) where flagpole keeps data."""


class FolderBusy(FlagpoleError):
    """Another flagpole kept a folder locked for longer than a write takes."""


class FileExists(FlagpoleError):
    """A file that was to be created new already exists; nothing was written."""

    def __init__(self, path: Path, advice: str = "use --force to replace it"):
        self.path = Path(path)
        super().__init__(f"{path} already exists; {advice} (no copy of it is kept).")


class StoredChanged(FlagpoleError):
    """The stored file changed since the caller read it; nothing was written."""


# --- folders --------------------------------------------------------------------------------------


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents as 0700 folders (whatever the umask) and tighten
    ``path`` itself to 0700. ``path`` may be a link to a folder (the data folder a user chose);
    use ``ensure_private_tree`` for folders inside the data folder."""
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not os.path.lexists(probe) and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        else:
            os.chmod(folder, 0o700)
    if not path.is_dir():
        raise UnsafePath(f"{path} is not a folder; flagpole keeps its data in a folder there. Move it away and try again.")
    _tighten(path, 0o700)
    return path


def ensure_private_tree(home: Path, *parts: str) -> Path:
    """``HOME/part/...`` created or tightened to 0700 at every level; a link in place of any
    part is refused with UnsafePath (HOME itself may be a link)."""
    folder = ensure_private_dir(Path(home))
    for part in parts:
        folder = folder / part
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        else:
            os.chmod(folder, 0o700)
        _require_real_dir(folder)
        _tighten(folder, 0o700)
    return folder


def _require_real_dir(path: Path) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePath(
            f"{path} is a symbolic link; flagpole does not follow links inside its data folder. "
            "Move the link away and try again."
        )
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePath(f"{path} is not a folder; flagpole keeps its data in a folder there. Move it away and try again.")


def _tighten(path: Path | int, mode: int) -> None:
    """Set ``mode`` if it differs (a file or folder of someone else's is left as it is)."""
    try:
        info = os.fstat(path) if isinstance(path, int) else os.stat(path)
        if stat.S_IMODE(info.st_mode) != mode:
            if isinstance(path, int):
                os.fchmod(path, mode)
            else:
                os.chmod(path, mode)
    except PermissionError:
        pass


@contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold ``folder``'s advisory write lock (flock); FolderBusy after ``wait`` seconds."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise FolderBusy(
                        f"Another flagpole is writing in {folder}; try again in a moment."
                    ) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)


# --- files in the data folder ---------------------------------------------------------------------


def open_private(path: Path, flags: int) -> int:
    """Open a file inside the data folder without following a link; it must be a regular file
    and is tightened to 0600. Returns the descriptor (the caller closes it)."""
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePath(
                f"{path} is a symbolic link; flagpole does not follow links inside its data "
                "folder (the file it points to was not touched). Move the link away and try again."
            ) from None
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise UnsafePath(f"{path} is not a regular file; move it away and try again.")
    _tighten(fd, 0o600)
    return fd


def read_private(path: Path) -> bytes:
    """The bytes of a file inside the data folder (no link followed; tightened to 0600)."""
    fd = open_private(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` or raise OSError (a write that makes no progress is ENOSPC)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def atomic_write(path: Path, data: bytes, *, keep_previous: bool = True, replace: bool = True) -> None:
    """Replace ``path`` (inside the data folder) with ``data`` atomically (0600), keeping the old
    content as ``path.prev``. With ``replace=False`` the file is created only if absent
    (FileExists otherwise). If anything fails before the final rename, ``path`` is untouched."""
    path = Path(path)
    folder = ensure_private_dir(path.parent)
    with folder_lock(folder):
        write_locked(path, data, keep_previous=keep_previous, replace=replace)


def write_locked(path: Path, data: bytes, *, keep_previous: bool = True, replace: bool = True) -> None:
    """``atomic_write`` for a caller already holding the folder lock."""
    folder = path.parent
    remove_temps(folder)  # under the lock, every temporary file here is a killed writer's
    _refuse_link(path)
    tmp = _write_temp(folder, path.name, data)
    try:
        if not replace:
            _create_from(tmp, path)
        else:
            if keep_previous and os.path.lexists(path):
                _keep_previous(path)
            os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    _fsync_dir(folder)


def _refuse_link(path: Path) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePath(
            f"{path} is a symbolic link; flagpole does not write through links inside its data "
            "folder (the file it points to was not touched). Move the link away and try again."
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePath(f"{path} is not a regular file; move it away and try again.")


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    import tempfile  # here, not at the top: reading (every start) needs neither it nor secrets

    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        os.fchmod(fd, 0o600)
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        os.unlink(tmp_name)
        raise
    os.close(fd)
    return Path(tmp_name)


def _create_from(tmp: Path, path: Path) -> None:
    """Give ``tmp``'s content the name ``path`` only if no such file exists (atomic)."""
    try:
        os.link(tmp, path, follow_symlinks=False)
    except FileExistsError:
        raise FileExists(path) from None
    except OSError:  # a file system without hard links: exclusive create instead
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            raise FileExists(path) from None
        try:
            write_all(fd, tmp.read_bytes())
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            os.unlink(path)
            raise
        os.close(fd)


def _keep_previous(path: Path) -> None:
    """Make ``path.prev`` the current content of ``path`` in one rename (hard link, or a copy)."""
    previous = path.with_name(path.name + PREVIOUS_SUFFIX)
    _refuse_link(previous)
    import secrets

    link_name = path.parent / f".{previous.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        os.link(path, link_name, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        link_name = _write_temp(path.parent, previous.name, read_private(path))
    try:
        os.replace(link_name, previous)
    finally:
        if os.path.lexists(link_name):
            os.unlink(link_name)
    _fsync_dir(path.parent)


def remove_temps(folder: Path) -> int:
    """Remove flagpole's temporary files (``.NAME.xxxx.tmp``) from ``folder``; call it holding
    the folder's lock. Returns how many were removed."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed += 1
            except FileNotFoundError:
                pass
    return removed


def remove_orphan_temps(home: Path) -> int:
    """At start: remove temporary files a killed writer left in the data folder and its
    subfolders. A folder another flagpole is writing in is skipped. Returns how many."""
    home = Path(home)
    folders = [home, home / "profiles", home / "exports"]
    journeys = home / "journeys"
    if journeys.is_dir() and not journeys.is_symlink():
        folders += [p for p in journeys.iterdir() if p.is_dir() and not p.is_symlink()]
    removed = 0
    for folder in folders:
        if not folder.is_dir() or (folder != home and folder.is_symlink()):
            continue
        try:
            with folder_lock(folder, wait=0):
                removed += remove_temps(folder)
        except (FolderBusy, OSError):
            continue
    return removed


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


# --- the user's own files -------------------------------------------------------------------------


def write_user_file(path: Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` outside the data folder (0600 for a new file). An existing
    folder is never changed (a missing one is created with the user's defaults) and no copy
    is left beside the file. An existing file is replaced
    (atomically) only with ``force``; otherwise FileExists and nothing changes."""
    out = Path(path)
    if out.is_dir():
        raise FlagpoleError(f"{out} is a folder; give a file name to write to.")
    folder = out.parent
    folder.mkdir(parents=True, exist_ok=True)  # a missing folder as asked; existing ones untouched
    if not force:
        try:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            raise FileExists(out) from None
        try:
            write_all(fd, data)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            os.unlink(out)
            raise
        os.close(fd)
        return out
    tmp = _write_temp(folder, out.name, data)
    try:
        os.replace(tmp, out)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return out
