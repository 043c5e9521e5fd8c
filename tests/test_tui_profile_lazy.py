"""The profile editor builds the first screenful of fields before its first paint and the rest
after it: nothing of the form is out of reach because of that — a finding leads to a field not
built yet, Tab goes through every field in order, a draft restores into the fields built later;
a stored profile that cannot be read still opens, empty, saying so."""

from __future__ import annotations

from textual.widgets import Input

from tui.core.drafts import save_draft
from tui.core.profile_form import FIELDS
from tui.core.profile_io import read_profile, save_stored
from tui.core.storage import ProfileStore
from tui.screens.ask import AskScreen
from tui.screens.profile import ProfileScreen, widget_id
from tui.screens.profile_sections import FORM_ROWS

from .harness import TEST_PROFILES, profile_harness, record_notifications, wait_for, wait_for_profile_form

PERMIT_EXPIRY = widget_id("issued_permit.expires")


def lindqvist(tmp_path) -> ProfileStore:
    """A data folder holding the Lindqvist profile as 'lind' (its permit expiry is an error)."""
    store = ProfileStore(tmp_path)
    save_stored(store, "lind", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    return store


def focused_id(app) -> str:
    return getattr(app.screen.focused, "id", None) or ""


async def test_a_finding_leads_to_its_field_before_that_part_of_the_form_is_built(tmp_path, monkeypatch):
    monkeypatch.setattr(ProfileScreen, "_build_rest", lambda self, first: None)  # the rest never comes by itself
    app = profile_harness(lindqvist(tmp_path), "lind")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_profile_form(pilot)
        screen = app.screen
        assert "issued_permit.expires" not in screen.built and not screen.query(f"#{PERMIT_EXPIRY}")
        await wait_for(pilot, lambda: [n.path for n in screen.notes] == ["application.exemption", "issued_permit.expires"],
                       "the exemption and the permit's expiry listed")
        await pilot.press("f3", "f3")
        await wait_for(pilot, lambda: focused_id(app) == PERMIT_EXPIRY, "the second F3 went to the permit's expiry")
        assert screen.query_one(f"#{PERMIT_EXPIRY}", Input).value == "2027-02-10"
        form = screen.query_one("#profile-form")
        await wait_for(pilot, lambda: form.region.contains_region(screen.query_one(f"#{PERMIT_EXPIRY}").region),
                       "the permit's expiry scrolled into view")


async def test_tab_goes_through_every_field_in_order_including_those_built_after_the_first_paint(tmp_path):
    app = profile_harness(lindqvist(tmp_path), "lind")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_profile_form(pilot)
        screen = app.screen
        assert screen.form_complete and FORM_ROWS > screen.first_rows()  # some were built after the paint
        shown = [widget_id(f.path) for f in FIELDS
                 if f.path in screen.built and screen.query_one(f"#{widget_id(f.path)}").display]
        assert widget_id("issued_permit.conditions") in shown
        screen.query_one(f"#{shown[0]}").focus()
        await wait_for(pilot, lambda: focused_id(app) == shown[0], "the surname has the cursor")
        visited = [focused_id(app)]
        for _ in shown[1:]:
            await pilot.press("tab")
            visited.append(focused_id(app))
        assert visited == shown


async def test_a_draft_restores_into_a_field_built_after_the_first_paint(tmp_path):
    store = lindqvist(tmp_path)
    values = {"issued_permit.expires": "2027-05-20", "_name": "lind"}
    save_draft(store.home, "lind", values)
    app = profile_harness(store, "lind")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, AskScreen), "the draft was offered back")
        app.screen.dismiss(True)
        await wait_for(pilot, lambda: isinstance(app.screen, ProfileScreen) and app.screen.form_complete,
                       "the whole form was built")
        await wait_for_profile_form(pilot)
        assert app.screen.query_one(f"#{PERMIT_EXPIRY}", Input).value == "2027-05-20"
        assert app.screen.dirty


async def test_a_stored_profile_that_cannot_be_read_opens_an_empty_form_and_says_so(tmp_path):
    store = ProfileStore(tmp_path)
    save_stored(store, "lind", read_profile(TEST_PROFILES / "lindqvist-appointment.toml"))
    store.path_for("lind").write_text("[person\nsurname = ", encoding="utf-8")  # cut off mid-write elsewhere
    app = profile_harness(store, "lind")
    said = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_profile_form(pilot)
        assert any("lind" in m for m in said), f"nothing said the profile could not be read: {said}"
        assert app.screen.values()["person.surname"] == ""
        assert app.screen.form_complete
