"""``flagpole rules [--json]``: the catalogue of every finding the engine can produce."""

from __future__ import annotations

import argparse
import sys


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "rules",
        help="list every rule: id, severity, stage, summary and source",
        description="The rules catalogue: every finding 'flagpole check' can produce, with its "
        "stable id, severity, stage (readiness or permit_review), a one-line summary and the "
        "source behind it.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the catalogue."""
    from tui.commands.common import print_json
    from tui.core.policy import load_policy
    from tui.core.rules import CATALOGUE

    policy = load_policy()
    rows = [spec.to_json(policy) for spec in CATALOGUE]
    if args.json:
        print_json(rows)
        return 0
    id_width = max(len(r["id"]) for r in rows)
    out: list[str] = []
    for stage, title in (("readiness", "READINESS (before the crossing)"),
                         ("permit_review", "PERMIT REVIEW (at the counter, before you leave)")):
        out += ["", title] if out else [title]
        for r in (r for r in rows if r["stage"] == stage):
            out.append(f"  {r['severity'].upper():<7}  {r['id']:<{id_width}}  {r['summary']}")
            if r["source"]:
                out.append(f"  {'':<7}  {'':<{id_width}}  {r['source']}")
    out += ["", f"{len(rows)} rules."]
    sys.stdout.write("\n".join(out) + "\n")
    return 0
