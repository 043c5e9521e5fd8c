"""Reading and writing profile TOML: strict parsing with readable errors, and redacted export.

Editing, importing and exporting use the pydantic ``Profile``. Checking reads a profile through
``validated_cache`` (``view_stored``, ``view_file``, ``resolve_profile``): validated once per
content, then read back without pydantic as an object the rules read like a ``Profile``.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from tui.core.errors import InvalidFileError, Problem
from tui.core.record import replace
from tui.core.tomlfile import SECRET_KEYS, parse_toml, read_limited, read_toml

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover - pydantic and the models load only to validate or write
    from typing import Any

    from tui.core.profile import Profile
    from tui.core.storage import ProfileStore

REDACTED = "[redacted]"
_SECRET_FIELDS = SECRET_KEYS


def parse_profile(raw: bytes | str, source: str = "<profile>") -> Profile:
    """Parse TOML text into a valid Profile, or raise InvalidFileError naming line/field and reason."""
    return profile_from_dict(parse_toml(raw, source, "profile"), source)


def read_profile(path: Path) -> Profile:
    """Read and validate a profile file; unreadable files raise InvalidFileError too."""
    return profile_from_dict(read_toml(path, "profile"), str(path))


def profile_from_dict(data: dict[str, Any], source: str = "<profile>") -> Profile:
    """Validate already-parsed data as a Profile, translating pydantic errors into Problems."""
    from pydantic import ValidationError

    from tui.core.profile import Profile
    from tui.core.tomlfile import validation_problems

    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = _without_secrets(validation_problems(exc, Profile), _secret_texts(data))
        raise InvalidFileError(source, problems) from None


def _secret_texts(data: Any) -> list[str]:
    """The passport, policy and IME numbers in raw profile data (any text found under a key named
    ``number``, ``policy_number`` or ``ime_number``, in whatever table it ended up)."""
    found: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str) and value.strip():
            found.append(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    secret_keys = {key for _section, key in _SECRET_FIELDS}

    def walk(value: Any) -> None:
        """Under any table: a key named like a secret one (a misplaced header moves
        ``policy_number`` into another section, and it is still a policy number)."""
        if isinstance(value, dict):
            for key, item in value.items():
                if key in secret_keys:
                    collect(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return sorted(set(found), key=len, reverse=True)


def _without_secrets(problems: list[Problem], secrets: list[str]) -> list[Problem]:
    """Problems with every secret text (wherever it was typed, even in another field) masked."""
    if not secrets:
        return problems
    masked = []
    for problem in problems:
        reason = problem.reason
        for secret in secrets:
            reason = reason.replace(secret, REDACTED)
        masked.append(replace(problem, reason=reason))
    return masked


def dump_profile(profile: Profile, *, redact: bool = False) -> str:
    """Serialise a profile to TOML text; with ``redact`` the identifying numbers are masked."""
    import tomli_w

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
    """Read and validate a stored profile by name (a pydantic ``Profile``, to edit or export)."""
    return parse_profile(store.read_bytes(name), str(store.path_for(name)))


def save_stored(store: ProfileStore, name: str, profile: Profile) -> Path:
    """Write a profile to the store atomically (the previous version is kept)."""
    return store.write_bytes(name, dump_profile(profile).encode("utf-8"))


def resolve_profile(store: ProfileStore, ref: str) -> tuple[str, Profile]:
    """Load a profile given a stored name or a file path, for reading (``view_stored``,
    ``view_file``); returns (label, profile).

    A reference that names an existing file, or contains a path separator, or ends in ``.toml``
    is read as a file; anything else is a stored profile name.
    """
    candidate = Path(ref).expanduser()
    if candidate.is_file() or "/" in ref or ref.endswith(".toml"):
        return str(candidate), view_file(candidate, store.home)
    return ref, view_stored(store, ref)


# --- reading through the validated cache ---------------------------------------------------------


def view_stored(store: ProfileStore, name: str) -> Profile:
    """A stored profile for reading (checks, the journey): validated the first time its bytes are
    seen, then read back from the cache entry in the data folder (0600; removed with the profile)
    without pydantic. Not for editing: use ``load_stored``."""
    from tui.core.validated_cache import cached, private_folder, profile_prefix

    raw = store.read_bytes(name)
    source = str(store.path_for(name))
    return cached(
        "profile", raw, lambda data: parse_profile(data, source), _folder_for(raw, private_folder(store.home)),
        prefix=profile_prefix(name),
    )


def view_file(path: Path, home: Path) -> Profile:
    """A profile file for reading, as ``view_stored``: its cache entry is kept in the data folder
    ``home`` (one per file path), or with the bundled data for a bundled example profile."""
    from tui.core.validated_cache import cached, private_folder, sha256_hex

    raw = read_limited(path, "profile")
    where = sha256_hex(str(Path(path).resolve()).encode())[:16]
    return cached(
        "profile", raw, lambda data: parse_profile(data, str(path)), _folder_for(raw, private_folder(home)),
        prefix=f"file-{where}",
    )


def _folder_for(raw: bytes, private: Path) -> Path:
    """The shared cache for the bytes of a bundled example or demo profile (invented people),
    the private folder for anything else."""
    from tui.core.resources import profiles_dir
    from tui.core.validated_cache import shared_folder

    try:
        for bundled in profiles_dir().glob("*.toml"):
            if bundled.stat().st_size == len(raw) and bundled.read_bytes() == raw:
                return shared_folder()
    except OSError:
        pass
    return private
