"""Start-up benchmark: the four ratios of issue 14, warm and cold, in one run.

    python benchmarks/startup.py [--runs N]

| ratio | A | B (yardstick) | target |
| --- | --- | --- | --- |
| first frame | ``flagpole --demo``: journey screen painted | a bare Textual app (Header, Footer, one Label) painted | ≤ 1.3 |
| verdict | ``flagpole --demo``: the verdict painted | the bare app painted | ≤ 1.5 |
| check | ``flagpole check FILE --json`` (the demo profile), to exit | ``python -c "import pydantic"`` | ≤ 1.2 |
| version | ``flagpole --version``, to exit | ``python -c pass`` | ≤ 2.0 |

*Warm*: the validated cache already holds the data and the profile (a second start); *cold*: an
empty cache folder each run (the first start after an install or an edit: everything is validated
with pydantic and the entries written). The cache folder is a scratch folder ($FLAGPOLE_CACHE),
never the user's.

How it measures: the parent takes ``time.monotonic()`` (system-wide on Linux) just before starting
each child. The app runs with ``FLAGPOLE_EXIT_WHEN_READY=1``: headless (100x30), it writes the
monotonic time once the journey screen has been painted (``journey``) and once the verdict has
(``verdict``), then exits; the bare app writes its time after its first paint. A command is timed
to its exit. Every measured round runs each case once, in turn, after one discarded warm-up
round; ratios are taken round by round (so a drift of the machine's speed cancels) and the median
is printed, with the median times.

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

TARGETS = {"first frame": 1.3, "verdict": 1.5, "check": 1.2, "version": 2.0}


def _run(argv: list[str], env: dict[str, str], pattern: str | None = None) -> dict[str, float]:
    """Start one child; the marks it printed (and its exit), in ms since just before it started."""
    start = time.monotonic()
    proc = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    end = time.monotonic()
    marks: dict[str, float] = {"exit": (end - start) * 1000}
    if pattern is not None:
        match = re.search(pattern, proc.stderr)
        if match is None:
            raise SystemExit(f"{' '.join(argv)} failed (status {proc.returncode}):\n{proc.stderr[-2000:]}")
        for k, v in re.findall(r"(\w+)=([\d.]+)", match.group(0)):
            marks[k] = (float(v) - start) * 1000
    elif proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed (status {proc.returncode}):\n{proc.stderr[-2000:]}")
    return marks


def _flagpole() -> list[str]:
    """The installed ``flagpole`` command next to this Python, else ``python -m tui``."""
    script = Path(sys.executable).with_name("flagpole")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "tui"]


def main() -> int:
    """Run the benchmark and print both tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured rounds (default 9, minimum 5)")
    args = parser.parse_args()
    runs = max(5, args.runs)

    base = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("FLAGPOLE_HOME", "FLAGPOLE_NO_CACHE", "PYTHONDONTWRITEBYTECODE"):
        base.pop(name, None)  # measure as installed: compiled bytecode, the cache on
    flagpole = _flagpole()
    check_file = str(ROOT / "profiles" / "demo.toml")
    times: dict[tuple[str, str], list[float]] = {}
    ratios: dict[tuple[str, str], list[float]] = {}

    with tempfile.TemporaryDirectory() as scratch:
        bare_script = Path(scratch) / "bare_app.py"
        bare_script.write_text(BARE_APP)
        warm_cache = Path(scratch) / "warm-cache"
        homes = Path(scratch) / "homes"

        def env_for(state: str, n: int) -> dict[str, str]:
            cache = warm_cache if state == "warm" else Path(scratch) / f"cold-cache-{n}-{time.monotonic_ns()}"
            return {**base, "FLAGPOLE_CACHE": str(cache), "FLAGPOLE_HOME": str(homes / f"{state}-{n}")}

        def round_(n: int, record: bool) -> None:
            bare = _run([sys.executable, str(bare_script)], base, r"bare-ready .*")["ready"]
            pydantic = _run([sys.executable, "-c", "import pydantic"], base)["exit"]
            plain = _run([sys.executable, "-c", "pass"], base)["exit"]
            version = _run([*flagpole, "--version"], base)["exit"]
            got: dict[str, dict[str, float]] = {}
            for state in ("warm", "cold"):
                env = {**env_for(state, n), "FLAGPOLE_EXIT_WHEN_READY": "1"}
                demo = _run([*flagpole, "--demo"], env, r"flagpole-ready .*")
                check = _run([*flagpole, "check", check_file, "--json"], env_for(state, n))["exit"]
                got[state] = {"journey": demo["journey"], "verdict": demo["verdict"], "check": check}
            if not record:
                return
            for state in ("warm", "cold"):
                g = got[state]
                for name, a, b in (
                    ("first frame", g["journey"], bare),
                    ("verdict", g["verdict"], bare),
                    ("check", g["check"], pydantic),
                    ("version", version, plain),
                ):
                    times.setdefault((state, name), []).append(a)
                    times.setdefault((state, name + " B"), []).append(b)
                    ratios.setdefault((state, name), []).append(a / b)

        round_(0, record=False)  # warm-up: disk cache, .pyc files, and the warm cache's entries
        for n in range(1, runs + 1):
            round_(n, record=True)

    print(f"{runs} rounds, each case once per round in turn; ms from process start (medians); "
          f"ratio = median of the per-round ratios")
    yardstick = {
        "first frame": "bare Textual app painted",
        "verdict": "bare Textual app painted",
        "check": 'python -c "import pydantic"',
        "version": "python -c pass",
    }
    for state in ("warm", "cold"):
        print(f"\n{state}:")
        print(f"| {'ratio':<11} | {'A ms':>6} | {'B ms':>6} | {'A/B':>5} | target | B |")
        print(f"| {'-' * 11} | {'-' * 6} | {'-' * 6} | {'-' * 5} | ------ | - |")
        for name in TARGETS:
            a = statistics.median(times[(state, name)])
            b = statistics.median(times[(state, name + " B")])
            r = statistics.median(ratios[(state, name)])
            mark = "ok" if r <= TARGETS[name] else "over"
            print(f"| {name:<11} | {a:6.0f} | {b:6.0f} | {r:5.2f} | ≤ {TARGETS[name]:<4} {mark} | {yardstick[name]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
