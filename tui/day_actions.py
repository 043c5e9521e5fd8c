"""The app's side of rehearsal and the real day: after the plan date it asks whether today is
the day (and moves the plan), and "Start this day over" sets the day's journal aside (kept) and
starts fresh. The file work runs in workers; the decisions are the Session's (``tui.core``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.failure import disk_words

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App

    from tui.core.session import Session
    from tui.core.storage import ProfileStore

    _AppBase = App[int]
else:
    _AppBase = object


class DayActions(_AppBase):
    """A mixin for FlagpoleApp (which provides session, store, notify, push_screen, …)."""

    if TYPE_CHECKING:  # provided by FlagpoleApp
        store: ProfileStore
        session: Session | None

        def open_profile(self, name: str) -> None: ...

        async def _session_ready(self, session: Session) -> None: ...

    def ask_if_today(self, session: Session) -> None:
        """The plan date has passed and the day was not finished: ask whether today is the day;
        yes moves the plan to today and opens today's journey, no leaves the old day as it is."""
        from tui.screens.ask import AskScreen

        if session.day is None or session.day.plan_date is None:
            return
        plan = session.day.plan_date.isoformat()

        def answered(yes: bool | None) -> None:
            if yes:
                self._move_plan(session)

        self.push_screen(
            AskScreen(
                f"Your plan was for {plan}. Is today the day?",
                f"Yes moves your plan to today, {session.day.today.isoformat()} (the previous version "
                f"of your profile is kept) and starts today's journey. No shows the day of {plan} "
                "as it stands.",
                yes="Today is the day",
                no="No",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="open")
    def _move_plan(self, session: Session) -> None:
        """Save the plan for today (off the event loop), then reopen the profile."""
        from tui.core.errors import FlagpoleError

        try:
            session.move_plan_to_today(self.store)
        except FlagpoleError as exc:
            self.call_from_thread(self.notify, str(exc), title="Plan not moved", severity="error")
            return
        except OSError as exc:
            words = disk_words(exc, "save the plan")
            self.call_from_thread(self.notify, words, title="Plan not moved", severity="error")
            return
        today = session.day.today.isoformat() if session.day else "today"
        self.call_from_thread(self.notify, f"Your plan is now for {today}.", title="Plan moved", timeout=6)
        self.call_from_thread(self.open_profile, session.profile_name)

    def action_start_over(self) -> None:
        """Ask, then start this day over (the journal so far is kept aside, not deleted)."""
        from tui.screens.ask import AskScreen

        session = self.session
        if session is None:
            self.notify("Open a profile first.", severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._start_over(session)

        self.push_screen(
            AskScreen(
                "Start this day over?",
                "The journey starts again at the first stage with nothing ticked. What was done so "
                "far is kept in its own log, not deleted.",
                yes="Start over",
                no="Keep going",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="open")
    def _start_over(self, session: Session) -> None:
        """Set the journal aside and start fresh (off the event loop), then show the first stage."""
        from tui.core.journeys import journey_words

        try:
            kept_as = session.start_over()
        except OSError as exc:
            words = disk_words(exc, "start the day over")
            self.call_from_thread(self.notify, words, title="Not started over", severity="error")
            return
        self.call_from_thread(
            self.notify,
            f"Started over. What was done before is kept as {journey_words(kept_as)}.",
            title="A fresh start",
            timeout=8,
        )
        self.call_from_thread(self._session_ready, session)  # type: ignore[arg-type]  # an async callback
