"""The app's actions that open a place of their own: the guided start and the profile form,
import and export, the crossing finder (which can set the plan's crossing) and the border
history. Each gathers input on its screen and leaves the work to the core (in workers)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App

    from tui.app import FlagpoleApp
    from tui.core.clock import Clock
    from tui.core.session import Session
    from tui.core.storage import ProfileStore

    _AppBase = App[int]
else:
    _AppBase = object


class PlaceActions(_AppBase):
    """A mixin for FlagpoleApp (which provides store, clock, data_dir, session, profile_name)."""

    if TYPE_CHECKING:  # provided by FlagpoleApp
        store: ProfileStore
        clock: Clock
        data_dir: Path | None
        session: Session | None
        profile_name: str | None

        def open_profile(self, name: str) -> None: ...

    def action_new_profile(self) -> None:
        """The guided start (three questions, then the verdict), then the profile form with only
        the parts that apply; saving opens the new profile's journey. Typing left unsaved by a
        crash goes straight back to the form, which offers it."""
        from tui.core.drafts import draft_path
        from tui.screens.guided import GuidedScreen
        from tui.screens.profile import ProfileScreen

        def answered(situation) -> None:
            if situation is None:
                return
            from tui.core.guide import form_values

            self.push_screen(
                ProfileScreen(self.store, None, self.clock, data_dir=self.data_dir,
                              initial=form_values(situation)),
                self._profile_closed,
            )

        if draft_path(self.store.home, None).is_file():
            self.push_screen(ProfileScreen(self.store, None, self.clock, data_dir=self.data_dir),
                             self._profile_closed)
            return
        self.push_screen(GuidedScreen(self.clock, data_dir=self.data_dir), answered)

    def action_edit_profile(self) -> None:
        """The profile form for the open profile (or a new one when none is open)."""
        if not self.profile_name:
            self.action_new_profile()
            return
        from tui.screens.profile import ProfileScreen

        self.push_screen(
            ProfileScreen(self.store, self.profile_name, self.clock, data_dir=self.data_dir),
            self._profile_closed,
        )

    def _profile_closed(self, saved_name: str | None) -> None:
        """After the profile form: reopen the saved profile so every check runs again."""
        if saved_name:
            self.open_profile(saved_name)

    def action_import_profile(self) -> None:
        """Import a profile file (the CLI's checks and messages); opens it when stored."""
        from tui.screens.transfer import ImportScreen

        self.push_screen(ImportScreen(self.store), self._profile_closed)

    def action_export_profile(self) -> None:
        """Export the open profile as TOML, with redaction offered."""
        if not self.profile_name:
            self.notify("Open a profile first.", severity="warning")
            return
        from tui.screens.transfer import ExportScreen

        self.push_screen(ExportScreen(self.store, self.profile_name))

    def action_find_crossing(self) -> None:
        """The crossing finder at the planned moment; choosing one sets the plan and re-checks.
        On the arrival-by-air route, the airport picker instead (tui.airport_action)."""
        from tui.airport_action import arriving_by_air, open_airport_picker

        app = cast("FlagpoleApp", self)
        if arriving_by_air(app):
            return open_airport_picker(app)
        from tui.core.finder import eligible_to_flagpole
        from tui.screens.finder import CrossingFinderScreen

        session = self.session
        verdict = session.verdict if session is not None else None
        plan = session.profile.plan if session is not None else None
        at = verdict.on if verdict is not None and plan is not None else self.clock()
        data = verdict.crossings if verdict is not None else None
        self.push_screen(
            CrossingFinderScreen(at, current=plan.crossing if plan else None, data=data,
                                 eligible=eligible_to_flagpole(verdict)),
            self._crossing_chosen,
        )

    def _crossing_chosen(self, crossing_id: str | None) -> None:
        if crossing_id and self.session is not None:
            self._set_plan_crossing(self.session.profile_name, crossing_id)

    @work(thread=True, exclusive=True, group="open")
    def _set_plan_crossing(self, name: str, crossing_id: str) -> None:
        """Store the chosen crossing in the profile's plan (a plan for today when there was
        none), keeping the previous version, then reopen so the readiness check runs again."""
        from tui.core.errors import FlagpoleError
        from tui.core.profile import Plan
        from tui.core.profile_io import load_stored, save_stored

        try:
            profile = load_stored(self.store, name)
            if profile.plan is None:
                profile.plan = Plan(crossing=crossing_id, date=self.clock().date())
            else:
                profile.plan.crossing = crossing_id
            save_stored(self.store, name, profile)
        except (FlagpoleError, OSError) as exc:
            self.call_from_thread(self.notify, str(exc), title="Plan not changed", severity="error")
            return
        self.call_from_thread(self.notify, f"Plan set to {crossing_id}; checking again.", timeout=4)
        self.call_from_thread(self.open_profile, name)

    def action_show_history(self) -> None:
        """The border history: each US turn-around, as recorded."""
        from tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.store.home, self.clock))
