"""data/journey.toml: the three routes' stages as data, sourced facts, documents per programme in
order, entries scoped by situation."""

from __future__ import annotations

import tomllib

import pytest

from tui.core.errors import InvalidFileError
from tui.core.journey import PROGRAMS, journey_path, load_journey

TITLES = ["Before you go", "US booth", "US office", "CBSA office", "Permit review", "Done"]
IDS = ["before_you_go", "us_booth", "us_office", "cbsa_office", "permit_review", "done"]
ROUTE_TITLES = {  # spec/product.md, "Three routes to the same counter"
    "flagpole": TITLES,
    "arrival-by-air": ["Before you fly", "Landing and primary inspection", "Immigration desk", "Permit review", "Done"],
    "by-mail": ["Request", "Waiting for the permit", "Permit review", "Done"],
}


@pytest.fixture(scope="module")
def data():
    return load_journey()


@pytest.fixture(scope="module")
def route(data):
    return data.route("flagpole")


def test_the_flagpole_route_has_the_six_stages_of_the_spec_in_order(route):
    assert [s.title for s in route.stages] == TITLES
    assert route.stage_ids == IDS


@pytest.mark.parametrize("route_id", ROUTE_TITLES)
def test_each_route_has_the_stage_titles_of_the_spec_in_order(data, route_id):
    assert [s.title for s in data.route(route_id).stages] == ROUTE_TITLES[route_id]


@pytest.mark.parametrize("route_id", ROUTE_TITLES)
def test_special_panels_are_data(data, route_id):
    route = data.route(route_id)
    assert route.stage_with_panel("readiness") is route.stages[0]
    assert route.stage_with_panel("permit_review").title == "Permit review"
    assert route.stage_with_panel("summary") is route.stages[-1]


def test_only_the_flagpole_route_writes_the_border_history(data):
    assert data.route("flagpole").history_stage == "us_office"
    for route_id in ("arrival-by-air", "by-mail"):
        route = data.route(route_id)
        assert route.history_stage is None
        assert not any(item.handed_over for stage in route.stages for item in stage.checklist)


def test_every_fact_has_a_url_and_a_date(data):
    for route in data.routes:
        facts = [f for s in route.stages for f in (*s.expect, *s.documents)] + list(route.fix.steps)
        assert facts
        for fact in facts:
            assert fact.source.startswith("https://"), fact.text
            assert fact.as_of is not None
            assert fact.unconfirmed or fact.confidence in ("H", "M"), fact.text


def _all_words(data) -> str:
    texts = []
    for route in data.routes:
        for stage in route.stages:
            texts += [e.text for e in (*stage.expect, *stage.say, *stage.documents, *stage.checklist)]
        texts += [route.fix.title, route.fix.label, *(s.text for s in route.fix.steps)]
    return "\n".join(texts)


@pytest.mark.parametrize(
    "overstated",
    ["only fix", "works from paper", "disputed"],  # domain-facts-update items 11, 10, 3
)
def test_no_overstated_claims(data, overstated):
    assert overstated not in _all_words(data)


def test_each_route_has_its_own_fix_with_a_short_label(data):
    labels = [route.fix.label for route in data.routes]
    assert len(set(labels)) == len(labels) and all(len(label) <= 70 for label in labels)
    air = data.fix_steps(data.route("arrival-by-air"), "iec-working-holiday")
    assert "same airport" in air[0].text and "usual fix" in air[1].text


@pytest.mark.parametrize("route_id", ["arrival-by-air", "by-mail"])
def test_each_new_stage_says_what_to_expect_and_has_a_checklist(data, route_id):
    route = data.route(route_id)
    for stage in route.stages:
        assert data.expect(stage, "iec-working-holiday"), stage.id
        assert data.checklist(stage, "iec-working-holiday"), stage.id


def test_the_airport_desk_asks_for_the_same_documents_as_the_land_border(data):
    air, land = data.route("arrival-by-air"), data.route("flagpole")
    for program in PROGRAMS:
        desk = data.documents(air, air.stage("immigration_desk"), program)
        assert desk == data.documents(land, land.stage("cbsa_office"), program)
        assert data.documents(air, air.stage("before_you_fly"), program) == desk


def test_arrival_readiness_lives_in_the_checklist(data):
    before = data.route("arrival-by-air").stage("before_you_fly")
    items = " ".join(c.text for c in data.checklist(before, "iec-working-holiday"))
    assert "eTA" in items and "renewed passport" in items
    assert "arrival date" in items and "within a week of your departure" in items
    us = {c.id for c in data.checklist(before, "employer-specific", {"us-citizen"})}
    assert "eta" not in us


def test_by_mail_is_for_iec_participants(data):
    request = data.route("by-mail").stage("request")
    assert any("A112025" in s.text for s in data.say(request, "iec-coop"))
    assert any("Only IEC participants" in f.text for f in data.expect(request, "employer-specific"))
    assert not any("Only IEC participants" in f.text for f in data.expect(request, "iec-coop"))


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


def test_when_and_unless_scope_entries_by_situation(data, route):
    booth = route.stage("us_booth")
    assert any("withdraw" in s.text for s in data.say(booth, "iec-coop"))
    assert not any("withdraw" in s.text for s in data.say(booth, "iec-coop", {"us-citizen"}))
    assert any("US citizen" in s.text for s in data.say(booth, "iec-coop", {"us-citizen"}))
    assert data.hands_over(route, "iec-coop") and not data.hands_over(route, "iec-coop", {"us-citizen"})


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
        (lambda d: d["routes"][0]["stages"][0]["expect"][0].update(when=["us-citizn"]), "us-citizn"),
        (lambda d: d["routes"][0]["stages"][1]["say"][0].update(unless=["status:on-holiday"]), "status:on-holiday"),
        (lambda d: d["routes"][1]["fix"]["steps"][0].update(programs=["iec-typo"]), "iec-typo"),
        (lambda d: d["routes"][1]["fix"].pop("label"), "label"),
        (lambda d: d["routes"][1]["stages"][2].update(documents_from="flagpole/nowhere"), "flagpole/nowhere"),
        (lambda d: d["routes"][1]["stages"][2].update(documents_from="before_you_fly"), "loops"),
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
