"""The policy data: dated, sourced facts, validated when loaded, loaded once per process."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest
import tomli_w

from tui.core.errors import InvalidFileError
from tui.core.policy import default_policy_path, load_policy
from tui.core.profile import Exemption
from tui.core.rules import CATALOGUE

from .rule_cases import RULE_IDS

NO_SOURCE = {"plan.missing", "crossing.unknown", "crossing.no_pedestrians", "airport.unknown",
             "crossing.us_side_closed", "crossing.appointment_required"}
"""Rules with no policy source: nothing to cite, or the crossing data's own source."""


@pytest.fixture
def policy_data() -> dict:
    with open(default_policy_path(), "rb") as handle:
        return tomllib.load(handle)


def write(tmp_path, data: dict, name: str = "policy.toml"):
    path = tmp_path / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (lambda p: p.flagpoling_ban.effective, date(2024, 12, 24)),
        (lambda p: p.pgwp_cutoff.effective, date(2024, 6, 21)),
        (lambda p: p.spousal_owp_change.effective, date(2025, 1, 21)),
        (lambda p: p.iec_funds.minimum_cad, 2500),
        (lambda p: p.iec_funds.statement_max_age_days, 7),
        (lambda p: p.permit_review.tolerance_days, 2),
        (lambda p: p.crossing.closes_soon_hours, 2),
    ],
)
def test_bundled_facts(value, expected):
    assert value(load_policy()) == expected


def test_every_fact_has_a_source_and_date():
    policy = load_policy()
    for fact in (policy.flagpoling_ban, policy.pgwp_cutoff, policy.spousal_owp_change,
                 policy.iec_funds, policy.permit_review, policy.crossing, policy.medical,
                 *policy.exemptions.values()):
        assert fact.source.startswith("https://")
        assert date(2017, 1, 1) <= fact.as_of <= policy.as_of
    for route in (policy.routes.amend, policy.routes.iec_in_canada, policy.routes.enter_from_elsewhere,
                  policy.routes.apply_to_ircc, policy.routes.pr_portal):
        assert route.url.startswith("https://") and route.name


def test_exemptions_cover_every_profile_value_and_us_citizens():
    policy = load_policy()
    assert set(policy.exemptions) == {"us-citizen"} | {e.value for e in Exemption}
    for fact in policy.exemptions.values():
        assert fact.proof and fact.label


def test_keywords():
    medical = load_policy().medical
    for word in ("child", "daycare", "nanny", "teach", "school", "nurse", "health", "care aide",
                 "doctor", "physician", "dental", "hospital", "paramedic"):
        assert word in medical.restricted_occupations
    assert {"childcare", "school teaching", "health service"} <= set(medical.condition_keywords)


def test_rule_sources_name_only_catalogue_ids_and_cover_the_rest():
    policy = load_policy()
    assert set(policy.rule_sources) <= set(RULE_IDS)
    for spec in CATALOGUE:
        if spec.id in NO_SOURCE:
            assert spec.source(policy) is None
        else:
            assert spec.source(policy).startswith("https://"), spec.id


def test_loaded_once_per_process():
    assert load_policy() is load_policy()
    assert load_policy(default_policy_path()) is load_policy()


def test_a_valid_copy_loads(tmp_path, policy_data):
    policy = load_policy(write(tmp_path, policy_data))
    assert policy.iec_funds.minimum_cad == 2500


def test_a_changed_threshold_is_read_from_the_data(tmp_path, policy_data):
    policy_data["iec_funds"]["minimum_cad"] = 3000
    policy = load_policy(write(tmp_path, policy_data))
    spec = {s.id: s for s in CATALOGUE}["funds.below_minimum"]
    assert "CAD 3,000" in spec.summary_for(policy)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["iec_funds"].pop("minimum_cad"), "iec_funds.minimum_cad"),
        (lambda d: d["flagpoling_ban"].update(effective="soon"), "flagpoling_ban.effective"),
        (lambda d: d["pgwp_cutoff"].update(source="not a url"), "pgwp_cutoff.source"),
        (lambda d: d["crossing"].update(closes_sooon_hours=3), "crossing.closes_sooon_hours"),
        (lambda d: d["exemptions"].pop("truck-driver"), "truck-driver"),
        (lambda d: d["rule_sources"].update({"funds.missing": "ftp://x"}), "funds.missing"),
    ],
)
def test_an_invalid_file_names_the_field(tmp_path, policy_data, change, where):
    change(policy_data)
    path = write(tmp_path, policy_data)
    with pytest.raises(InvalidFileError) as err:
        load_policy(path)
    assert err.value.kind == "policy data"
    assert str(path) in str(err.value)
    assert where in str(err.value)


def test_bad_toml_and_missing_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = \n", encoding="utf-8")
    with pytest.raises(InvalidFileError, match="not a valid policy data"):
        load_policy(broken)
    with pytest.raises(InvalidFileError, match="file"):
        load_policy(tmp_path / "absent.toml")
