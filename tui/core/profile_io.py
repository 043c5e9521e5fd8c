"""Reading and writing profile TOML: strict parsing with readable errors, and redacted export."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from tui.core.errors import InvalidFileError
from tui.core.profile import Profile
from tui.core.storage import ProfileStore
from tui.core.tomlfile import parse_toml, read_toml, validation_problems

REDACTED = "[redacted]"
_SECRET_FIELDS = (("passport", "number"), ("insurance", "policy_number"), ("medical", "ime_number"))


def parse_profile(raw: bytes | str, source: str = "<profile>") -> Profile:
    """Parse TOML text into a valid Profile, or raise InvalidFileError naming line/field and reason."""
    return profile_from_dict(parse_toml(raw, source, "profile"), source)


def read_profile(path: Path) -> Profile:
    """Read and validate a profile file; unreadable files raise InvalidFileError too."""
    return profile_from_dict(read_toml(path, "profile"), str(path))


def profile_from_dict(data: dict[str, Any], source: str = "<profile>") -> Profile:
    """Validate already-parsed data as a Profile, translating pydantic errors into Problems."""
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise InvalidFileError(source, validation_problems(exc, Profile)) from None


def dump_profile(profile: Profile, *, redact: bool = False) -> str:
    """Serialise a profile to TOML text; with ``redact`` the identifying numbers are masked."""
    data = _plain(profile.to_toml_dict())
    if redact:
        for section, key in _SECRET_FIELDS:
            if section in data and key in data[section]:
                data[section][key] = REDACTED
    return tomli_w.dumps(data)


def _plain(value: Any) -> Any:
    """Enums to their string values, recursively, so tomli-w writes plain strings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_stored(store: ProfileStore, name: str) -> Profile:
    """Read and validate a stored profile by name."""
    return parse_profile(store.read_bytes(name), str(store.path_for(name)))


def save_stored(store: ProfileStore, name: str, profile: Profile) -> Path:
    """Write a profile to the store atomically (the previous version is kept)."""
    return store.write_bytes(name, dump_profile(profile).encode("utf-8"))


def resolve_profile(store: ProfileStore, ref: str) -> tuple[str, Profile]:
    """Load a profile given a stored name or a file path; returns (label, profile).

    A reference that names an existing file, or contains a path separator, or ends in ``.toml``
    is read as a file; anything else is a stored profile name.
    """
    candidate = Path(ref).expanduser()
    if candidate.is_file() or "/" in ref or ref.endswith(".toml"):
        return str(candidate), read_profile(candidate)
    return ref, load_stored(store, ref)
