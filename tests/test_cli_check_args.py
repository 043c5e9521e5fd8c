"""``flagpole check`` read without argparse (its start is measured against ``import pydantic``):
the plain forms give exactly what argparse gives, and everything else still goes to argparse."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import parser_for, plain_app_args, plain_check_args

WORDS = ["check", "--json", "--on", "--home", "a.toml", "2026-12-02", "2026-12-02T10:30-08:00", "-5", "--",
         "--demo", "", "my profile", "--js", "--on=2026-12-02", "-h", "--help", "profiles", "/tmp/x", "-"]


def argparse_reads(argv: list[str]) -> dict | None:
    """What the full command line gives (None for a usage error, help or version)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(parser_for(argv).parse_args(argv))
        except SystemExit:
            return None


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "a.toml"],
        ["check", "a.toml", "--json"],
        ["check", "--json", "a.toml"],
        ["check", "--on", "2026-12-02", "me", "--json"],
        ["check", "me", "--on", "2026-12-02T10:30-08:00"],
        ["--home", "/tmp/h", "check", "me"],
    ],
)
def test_the_plain_check_forms_read_as_argparse_reads_them(argv):
    args = plain_check_args(argv)
    assert args is not None
    assert vars(args) == argparse_reads(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],  # usage error: no profile
        ["check", "a", "b"],  # usage error: two
        ["check", "a", "--on"],  # usage error: no value
        ["check", "a", "--on", "-5"],
        ["check", "a", "--js"],  # an abbreviation
        ["check", "a", "--on=2026-12-02"],
        ["check", "--help"],
        ["--demo", "check", "a"],
        ["--home=/x", "check", "a"],
        ["check", "--", "a"],
        ["check", "--json", "--json", "a"],
        ["profiles"],
        [],
    ],
)
def test_anything_else_is_left_to_argparse(argv):
    assert plain_check_args(argv) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=7))
def test_a_command_line_read_without_argparse_is_read_as_argparse_reads_it(argv):
    args = plain_check_args(argv)
    if args is not None:
        assert vars(args) == argparse_reads(argv)


@pytest.mark.parametrize("argv", [[], ["--demo"]], ids=["plain", "demo"])
def test_the_app_command_lines_read_as_argparse_reads_them(argv):
    fast = plain_app_args(argv)
    slow = parser_for(argv).parse_args(argv)
    assert fast is not None
    assert (fast.home, fast.demo, fast.command) == (slow.home, slow.demo, slow.command)


@pytest.mark.parametrize("argv", [["--demo", "--demo"], ["--home", "x"], ["run"], ["--demo", "run"]])
def test_other_app_command_lines_are_left_to_argparse(argv):
    assert plain_app_args(argv) is None
