"""Reading and writing profile TOML: strict parsing with readable errors, and redacted export."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError

from tui.core.errors import InvalidFileError, Problem
from tui.core.profile import Profile
from tui.core.storage import ProfileStore

REDACTED = "[redacted]"
_SECRET_FIELDS = (("passport", "number"), ("insurance", "policy_number"), ("medical", "ime_number"))


def parse_profile(raw: bytes | str, source: str = "<profile>") -> Profile:
    """Parse TOML text into a valid Profile, or raise InvalidFileError naming line/field and reason."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidFileError(
                source, [Problem(f"byte {exc.start}", "the file is not UTF-8 text")]
            ) from None
    else:
        text = raw
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidFileError(source, [Problem("TOML syntax", _toml_reason(exc))]) from None
    return profile_from_dict(data, source)


def read_profile(path: Path) -> Profile:
    """Read and validate a profile file; unreadable files raise InvalidFileError too."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidFileError(str(path), [Problem("file", "no such file")]) from None
    except IsADirectoryError:
        raise InvalidFileError(str(path), [Problem("file", "this is a folder, not a file")]) from None
    except OSError as exc:
        raise InvalidFileError(str(path), [Problem("file", exc.strerror or str(exc))]) from None
    return parse_profile(raw, str(path))


def profile_from_dict(data: dict[str, Any], source: str = "<profile>") -> Profile:
    """Validate already-parsed data as a Profile, translating pydantic errors into Problems."""
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise InvalidFileError(source, validation_problems(exc, Profile)) from None


def validation_problems(exc: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """Turn a pydantic ValidationError into plain-worded Problems with dotted paths."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = [str(part) for part in err["loc"]]
        path = ".".join(loc) or "(top level)"
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            reason = "unknown key" + _did_you_mean(model, loc)
        elif kind == "missing":
            reason = "required key is missing"
        elif kind == "enum":
            choices = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
            reason = f"expected one of: {', '.join(choices)} (got {_show(value)})"
            close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
            if close:
                reason += f"; did you mean '{close[0]}'?"
        else:
            msg = err["msg"]
            msg = re.sub(r"^(Value error|Assertion failed), ", "", msg)
            reason = f"{msg} (got {_show(value)})" if not isinstance(value, dict) else msg
        problems.append(Problem(path, reason))
    return problems


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


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib says '<reason> (at line L, column C)'; lead with the position."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if match:
        reason = text[: match.start()].strip()
        return f"line {match.group(1)}, column {match.group(2)}: {reason}"
    return text


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean(model: type[BaseModel], loc: Sequence[str]) -> str:
    """Suggest the closest known key at the path of an unknown key."""
    *parents, key = loc
    current: Any = model
    for part in parents:
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return ""
        current = _model_of(field.annotation)
        if current is None:
            return ""
    names = []
    for name, field in current.model_fields.items():
        names.append(field.alias or name)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    expected = ", ".join(names)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; expected one of: {expected}"


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


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
