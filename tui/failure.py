"""The app's failure path: an unexpected error ends in words and a private report, never in the
framework's traceback (which prints local variables, a passport number among them); disk errors
are said in words."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App

    from tui.core.clock import Clock
    from tui.core.session import Session

    _AppBase = App[int]
else:
    _AppBase = object


class FailurePath(_AppBase):
    """Mixed into the App: tidying at start, disk-error and read-only messages, and the crash
    handler that replaces Textual's crash screen. Needs ``clock``, ``data_home`` and
    ``session`` on the app."""

    if TYPE_CHECKING:  # provided by FlagpoleApp
        clock: Clock
        data_home: Path
        session: Session | None

    @work(thread=True, group="tidy")
    def _tidy(self) -> None:
        """Remove temporary files a killed flagpole left in the data folder."""
        from tui.core.storage import remove_orphan_temps

        try:
            remove_orphan_temps(self.data_home)
        except OSError:
            pass  # nothing depends on it; the next start tries again

    def _journal_write_failed(self, error: Exception) -> None:
        """A journal or history write failed: say so, in words; the step stays on screen."""
        self.notify(
            disk_words(error, "save to the journal")
            + " Your last step is shown but not saved. Free some space (or fix the folder); "
            "flagpole saves it with your next step, and when you quit.",
            title="Not saved",
            severity="error",
            timeout=30,
        )

    def say_read_only(self) -> None:
        """Tell the person this window cannot save because another one holds the day."""
        self.notify(
            "Another flagpole window has this day open, so this one is read-only: what you do "
            "here is shown but not saved. Close the other window and open this one again to "
            "make changes.",
            title="Read-only",
            severity="warning",
            timeout=30,
        )

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: instead of the framework's traceback (which prints local
        variables, a passport number among them), say in words what failed and write a report
        (0600, no numbers, no locals) to the data folder; then exit with status 1."""
        from rich.text import Text

        from tui.core.crash import crash_report, describe_error, write_crash_report

        self._return_code = 1
        if self._exception is None:  # test frameworks re-raise it, as the framework does
            self._exception = error
            self._exception_event.set()
        cause = getattr(error, "error", None)  # a worker's failure wraps the error
        cause = cause if isinstance(cause, BaseException) else error
        secrets = self._secrets()
        try:
            now = self.clock()
        except Exception:  # the clock itself may be what broke
            from datetime import datetime

            now = datetime.now().astimezone()
        try:
            report = write_crash_report(self.data_home, crash_report(cause, now, secrets), now)
            where = f"A report (no personal numbers) is in {report}."
        except Exception as exc:  # noqa: BLE001 - the report is best effort
            where = f"No report could be written ({type(exc).__name__})."
        self.panic(
            Text(f"flagpole stopped on an unexpected error: {describe_error(cause, secrets)}\n"
                 f"Every step saved before it is kept; open flagpole again to resume. {where}")
        )

    def _secrets(self) -> list[str]:
        """The passport, policy and IME numbers this app may hold: the open profile's and the
        profile form's."""
        found: list[str] = []
        try:
            profile = self.session.profile if self.session is not None else None
            for section, key in (("passport", "number"), ("insurance", "policy_number"), ("medical", "ime_number")):
                found.append(str(getattr(getattr(profile, section, None), key, "") or ""))
            from tui.core.profile_form import FIELDS

            secret_paths = [f.path for f in FIELDS if f.secret]
            for screen in self.screen_stack:
                for values in (getattr(screen, "saved_values", None), _safe_values(screen)):
                    if isinstance(values, dict):
                        found += [str(values.get(p, "")) for p in secret_paths]
        except Exception:  # noqa: BLE001 - collecting what to mask must not fail the handler
            pass
        return [s for s in found if s]


def _safe_values(screen) -> dict | None:
    try:
        return screen.values() if hasattr(screen, "values") and callable(screen.values) else None
    except Exception:  # noqa: BLE001
        return None


def disk_words(error: OSError | Exception, doing: str) -> str:
    """'Could not save to the journal: No space left on device (file).' for an OSError."""
    if isinstance(error, OSError):
        what = error.strerror or str(error)
        where = f" ({error.filename})" if error.filename else ""
        return f"Could not {doing}: {what}{where}."
    return f"Could not {doing}: {error}"
