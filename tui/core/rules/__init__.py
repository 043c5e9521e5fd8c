"""The rules engine: every finding of ``spec/rules.md``, computed from a profile at one moment.

Pure: ``evaluate`` reads no clock and no file; the crossings data and the policy facts are passed
in. Each rule is one small function registered in its group module with ``@_rule(...)`` (id,
severity, stage, summary); adding a rule is adding one function. Module map:

- ``terms``: the terms of rules.md (term end, expected permit, exemption, names, ``on``);
- ``registry``: ``Hit``, ``RuleSpec``, ``RuleGroup`` and the ``Context`` every check reads;
- ``wording``: the wording helpers shared by the rules;
- ``eligibility``, ``route``, ``documents``, ``crossing``, ``medical``, ``permit_review``: the rules
  (``route``: the airport of an arrival by air, who may ask for the permit by mail);
- ``engine``: ``GROUPS`` (the group modules in catalogue order), ``CATALOGUE``, ``evaluate``.
"""

from tui.core.rules.engine import CATALOGUE, GROUPS, evaluate, rule_ids
from tui.core.rules.registry import Context, Hit, RuleGroup, RuleSpec
from tui.core.rules.terms import (
    add_months,
    exemption,
    expected_permit,
    matches_keyword,
    resolve_on,
    same_name,
    term_end,
)
from tui.core.rules.wording import PROGRAM_NAMES

__all__ = [
    "CATALOGUE",
    "GROUPS",
    "PROGRAM_NAMES",
    "Context",
    "Hit",
    "RuleGroup",
    "RuleSpec",
    "add_months",
    "evaluate",
    "expected_permit",
    "exemption",
    "matches_keyword",
    "resolve_on",
    "rule_ids",
    "same_name",
    "term_end",
]
