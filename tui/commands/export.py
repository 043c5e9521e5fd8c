"""``flagpole export NAME [--output PATH] [--redact] [--force]``: a stored profile as TOML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "export",
        help="write a stored profile as TOML",
        description="Write a stored profile as TOML to stdout or a file.",
    )
    p.add_argument("name", metavar="NAME", help="stored profile name")
    p.add_argument("--output", "-o", metavar="PATH", help="file to write (default: stdout)")
    p.add_argument(
        "--redact",
        action="store_true",
        help="mask the passport, insurance policy and medical exam (IME) numbers",
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing output file (no copy of it is kept)"
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print or write the profile; an existing output file is replaced only with --force."""
    from tui.commands.common import store_from
    from tui.core.transfer import export_profile, export_text

    store = store_from(args)
    if args.output:
        out = export_profile(
            store, args.name, Path(args.output), redact=args.redact, force=args.force
        )
        print(f"Wrote {out}.", file=sys.stderr)
    else:
        sys.stdout.write(export_text(store, args.name, redact=args.redact))
    return 0
