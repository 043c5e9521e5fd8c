"""Helpers shared by the commands: the store the options point at, JSON and file output."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tui.core.storage import ProfileStore, default_home

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    import argparse
    from typing import Any


def home_from(args: argparse.Namespace) -> Path:
    """The data folder chosen by ``--home``, ``$FLAGPOLE_HOME`` or the platform default."""
    return Path(args.home).expanduser() if getattr(args, "home", None) else default_home()


def store_from(args: argparse.Namespace) -> ProfileStore:
    """The profile store in the chosen data folder."""
    return ProfileStore(home_from(args))


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON on stdout."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def require_moment_in_range(option: str, text: str) -> None:
    """FlagpoleError unless the date in a ``--on``/``--at`` value falls in the years the app
    handles (date_range.MIN_YEAR..MAX_YEAR), checked before any date arithmetic can overflow."""
    import re

    from tui.core.date_range import MAX_YEAR, MIN_YEAR
    from tui.core.errors import FlagpoleError

    match = re.match(r"\s*(\d{4})-", text)
    if match and not MIN_YEAR <= int(match.group(1)) <= MAX_YEAR:
        raise FlagpoleError(
            f"{option}: {text.strip()!r} is out of range; give a date between {MIN_YEAR} and {MAX_YEAR}."
        )
