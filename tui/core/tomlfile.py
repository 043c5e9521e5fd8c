"""Reading TOML files and explaining what is wrong with them: one implementation for the
profile, the crossings, places, policy and journey data.

Every failure becomes an InvalidFileError naming the file, where (a line and column, or a field
path like ``crossings[douglas].port_hours[0].end``) and why, in plain words.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tui.core.errors import InvalidFileError, Problem


def parse_toml(raw: bytes | str, source: str, kind: str) -> dict[str, Any]:
    """Parse TOML text (bytes must be UTF-8); InvalidFileError with the line and column if not."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Problem(f"byte {exc.start}", "the file is not UTF-8 text")
            raise InvalidFileError(source, [problem], kind=kind) from None
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidFileError(source, [Problem("TOML syntax", toml_reason(exc))], kind=kind) from None


def read_toml(path: Path | str, kind: str) -> dict[str, Any]:
    """Read and parse a TOML file; a missing or unreadable file is an InvalidFileError too."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidFileError(str(path), [Problem("file", "no such file")], kind=kind) from None
    except IsADirectoryError:
        problem = Problem("file", "this is a folder, not a file")
        raise InvalidFileError(str(path), [problem], kind=kind) from None
    except OSError as exc:
        raise InvalidFileError(str(path), [Problem("file", exc.strerror or str(exc))], kind=kind) from None
    return parse_toml(raw, str(path), kind)


def toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib says '<reason> (at line L, column C)'; lead with the position."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if match:
        return f"line {match.group(1)}, column {match.group(2)}: {text[: match.start()].strip()}"
    return text


def validation_problems(
    exc: ValidationError, model: type[BaseModel] | None = None, prefix: str = ""
) -> list[Problem]:
    """A pydantic ValidationError as plain-worded Problems.

    Paths read like ``application.program`` or ``crossings[douglas].port_hours[0].end``
    (``prefix`` first). With ``model`` (the model that was validated), an unknown key gets a
    did-you-mean; a misspelt choice always does.
    """
    problems = []
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        kind = err["type"]
        value = err.get("input")
        if kind == "extra_forbidden":
            reason = "unknown key" + (_did_you_mean(model, loc) if model is not None else "")
        elif kind == "missing":
            reason = "required key is missing"
        elif kind == "enum":
            choices = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
            reason = f"expected one of: {', '.join(choices)} (got {_show(value)})"
            close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
            if close:
                reason += f"; did you mean '{close[0]}'?"
        elif kind == "missing_for":
            ctx = err.get("ctx", {})
            problems.append(
                Problem(_path(prefix, loc), err["msg"], tuple(ctx.get("missing", ())), ctx.get("owner", ""))
            )
            continue
        else:
            msg = re.sub(r"^(Value error|Assertion failed), ", "", err["msg"])
            reason = msg if isinstance(value, dict) else f"{msg} (got {_show(value)})"
        problems.append(Problem(_path(prefix, loc), reason))
    return problems


def _path(prefix: str, loc: Sequence[int | str]) -> str:
    where = prefix
    for part in loc:
        if isinstance(part, int):
            where += f"[{part}]"
        else:
            where += f".{part}" if where else str(part)
    return where or "(top level)"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean(model: type[BaseModel], loc: Sequence[int | str]) -> str:
    """Suggest the closest known key at the path of an unknown key."""
    *parents, key = loc
    current: Any = model
    for part in parents:
        if isinstance(part, int):
            continue  # an item of a list: same model
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return ""
        current = _model_of(field.annotation)
        if current is None:
            return ""
    names = [field.alias or name for name, field in current.model_fields.items()]
    close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; expected one of: {', '.join(names)}"


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
