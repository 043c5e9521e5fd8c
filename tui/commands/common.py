"""Helpers shared by the commands: the store the options point at, JSON and file output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tui.core.storage import ProfileStore, default_home


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
