"""Issue 9: a seeded mutation fuzz of what users hand flagpole (benchmarks/fuzz.py runs the same
with 10,000 cases and more): no traceback, no exit status outside 0/1/2, no stored profile changed
by a refused import, no message showing a passport, policy or IME number."""

from __future__ import annotations

import importlib.util
import os
import sys

from .harness import ROOT


def load_fuzzer():
    spec = importlib.util.spec_from_file_location("flagpole_fuzz", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_few_hundred_mutated_inputs_fail_cleanly(monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # durability is not what is fuzzed here
    fuzzer = load_fuzzer()
    results = fuzzer.fuzz(200, seed=9, options=100, lines=150)
    assert results.clean, results.report()
    assert results.statuses[2] > 100  # the mutations do reach the refusals
    assert results.statuses[0] > 0  # and some mutated files are still valid profiles


def test_every_mutation_changes_something():
    import random

    fuzzer = load_fuzzer()
    original = (ROOT / "profiles" / "demo.toml").read_bytes()
    for mutation, _weight in fuzzer.MUTATIONS:
        changed = [mutation(original, random.Random(seed)) != original for seed in range(5)]
        assert any(changed), mutation.__name__
