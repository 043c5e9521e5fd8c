"""Start-up benchmark: process start → journey screen ready, for ``flagpole --demo`` against a bare
Textual app (Header, Footer, one Label), measured in the same run, headless.

    python benchmarks/startup.py [--runs N]

How it measures: the parent takes ``time.monotonic()`` (system-wide on Linux) just before
starting each child process. ``flagpole --demo`` runs with ``FLAGPOLE_EXIT_WHEN_READY=1``: the
app runs headless (100x30), and writes the monotonic time once the journey screen has been
painted (``journey``) and once the rules' verdict has been painted on it (``verdict``), then
exits. The bare app writes its time after its first paint. Runs alternate between the two
(after one discarded warm-up each); medians are printed with the ratio. Target: ratio ≤ 1.3.

This is a benchmark, not a test: the machine's noise (±15 % on small VMs) applies.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_APP = '''
import os, sys, time
from textual.app import App
from textual.widgets import Footer, Header, Label

class Bare(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_ready(self):
        self.call_after_refresh(self.done)

    def done(self):
        os.write(sys.__stderr__.fileno(), f"bare-ready ready={time.monotonic():.6f}\\n".encode())
        self.exit()

Bare().run(headless=True, size=(100, 30))
'''


def _run(argv: list[str], env: dict[str, str], pattern: str) -> dict[str, float]:
    """Start one child; return the marks it printed, in ms since just before it started."""
    start = time.monotonic()
    proc = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    end = time.monotonic()
    match = re.search(pattern, proc.stderr)
    if proc.returncode != 0 or match is None:
        raise SystemExit(f"{' '.join(argv)} failed (status {proc.returncode}):\n{proc.stderr[-2000:]}")
    marks = {k: (float(v) - start) * 1000 for k, v in re.findall(r"(\w+)=([\d.]+)", match.group(0))}
    marks["exit"] = (end - start) * 1000
    return marks


def main() -> int:
    """Run the benchmark and print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs of each (default 9, minimum 7)")
    args = parser.parse_args()
    runs = max(7, args.runs)

    env = {**os.environ, "FLAGPOLE_EXIT_WHEN_READY": "1", "PYTHONPATH": str(ROOT)}
    env.pop("FLAGPOLE_HOME", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: with compiled bytecode
    with tempfile.TemporaryDirectory() as scratch:
        bare_script = Path(scratch) / "bare_app.py"
        bare_script.write_text(BARE_APP)
        flagpole = [sys.executable, "-m", "tui", "--demo"]
        bare = [sys.executable, str(bare_script)]
        fp_pattern = r"flagpole-ready .*"
        bare_pattern = r"bare-ready .*"

        # One warm-up each (disk cache, .pyc files), discarded.
        _run(flagpole, env, fp_pattern)
        _run(bare, env, bare_pattern)

        journey, verdict, bare_ready, app = [], [], [], []
        for _ in range(runs):
            marks = _run(flagpole, env, fp_pattern)
            app.append(marks["app"])
            journey.append(marks["journey"])
            verdict.append(marks["verdict"])
            bare_ready.append(_run(bare, env, bare_pattern)["ready"])

    m_journey = statistics.median(journey)
    m_verdict = statistics.median(verdict)
    m_bare = statistics.median(bare_ready)
    m_app = statistics.median(app)
    print(f"runs: {runs} each, headless, alternating; ms from process start (median [min–max])")
    print(f"bare Textual app (Header, Footer, Label) ready : {m_bare:7.0f}  [{min(bare_ready):.0f}–{max(bare_ready):.0f}]")
    print(f"flagpole --demo, FlagpoleApp constructed    : {m_app:7.0f}  [{min(app):.0f}–{max(app):.0f}]"
          "   (CLI, demo profile copied, Textual imported)")
    print(f"flagpole --demo, journey screen ready           : {m_journey:7.0f}  [{min(journey):.0f}–{max(journey):.0f}]")
    print(f"flagpole --demo, verdict on screen              : {m_verdict:7.0f}  [{min(verdict):.0f}–{max(verdict):.0f}]")
    print(f"ratio journey / bare: {m_journey / m_bare:.2f}   (target <= 1.3)")
    print(f"ratio verdict / bare: {m_verdict / m_bare:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
