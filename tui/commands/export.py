"""``flagpole export NAME [--output PATH] [--redact]``: a stored profile as TOML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.errors import FlagpoleError


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
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print or write the profile; an existing output file is kept as PATH.prev."""
    from tui.commands.common import store_from
    from tui.core.profile_io import dump_profile, load_stored
    from tui.core.storage import atomic_write

    profile = load_stored(store_from(args), args.name)
    text = dump_profile(profile, redact=args.redact)
    if args.output:
        out = Path(args.output).expanduser()
        if out.is_dir():
            raise FlagpoleError(f"{out} is a folder; give a file name for --output.")
        try:
            atomic_write(out, text.encode("utf-8"))
        except OSError as exc:
            raise FlagpoleError(f"Cannot write {out}: {exc.strerror or exc}.") from None
        print(f"Wrote {out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
