"""Import and export of profile files: the one implementation behind the CLI and the app, so
both validate the same way and say the same things."""

from __future__ import annotations

from pathlib import Path

from tui.core.errors import FlagpoleError
from tui.core.profile_io import dump_profile, load_stored, read_profile
from tui.core.storage import FileExists, ProfileStore, check_name, write_user_file


class ProfileExists(FlagpoleError):
    """Importing would replace a stored profile and replacing was not asked for."""

    def __init__(self, name: str, how_to_replace: str = "replace it", how_to_rename: str = "another name"):
        self.name = name
        super().__init__(
            f"A profile named {name!r} is already stored; {how_to_replace} (the previous version "
            f"is kept) or store the file under {how_to_rename}."
        )


def import_profile(store: ProfileStore, path: Path, name: str | None = None, *, force: bool = False) -> str:
    """Validate the file at ``path`` and store it as ``name`` (default: the file's stem).

    Raises InvalidFileError for a file that is not a valid profile, FlagpoleError for a bad
    name and ProfileExists for an existing profile without ``force``; then nothing stored changes.
    Replacing keeps the previous version. Returns the stored name.
    """
    path = Path(path).expanduser()
    profile = read_profile(path)
    name = check_name(name or path.stem)
    if store.exists(name) and not force:
        raise ProfileExists(name)
    try:  # created atomically under the store's lock: of two imports, one stores
        store.write_bytes(name, dump_profile(profile).encode("utf-8"), replace=force)
    except FileExists:
        raise ProfileExists(name) from None
    return name


def export_profile(
    store: ProfileStore, name: str, output: Path, *, redact: bool = False, force: bool = False
) -> Path:
    """Write stored profile ``name`` as TOML to ``output`` (a new file, 0600).

    An existing file is replaced only with ``force`` (FileExists otherwise) and no copy of it is
    kept; the folder written into is never changed. With ``redact`` the passport, insurance
    policy and IME numbers are masked. Returns the path.
    """
    text = export_text(store, name, redact=redact)
    out = Path(output).expanduser()
    try:
        return write_user_file(out, text.encode("utf-8"), force=force)
    except OSError as exc:
        raise FlagpoleError(f"Cannot write {out}: {exc.strerror or exc}.") from None


def export_text(store: ProfileStore, name: str, *, redact: bool = False) -> str:
    """Stored profile ``name`` as TOML text (validated on the way out)."""
    return dump_profile(load_stored(store, name), redact=redact)
