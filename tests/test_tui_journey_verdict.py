"""Pilot tests for the journey screen following the person's verdict and route: a NOT ELIGIBLE
verdict kept said, every key in the footer, arrows in checklists, marks readable without colour,
sources once and short, whole stage titles, the header clock of the route."""

from __future__ import annotations

from textual.widgets import Static

from tui.core.journal import GO_ON_QUESTION
from tui.screens.ask import AskScreen
from tui.screens.confirm import ConfirmLeaveScreen
from tui.screens.journey import JourneyScreen
from tui.widgets.checklist import CheckItem
from tui.widgets.marked_checkbox import MarkedCheckbox
from tui.widgets.stage import StageView, VerdictBanner
from tui.widgets.stepper import Stepper

from .harness import PROFILES, make_app, plain, prepare, screen_text, wait_for, wait_until_open

NOT_ELIGIBLE = PROFILES / "iec-insurance-ends-early.toml"
BY_AIR = PROFILES / "iec-arrival-by-air.toml"


def current(app) -> str:
    """The stage the journey shows."""
    return app.screen.query_one(StageView).stage.id


def banner_text(app) -> str:
    """The NOT ELIGIBLE banner's words on the current stage ('' when none is shown)."""
    banners = [b for b in app.screen.query(VerdictBanner) if b.display]
    return plain(banners[0].content) if banners else ""


async def test_not_eligible_is_asked_before_leaving_before_you_go_and_the_answer_is_recorded(tmp_path):
    app = make_app(tmp_path, person=NOT_ELIGIBLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert "NOT ELIGIBLE" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "'n' asked before leaving Before you go")
        assert "Go on anyway?" in screen_text(app)
        await pilot.press("n")  # stay
        await wait_for(pilot, lambda: isinstance(app.screen, JourneyScreen), "the question closed")
        assert current(app) == "before_you_go"
        decision = app.session.state.last_decision(GO_ON_QUESTION)
        assert decision is not None and decision.answer == "stay"
        assert decision.findings == ("eligibility.flagpoling_ended",)

        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "asked again")
        await pilot.press("y")  # go on anyway
        await wait_for(pilot, lambda: isinstance(app.screen, JourneyScreen) and current(app) == "us_booth",
                       "'y' went on to the US booth")
        assert app.session.state.last_decision(GO_ON_QUESTION).answer == "go_on"
        words = banner_text(app)
        assert words.startswith("NOT ELIGIBLE  You may not flagpole on 2026-12-08:")
        assert "see Before you go" in words
        # going back and forth between later stages asks nothing more, and the banner stays
        await pilot.press("n")
        await wait_for(pilot, lambda: current(app) == "us_office", "'n' moved on without a question")
        assert banner_text(app).startswith("NOT ELIGIBLE")


async def test_a_not_eligible_journey_resumed_on_a_later_stage_shows_the_banner(tmp_path):
    from tui.core.session import Session

    from .harness import CLOCK, TEST_DATA, demo_store

    session = Session.open(demo_store(tmp_path, NOT_ELIGIBLE), "demo", CLOCK, data_dir=TEST_DATA)
    session.go_to("cbsa_office")
    session.close()
    app = make_app(tmp_path, person=NOT_ELIGIBLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        assert current(app) == "cbsa_office"
        await wait_for(pilot, lambda: banner_text(app) != "", "the banner appeared once the verdict came")


async def test_an_eligible_person_sees_no_banner_and_no_question(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: current(app) == "us_booth", "'n' moved on without asking")
        assert banner_text(app) == ""


async def test_what_to_do_instead_is_a_numbered_list_with_its_links_under_sources(tmp_path):
    app = make_app(tmp_path, person=NOT_ELIGIBLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        verdict = app.session.verdict
        finding = verdict.eligibility[0]
        assert finding.steps and finding.sources
        text = screen_text(app)
        for n in range(1, len(finding.steps) + 1):
            assert f"\n{n}." in text or text.startswith(f"{n}.")
        shown = "\n".join(plain(s.content) for s in app.screen.query(".finding").results(Static))
        assert "http" not in shown  # no link inside what to do
        addresses = plain(app.screen.query_one("#stage-sources Collapsible .sources", Static).content)
        for url in finding.sources:
            assert url in addresses


async def test_the_journey_footer_shows_profile_crossings_and_history(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        shown = {b.key.split(",")[0]: b.description for _, b, enabled, _ in
                 [(k, a.binding, a.enabled, a.tooltip) for k, a in app.screen.active_bindings.items()]
                 if b.show}
        assert shown.get("o") == "Profile" and shown.get("c") == "Crossing" and shown.get("h") == "History"
        footer_keys = [plain(k.render()) for k in app.screen.query("FooterKey")]
        footer = " ".join(footer_keys)
        for words in ("o", "Profile", "c", "Crossing", "h", "History", "q", "Quit", "?", "Help"):
            assert words in footer
        right_edge = max(k.region.right for k in app.screen.query("FooterKey"))
        assert right_edge <= 80, "every footer key fits at 80 columns"
        await pilot.press("h")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HistoryScreen", "'h' opened the history")


async def test_arrows_move_through_the_checklist(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        items = list(app.screen.query(CheckItem))
        assert len(items) >= 3
        items[0].focus()
        await pilot.pause()
        await pilot.press("down")
        await wait_for(pilot, lambda: app.focused is items[1], "down moved to the second item")
        await pilot.press("down", "up")
        await wait_for(pilot, lambda: app.focused is items[1], "down then up came back to the second item")
        await pilot.press("space")
        await wait_for(pilot, lambda: items[1].checked, "space ticked the item the arrows reached")
        assert "[x] done" in plain(items[1].render())
        assert "[ ] to do" in plain(items[0].render())


async def test_the_import_screens_checkbox_reads_without_colour(tmp_path):
    from tui.screens.transfer import ImportScreen

    app = make_app(tmp_path, profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        app.action_import_profile()
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen), "the import screen opened")
        box = app.screen.query_one(MarkedCheckbox)
        assert plain(box.render()).startswith("[ ]")
        assert "X" not in plain(box.render()).split("]")[0]
        box.toggle()
        await pilot.pause()
        assert plain(box.render()).startswith("[x]")


async def test_sources_are_listed_once_per_stage_short_with_the_addresses_apart(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        for _ in range(4):
            stage = app.screen.query_one(StageView)
            section = stage.query_one("#stage-sources")
            listed = [plain(s.content) for s in section.query(".sources").results(Static)]
            assert listed, f"{current(app)} lists its sources"
            assert "http" not in listed[0], "the short list names site and page, not the address"
            assert "canada.ca — " in listed[0] or "—" in listed[0]
            addresses = listed[1].splitlines()
            urls = [line.split(" ", 1)[1] for line in addresses]
            assert len(urls) == len(set(urls)), f"each address once on {current(app)}"
            body = screen_text(app).replace(listed[1], "")
            assert "http" not in body, f"no address in the words of {current(app)}"
            await pilot.press("n")
            await pilot.pause()


async def test_the_leave_question_names_the_routes_fix_by_its_label(tmp_path):
    prepare(tmp_path, "permit_review")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmLeaveScreen), "leaving asked first")
        label = app.session.route.fix.label
        assert app.screen.fix_route == label[:1].lower() + label[1:]


async def test_arrival_by_air_shows_whole_titles_the_airport_clock_and_ready_to_fly(tmp_path):
    app = make_app(tmp_path, person=BY_AIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_open(pilot)
        stepper = app.screen.query_one(Stepper)
        words = [" ".join(line[7:].split()) for line in stepper.lines()]
        assert words == ["Before you fly", "Landing and primary inspection", "Immigration desk",
                         "Permit review", "Done"]
        assert stepper.region.right <= 25 and max(map(len, "\n".join(stepper.lines()).split("\n"))) <= 21
        # the clock is 18:05 UTC: 10:05 in Vancouver, in the airport's zone
        assert app.screen.sub_title == "11:05 PDT, Mon 15 Jun · Vancouver International Airport"
        text = screen_text(app)
        assert "Ready to fly" in text and "Ready to cross" not in text
        assert "The crossing at the planned moment" not in text
        assert "Vancouver International Airport (Vancouver), arriving Mon 15 Jun 2026, 18:40 PDT" in text
