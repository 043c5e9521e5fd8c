"""The profile screen's actions: saving (atomic, keeping the previous version, asking before
overwriting a file changed elsewhere), the draft of unsaved typing, going to a field, showing the
numbers, the crossing finder, and leaving with unsaved changes. A mixin of ``ProfileScreen``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Input

from tui.core.errors import FlagpoleError
from tui.core.profile_form import FIELD_BY_PATH, FIELDS, planned_moment
from tui.core.storage import check_name
from tui.screens.profile_sections import ProfileSections

if TYPE_CHECKING:  # pragma: no cover
    from textual.timer import Timer

    from tui.core.clock import Clock
    from tui.core.profile import Profile
    from tui.core.profile_form import FieldNote, FormResult
    from tui.core.storage import ProfileStore


class ProfileActions(ProfileSections):
    """Save, find a crossing, leave."""

    store: ProfileStore
    profile_name: str | None
    clock: Clock
    result: FormResult | None
    saved_name: str | None
    saved_values: dict[str, str]
    stored_fingerprint: str | None
    show_all_errors: bool
    touched: set[str]
    notes: list[FieldNote]
    _note_index: int
    _draft_timer: Timer | None
    DRAFT_DELAY: float

    if TYPE_CHECKING:  # provided by ProfileScreen

        @property
        def dirty(self) -> bool: ...

        def _check(self) -> None: ...

        def _schedule_check(self, delay: float | None = None) -> None: ...

        def set_field(self, path: str, text: str) -> None: ...

    def action_save(self) -> None:
        """Validate and store the profile (atomically, keeping the previous version)."""
        self.show_all_errors = True
        self._check()
        assert self.result is not None
        if self.result.profile is None:
            first = next(iter(self.result.errors))
            self.notify(
                f"Not saved: {len(self.result.errors)} field(s) need attention "
                f"(first: {FIELD_BY_PATH[first].label}).",
                severity="error",
            )
            self.focus_field(first)
            return
        name = self.profile_name or self.query_one("#profile-name", Input).value.strip()
        try:
            check_name(name)
        except FlagpoleError as exc:  # shown, not raised
            self.notify(str(exc), title="Choose a profile name", severity="error")
            self.query_one("#profile-name", Input).focus()
            return
        self._save(name, self.result.profile, self.values(), check_unchanged=True)

    @work(thread=True, exclusive=True, group="profile-save")
    def _save(self, name: str, profile: Profile, values: dict[str, str], check_unchanged: bool) -> None:
        """Store the profile: a new one only if the name is free, an edited one only if the
        stored file is still what the form read (unless the person said to overwrite)."""
        from tui.core.profile_form import store_profile
        from tui.core.storage import FileExists, StoredChanged

        editing = self.profile_name is not None
        expected = self.stored_fingerprint if editing and check_unchanged else None
        try:
            self.stored_fingerprint = store_profile(self.store, name, profile, editing, expected)
        except StoredChanged:
            self.app.call_from_thread(self._ask_overwrite, name, profile, values)
            return
        except (OSError, FlagpoleError) as exc:
            words = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
            words = f"{name!r} already exists; choose another name" if isinstance(exc, FileExists) else words
            message = f"Could not save: {words}. Nothing was changed; your changes are still on screen."
            self.app.call_from_thread(self.notify, message, severity="error")
            return
        self.drop_draft()
        self.app.call_from_thread(self._saved, name, values)

    def _ask_overwrite(self, name: str, profile: Profile, values: dict[str, str]) -> None:
        from tui.screens.ask import AskScreen

        detail = (f"Since this form was opened, {name!r} was changed elsewhere (another flagpole window or "
                  "an import). Save what is on screen over it? The version there now is kept as the previous one.")
        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self._save(name, profile, values, check_unchanged=False)

        self.app.push_screen(AskScreen("The stored profile changed", detail, yes="Overwrite", no="Keep editing"),
                             answered)

    def _saved(self, name: str, values: dict[str, str]) -> None:
        self.profile_name = name
        self.saved_name = name
        self.saved_values = values
        self.query_one("#profile-name", Input).disabled = True
        self.sub_title = f"profile: {name}"
        self.notify(f"Saved {name!r} (the previous version is kept).", timeout=3)

    def action_find_crossing(self) -> None:
        """Choose the crossing in the crossing finder; the choice fills in the plan. An impossible
        planned date or arrival time is shown under its field instead (the finder needs a moment)."""
        from tui.screens.finder import CrossingFinderScreen

        values = self.values()
        at, problem = planned_moment(values, self.clock())
        if problem is not None:
            self.touched.add(problem)
            self._check()
            if not self.message(problem):  # the form thinks it fine: say it here all the same
                self._show_message(problem, "Not a date and time the crossing finder can use.")
            self.focus_field(problem)
            self.notify(f"Fix {FIELD_BY_PATH[problem].label} first to search at that moment.", severity="warning")
            return
        self.app.push_screen(
            CrossingFinderScreen(at=at, current=values.get("plan.crossing") or None),
            self._crossing_chosen,
        )

    def _crossing_chosen(self, crossing_id: str | None) -> None:
        if crossing_id:
            self.set_field("plan.crossing", crossing_id)
            if not self.values().get("plan.date", "").strip():
                self.focus_field("plan.date")  # the plan needs a date next
            self._schedule_check(0)

    def action_back(self) -> None:
        """Leave; with unsaved changes, ask first (leaving discards the draft)."""
        if not self.dirty:
            self.drop_draft()
            self.dismiss(self.saved_name)
            return
        from tui.screens.ask import AskScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.drop_draft()
                self.dismiss(self.saved_name)

        self.app.push_screen(
            AskScreen(
                "Leave without saving?",
                "Your changes to this profile are not saved yet. Press F7 to save them first.",
                yes="Leave, discard changes",
                no="Stay",
            ),
            answered,
        )

    # --- drafts --------------------------------------------------------------------------------

    def _schedule_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_DELAY, self._keep_draft)

    def _keep_draft(self) -> None:
        self._draft_timer = None
        if self.dirty:
            values = self.values()
            values["_name"] = self.query_one("#profile-name", Input).value.strip()
            self._write_draft(self.profile_name, values)

    @work(thread=True, exclusive=True, group="profile-draft")
    def _write_draft(self, name: str | None, values: dict[str, str]) -> None:
        from tui.core.drafts import save_draft

        try:
            save_draft(self.store.home, name, values)
        except Exception as exc:  # noqa: BLE001 - a draft that cannot be kept must not stop typing
            self.app.call_from_thread(self.notify, f"Could not keep a draft of your typing: {exc}",
                                      severity="warning")

    def drop_draft(self) -> None:
        """Forget the draft (after saving or discarding)."""
        from tui.core.drafts import remove_draft

        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        for name in {None, self.profile_name}:
            try:
                remove_draft(self.store.home, name)
            except OSError:
                pass

    # --- actions -------------------------------------------------------------------------------

    def focus_field(self, path: str) -> None:
        """Show field ``path`` (building it if needed) and put the cursor in it."""
        if not self._is_built(path):
            self.forced.add(path)
            self._shape()
        self.call_after_refresh(lambda: self._focus_built(path))

    def _focus_built(self, path: str) -> None:
        widget = self.inputs[path]
        widget.focus()
        widget.scroll_visible(animate=False)

    def action_next_note(self) -> None:
        """Go to the next field in the live list."""
        if not self.notes:
            self.notify("Nothing to fix here.", timeout=2)
            return
        self._note_index = (self._note_index + 1) % len(self.notes)
        self.focus_field(self.notes[self._note_index].path)

    def action_reveal(self) -> None:
        """Show or hide the passport, policy and IME numbers."""
        self.revealed = not self.revealed
        for field in FIELDS:
            widget = self.inputs.get(field.path)
            if field.secret and isinstance(widget, Input):
                widget.password = not self.revealed
        self.notify("Numbers shown." if self.revealed else "Numbers masked.", timeout=2)
