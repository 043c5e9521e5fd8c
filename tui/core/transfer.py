"""Import and export of profile files: the one implementation behind the CLI and the app, so
both validate the same way and say the same things."""

from __future__ import annotations

from pathlib import Path

from tui.core.errors import FlagpoleError
from tui.core.profile_io import dump_profile, load_stored, read_profile
from tui.core.storage import ProfileStore, atomic_write, check_name


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
    store.write_bytes(name, dump_profile(profile).encode("utf-8"))
    return name


def export_profile(store: ProfileStore, name: str, output: Path, *, redact: bool = False) -> Path:
    """Write stored profile ``name`` as TOML to ``output`` (an existing file is kept as ``.prev``).

    With ``redact`` the passport, insurance policy and IME numbers are masked. Returns the path.
    """
    text = export_text(store, name, redact=redact)
    out = Path(output).expanduser()
    if out.is_dir():
        raise FlagpoleError(f"{out} is a folder; give a file name to export to.")
    try:
        atomic_write(out, text.encode("utf-8"))
    except OSError as exc:
        raise FlagpoleError(f"Cannot write {out}: {exc.strerror or exc}.") from None
    return out


def export_text(store: ProfileStore, name: str, *, redact: bool = False) -> str:
    """Stored profile ``name`` as TOML text (validated on the way out)."""
    return dump_profile(load_stored(store, name), redact=redact)
