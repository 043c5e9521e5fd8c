"""Editor-opening benchmark: pushing the profile screen (a new profile, and an edited one) until
its first paint, against pushing a bare screen (Header, Label, Footer) in the same headless app
and the same run.

    python benchmarks/editor_open.py [--runs N]

How it measures: one headless app (80x24) pushes, in turn, a bare screen and the profile screen;
the time runs from ``push_screen`` until the screen has been painted once (``call_after_refresh``
from its ``on_mount``, then one more refresh so the layout is done). Each is popped before the
next run. Medians are printed in ms with the ratio. Target: the profile screen opens in under
300 ms. This is a benchmark, not a test: the machine's noise applies.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Footer, Header, Label  # noqa: E402

from tui.core.clock import fixed_clock  # noqa: E402
from tui.core.profile_io import read_profile, save_stored  # noqa: E402
from tui.core.storage import ProfileStore  # noqa: E402

NOW = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)


class Bare(Screen[None]):
    """The yardstick: a header, a label and a footer."""

    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()


class Host(App[None]):
    """An empty app that pushes the screens to time."""


async def _time_push(app: App[None], pilot, make) -> float:
    """Push ``make()``; return the ms until it has been painted."""
    done = asyncio.Event()
    screen = make()
    start = time.perf_counter()

    def painted() -> None:
        screen.call_after_refresh(done.set)

    screen.call_later(painted)
    app.push_screen(screen)
    await asyncio.wait_for(done.wait(), 30)
    elapsed = (time.perf_counter() - start) * 1000
    await pilot.pause()
    app.pop_screen()
    await pilot.pause()
    return elapsed


async def measure(runs: int) -> dict[str, list[float]]:
    """Alternate bare / new profile / stored profile pushes, ``runs`` times each (after a warm-up)."""
    from tui.screens.profile import ProfileScreen

    clock = fixed_clock(NOW)
    times: dict[str, list[float]] = {"bare": [], "new": [], "edit": []}
    with tempfile.TemporaryDirectory() as home:
        store = ProfileStore(Path(home))
        save_stored(store, "demo", read_profile(ROOT / "profiles" / "demo.toml"))
        makers = {
            "bare": Bare,
            "new": lambda: ProfileScreen(store, None, clock, data_dir=ROOT / "data"),
            "edit": lambda: ProfileScreen(store, "demo", clock, data_dir=ROOT / "data"),
        }
        app = Host()
        async with app.run_test(size=(80, 24)) as pilot:
            for make in makers.values():  # warm-up: imports, CSS parsing
                await _time_push(app, pilot, make)
            for _ in range(runs):
                for key, make in makers.items():
                    times[key].append(await _time_push(app, pilot, make))
    return times


def main() -> int:
    """Run the benchmark and print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs of each (default 9)")
    args = parser.parse_args()
    times = asyncio.run(measure(max(3, args.runs)))
    bare = statistics.median(times["bare"])
    print(f"runs: {len(times['bare'])} each, headless 80x24, alternating; ms push → painted (median [min–max])")
    for key, words in (("bare", "bare screen (Header, Label, Footer)"), ("new", "profile screen, new profile"),
                       ("edit", "profile screen, stored demo profile")):
        values = times[key]
        print(f"{words:38}: {statistics.median(values):7.0f}  [{min(values):.0f}–{max(values):.0f}]")
    for key in ("new", "edit"):
        print(f"ratio {key} / bare: {statistics.median(times[key]) / bare:.1f}   (target: under 300 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
