"""The contract documents live in docs/ and the program agrees with them: every rule id of the
catalogue in docs/rules.md (the original tables and the Additions), with its severity, is what
``flagpole rules --json`` lists, and nothing else."""

from __future__ import annotations

import json
import re

from tui.cli import main

from .harness import CONTRACT_IDS, DOCS

SEVERITIES = ("error", "warning", "info")
CATALOGUE_ROW = re.compile(r"^\| `([a-z_]+\.[a-z_]+)` \| ([^|]+) \|", re.M)


def catalogue_in_docs() -> dict[str, set[str]]:
    """Every rule id in a table of docs/rules.md, with the severity words of its row (a row may
    name two: "error on the flagpole route when not exempt; warning otherwise")."""
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    rows: dict[str, set[str]] = {}
    for rule_id, severity in CATALOGUE_ROW.findall(text):
        words = {word for word in SEVERITIES if re.search(rf"\b{word}\b", severity)}
        assert words, f"{rule_id}: no severity in {severity!r}"
        assert rule_id not in rows, f"{rule_id} is in docs/rules.md twice"
        rows[rule_id] = words
    return rows


def rules_json(capsys) -> dict[str, str]:
    """``flagpole rules --json`` as {id: severity}."""
    assert main(["rules", "--json"]) == 0
    return {rule["id"]: rule["severity"] for rule in json.loads(capsys.readouterr().out)}


def test_the_contract_documents_are_in_the_repository():
    for name in ("product.md", "profile-format.md", "rules.md", "crossings.md"):
        assert (DOCS / name).read_text(encoding="utf-8").startswith("# "), name


def test_the_crossings_contract_lists_the_ids_the_tests_check():
    assert len(CONTRACT_IDS) == 28 and "boundary-bay" in CONTRACT_IDS
    assert len(set(CONTRACT_IDS)) == len(CONTRACT_IDS)


def test_every_rule_listed_is_documented_with_its_severity(capsys):
    documented = catalogue_in_docs()
    listed = rules_json(capsys)
    assert sorted(set(listed) - set(documented)) == []
    assert {i: s for i, s in listed.items() if s not in documented[i]} == {}


def test_rules_json_and_the_catalogue_in_docs_agree(capsys):
    documented = catalogue_in_docs()
    listed = rules_json(capsys)
    assert sorted(set(documented) - set(listed)) == [], "in docs/rules.md, not in `rules --json`"
    assert sorted(set(listed) - set(documented)) == [], "in `rules --json`, not in docs/rules.md"
    wrong = {i: (listed[i], sorted(documented[i])) for i in listed if listed[i] not in documented[i]}
    assert wrong == {}, "severity differs"
