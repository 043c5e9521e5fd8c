"""Append-only JSON-lines files that survive a power cut: each record is flushed and synced at
once, and a torn last line is skipped (and counted), never a crash."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
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


def read_records(path: Path) -> ReadResult:
    """Every JSON object line in ``path``; unreadable lines are skipped and their numbers kept."""
    result = ReadResult()
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return result
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            result.skipped_lines.append(number)
            continue
        if isinstance(record, dict):
            result.records.append(record)
        else:
            result.skipped_lines.append(number)
    return result
