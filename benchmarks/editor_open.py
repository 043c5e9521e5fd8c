"""Editor-opening benchmark: pushing the profile screen (a new profile, and an edited one) until
it shows its fields, against pushing a bare screen (Header, Label, Footer) in the same headless
app and the same run.

    python benchmarks/editor_open.py [--runs N]

How it measures: one headless app (80x24) pushes, in turn, a bare screen and the profile screen;
the time runs from ``push_screen`` to the paint that first shows the form's fields ("filled": the
first screenful, the number that matters to a person), and to the paint with every field built
("whole form": the fields below the first screen are built after it is painted). "first paint" is
the screen's first paint, fields or not (what this benchmark timed before the two others; for a
stored profile, read in a worker, it could be the empty form). A callback after each paint checks
the screen: fields ``built`` and every one of them in the layout just painted (a region on the
screen), ``form_complete``. Each is popped before the next run. Medians are printed
in ms, with the ratio to the bare screen. Target: the profile screen shows its fields in under 300 ms
(200 ms on a loaded two-core machine). This is a benchmark, not a test: the machine's noise applies.
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


async def _time_push(app: App[None], pilot, make) -> dict[str, float]:
    """Push ``make()``; return the ms until it was first painted ("painted"), until it was
    painted with its first fields ("filled") and with all of them ("complete")."""
    screen = make()
    marks: dict[str, float] = {}
    done = asyncio.Event()
    loop = asyncio.get_running_loop()

    def laid_out() -> bool:  # every field built so far and not hidden is in the layout painted
        fields = [*getattr(screen, "labels", {}).values(), *getattr(screen, "inputs", {}).values()]
        return all(w.region.area for w in fields if all(n.display for n in w.ancestors_with_self if n is not app))

    def filled() -> bool:
        return bool(getattr(screen, "built", True)) and laid_out()

    def complete() -> bool:
        return filled() and bool(getattr(screen, "form_complete", True))

    def after_paint() -> None:  # called after each paint until the form is complete
        now = time.perf_counter()
        marks.setdefault("painted", now)
        if "filled" not in marks and filled():
            marks["filled"] = now  # (a later step may add fields before this paint: caught at the next)
        if complete():
            marks["complete"] = now
            done.set()
            return
        loop.call_later(0.002, screen.call_after_refresh, after_paint)  # poll gently, not in a spin

    start = time.perf_counter()
    screen.call_later(screen.call_after_refresh, after_paint)
    app.push_screen(screen)
    await asyncio.wait_for(done.wait(), 30)
    await pilot.pause()
    app.pop_screen()
    await pilot.pause()
    return {key: (at - start) * 1000 for key, at in marks.items()}


STAGES = ("painted", "filled", "complete")


async def measure(runs: int) -> dict[str, dict[str, list[float]]]:
    """Alternate bare / new profile / stored profile pushes, ``runs`` times each (after a warm-up):
    for each, the ms of every run to each stage."""
    from tui.screens.profile import ProfileScreen

    clock = fixed_clock(NOW)
    times: dict[str, dict[str, list[float]]] = {k: {s: [] for s in STAGES} for k in ("bare", "new", "edit")}
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
                    for stage, ms in (await _time_push(app, pilot, make)).items():
                        times[key][stage].append(ms)
    return times


def main() -> int:
    """Run the benchmark and print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs of each (default 9)")
    args = parser.parse_args()
    times = asyncio.run(measure(max(3, args.runs)))
    print(f"runs: {len(times['bare']['filled'])} each, headless 80x24, alternating; "
          "ms from push, median [min–max]")
    print(f"{'':36}  {'first paint':>17}  {'filled':>17}  {'whole form':>17}")
    for key, words in (("bare", "bare screen (Header, Label, Footer)"), ("new", "profile screen, new profile"),
                       ("edit", "profile screen, stored demo")):
        cells = []
        for stage in STAGES:
            values = times[key][stage]
            cells.append(f"{statistics.median(values):5.0f} [{min(values):4.0f}–{max(values):4.0f}]")
        print(f"{words:36}  " + "  ".join(cells))
    bare = statistics.median(times["bare"]["filled"])
    for key in ("new", "edit"):
        print(f"ratio {key} / bare: {statistics.median(times[key]['filled']) / bare:.1f}   (target: under 300 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
