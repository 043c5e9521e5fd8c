"""The profile screen: every section of the profile as a form.

Validation is the CLI's (``tui.core.profile_form`` → the same pydantic models); each problem shows
under its field in plain words. A readiness summary (errors / warnings / info) follows the typing.
Saving is atomic and keeps the previous version; leaving with unsaved changes asks first. The
passport, policy and IME numbers are masked until revealed.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Select, Static, TextArea

from tui.core.clock import Clock
from tui.core.errors import FlagpoleError
from tui.core.profile_form import (
    CHOICE,
    FIELDS,
    LINES,
    SECTIONS,
    YESNO,
    FormField,
    FormResult,
    from_form,
    planned_moment,
    to_form,
)
from tui.core.storage import ProfileStore, check_name

NEW_NAME_HELP = "letters, digits, - _ . (e.g. alex-2026)"


def widget_id(path: str) -> str:
    """The DOM id of the input for field ``path`` (ids cannot hold dots)."""
    return "f-" + path.replace(".", "--").replace("_", "-")


def row_id(path: str) -> str:
    """The DOM id of the row holding field ``path``."""
    return "r-" + path.replace(".", "--").replace("_", "-")


def error_id(path: str) -> str:
    """The DOM id of the message under field ``path``."""
    return "e-" + path.replace(".", "--").replace("_", "-")


class ProfileScreen(Screen[str | None]):
    """Edit (or create) a profile; dismisses with the stored name when saved, else None."""

    CSS_PATH = "../profile.tcss"
    CHECK_DELAY = 0.3
    """Seconds after the last keystroke before the form is checked again."""
    BINDINGS = [
        Binding("f7,ctrl+s", "save", "Save", key_display="F7", id="save"),
        Binding("f8", "reveal", "Show numbers", key_display="F8", id="reveal"),
        Binding("f6", "find_crossing", "Find crossing", key_display="F6", id="find-crossing"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(
        self,
        store: ProfileStore,
        name: str | None,
        clock: Clock,
        *,
        data_dir: Path | None = None,
    ) -> None:
        """Edit stored profile ``name``, or a new one when ``name`` is None."""
        super().__init__()
        self.store = store
        self.profile_name = name
        self.clock = clock
        self.data_dir = data_dir
        self.saved_values: dict[str, str] = to_form(None)
        self.result: FormResult | None = None
        self.revealed = False
        self.saved_name: str | None = None
        self.stored_fingerprint: str | None = None  # as read: a save notices a change since
        self._check_timer: Timer | None = None
        self.touched: set[str] = set()
        """Fields the person changed; a new, blank form only shows their messages (and all
        of them after a save attempt)."""
        self.show_all_errors = name is not None

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Name, readiness summary, then one group of inputs per section."""
        yield Header()
        with Horizontal(id="profile-top"):
            yield Static("Profile name", classes="field-label")
            yield Input(
                self.profile_name or "", id="profile-name", placeholder=NEW_NAME_HELP, compact=True,
                disabled=self.profile_name is not None,
            )
        yield Static("Readiness: checking…", id="readiness-summary", markup=False)
        yield Static("", id="field-hint", markup=False)
        with VerticalScroll(id="profile-form", can_focus=False):
            for section, (title, required) in SECTIONS.items():
                suffix = "" if required else "  (optional: leave blank if it does not apply)"
                yield Static(f"{title}{suffix}", classes="section-title", markup=False)
                for field in (f for f in FIELDS if f.section == section):
                    yield from self._field_row(field)
            yield Static("", id="profile-bottom")
        yield Footer()

    def _field_row(self, field: FormField) -> ComposeResult:
        # The message line under a field is mounted only while there is a message: ~40 fewer
        # widgets make the screen open noticeably faster.
        with Horizontal(classes="field-row", id=row_id(field.path)):
            yield Static(field.label, classes="field-label", markup=False)
            yield self._input_for(field)

    def _input_for(self, field: FormField):
        wid = widget_id(field.path)
        if field.kind == CHOICE:
            options = [(value, value) for value in field.choices if value]
            return Select(options, id=wid, allow_blank=True, prompt="(choose)", compact=True)
        if field.kind == YESNO:
            return Select(
                [("yes", "yes"), ("no", "no")], id=wid, allow_blank=True, prompt="(choose)", compact=True
            )
        if field.kind == LINES:
            return TextArea(id=wid, soft_wrap=True, compact=True, placeholder="one condition per line")
        return Input(id=wid, password=field.secret, placeholder=_placeholder(field), compact=True)

    # --- loading -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Fill the form (reading the stored profile in a worker) and start the checks."""
        self.sub_title = f"profile: {self.profile_name}" if self.profile_name else "new profile"
        if self.profile_name:
            self._load(self.profile_name)
        else:
            self._fill(self.saved_values)
            self.query_one("#profile-name", Input).focus()

    @work(thread=True, exclusive=True, group="profile-load")
    def _load(self, name: str) -> None:
        from tui.core.errors import FlagpoleError
        from tui.core.profile_io import load_stored

        try:
            self.stored_fingerprint = self.store.fingerprint(name)
            values = to_form(load_stored(self.store, name))
        except (FlagpoleError, OSError) as exc:
            words = f"{exc.strerror or exc} ({exc.filename})" if isinstance(exc, OSError) else str(exc)
            self.app.call_from_thread(
                self.notify, words, title="Could not read the profile", severity="error"
            )
            values = to_form(None)
        self.app.call_from_thread(self._fill, values)

    def _fill(self, values: dict[str, str]) -> None:
        self.saved_values = dict(values)
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            for field in FIELDS:
                self._set_value(field, values.get(field.path, ""))
        self._schedule_check(0)

    def _set_value(self, field: FormField, text: str) -> None:
        widget = self.query_one(f"#{widget_id(field.path)}")
        if isinstance(widget, Select):
            if text:
                widget.value = text
            else:
                widget.clear()
        elif isinstance(widget, TextArea):
            widget.text = text
        else:
            widget.value = text

    # --- values and checks ---------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """The text of every field as typed."""
        values: dict[str, str] = {}
        for field in FIELDS:
            widget = self.query_one(f"#{widget_id(field.path)}")
            if isinstance(widget, Select):
                values[field.path] = "" if widget.is_blank() else str(widget.value)
            elif isinstance(widget, TextArea):
                values[field.path] = widget.text
            else:
                values[field.path] = widget.value
        return values

    @property
    def dirty(self) -> bool:
        """True when what is on screen differs from what is stored."""
        return _normalised(self.values()) != _normalised(self.saved_values)

    def on_descendant_focus(self, event) -> None:
        """Say what the focused field wants."""
        hint = self.query_one("#field-hint", Static)
        wid = event.widget.id or ""
        field = FIELD_BY_ID.get(wid)
        if field is None:
            hint.update("Profile name: " + NEW_NAME_HELP if wid == "profile-name" else "")
            return
        words = field.help or {"date": "a date, YYYY-MM-DD", "time": "a time, HH:MM"}.get(field.kind, "")
        if field.secret:
            words = (words + "; " if words else "") + "masked — F8 shows the numbers"
        hint.update(f"{field.label}: {words}" if words else field.label)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Re-check shortly after typing stops."""
        if event.input.id != "profile-name":
            self._touch(event.input.id)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Re-check after a choice."""
        self._touch(event.select.id)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Re-check after the conditions change."""
        self._touch(event.text_area.id)

    def _touch(self, widget: str | None) -> None:
        field = FIELD_BY_ID.get(widget or "")
        if field is not None:
            self.touched.add(field.path)
        self._schedule_check()

    def _schedule_check(self, delay: float | None = None) -> None:
        delay = self.CHECK_DELAY if delay is None else delay
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        if delay <= 0:
            self.call_after_refresh(self._check)
        else:
            self._check_timer = self.set_timer(delay, self._check)

    def _check(self) -> None:
        """Validate the form now and show each field's message; then run the rules."""
        self.result = from_form(self.values())
        for field in FIELDS:
            message = self.result.errors.get(field.path, "")
            if not (self.show_all_errors or field.path in self.touched):
                message = ""
            self._show_message(field.path, message)
        if self.result.profile is None:
            count = len(self.result.errors)
            self._summary(
                f"Readiness: not checked — {count} field{'s' if count != 1 else ''} "
                + ("need" if count != 1 else "needs")
                + (" attention (marked FIX below)." if self.show_all_errors else " filling in."),
                "-invalid",
            )
        else:
            self._run_rules(self.result.profile)
        self.sub_title = (f"profile: {self.profile_name}" if self.profile_name else "new profile") + (
            "  (unsaved changes)" if self.dirty else ""
        )

    def message(self, path: str) -> str:
        """The message shown under field ``path`` ("" when none)."""
        shown = self.query(f"#{error_id(path)}")
        return str(shown.first(Static).render()) if shown else ""

    def _show_message(self, path: str, message: str) -> None:
        """Show (mounting it if needed), update or remove the message line under a field."""
        shown = self.query(f"#{error_id(path)}")
        if not message:
            shown.remove()
            return
        text = f"FIX: {message}"
        if shown:
            shown.first(Static).update(text)
        else:
            self.query_one("#profile-form").mount(
                Static(text, id=error_id(path), classes="field-error", markup=False),
                after=self.query_one(f"#{row_id(path)}"),
            )

    @work(thread=True, exclusive=True, group="profile-rules")
    def _run_rules(self, profile) -> None:
        from tui.core.errors import FlagpoleError
        from tui.core.findings import Severity, FindingStage
        from tui.core.verdict import Verdict

        try:
            verdict = Verdict.build(profile, self.clock(), self.data_dir)
        except FlagpoleError as exc:
            self.app.call_from_thread(self._summary, f"Readiness: could not check ({exc}).", "-invalid")
            return
        report = verdict.readiness
        ready = report.by_stage(FindingStage.READINESS)
        errors, warnings, infos = (sum(1 for f in ready if f.severity is s) for s in Severity)
        text = (
            f"Readiness: {errors} error{'s' * (errors != 1)} · {warnings} warning"
            f"{'s' * (warnings != 1)} · {infos} info — "
            + ("ready to cross" if report.ready else "not ready yet")
        )
        permit_errors = sum(1 for f in report.by_stage(FindingStage.PERMIT_REVIEW) if f.severity is Severity.ERROR)
        if permit_errors:
            text += f". Permit as issued: {permit_errors} error{'s' * (permit_errors != 1)}"
        style = "-errors" if errors else ("-warnings" if warnings else "-ok")
        self.app.call_from_thread(self._summary, text, style)

    def _summary(self, text: str, style: str) -> None:
        summary = self.query_one("#readiness-summary", Static)
        summary.update(text)
        summary.set_classes(style)

    # --- actions -------------------------------------------------------------------------------

    def action_reveal(self) -> None:
        """Show or hide the passport, policy and IME numbers."""
        self.revealed = not self.revealed
        for field in FIELDS:
            if field.secret:
                self.query_one(f"#{widget_id(field.path)}", Input).password = not self.revealed
        self.notify("Numbers shown." if self.revealed else "Numbers masked.", timeout=2)

    def action_save(self) -> None:
        """Validate and store the profile (atomically, keeping the previous version)."""
        self.show_all_errors = True
        self._check()
        assert self.result is not None
        if self.result.profile is None:
            first = next(iter(self.result.errors))
            self.notify(
                f"Not saved: {len(self.result.errors)} field(s) need attention "
                f"(first: {FIELD_LABELS[first]}).",
                severity="error",
            )
            self.query_one(f"#{widget_id(first)}").focus()
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
    def _save(self, name: str, profile, values: dict[str, str], check_unchanged: bool) -> None:
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
        self.app.call_from_thread(self._saved, name, values)

    def _ask_overwrite(self, name: str, profile, values: dict[str, str]) -> None:
        from tui.screens.ask import AskScreen

        detail = (f"Since this form was opened, {name!r} was changed elsewhere (another flagpole window or "
                  "an import). Save what is on screen over it? The version there now is kept as the previous one.")
        self.app.push_screen(
            AskScreen("The stored profile changed", detail, yes="Overwrite", no="Keep editing"),
            lambda overwrite: overwrite and self._save(name, profile, values, check_unchanged=False),
        )

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
            self.query_one(f"#{widget_id(problem)}").focus()
            self.notify(f"Fix {FIELD_LABELS[problem]} first to search at that moment.", severity="warning")
            return
        self.app.push_screen(
            CrossingFinderScreen(at=at, current=values.get("plan.crossing") or None),
            self._crossing_chosen,
        )

    def _crossing_chosen(self, crossing_id: str | None) -> None:
        if crossing_id:
            self.query_one(f"#{widget_id('plan.crossing')}", Input).value = crossing_id
            date_input = self.query_one(f"#{widget_id('plan.date')}", Input)
            if not date_input.value.strip():
                date_input.focus()  # the plan needs a date next
            self._schedule_check(0)

    def action_back(self) -> None:
        """Leave; with unsaved changes, ask first."""
        if not self.dirty:
            self.dismiss(self.saved_name)
            return
        from tui.screens.ask import AskScreen

        def answered(leave: bool | None) -> None:
            if leave:
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


FIELD_LABELS = {f.path: f.label for f in FIELDS}
FIELD_BY_ID = {widget_id(f.path): f for f in FIELDS}


def _placeholder(field: FormField) -> str:
    return {"date": "YYYY-MM-DD", "time": "HH:MM", "number": "0"}.get(field.kind, "")


def _normalised(values: dict[str, str]) -> dict[str, str]:
    return {k: v.strip() for k, v in values.items()}
