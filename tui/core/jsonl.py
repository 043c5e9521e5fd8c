"""Append-only JSON-lines files that survive a power cut: each record is flushed and synced at
once, and a torn last line is skipped (and counted), never a crash."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import Any

from tui.core.storage import ensure_private_dir


@dataclass
class ReadResult:
    """The records that could be read, and the line numbers that could not."""

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)


def append_record(path: Path, record: dict[str, Any]) -> None:
    """Append ``record`` as one JSON line to ``path`` (0600, folder 0700), flushed and synced.

    If the file ends in a torn line (no newline), the new record starts on a fresh line so it is
    never glued to the broken one.
    """
    path = Path(path)
    ensure_private_dir(path.parent)
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = 0
    if size:
        with open(path, "rb") as reader:
            reader.seek(size - 1)
            if reader.read(1) != b"\n":
                line = "\n" + line
    append_bytes(path, line.encode("utf-8"))


def append_bytes(path: Path, data: bytes) -> None:
    """Append ``data`` to ``path`` (created 0600 if needed), written and synced before returning."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Line:
    """One non-blank line: its number, its text, and the JSON value or why there is none."""

    number: int
    text: str
    value: Any = None
    problem: str = ""
    """"not UTF-8 text" or "incomplete or not JSON"; empty when ``value`` was read."""


def parse_lines(lines: Iterable[str | bytes]) -> Iterator[Line]:
    """Each non-blank line parsed as JSON; unreadable lines carry their problem instead."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield Line(number, raw.decode("utf-8", "replace").strip(), problem="not UTF-8 text")
                continue
        else:
            text = raw
        if not text.strip():
            continue
        try:
            yield Line(number, text.strip(), json.loads(text))
        except json.JSONDecodeError:
            yield Line(number, text.strip(), problem="incomplete or not JSON")


def read_records(path: Path) -> ReadResult:
    """Every JSON object line in ``path``; unreadable lines are skipped and their numbers kept."""
    result = ReadResult()
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return result
    for line in parse_lines(raw.split(b"\n")):
        if isinstance(line.value, dict):
            result.records.append(line.value)
        else:
            result.skipped_lines.append(line.number)
    return result
