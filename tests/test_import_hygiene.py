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
