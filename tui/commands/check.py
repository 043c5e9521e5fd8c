"""``flagpole check NAME|PATH [--on DATE|DATETIME] [--json]``: is this person ready?"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    import argparse

    from tui.core.findings import Finding, Report

_HEADINGS = {"error": "ERRORS", "warning": "WARNINGS", "info": "INFO"}
_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_RESET = "\x1b[0m"
_LIMITS = {
    "program": "the programme's term",
    "passport": "your passport expiry",
    "insurance": "the end of your insurance",
}


def configure(subparsers) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "check",
        help="check a profile: eligibility, readiness and the issued permit",
        description="Check a profile for the planned crossing. Exit status: 0 no errors, "
        "1 at least one error finding, 2 the file cannot be read or is not a valid profile.",
    )
    p.add_argument("profile", metavar="NAME|PATH", help="stored profile or profile file")
    p.add_argument(
        "--on",
        metavar="DATE|DATETIME",
        help="evaluate at this date (keeps the planned arrival time) or moment "
        "(local to the crossing or airport unless it has an offset)",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Evaluate the profile; print the findings; 0 without errors, 1 with at least one."""
    from tui.commands.common import print_json, require_moment_in_range, store_from
    from tui.core.clock import system_clock
    from tui.core.errors import BadMomentError, FlagpoleError
    from tui.core.policy import load_policy
    from tui.core.profile_io import resolve_profile
    from tui.core.rules import evaluate, resolve_on

    if args.on is not None:
        require_moment_in_range("--on", args.on)
    label, profile = resolve_profile(store_from(args), args.profile)
    policy = load_policy()
    crossings, airports = _place_data(profile)
    try:
        on = resolve_on(profile, crossings, args.on, system_clock(), airports=airports)
    except BadMomentError as exc:
        raise FlagpoleError(f"--on: {exc}") from None
    report = evaluate(profile, crossings, policy, on, airports=airports)
    if args.json:
        print_json(report_json(label, report))
    else:
        sys.stdout.write(render_text(label, report, colour=_use_colour(), route=profile.route))
    return 1 if report.has_errors else 0


def _place_data(profile):
    """(crossings, airports): only the data the profile's route reads, None for the rest."""
    from tui.core.kinds import PlanRoute

    if profile.plan is None:
        return None, None
    if profile.route is PlanRoute.ARRIVAL_BY_AIR:
        from tui.core.airports import load_airports

        return None, load_airports()
    if profile.route is PlanRoute.FLAGPOLE:
        from tui.core.crossings import load_crossings

        return load_crossings(), None
    return None, None


def report_json(label: str, report: Report) -> dict:
    """The ``flagpole check --json`` object of ``rules.md``."""
    return {
        "profile": label,
        "on": report.on.isoformat(timespec="seconds"),
        "ready": report.ready,
        "expected_permit": report.expected_permit.to_json() if report.expected_permit else None,
        "findings": [f.to_json() for f in report.findings],
    }


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


"""The readiness line's words per route (``plan.route``)."""


def render_text(
    label: str, report: Report, *, colour: bool = False, width: int | None = None, route: str = "flagpole"
) -> str:
    """Human output: a summary ("Ready to cross", "Ready to fly" or "Ready to send the request",
    per ``route``), then the findings grouped by severity, each labelled in words
    (ERROR / WARNING / INFO) so it reads the same without colour, each ending with the profile
    key to change when there is one."""
    import shutil

    from tui.core.findings import Severity
    from tui.core.labels import READY_WORDS

    width = width or min(100, shutil.get_terminal_size((100, 24)).columns)
    counts = report.counts()
    lines = [
        f"Profile:  {label}",
        f"On:       {report.on:%A %Y-%m-%d %H:%M} ({_zone_words(report.on)})",
    ]
    if report.expected_permit is not None:
        ep = report.expected_permit
        lines.append(
            f"Expected permit expiry: {ep.expires} (limited by {_LIMITS.get(ep.limited_by, ep.limited_by)})"
        )
    ready = "yes (no readiness errors)" if report.ready else "NO (see the errors below)"
    lines.append(f"{READY_WORDS.get(str(route), READY_WORDS['flagpole'])}: {ready}")
    lines.append(
        "Findings: "
        + ", ".join(
            f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
            for s in Severity
        )
    )
    for severity in Severity:
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        lines += ["", _paint(f"{_HEADINGS[severity.value]} ({len(group)})", severity.value, colour)]
        for finding in group:
            lines += _finding_lines(finding, colour, width)
    if not report.findings:
        lines += ["", "Nothing to report: no finding for this profile at this moment."]
    return "\n".join(lines) + "\n"


def _zone_words(on) -> str:
    """'America/Vancouver, UTC-08:00' (or just the offset for a fixed zone)."""
    offset = on.utcoffset()
    if offset is None:
        return "local time"
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    text = f"UTC{sign}{hours:02d}:{mins:02d}"
    key = getattr(on.tzinfo, "key", None)
    return f"{key}, {text}" if key else text


def _finding_lines(f: Finding, colour: bool, width: int) -> list[str]:
    word = f.severity.value.upper()
    stage = "permit review" if f.stage.value == "permit_review" else "readiness"
    head = f"  {_paint(word, f.severity.value, colour)}  {f.id}  [{stage}]"
    out = [head]
    out += _wrap(f.message, "    ", width)
    if f.say:
        out += _wrap(f'SAY: "{f.say}"', "    ", width)
    out += _wrap("What to do: " + f.advice, "    ", width)
    for number, step in enumerate(f.steps, start=1):
        out += _wrap(f"{number}. {step}", "      ", width)
    if f.fix_field:
        out.append(f"    Profile key: {f.fix_field}")
    for url in dict.fromkeys((*((f.source,) if f.source else ()), *f.sources)):
        out.append(f"    Source: {url}")
    return out


def _wrap(text: str, indent: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(
        text,
        width=max(40, width),
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _paint(text: str, severity: str, colour: bool) -> str:
    return f"{_COLOURS[severity]}{text}{_RESET}" if colour else text
