"""Reading TOML files and explaining what is wrong with them: one implementation for the
profile, the crossings, places, policy and journey data.

Every failure becomes an InvalidFileError naming the file, where (a line and column, or a field
path like ``crossings[douglas].port_hours[0].end``) and why, in plain words. What cannot be a
profile or data file (not a regular file, over 1 MiB, absurdly nested) is refused before the
parser sees it. A value at a secret field (passport, policy or IME number) is never quoted.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover - pydantic is imported only when something is validated
    import tomllib
    from typing import Any, TypeVar

    from pydantic import BaseModel, ValidationError

    M = TypeVar("M", bound=BaseModel)

from tui.core.errors import InvalidFileError, Problem

MAX_BYTES = 1024 * 1024
"""The largest file read as TOML (1 MiB): a profile is a few kilobytes, the data files tens."""
MAX_DEPTH = 32
"""The deepest nesting of arrays and inline tables accepted (a profile needs 2)."""
MAX_KEY_PARTS = 32
"""The most parts a dotted key or table header may have (a profile needs 2)."""
SECRET_KEYS = (("passport", "number"), ("insurance", "policy_number"), ("medical", "ime_number"))
"""(section, key) of the identifying numbers: their values are never shown in a message."""

_TOO_BIG = f"larger than {MAX_BYTES // (1024 * 1024)} MiB: not a profile or data file"


def parse_toml(raw: bytes | str, source: str, kind: str) -> dict[str, Any]:
    """Parse TOML text (bytes must be UTF-8); InvalidFileError with the line and column if not.

    Text over MAX_BYTES, nesting deeper than MAX_DEPTH and dotted keys longer than MAX_KEY_PARTS
    are refused by a cheap scan before the parser sees them, so no input can exhaust the stack,
    the memory or the time.
    """
    if len(raw) > MAX_BYTES:
        raise InvalidFileError(source, [Problem("file", _TOO_BIG)], kind=kind)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Problem(f"byte {exc.start}", "the file is not UTF-8 text")
            raise InvalidFileError(source, [problem], kind=kind) from None
    where = too_deep(raw)
    if where is not None:
        raise InvalidFileError(source, [Problem("TOML structure", where)], kind=kind)
    import tomllib

    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidFileError(source, [Problem("TOML syntax", toml_reason(exc))], kind=kind) from None
    except RecursionError:  # the scan should have caught it; never a traceback all the same
        problem = Problem("TOML structure", "nested too deeply")
        raise InvalidFileError(source, [problem], kind=kind) from None


def read_toml(path: Path | str, kind: str) -> dict[str, Any]:
    """Read and parse a TOML file; a missing or unreadable file is an InvalidFileError too.

    Only a regular file is read: a pipe, a device or a socket is refused before it is read (so it
    can neither block nor run on forever); so is a file over MAX_BYTES.
    """
    return parse_toml(read_limited(path, kind), str(path), kind)


def read_limited(path: Path | str, kind: str) -> bytes:
    """The bytes of the regular file ``path`` (at most MAX_BYTES); InvalidFileError otherwise."""
    source = str(path)

    def refuse(reason: str) -> InvalidFileError:
        return InvalidFileError(source, [Problem("file", reason)], kind=kind)

    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        _require_regular(os.stat(path), refuse)
        fd = os.open(path, flags)  # non-blocking: a pipe swapped in after the check cannot block
        try:
            _require_regular(os.fstat(fd), refuse)  # the file opened is the one checked
            chunks, size = [], 0
            while size <= MAX_BYTES:
                chunk = os.read(fd, MAX_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise refuse("no such file") from None
    except IsADirectoryError:
        raise refuse("this is a folder, not a file") from None
    except OSError as exc:
        raise refuse(exc.strerror or str(exc)) from None
    raw = b"".join(chunks)
    if len(raw) > MAX_BYTES:
        raise refuse(_TOO_BIG)
    return raw


def _require_regular(info: os.stat_result, refuse: Callable[[str], Exception]) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise refuse("this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise refuse("not a regular file (a pipe, a device or a socket); give a profile file")
    if info.st_size > MAX_BYTES:
        raise refuse(_TOO_BIG)


_INTERESTING = re.compile(r"""[#\n"'\[\]{}.,=]""")
_TRIPLE_END = {'"': re.compile(r'\\.|"""', re.S), "'": re.compile(r"'''")}


def too_deep(text: str) -> str | None:
    """Why ``text`` nests too deeply for a profile or data file ("line N: ..."), or None.

    A scan that knows just enough TOML (comments, the four kinds of string, keys and values) to
    count the parts of dotted keys and table headers and the depth of arrays and inline tables.
    Linear in the length; it rejects nothing else (the parser judges the rest).
    """
    i, line = 0, 1
    stack: list[str] = []  # the [ and { open inside values
    in_key, parts = True, 1
    while True:
        match = _INTERESTING.search(text, i)
        if match is None:
            return None
        i = match.start()
        c = text[i]
        if c == "#":
            i = text.find("\n", i)
            if i < 0:
                return None
            continue
        if c == "\n":
            line += 1
            if not stack:
                in_key, parts = True, 1
            i += 1
            continue
        if c in "\"'":
            i, line = _skip_string(text, i, line)
            continue
        i += 1
        if in_key:
            if c == ".":
                parts += 1
                if parts > MAX_KEY_PARTS:
                    return f"line {line}: a key of more than {MAX_KEY_PARTS} dotted parts is nested too deeply"
            elif c == "=":
                in_key, parts = False, 1
            elif c == "}" and stack:  # an empty inline table
                stack.pop()
                in_key = False
            continue
        if c in "[{":
            stack.append(c)
            if len(stack) > MAX_DEPTH:
                return f"line {line}: nested more than {MAX_DEPTH} levels deep"
            if c == "{":
                in_key, parts = True, 1
        elif c in "]}":
            if stack:
                stack.pop()
        elif c == "," and stack and stack[-1] == "{":
            in_key, parts = True, 1


def _skip_string(text: str, i: int, line: int) -> tuple[int, int]:
    """The index just after the string that starts at ``i``, and the line it ends on."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        j = i + 3
        while True:
            match = _TRIPLE_END[quote].search(text, j)
            if match is None:
                return len(text), line + text.count("\n", i)
            if len(match.group()) == 3:
                end = match.end()
                while end < len(text) and end - match.end() < 2 and text[end] == quote:
                    end += 1  # up to two more quotes belong to the string
                return end, line + text.count("\n", i, end)
            j = match.end()
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\" and quote == '"':
            j += 2
            continue
        if ch == quote:
            return j + 1, line
        if ch == "\n":
            return j, line  # unterminated: the parser says so
        j += 1
    return j, line


def toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib says '<reason> (at line L, column C)'; lead with the position."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if match:
        return f"line {match.group(1)}, column {match.group(2)}: {text[: match.start()].strip()}"
    return text


def row_label(row: Any, index: int, key: str = "id") -> str:
    """A ``[[table]]`` row's id (or name) when it has a usable one, else its position (#1 is the
    first): how problems with that row are labelled."""
    value = row.get(key) if isinstance(row, dict) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return f"#{index + 1}"


def validate_rows(rows: list[dict[str, Any]], model: type[M], table: str, problems: list[Problem]) -> dict[str, M]:
    """Each row of ``[[table]]`` validated as ``model``, keyed by its ``id``; a row that does not
    validate, or repeats an id, is left out and its problems are added to ``problems``."""
    from pydantic import ValidationError

    valid: dict[str, M] = {}
    for index, row in enumerate(rows):
        label = row_label(row, index)
        try:
            item = model.model_validate(row)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, model, f"{table}[{label}]"))
            continue
        key = item.id  # type: ignore[attr-defined]  # every such table's rows have an id
        if key in valid:
            problems.append(Problem(f"{table}[{label}].id", "duplicate id"))
            continue
        valid[key] = item
    return valid


def validation_problems(
    exc: ValidationError, model: type[BaseModel] | None = None, prefix: str = ""
) -> list[Problem]:
    """A pydantic ValidationError as plain-worded Problems.

    Paths read like ``application.program`` or ``crossings[douglas].port_hours[0].end``
    (``prefix`` first). With ``model`` (the model that was validated), an unknown key gets a
    did-you-mean; a misspelt choice always does.
    """
    import difflib

    problems = []
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        kind = err["type"]
        value = err.get("input")
        if is_secret(loc):
            value = _Hidden()
        if kind == "extra_forbidden":
            reason = "unknown key" + (_did_you_mean(model, loc) if model is not None else "")
        elif kind == "missing":
            reason = "required key is missing"
        elif kind == "enum":
            choices = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
            reason = f"expected one of: {', '.join(choices)} (got {_show(value)})"
            close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6) if not isinstance(value, _Hidden) else []
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
            if isinstance(value, _Hidden):
                reason = f"{_generic(kind, msg)} (the value is not shown)"
            else:
                reason = msg if isinstance(value, dict) else f"{msg} (got {_show(value)})"
        problems.append(Problem(_path(prefix, loc), reason))
    return problems


def is_secret(loc: Sequence[int | str]) -> bool:
    """Whether a field path (pydantic's ``loc``) is or is inside a passport, policy or IME number."""
    names = [part for part in loc if isinstance(part, str)]
    return any(tuple(names[i : i + 2]) in SECRET_KEYS for i in range(len(names) - 1))


class _Hidden:
    """Stands in for a secret value: never shown."""

    def __repr__(self) -> str:
        return "(not shown)"


def _generic(kind: str, msg: str) -> str:
    """The pydantic message, unless it is one of ours that may quote the value."""
    return "expected text" if kind.startswith("string") or "'" in msg or '"' in msg else msg


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
    import difflib

    close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; expected one of: {', '.join(names)}"


def _model_of(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
