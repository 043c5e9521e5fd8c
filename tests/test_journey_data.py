"""data/journey.toml: the six stages as data, sourced facts, documents per programme in order."""

from __future__ import annotations

import tomllib

import pytest

from tui.core.errors import InvalidFileError
from tui.core.journey import PROGRAMS, journey_path, load_journey

TITLES = ["Before you go", "US booth", "US office", "CBSA office", "Permit review", "Done"]
IDS = ["before_you_go", "us_booth", "us_office", "cbsa_office", "permit_review", "done"]


@pytest.fixture(scope="module")
def data():
    return load_journey()


@pytest.fixture(scope="module")
def route(data):
    return data.route("flagpole")


def test_the_flagpole_route_has_the_six_stages_of_the_spec_in_order(route):
    assert [s.title for s in route.stages] == TITLES
    assert route.stage_ids == IDS


def test_special_panels_are_data(route):
    assert route.stage_with_panel("readiness").id == "before_you_go"
    assert route.stage_with_panel("permit_review").id == "permit_review"
    assert route.stage_with_panel("summary").id == "done"


def test_every_fact_has_a_url_and_a_date(data):
    for route in data.routes:
        facts = [f for s in route.stages for f in (*s.expect, *s.documents)] + list(route.fix.steps)
        assert facts
        for fact in facts:
            assert fact.source.startswith("https://"), fact.text
            assert fact.as_of is not None


def test_which_us_form_is_handed_over_is_marked_unconfirmed(route):
    office = route.stage("us_office")
    form = [f for f in office.expect if "form" in f.text.lower() and "I-275" in f.text]
    assert form and all(f.unconfirmed for f in form)


def test_iec_documents_follow_the_ircc_list_in_order(data, route):
    docs = [d.text for d in data.documents(route, route.stage("cbsa_office"), "iec-working-holiday")]
    assert docs[:6] == [
        "Passport",
        "Port of Entry Letter of Introduction",
        "Proof of health insurance for the whole stay",
        "Proof of funds: bank statement issued within a week, about CAN$2,500",
        "A ticket out of Canada, or funds to buy one",
        "Copies of the documents sent with your application",
    ]


def test_employer_specific_documents_name_the_lmia(data, route):
    docs = [d.text for d in data.documents(route, route.stage("cbsa_office"), "employer-specific")]
    assert docs[0] == "Passport"
    assert any("LMIA" in d for d in docs) and any("Job offer" in d for d in docs)


def test_pr_landing_hands_over_the_copr(data, route):
    docs = [d.text for d in data.documents(route, route.stage("cbsa_office"), "pr-landing")]
    assert any("COPR" in d for d in docs)
    assert not any("Port of Entry" in d for d in docs)


def test_spousal_documents_are_marked_unconfirmed_where_no_checklist_exists(data, route):
    docs = data.documents(route, route.stage("cbsa_office"), "spousal-open-work-permit")
    assert any(d.unconfirmed for d in docs)


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_programme_gets_documents_and_sentences_at_the_booth_and_the_office(data, route, program):
    for stage_id in ("us_booth", "cbsa_office"):
        stage = route.stage(stage_id)
        assert data.documents(route, stage, program), (program, stage_id)
        assert data.say(stage, program), (program, stage_id)
        assert data.checklist(stage, program), (program, stage_id)


def test_before_you_go_packs_what_the_cbsa_office_asks_for(data, route):
    before, office = route.stage("before_you_go"), route.stage("cbsa_office")
    assert data.documents(route, before, "iec-coop") == data.documents(route, office, "iec-coop")


def test_programme_filters_apply(data, route):
    before = route.stage("before_you_go")
    iec = {c.id for c in data.checklist(before, "iec-working-holiday")}
    pr = {c.id for c in data.checklist(before, "pr-landing")}
    assert {"insurance", "funds", "poe_letter"} <= iec
    assert "copr" in pr and not ({"insurance", "funds", "poe_letter"} & pr)


def test_the_fix_route_is_guide_5218_and_imm_1436(data, route):
    assert "Guide 5218" in route.fix.title and "IMM 1436" in route.fix.title
    steps = data.fix_steps(route, "iec-working-holiday")
    assert any("still valid" in s.text for s in steps)
    assert len(data.fix_steps(route, "pr-landing")) < len(steps)


def test_navigation_helpers(route):
    assert route.next_id("permit_review") == "done"
    assert route.next_id("done") is None
    assert route.previous_id("before_you_go") is None
    assert route.index("cbsa_office") == 3


# --- a bad data file is a readable error ---------------------------------------------------------


def _write(tmp_path, mutate):
    raw = tomllib.loads(journey_path().read_text())
    mutate(raw)
    import tomli_w

    path = tmp_path / "journey.toml"
    path.write_text(tomli_w.dumps(raw))
    return path


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda d: d["routes"][0]["stages"][1].update(id="before_you_go"), "stage ids repeat"),
        (lambda d: d["routes"][0]["stages"][0]["checklist"][0].update(programs=["iec-typo"]), "iec-typo"),
        (lambda d: d["routes"][0]["stages"][0]["expect"][0].pop("source"), "source"),
        (lambda d: d["routes"][0]["stages"][0].update(documents_from="nowhere"), "documents_from"),
        (lambda d: d["routes"][0]["stages"][0].update(colour="red"), "colour"),
        (lambda d: d["program_groups"].update(bad=["nope"]), "nope"),
    ],
)
def test_a_bad_journey_file_names_the_problem(tmp_path, mutate, fragment):
    path = _write(tmp_path, mutate)
    with pytest.raises(InvalidFileError) as info:
        load_journey(path)
    assert fragment in str(info.value)
    assert "journey data" in str(info.value)


def test_a_file_that_is_not_toml_is_refused(tmp_path):
    path = tmp_path / "journey.toml"
    path.write_text("schema = ")
    with pytest.raises(InvalidFileError):
        load_journey(path)
