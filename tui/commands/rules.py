"""``flagpole rules``: not built yet (see the issues)."""

from __future__ import annotations

import argparse


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser("rules", help="(not built yet)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Not built yet."""
    from tui.core.errors import FlagpoleError

    raise FlagpoleError("'rules' is not built yet.")
