"""The ``flagpole`` command. Only ``run`` (and the default, no command) imports the Textual UI,
so every other command starts fast; and the command line sets up only the command asked for
(``--version``, plain ``flagpole`` and ``--demo`` never build the whole parser)."""

from __future__ import annotations

import importlib
import os
import sys

from tui import __version__

TYPE_CHECKING = False  # typing itself is not imported: ``--version`` answers before anything loads
if TYPE_CHECKING:  # pragma: no cover
    import argparse
    from collections.abc import Sequence
    from types import SimpleNamespace

# Each module in tui/commands/ has configure(subparsers) and run(args) -> exit status.
COMMANDS = ("run", "import_", "export", "profiles", "check", "crossings", "airports", "rules", "history")
MODULE_OF = {name.rstrip("_"): name for name in COMMANDS}
"""The command typed (``import``) and the module that configures and runs it (``import_``)."""


def _parser_class() -> type[argparse.ArgumentParser]:
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse that reports usage errors with status 2 and one short paragraph."""

        def error(self, message: str) -> None:  # type: ignore[override]
            self.exit(2, f"{self.prog}: {message}\n(see '{self.prog} --help')\n")

    return _Parser


def build_parser(only: str | None = None, *, commands: bool = True) -> argparse.ArgumentParser:
    """The command line: global options and every subcommand (``only``: just that one; with
    ``commands`` False: the global options alone)."""
    _Parser = _parser_class()
    parser = _Parser(
        prog="flagpole",
        description=(
            "An offline companion for the day you flagpole at a Canada–US land border: "
            "are you eligible and ready, which crossing and when, what to say at each step, "
            "and is the permit you were handed correct before you leave the office."
        ),
        epilog="Without a command, flagpole opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"flagpole {__version__}")
    parser.add_argument(
        "--home",
        metavar="PATH",
        help="data folder to use instead of the default (also $FLAGPOLE_HOME)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a bundled invented person, in a throwaway folder",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if only is None else (MODULE_OF[only],):
        module = importlib.import_module(f"tui.commands.{name}")
        module.configure(subparsers)
    return parser


def command_in(argv: Sequence[str]) -> str | None:
    """The command word in ``argv`` (the first argument that is not a global option or the
    value of ``--home``), or None when there is none."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--home":
            skip = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The smallest parser that reads ``argv`` as the whole one would: the global options alone
    without a command (and without --help), the one command typed, or everything."""
    command = command_in(argv)
    if command is None:
        if any(a in ("-h", "--help") or (a.startswith("--") and "--help".startswith(a) and len(a) > 3) for a in argv):
            return build_parser()
        return build_parser(commands=False)
    if command in MODULE_OF:
        return build_parser(command)
    return build_parser()  # an unknown command: the usage error lists them all


def plain_app_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """``flagpole`` and ``flagpole --demo`` (the app, nothing to parse: no argparse) as argparse
    reads them; None for any other command line."""
    if list(argv) not in ([], ["--demo"]):
        return None
    from types import SimpleNamespace

    return SimpleNamespace(home=None, demo=bool(argv), command=None)


def plain_check_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments of the plain ``check`` command line, read without argparse (which, with
    the parser it builds, is a tenth of a warm check): ``[--home PATH] check REF [--on VALUE]
    [--json]``, the three after ``check`` in any order, each at most once, no value starting
    with ``-``. The same values argparse gives; None for any other command line (argparse then
    reads it, with its help and its usage errors)."""
    from types import SimpleNamespace

    rest = list(argv)
    home = None
    if rest[:1] == ["--home"] and len(rest) >= 3:
        home, rest = rest[1], rest[2:]
    if rest[:1] != ["check"] or (home is not None and home.startswith("-")):
        return None
    profile, on, json = None, None, False
    words = iter(rest[1:])
    for word in words:
        if word == "--json" and not json:
            json = True
        elif word == "--on" and on is None:
            on = next(words, "-")
            if on.startswith("-"):
                return None
        elif not word.startswith("-") and profile is None:
            profile = word
        else:
            return None
    if profile is None:
        return None
    handler = importlib.import_module("tui.commands.check").run
    return SimpleNamespace(home=home, demo=False, command="check", profile=profile, on=on, json=json, handler=handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0 ok, 1 ``check`` found errors, 2 anything
    that went wrong (bad input, a file that cannot be read or written, or an unexpected failure),
    always with one short message on stderr and never a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # the quickest answer, as argparse gives it, without a parser
        print(f"flagpole {__version__}")
        raise SystemExit(0)
    from tui.core.errors import FlagpoleError

    args: argparse.Namespace | SimpleNamespace | None = plain_app_args(argv) or plain_check_args(argv)
    if args is None:
        args = parser_for(argv).parse_args(argv)  # --help, --version: SystemExit(0); a usage error: SystemExit(2)
    if args.command is None:
        args.command = "run"
        args.handler = importlib.import_module("tui.commands.run").run
        args.profile = None
    try:
        status = args.handler(args)
    except FlagpoleError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted.")
    except BrokenPipeError:
        return 0
    except OSError as exc:
        return _fail(os_error_words(exc))
    except RecursionError:
        return _fail("the input is nested too deeply to be read.")
    except MemoryError:
        return _fail("not enough memory to finish (is the input far larger than a profile?).")
    except Exception as exc:  # noqa: BLE001 - the one place every other failure becomes status 2
        return _fail(f"unexpected failure ({type(exc).__name__}). Please report it.")
    return status if status in (0, 1, 2) else 2


def os_error_words(exc: OSError) -> str:
    """An OSError in one line: the file (or files) and what happened, in the system's words."""
    what = exc.strerror or str(exc) or type(exc).__name__
    files = [f for f in (exc.filename, exc.filename2) if f is not None]
    where = " -> ".join(os.fsdecode(f) if isinstance(f, str | bytes) else str(f) for f in files)
    text = f"{where}: {what}" if where else what
    return " ".join(text.split())


def _fail(message: str) -> int:
    print(f"flagpole: {message}", file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
