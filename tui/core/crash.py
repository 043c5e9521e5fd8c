"""Crash reports: what went wrong, in words, and where, without anything that identifies a person.

A report holds the error's type and message (with every given secret masked) and a trimmed
stack of ``file:line:function`` entries: no source lines and no local variables.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

MASK = "[redacted]"
MAX_FRAMES = 40


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret (longest first, at least 3 characters) replaced by a mask."""
    for secret in sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def describe_error(error: BaseException, secrets: Iterable[str] = ()) -> str:
    """``Type: message`` in one line, secrets masked."""
    message = str(error).strip() or "(no message)"
    return redact(f"{type(error).__name__}: {message}", secrets)


def crash_report(error: BaseException, now: datetime, secrets: Iterable[str] = ()) -> str:
    """The text of a crash report: when, the error in words, and the trimmed stack (outermost
    first), then the same for the error it came from, if any. Secrets are masked."""
    secrets = list(secrets)
    lines = ["flagpole crash report", f"when: {now.isoformat(timespec='seconds')}"]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append("")
        lines.append("error: " + describe_error(current, secrets))
        frames = traceback.extract_tb(current.__traceback__)[-MAX_FRAMES:]
        lines.extend(redact(f"  at {f.filename}:{f.lineno}:{f.name}", secrets) for f in frames)
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("")
            lines.append("which happened while handling:")
    lines.append("")
    return "\n".join(lines)


def write_crash_report(folder: Path, text: str, now: datetime) -> Path:
    """Write ``text`` as a new file ``folder/crash-YYYYmmdd-HHMMSS.txt`` (0600, never over an
    existing file and not through a link). Returns its path; OSError when it cannot."""
    from tui.core.storage import ensure_private_dir, write_all

    ensure_private_dir(Path(folder))
    stem = f"crash-{now.strftime('%Y%m%d-%H%M%S')}"
    for n in range(100):
        path = Path(folder) / (f"{stem}.txt" if n == 0 else f"{stem}-{n}.txt")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            continue
        try:
            write_all(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        return path
    raise FileExistsError(f"too many crash reports named {stem} in {folder}")
