"""A wheel (what a non-editable ``pip install .`` installs) carries the data and the examples."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from .harness import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    if result.returncode != 0 and "hatchling" in result.stderr:
        pytest.skip("hatchling is not installed in this environment")
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("flagpole-*.whl")
    return path


def test_wheel_contains_every_data_file_and_example_profile(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("data", "profiles"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                assert f"tui/{folder}/{path.relative_to(ROOT / folder)}" in names
    assert "tui/profiles/demo.toml" in names


def test_installed_package_finds_its_data_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from tui.core.resources import data_dir, demo_profile_path\n"
        "from tui.core.profile_io import read_profile\n"
        "read_profile(demo_profile_path())\n"
        "print(data_dir())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(site / "tui" / "data")
