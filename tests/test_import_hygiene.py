"""The core never imports Textual, and the non-UI commands start without it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .harness import PROFILES, ROOT

CORE = sorted(p.stem for p in (ROOT / "tui" / "core").glob("*.py") if p.stem != "__init__")


def python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_importing_the_whole_core_leaves_textual_out():
    imports = "; ".join(f"import tui.core.{name}" for name in CORE)
    result = python(f"import sys; {imports}; print(sorted(m for m in sys.modules if m.startswith(('textual', 'rich'))))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_core_source_mentions_a_textual_import():
    for path in (ROOT / "tui" / "core").glob("*.py"):
        for line in path.read_text().splitlines():
            assert not line.lstrip().startswith(("import textual", "from textual")), path


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["profiles"], ["check", str(PROFILES / "demo.toml")],
     ["export", "nobody"], ["rules"], ["crossings", "--json"]],
)
def test_non_ui_commands_do_not_import_textual(argv):
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr)"
    )
    result = python(code)
    assert result.stderr.strip().endswith("CLEAN"), result.stderr[-500:]


def _modules_after(argv: list[str], prefixes: tuple[str, ...], env: dict | None = None) -> list[str]:
    """The modules (starting with one of ``prefixes``) imported by running ``flagpole ARGV``."""
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    return eval(result.stderr.strip().splitlines()[-1])  # noqa: S307 - our own printed list


HEAVY = ("pydantic", "textual", "rich", "tomli_w", "platformdirs", "difflib", "tomllib")


def test_version_builds_no_parser_and_imports_no_pydantic():
    assert _modules_after(["--version"], (*HEAVY, "argparse", "tui.commands")) == []


def test_a_command_sets_up_only_itself():
    loaded = _modules_after(["profiles", "--json"], ("tui.commands.",))
    assert loaded == ["tui.commands.common", "tui.commands.profiles"]


def test_the_app_path_parses_without_any_other_command():
    code = (
        "import sys\nfrom tui.cli import parser_for\n"
        "args = parser_for(['--demo']).parse_args(['--demo'])\n"
        "print(args.demo, args.command, sorted(m for m in sys.modules if m.startswith('tui.commands')))"
    )
    result = python(code)
    assert result.stdout.strip() == "True None []", result.stderr


def test_a_warm_check_imports_no_pydantic_and_no_textual(tmp_path):
    env = {"FLAGPOLE_CACHE": str(tmp_path / "cache"), "FLAGPOLE_HOME": str(tmp_path / "home")}
    env.pop("FLAGPOLE_NO_CACHE", None)
    argv = ["check", str(PROFILES / "demo.toml"), "--json"]
    cold = _modules_after(argv, ("pydantic", "textual"), {**env, "FLAGPOLE_NO_CACHE": ""})
    assert "pydantic" in cold  # the first start validates
    assert _modules_after(argv, HEAVY, {**env, "FLAGPOLE_NO_CACHE": ""}) == []


WARM_CHECK_SPARES = ("dataclasses", "inspect", "typing", "argparse", "shutil", "calendar", "hashlib", "_hashlib",
                     "secrets", "tempfile", "tui.core.labels")
"""What a warm ``check --json`` does without (each a measurable part of its start, issue 14):
no dataclass (inspect), no typing at run time, no argparse for the plain command line, no
OpenSSL for the key, no write-only helpers, no menu words."""


@pytest.mark.parametrize("profile", ["demo.toml", "iec-arrival-by-air.toml"])
def test_a_warm_check_spares_the_modules_it_does_not_need(tmp_path, profile):
    env = {"FLAGPOLE_CACHE": str(tmp_path / "cache"), "FLAGPOLE_HOME": str(tmp_path / "home"), "FLAGPOLE_NO_CACHE": ""}
    argv = ["check", str(PROFILES / profile), "--json"]
    _modules_after(argv, ("pydantic",), env)
    assert _modules_after(argv, WARM_CHECK_SPARES, env) == []


def test_a_warm_check_on_a_given_date_imports_no_pydantic(tmp_path):
    env = {"FLAGPOLE_CACHE": str(tmp_path / "cache"), "FLAGPOLE_HOME": str(tmp_path / "home"), "FLAGPOLE_NO_CACHE": ""}
    argv = ["check", str(PROFILES / "demo.toml"), "--json", "--on", "2026-12-02T10:30"]
    _modules_after(argv, ("pydantic",), env)
    assert _modules_after(argv, HEAVY, env) == []


def test_a_warm_check_of_an_airport_day_imports_no_pydantic(tmp_path):
    env = {"FLAGPOLE_CACHE": str(tmp_path / "cache"), "FLAGPOLE_HOME": str(tmp_path / "home"), "FLAGPOLE_NO_CACHE": ""}
    argv = ["check", str(PROFILES / "iec-arrival-by-air.toml"), "--json"]
    _modules_after(argv, ("pydantic",), env)
    assert _modules_after(argv, HEAVY, env) == []


def test_the_check_path_imports_no_model_module_until_it_validates():
    imports = "import tui.commands.check, tui.core.rules, tui.core.policy, tui.core.airports, tui.core.profile_io"
    result = python(f"import sys; {imports}; import tui.core.crossings as c; c.normalize; "
                    "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'tomli_w', 'platformdirs'))))")
    assert result.stdout.strip() == "[]", result.stderr


_OPEN_SESSION = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from tui.core.clock import fixed_clock
from tui.core.session import Session
from tui.core.storage import ProfileStore
session = Session.open(ProfileStore(Path(sys.argv[1])), "demo", fixed_clock(datetime(2026, 11, 20, 14, tzinfo=UTC)))
session.documents(session.current)
session.close()
print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))
"""


def _modules_after_open(home, env: dict, prefixes: tuple[str, ...]) -> list[str]:
    """The modules (starting with one of ``prefixes``) a fresh interpreter imports to open the
    stored profile ``demo`` in ``home`` as a session."""
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_SESSION.format(prefixes=prefixes), str(home)], capture_output=True,
        text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )
    assert result.returncode == 0, result.stderr[-800:]
    return eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 - our own printed list


def test_a_warm_session_open_imports_no_pydantic(tmp_path):
    from tui.core.resources import demo_profile_path
    from tui.core.storage import ProfileStore

    ProfileStore(tmp_path / "home").write_bytes("demo", demo_profile_path().read_bytes())
    env = {"FLAGPOLE_CACHE": str(tmp_path / "cache"), "FLAGPOLE_HOME": str(tmp_path / "home"), "FLAGPOLE_NO_CACHE": ""}
    heavy = ("pydantic", "textual", "rich", "tomli_w", "platformdirs")
    assert "pydantic" in _modules_after_open(tmp_path / "home", env, heavy)  # the first start validates
    assert _modules_after_open(tmp_path / "home", env, heavy) == []
    off = _modules_after_open(tmp_path / "home", {**env, "FLAGPOLE_NO_CACHE": "1"}, heavy)
    assert "pydantic" in off  # the switch: every start validates


_BEFORE_START = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from tui.commands.run import open_before_start
from tui.core.clock import fixed_clock
from tui.core.storage import ProfileStore
session = open_before_start(ProfileStore(Path(sys.argv[1])), "demo", fixed_clock(datetime(2026, 11, 20, 14, tzinfo=UTC)))
print(session is not None and session.verdict is not None)
print(sorted(m for m in sys.modules if m.startswith(("pydantic", "textual", "rich", "tomli_w", "platformdirs"))))
"""


def test_the_apps_warm_start_opens_the_day_and_its_verdict_without_pydantic(tmp_path):
    """What ``flagpole run`` does before the UI (issue 14): the day and the rules' verdict, read
    from the cache; cold, nothing (the app's workers validate), and nothing heavy either way."""
    from tui.core.resources import demo_profile_path
    from tui.core.storage import ProfileStore

    home = tmp_path / "home"
    ProfileStore(home).write_bytes("demo", demo_profile_path().read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FLAGPOLE_CACHE": str(tmp_path / "cache"),
           "FLAGPOLE_HOME": str(home), "FLAGPOLE_NO_CACHE": ""}

    def start() -> tuple[str, str]:
        result = subprocess.run([sys.executable, "-c", _BEFORE_START, str(home)], capture_output=True, text=True,
                                cwd=ROOT, env=env)
        assert result.returncode == 0, result.stderr[-800:]
        opened, modules = result.stdout.strip().splitlines()[-2:]
        return opened, modules

    assert start() == ("False", "[]")  # cold: left to the app's workers, nothing validated here
    _modules_after_open(home, env, ("pydantic",))  # what the app's workers leave behind
    subprocess.run([sys.executable, "-m", "tui", "check", "demo", "--json"], capture_output=True, cwd=ROOT, env=env)
    assert start() == ("True", "[]")
