"""Append-only JSON-lines files that survive a power cut: each record is flushed and synced at
once, and a torn last line is skipped (and counted), never a crash."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.storage import ensure_private_dir, open_private, write_all


@dataclass
class ReadResult:
    """The records that could be read, and the line numbers that could not."""

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)


def append_record(path: Path, record: dict[str, Any]) -> None:
    """Append ``record`` as one JSON line to ``path`` (0600, folder 0700), flushed and synced,
    holding the file's advisory lock. Every byte is written or the file is rolled back to its old
    size and OSError raised (a full disk is never acknowledged). A link in place of the file is
    refused (UnsafePath). If the file ends in a torn line (no newline), the new record starts on
    a fresh line so it is never glued to the broken one."""
    path = Path(path)
    ensure_private_dir(path.parent)
    fd = open_private(path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        append_line(fd, encode_record(record))
    finally:
        os.close(fd)


def encode_record(record: dict[str, Any]) -> bytes:
    """One record as a JSON line (UTF-8, ending in a newline)."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str) + "\n").encode("utf-8")


def append_line(fd: int, line: bytes) -> None:
    """Append ``line`` to the open file ``fd`` (read-write, append mode, locked by the caller),
    after a newline if the file ends in a torn line; all or nothing, as ``append_fd``."""
    size = os.fstat(fd).st_size
    if size and os.pread(fd, 1, size - 1) != b"\n":
        line = b"\n" + line
    append_fd(fd, line)


def append_fd(fd: int, data: bytes) -> None:
    """Append every byte of ``data`` to ``fd`` and fsync, or cut the file back to the size it had
    and raise OSError (ENOSPC for a write that stops short): never a partial record."""
    size = os.fstat(fd).st_size
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        try:
            os.ftruncate(fd, size)
            os.fsync(fd)
        except OSError:
            pass
        raise


def append_bytes(path: Path, data: bytes) -> None:
    """Append ``data`` to ``path`` (created 0600 if needed; no link followed), holding the
    file's lock; written and synced before returning, or rolled back and OSError raised."""
    fd = open_private(Path(path), os.O_RDWR | os.O_CREAT | os.O_APPEND)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        append_fd(fd, data)
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
        except (ValueError, RecursionError):  # a number too long, or nesting too deep
            yield Line(number, text.strip()[:80], problem="not a record this app writes")


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
