"""Mutation fuzzing of everything a user (or a damaged disk) can hand flagpole: profile files
through ``import`` and ``check``, odd ``--at/--near/--on/--stale`` values, and random journal and
border-history lines.

    python benchmarks/fuzz.py N [--seed S]

N mutated profile files (built from the example profiles in profiles/ by byte flips,
truncation, deep nesting, huge or odd dates, long dotted keys, type swaps, removed and
duplicated keys) each go through ``import`` and ``check`` in-process (``tui.cli.main``), as do
N/3 odd option values and N/10 journal and N/10 history lines. Printed: tracebacks (an
exception out of ``main`` or a traceback on stderr), exit statuses outside 0/1/2, stored profiles
changed by a refused import, messages showing a passport, policy or IME number (one that the
file holds in its own field), cases over 5 s, and the slowest case. The bar: every count 0.

The suite runs a few hundred of the same cases (tests/test_fuzz.py); this is for 10,000 and more
by hand. Exit status: 0 when every count is 0, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
SLOW_SECONDS = 5.0
SECRET_PATTERN = re.compile(r'^\s*(?:number|policy_number|ime_number)\s*=\s*"([^"]+)"', re.M)


# --- results -------------------------------------------------------------------------------------


@dataclass
class Results:
    """What went wrong, counted, with an example of each kind."""

    cases: int = 0
    tracebacks: int = 0
    bad_status: int = 0
    changed_by_refused_import: int = 0
    leaked_numbers: int = 0
    slow: int = 0
    slowest: tuple[float, str] = (0.0, "")
    statuses: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def note(self, kind: str, what: str) -> None:
        """Count one failure of ``kind`` (keeps the first example)."""
        setattr(self, kind, getattr(self, kind) + 1)
        self.examples.setdefault(kind, what[:600])

    def timed(self, seconds: float, what: str) -> None:
        """Record one case's duration."""
        self.cases += 1
        if seconds > SLOW_SECONDS:
            self.note("slow", f"{seconds:.1f} s: {what}")
        if seconds > self.slowest[0]:
            self.slowest = (seconds, what[:200])

    @property
    def clean(self) -> bool:
        """Every count zero."""
        return not (
            self.tracebacks or self.bad_status or self.changed_by_refused_import or self.leaked_numbers or self.slow
        )

    def report(self) -> str:
        """The counts, one a line, then an example of each failure."""
        lines = [
            f"cases:                          {self.cases}",
            f"tracebacks:                     {self.tracebacks}",
            f"exit statuses outside 0/1/2:    {self.bad_status}",
            f"stored profiles changed by a refused import: {self.changed_by_refused_import}",
            f"messages showing a number:      {self.leaked_numbers}",
            f"cases over {SLOW_SECONDS:.0f} s:                {self.slow}",
            f"slowest case:                   {self.slowest[0]:.3f} s ({self.slowest[1][:100]!r})",
            "exit statuses:                  "
            + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items(), key=str)),
        ]
        for kind, example in self.examples.items():
            lines.append(f"example of {kind}: {example}")
        return "\n".join(lines)


# --- running the command line in-process ---------------------------------------------------------


def run_cli(argv: list[str], results: Results, what: str, secrets: tuple[str, ...] = ()) -> int | None:
    """``tui.cli.main(argv)`` with its output captured; counts tracebacks, odd statuses, leaks."""
    from tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    status: int | None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as done:  # argparse: --help or a usage error
            status = done.code if isinstance(done.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - this is what the fuzzer looks for
            if isinstance(exc, KeyboardInterrupt):
                raise
            results.note("tracebacks", f"{what}: {''.join(traceback.format_exception(exc))[-500:]}")
            return None
    results.statuses[status] += 1
    if "Traceback (most recent call last)" in err.getvalue() + out.getvalue():
        results.note("tracebacks", f"{what}: {err.getvalue()[-500:]}")
    if status not in (0, 1, 2):
        results.note("bad_status", f"{what}: status {status!r}")
    if status != 0:
        shown = err.getvalue()
        for secret in secrets:
            if len(secret) >= 4 and secret in shown:
                results.note("leaked_numbers", f"{what}: {shown[:300]}")
                break
    return status


# --- mutations of a profile file -----------------------------------------------------------------

ODD_YEARS = ("0001", "0999", "1000", "1899", "2200", "9998", "9999", "1900", "2199")
ODD_VALUES = (
    '""', "0", "-1", "1e308", "nan", "inf", "true", "[]", "{}", "[1, 2]", '{ a = 1 }', "1979-05-27T07:32:00Z",
    "07:32:00", "0001-01-01", "9999-12-31", '"9999-12-31"', '"25:00"', "99999999999999999999", '"\\u0000"',
    '"' + "x" * 5000 + '"', "2026-02-30", "[[1], [2, [3]]]", "'X9F4K2M71'",
)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    """A few random bytes replaced."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut anywhere."""
    return data[: rng.randrange(len(data) + 1)]


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """An array or inline table nested 10 to 3,000 deep, appended or in place of a value."""
    depth = rng.choice((10, 31, 32, 33, 100, 1000, 3000))
    if rng.random() < 0.5:
        value = "[" * depth + "1" + "]" * depth
    else:
        value = "{a=" * depth + "1" + "}" * depth
    if rng.random() < 0.3:
        value = value[: rng.randrange(len(value))]  # unbalanced
    return _replace_value(data, rng, value) if rng.random() < 0.5 else data + f"\nextra = {value}\n".encode()


def odd_date(data: bytes, rng: random.Random) -> bytes:
    """A date's year made 1, 999, 1899, 2200, 9999 (or a real date made unreal)."""
    text = data.decode("utf-8", "replace")
    dates = list(re.finditer(r"\b\d{4}-\d{2}-\d{2}\b", text))
    if not dates:
        return data
    m = rng.choice(dates)
    new = rng.choice((f"{rng.choice(ODD_YEARS)}{m.group()[4:]}", f"{m.group()[:5]}02-30", f"{m.group()}T25:00",
                      f"{rng.choice(ODD_YEARS)}-12-31T23:59:59+14:00", f"{m.group()[:4]}-13-01"))
    return (text[: m.start()] + new + text[m.end():]).encode()


def long_dotted_key(data: bytes, rng: random.Random) -> bytes:
    """A dotted key (or table header) of 2 to 20,000 parts."""
    parts = rng.choice((2, 3, 32, 33, 100, 1000, 20000))
    key = ".".join(rng.choice(("a", "person", '"q.x"', "b-1")) for _ in range(parts))
    line = f"[{key}]\nz = 1" if rng.random() < 0.3 else f"{key} = 1"
    return data + f"\n{line}\n".encode()


def swap_type(data: bytes, rng: random.Random) -> bytes:
    """A value replaced by one of another type (or an odd one)."""
    return _replace_value(data, rng, rng.choice(ODD_VALUES))


def remove_key(data: bytes, rng: random.Random) -> bytes:
    """A key (or a table header) removed."""
    lines = _lines(data.decode("utf-8", "replace"))
    if lines:
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines).encode()


def duplicate_key(data: bytes, rng: random.Random) -> bytes:
    """A line (a key or a table header) written twice."""
    lines = _lines(data.decode("utf-8", "replace"))
    if lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    return "\n".join(lines).encode()


def odd_time(data: bytes, rng: random.Random) -> bytes:
    """The arrival time made impossible."""
    return re.sub(
        rb"arrive = [^\n]*", b"arrive = " + rng.choice((b"25:00:00", b'"25:00"', b"23:59:60", b'"7:5"', b"-1")), data
    )


def secret_elsewhere(data: bytes, rng: random.Random) -> bytes:
    """A passport or policy number typed into a field where it is invalid."""
    text = data.decode("utf-8", "replace")
    found = SECRET_PATTERN.findall(text)
    if not found:
        return data
    return _replace_value(data, rng, f'"{rng.choice(found)}"')


def huge(data: bytes, rng: random.Random) -> bytes:
    """Over 1 MiB (a comment, a string or many keys)."""
    return data + b"\n# " + b"x" * (1024 * 1024 + rng.randrange(1000)) + b"\n"


def _replace_value(data: bytes, rng: random.Random, value: str) -> bytes:
    text = data.decode("utf-8", "replace")
    keys = list(re.finditer(r"^(\s*[A-Za-z0-9_.\-]+\s*=\s*)([^\n]*)$", text, re.M))
    if not keys:
        return data
    m = rng.choice(keys)
    return (text[: m.start(2)] + value + text[m.end(2):]).encode()


MUTATIONS = (
    (flip_bytes, 14), (truncate, 8), (deep_nesting, 8), (odd_date, 16), (long_dotted_key, 6),
    (swap_type, 16), (remove_key, 10), (duplicate_key, 8), (odd_time, 6), (secret_elsewhere, 6), (huge, 1),
)


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One to three mutations of ``data``; returns the bytes and their names."""
    names = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        mutation = rng.choices([m for m, _ in MUTATIONS], weights=[w for _, w in MUTATIONS])[0]
        data = mutation(data, rng)
        names.append(mutation.__name__)
    return data, "+".join(names)


# --- profile files through import and check --------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()}


def fuzz_profiles(n: int, rng: random.Random, work: Path, results: Results) -> None:
    """``n`` mutated example profiles through ``import`` (new name, or --force over a stored one)
    and ``check``; a refused import must leave every stored profile as it was."""
    examples = sorted(PROFILES.glob("*.toml"))
    home = work / "home"
    for example in examples:
        run_cli(["--home", str(home), "import", str(example)], results, f"setup {example.name}")
    stored = home / "profiles"
    for i in range(n):
        example = rng.choice(examples)
        original = example.read_bytes()
        data, how = mutate(original, rng)
        # The numbers the file holds where numbers belong: a number moved into another field
        # (say insurance.printed) is no longer recognisable as one, and may be quoted.
        secrets = tuple(SECRET_PATTERN.findall(data.decode("utf-8", "replace")))
        path = work / f"case-{i % 4}.toml"
        path.write_bytes(data)
        what = f"case {i} ({example.name}, {how})"
        target = rng.choice(("fuzzed", example.stem)) if rng.random() < 0.5 else "fuzzed"
        argv = ["--home", str(home), "import", str(path), "--name", target]
        if target != "fuzzed" or rng.random() < 0.5:
            argv.append("--force")
        before = _snapshot(stored)
        start = time.perf_counter()
        status = run_cli(argv, results, f"import {what}", secrets)
        after = _snapshot(stored)
        if status != 0 and after != before:
            results.note("changed_by_refused_import", what)
        if status == 0 and target != "fuzzed":  # put the example back for the next cases
            (stored / f"{target}.toml").write_bytes(before[f"{target}.toml"])
        for name in after.keys() - before.keys():
            (stored / name).unlink()  # keep the store as it was: "fuzzed" is a fresh name each time
        check = ["--home", str(home), "check", str(path)]
        if rng.random() < 0.2:
            check += ["--on", odd_moment(rng)]
        if rng.random() < 0.2:
            check.append("--json")
        run_cli(check, results, f"check {what}", secrets)
        results.timed(time.perf_counter() - start, what)


# --- odd option values ---------------------------------------------------------------------------


def odd_moment(rng: random.Random) -> str:
    """A date, a date-time or junk, often at the edges of the calendar."""
    year = rng.choice((*ODD_YEARS, "2026", "2027", f"{rng.randrange(10000):04d}"))
    month, day = rng.choice(("01", "02", "12", "13", "00")), rng.choice(("01", "28", "29", "30", "31", "32", "00"))
    text = f"{year}-{month}-{day}"
    if rng.random() < 0.6:
        text += "T" + rng.choice(("00:00", "12:30", "23:59", "24:00", "25:00", "23:59:60", "10:00:00.123456"))
        if rng.random() < 0.6:
            text += rng.choice(("Z", "+14:00", "-12:00", "+23:59", "-23:59", "+24:00", "+05:30", "-08:00"))
    if rng.random() < 0.15:
        text = rng.choice(("", " ", "now", "\x00", "２０２６-１２-０２", "2026-12-02" * 50, "-1", "1e9", text[::-1]))
    return text


def odd_near(rng: random.Random) -> str:
    """A point, a place name or junk."""
    number = lambda: rng.choice(("0", "-90", "90", "91", "-181", "180", "1e400", "nan", "inf", "49.0", "-122.7",  # noqa: E731
                                 "1" * 400, "+5", "--5", ".5"))
    return rng.choice((f"{number()},{number()}", f"{number()}, {number()}", "Vancouver", "vancouver", "Toronto",
                       "", ",", "x" * 10000, "Montréal", "\x00", "peace-arch", "49.0,-122.7,3"))


def odd_stale(rng: random.Random) -> str:
    """A number of days, or not."""
    return rng.choice(("0", "1", "365", "36500", "36501", "-1", "99999999999", str(10**400), "x", "", "1.5", " 7 "))


def fuzz_options(n: int, rng: random.Random, work: Path, results: Results) -> None:
    """``n`` odd ``--at``, ``--near``, ``--on`` and ``--stale`` values."""
    demo = str(PROFILES / "demo.toml")
    for i in range(n):
        kind = rng.choice(("at", "near", "on", "stale", "at+near"))
        if kind == "at":
            argv = ["crossings", "--at", odd_moment(rng)]
        elif kind == "near":
            argv = ["crossings", "--near", odd_near(rng)]
        elif kind == "at+near":
            argv = ["crossings", "--at", odd_moment(rng), "--near", odd_near(rng), "--json"]
        elif kind == "on":
            argv = ["check", demo, "--on", odd_moment(rng)]
        else:
            argv = ["crossings", "--stale", odd_stale(rng)]
        argv = ["--home", str(work / "home"), *argv]
        start = time.perf_counter()
        run_cli(argv, results, f"option case {i}: {argv[2:]}")
        results.timed(time.perf_counter() - start, f"option case {i}: {argv[2:]}")


# --- journal and history lines -------------------------------------------------------------------

T0 = datetime(2026, 12, 2, 10, 0, tzinfo=timezone(timedelta(hours=-8)))


def odd_json_value(rng: random.Random, depth: int = 0):
    """Any JSON value, with a bias to the shapes the readers meet."""
    choice = rng.randrange(10)
    if choice == 0 and depth < 3:
        return [odd_json_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    if choice == 1 and depth < 3:
        return {rng.choice(("a", "stage", "at")): odd_json_value(rng, depth + 1)}
    return rng.choice((None, True, 0, -1, 10**30, 1.5, "", "x", "2026-12-02", "2026-12-02T10:00:00",
                       "2026-12-02T10:00:00-08:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00",
                       "9999-12-31", "0001-01-01", "25:00", odd_moment(rng)))


def _mutated_record(record: dict, rng: random.Random) -> str:
    record = dict(record)
    for _ in range(rng.randint(0, 3)):
        key = rng.choice([*record, "at", "type", "day", "recorded_at", "extra"])
        if rng.random() < 0.2:
            record.pop(key, None)
        else:
            record[key] = odd_json_value(rng)
    line = json.dumps(record)
    roll = rng.random()
    if roll < 0.05:
        line = line[: rng.randrange(len(line) + 1)]
    elif roll < 0.08:
        line = "[" * rng.choice((10, 1000, 100000)) + line
    elif roll < 0.10:
        line = line.replace("}", ', "n": ' + "9" * 5000 + "}", 1)
    return line


def fuzz_journal(n: int, rng: random.Random, results: Results) -> None:
    """``n`` journal lines (in days of 1 to 20), replayed, then the state used as the app uses it."""
    from tui.core.journal import make_record, replay
    from tui.core.journal_export import ExportContext, journal_markdown

    kinds = ("journey_started", "stage_entered", "stage_left", "tick", "permit_field", "decision", "exported", "x")
    done = 0
    while done < n:
        lines = []
        for _ in range(min(n - done, rng.randint(1, 20))):
            at = T0 + timedelta(minutes=rng.randrange(600))
            record = make_record(rng.choice(kinds), at, stage=rng.choice(("us_booth", "cbsa_office")),
                                 item="passport", done=True, field="expires", value="2027-02-10",
                                 question="q", answer="leave", findings=["x"], path="p", route="flagpole")
            lines.append(_mutated_record(record, rng))
            done += 1
        what = f"journal lines {lines!r}"
        start = time.perf_counter()
        try:
            state = replay(lines)
            later = T0 + timedelta(days=1)
            for stage in list(state.visits):
                state.time_in(stage, later)
            state.left_with_errors  # noqa: B018 - computed as the app does
            ctx = ExportContext("demo", "2026-12-02", "Flagpole", [("us_booth", "US booth"),
                                                                   ("cbsa_office", "CBSA office")], later)
            journal_markdown(state, ctx)
        except Exception as exc:  # noqa: BLE001
            results.note("tracebacks", f"{what[:300]}: {type(exc).__name__}: {exc}")
        results.timed(time.perf_counter() - start, what)


def fuzz_history(n: int, rng: random.Random, work: Path, results: Results) -> None:
    """``n`` border-history lines (in files of 1 to 10), read and shown by ``flagpole history``."""
    from tui.core.history import BorderHistory, TurnAround

    home = work / "history-home"
    home.mkdir(exist_ok=True)
    done = 0
    while done < n:
        lines = []
        for _ in range(min(n - done, rng.randint(1, 10))):
            entry = TurnAround(T0.date(), "peace-arch", "Peace Arch", ("referral slip",), "demo", "note",
                               T0 if rng.random() < 0.5 else None)
            lines.append(_mutated_record(entry.to_json(), rng))
            done += 1
        (home / "history.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="replace")
        what = f"history lines {lines!r}"
        start = time.perf_counter()
        try:
            BorderHistory(home).read()
        except Exception as exc:  # noqa: BLE001
            results.note("tracebacks", f"{what[:300]}: {type(exc).__name__}: {exc}")
        run_cli(["--home", str(home), "history", *(["--json"] if rng.random() < 0.5 else [])], results, what)
        results.timed(time.perf_counter() - start, what)


# --- all of it -----------------------------------------------------------------------------------


def fuzz(n: int, seed: int = 0, *, options: int | None = None, lines: int | None = None) -> Results:
    """Run ``n`` profile cases, ``options`` (default n/3) option cases and ``lines`` (default
    n/10) journal and history lines each; returns the counts."""
    rng = random.Random(seed)
    results = Results()
    with tempfile.TemporaryDirectory(prefix="flagpole-fuzz-") as tmp:
        work = Path(tmp)
        fuzz_profiles(n, rng, work, results)
        fuzz_options(n // 3 if options is None else options, rng, work, results)
        fuzz_journal(max(1, n // 10) if lines is None else lines, rng, results)
        fuzz_history(max(1, n // 10) if lines is None else lines, rng, work, results)
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer from the command line; print the counts."""
    parser = argparse.ArgumentParser(description="Mutation fuzzing of flagpole's inputs.")
    parser.add_argument("n", type=int, help="number of mutated profile files (10,000 or more for a real run)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    start = time.perf_counter()
    results = fuzz(args.n, args.seed)
    print(results.report())
    print(f"total time:                     {time.perf_counter() - start:.1f} s (seed {args.seed})")
    return 0 if results.clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
