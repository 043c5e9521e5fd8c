"""The demo's throwaway folder is removed however the app ends: a normal quit, SIGTERM, SIGHUP;
and the terminal is told how to keep progress."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .harness import ROOT

DEADLINE = 30.0


def run_demo_until(tmp_path: Path, stop) -> tuple[int, str, list[Path]]:
    """Start ``python -m tui --demo`` on a pty with TMPDIR in ``tmp_path``; once the demo's folder
    exists and the screen has drawn, ``stop(proc, master)``; returns the exit status, what the
    terminal showed, and the demo folders left."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "FLAGPOLE_HOME": str(tmp_path / "home"), "TERM": "xterm-256color"}
    env.pop("FLAGPOLE_EXIT_WHEN_READY", None)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "--demo"], cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + DEADLINE

    def read_some(wait: float) -> None:
        nonlocal shown
        ready, _, _ = select.select([master], [], [], wait)
        if ready:
            try:
                shown += os.read(master, 65536)
            except OSError:
                pass

    try:
        while b"Boundary Bay" not in shown or not list(tmp_path.glob("flagpole-demo-*")):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise AssertionError(f"never happened: the demo drew its journey ({shown[-400:]!r})")
            read_some(0.2)
        stop(proc, master)
        while proc.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError("never happened: the demo exited")
            read_some(0.2)
        for _ in range(20):
            read_some(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return proc.returncode, shown.decode("utf-8", "replace"), list(tmp_path.glob("flagpole-demo-*"))


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_ends_the_demo_cleanly_and_removes_its_folder(tmp_path, number):
    status, shown, left = run_demo_until(tmp_path, lambda proc, master: proc.send_signal(number))
    assert left == [], "the demo's throwaway folder was left behind"
    assert status == 0
    assert "now removed" in shown and "press c (create) or" in shown


def test_quitting_the_demo_says_how_to_keep_progress(tmp_path):
    status, shown, left = run_demo_until(tmp_path, lambda proc, master: os.write(master, b"q"))
    assert left == [] and status == 0
    assert "its profile and journey were not" in shown
