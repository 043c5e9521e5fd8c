"""The command line: import, export, profiles and check's input errors, as a user meets them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tui.cli import COMMANDS, main
from tui.core.storage import ProfileStore

from .harness import PROFILES, ROOT

DEMO = PROFILES / "demo.toml"


def run_cli(*argv: str) -> int:
    return main(list(argv))


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as done:
        run_cli("--help")
    assert done.value.code == 0
    out = capsys.readouterr().out
    commands = ("run", "import", "export", "profiles", "check", "crossings", "airports", "rules", "history")
    for command in commands:
        assert f"\n    {command} " in out
    assert len(COMMANDS) == 9


def test_version(capsys):
    with pytest.raises(SystemExit):
        run_cli("--version")
    assert capsys.readouterr().out.startswith("flagpole 0.")


def test_import_export_import_round_trip(isolated_home, tmp_path, capsys):
    assert run_cli("import", str(DEMO)) == 0
    assert "Stored 'demo'" in capsys.readouterr().out
    out = tmp_path / "out.toml"
    assert run_cli("export", "demo", "--output", str(out)) == 0
    assert run_cli("import", str(out), "--name", "again") == 0
    store = ProfileStore(isolated_home)
    assert store.read_bytes("again") == store.read_bytes("demo")


def test_import_refuses_to_replace_without_force(isolated_home, capsys):
    assert run_cli("import", str(DEMO)) == 0
    before = ProfileStore(isolated_home).read_bytes("demo")
    assert run_cli("import", str(PROFILES / "pr-landing.toml"), "--name", "demo") == 2
    assert "--force" in capsys.readouterr().err
    assert ProfileStore(isolated_home).read_bytes("demo") == before
    assert run_cli("import", str(PROFILES / "pr-landing.toml"), "--name", "demo", "--force") == 0
    assert ProfileStore(isolated_home).read_bytes("demo") != before
    prev = ProfileStore(isolated_home).path_for("demo").with_name("demo.toml.prev")
    assert prev.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("schema = 1\n[person\n", ["line 2, column 8"]),
        (DEMO.read_text().replace("expires = 2031-09-14", "expires = 2031-13-01"), ["line"]),
        (DEMO.read_text().replace("given_names", "given_name", 1),
         ["person.given_name", "did you mean 'given_names'"]),
        (DEMO.read_text().replace('"iec-working-holiday"', '"iec-working-holidays"'),
         ["application.program", "did you mean 'iec-working-holiday'"]),
        (DEMO.read_text().replace("amount_cad = 4200", 'amount_cad = "lots"'),
         ["funds.amount_cad", "'lots'"]),
    ],
)
def test_a_broken_file_exits_2_naming_the_place_and_stores_nothing(
    isolated_home, tmp_path, capsys, content, expected
):
    assert run_cli("import", str(DEMO)) == 0
    before = ProfileStore(isolated_home).read_bytes("demo")
    broken = tmp_path / "demo.toml"
    broken.write_text(content)
    capsys.readouterr()
    assert run_cli("import", str(broken), "--force") == 2
    err = capsys.readouterr().err
    assert str(broken) in err
    for words in expected:
        assert words in err
    assert "Traceback" not in err
    assert ProfileStore(isolated_home).read_bytes("demo") == before
    assert run_cli("check", str(broken)) == 2


def test_missing_things_are_exit_2_with_a_message(capsys):
    assert run_cli("check", "nobody") == 2
    assert "No stored profile named 'nobody'" in capsys.readouterr().err
    assert run_cli("import", "/no/such/file.toml") == 2
    assert "no such file" in capsys.readouterr().err
    assert run_cli("export", "../../etc/passwd") == 2
    assert "not a usable profile name" in capsys.readouterr().err


def test_unknown_option_is_exit_2(capsys):
    with pytest.raises(SystemExit) as done:
        run_cli("profiles", "--bogus")
    assert done.value.code == 2


def test_export_redact_to_stdout(isolated_home, capsys):
    run_cli("import", str(PROFILES / "iec-ready-with-appointment.toml"), "--name", "alex")
    capsys.readouterr()
    assert run_cli("export", "alex", "--redact") == 0
    out = capsys.readouterr().out
    for secret in ("123456789", "TT-2026-1234", "12345678"):
        assert secret not in out


def test_export_over_an_existing_file_needs_force(isolated_home, tmp_path):
    run_cli("import", str(DEMO))
    target = tmp_path / "mine.toml"
    target.write_text("my notes\n")
    assert run_cli("export", "demo", "-o", str(target)) == 2
    assert target.read_text() == "my notes\n"
    assert run_cli("export", "demo", "-o", str(target), "--force") == 0
    assert not (tmp_path / "mine.toml.prev").exists()


def test_profiles_lists_what_is_stored(isolated_home, capsys):
    assert run_cli("profiles") == 0
    assert "No stored profiles" in capsys.readouterr().out
    run_cli("import", str(DEMO))
    capsys.readouterr()
    assert run_cli("profiles", "--json") == 0
    assert '"name": "demo"' in capsys.readouterr().out


def test_python_dash_m_tui_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0
    assert result.stdout.startswith("flagpole ")
