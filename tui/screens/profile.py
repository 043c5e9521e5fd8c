"""The profile screen: the sections of the profile that apply to the programme and route, as a form.

Validation is the CLI's (``tui.core.profile_form`` → the same pydantic models); each problem shows
under its field in plain words, and the live list at the top names the fields with a problem (F3
goes to the next). Only the fields that apply (``tui.core.guide.field_applies``) or hold a value
are built, and more are built when the programme or route changes; opening builds what fills the
first screen, and the rest once that is painted (``tui.screens.profile_sections``). Unsaved typing
is kept as a draft in the private data folder and offered back after a crash. Saving is atomic
and keeps the previous version; leaving with unsaved changes asks first. Numbers are masked until
revealed.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static, TextArea

from tui.core.clock import Clock
from tui.core.profile_form import (
    CHOICE,
    FIELD_BY_PATH,
    FIELDS,
    YESNO,
    FieldNote,
    FormResult,
    finding_notes,
    form_notes,
    from_form,
    to_form,
)
from tui.core.storage import ProfileStore
from tui.screens.profile_actions import ProfileActions
from tui.screens.profile_sections import FieldWidget, error_id, label_id, widget_id
from tui.widgets.choice_field import ChoiceField
from tui.widgets.footer import KeysFooter
from tui.widgets.form_input import FormInput

__all__ = ["ProfileScreen", "error_id", "label_id", "widget_id"]

NEW_NAME_HELP = "letters, digits, - _ . (e.g. alex-2026)"
SHAPERS = frozenset({"application.program", "plan.route", "application.basis"})
"""The fields that decide which others apply."""
SHOWN_NOTES = 2


class ProfileScreen(ProfileActions, Screen[str | None]):
    """Edit (or create) a profile; dismisses with the stored name when saved, else None."""

    CSS_PATH = "../profile.tcss"
    CHECK_DELAY = 0.3
    """Seconds after the last keystroke before the form is checked again."""
    DRAFT_DELAY = 1.0
    """Seconds after the last keystroke before the draft is written."""
    BINDINGS = [
        Binding("f7,ctrl+s", "save", "Save", key_display="F7", id="save"),
        Binding("f3", "next_note", "Next to fix", key_display="F3", id="next-note"),
        Binding("f8", "reveal", "Show numbers", key_display="F8", id="reveal"),
        Binding("f6", "find_crossing", "Find crossing", key_display="F6", id="find-crossing"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, store: ProfileStore, name: str | None, clock: Clock, *,
                 data_dir: Path | None = None, initial: dict[str, str] | None = None) -> None:
        """Edit stored profile ``name``, or a new one (None) starting from ``initial`` values."""
        super().__init__()
        self.store = store
        self.profile_name = name
        self.clock = clock
        self.data_dir = data_dir
        self.saved_values: dict[str, str] = to_form(None)
        self.initial = {**to_form(None), **(initial or {})}
        self.result: FormResult | None = None
        self.revealed = False
        self.saved_name: str | None = None
        self.stored_fingerprint: str | None = None  # as read: a save notices a change since
        self._check_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._values: dict[str, str] = dict(self.initial)
        """Every field's text: the source for the fields not built (yet)."""
        self.built: set[str] = set()
        self.form_complete = False
        """True once every field that applies is built (the rest follow the first paint)."""
        self.inputs: dict[str, FieldWidget] = {}
        self.labels: dict[str, Static] = {}
        self.shown_errors: dict[str, Static] = {}
        self.forced: set[str] = set()
        self.notes: list[FieldNote] = []
        self._note_index = -1
        self.touched: set[str] = set()
        """Fields the person changed; a new, blank form only shows their messages (and all
        of them after a save attempt)."""
        self.show_all_errors = name is not None
        self.titles: dict[str, Static] = {}
        self.grids: dict[str, Container] = {}
        """Each section's title and grid of fields, once it has some (``profile_sections``)."""

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Name, readiness and the list of what to fix; the sections fill in once the values are known."""
        yield Header()
        with Horizontal(id="profile-top"):
            yield Static("Profile name", classes="field-label")
            yield FormInput(self.profile_name or "", id="profile-name", placeholder=NEW_NAME_HELP,
                            disabled=self.profile_name is not None)
        yield Static("Readiness: checking…", id="readiness-summary", markup=False)
        yield Static("", id="profile-notes", markup=False)
        yield Static("", id="field-hint", markup=False)
        with VerticalScroll(id="profile-form", can_focus=False):
            yield Static("", id="profile-bottom")
        yield KeysFooter()

    # --- loading -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        """Fill the form once the screen is styled (fields built sooner are styled twice), then
        look for a draft; the checks start after the first paint."""
        self.sub_title = f"profile: {self.profile_name}" if self.profile_name else "new profile"
        self.call_later(self._open)
        if not self.profile_name:
            self.query_one("#profile-name", Input).focus()

    def _open(self) -> None:
        if self.profile_name is None:
            self._fill(self.initial, to_form(None))
        else:
            values = self._read_stored(self.profile_name)
            self._fill(values, values)
        self.call_after_refresh(self._look_for_draft)

    def _read_stored(self, name: str) -> dict[str, str]:
        """The stored profile's fields (read here, not in a worker: a small file, read in well under
        a millisecond, and then the first paint shows it); an empty form, said why, when unreadable."""
        from tui.core.errors import FlagpoleError
        from tui.core.profile_io import load_stored

        try:
            self.stored_fingerprint = self.store.fingerprint(name)
            return to_form(load_stored(self.store, name))
        except (FlagpoleError, OSError) as exc:
            words = f"{exc.strerror or exc} ({exc.filename})" if isinstance(exc, OSError) else str(exc)
            self.notify(words, title="Could not read the profile", severity="error")
            return to_form(None)

    def _look_for_draft(self) -> None:
        from tui.core.drafts import load_draft

        draft = load_draft(self.store.home, self.profile_name)
        if draft is not None:
            self._offer_draft(draft)

    def _fill(self, values: dict[str, str], saved: dict[str, str]) -> None:
        self.saved_values = dict(saved)
        self._values = {**to_form(None), **values}
        for path in self.built:
            self.set_field(path, self._values[path])
        self._build_rest(self._shape(self.first_rows()))
        self._schedule_check(0)

    def _offer_draft(self, draft: dict[str, str]) -> None:
        from tui.screens.ask import AskScreen

        typed = {p: t for p, t in draft.items() if p in FIELD_BY_PATH}
        if all(self._values.get(p, "").strip() == t.strip() for p, t in typed.items()):
            return

        def answered(restore: bool | None) -> None:
            if not restore:
                self.drop_draft()
                return
            name = draft.get("_name", "")
            if name and not self.profile_name:
                self.query_one("#profile-name", Input).value = name
            for path, text in typed.items():
                self._values[path] = text
                self.touched.add(path)
                if path in self.built:
                    self.set_field(path, text)
            self._shape()
            self._schedule_check(0)

        self.app.push_screen(
            AskScreen("Restore what you typed?",
                      "This profile has typing that was not saved (the app closed before F7). "
                      "Restore it, or discard it?", yes="Restore it", no="Discard it"),
            answered,
        )

    def set_field(self, path: str, text: str) -> None:
        """Put ``text`` in field ``path`` (built or not)."""
        self._values[path] = text
        if not self._is_built(path):
            return
        widget = self.inputs[path]
        if isinstance(widget, TextArea):
            widget.text = text
        else:
            widget.value = text

    # --- values and checks ---------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """The text of every field as typed."""
        values = dict(self._values)
        for path in self.built:
            widget = self.inputs[path]
            values[path] = widget.text if isinstance(widget, TextArea) else str(widget.value)
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
        words = field.help or {"date": "a date, YYYY-MM-DD", "time": "a time, HH:MM",
                               CHOICE: "Enter shows the choices", YESNO: "Enter: yes or no"}.get(field.kind, "")
        if field.secret:
            words = (words + "; " if words else "") + "masked — F8 shows the numbers"
        hint.update(f"{field.label}: {words}" if words else field.label)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Re-check shortly after typing stops."""
        if event.input.id == "profile-name":
            self._schedule_draft()
        else:
            self._touch(event.input.id, event.value)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        """Re-check after a choice (and build what now applies)."""
        self._touch(event.field.id, event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Re-check after the conditions change."""
        self._touch(event.text_area.id, event.text_area.text)

    def _touch(self, widget: str | None, text: str) -> None:
        field = FIELD_BY_ID.get(widget or "")
        if field is None or self._values.get(field.path) == text:
            return
        self._values[field.path] = text
        self.touched.add(field.path)
        if field.path in SHAPERS:
            self._shape()
        self._schedule_check()
        self._schedule_draft()

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
        self._show_messages()
        if self.result.profile is None:
            count = len(self.result.errors)
            self._summary(f"Readiness: not checked — {count} field{'s' if count != 1 else ''} "
                          + ("need" if count != 1 else "needs")
                          + (" attention (marked FIX below)." if self.show_all_errors else " filling in."), "-invalid")
            self._show_notes(form_notes(self.result.errors))
        else:
            self._run_rules(self.result.profile)
        self.sub_title = (f"profile: {self.profile_name}" if self.profile_name else "new profile") + (
            "  (unsaved changes)" if self.dirty else "")

    def _show_messages(self) -> None:
        """Show each built field's message from the last check (a new form: only those touched)."""
        if self.result is None:
            return
        for field in FIELDS:
            message = self.result.errors.get(field.path, "")
            if not (self.show_all_errors or field.path in self.touched):
                message = ""
            self._show_message(field.path, message)

    def _show_notes(self, notes: list[FieldNote]) -> None:
        """The live list: each field with a problem, and what it is."""
        self.notes = notes
        self._note_index = -1
        lines = [_one_line(f"• {n.label}: {n.words}") for n in notes[:SHOWN_NOTES]]
        if len(notes) > SHOWN_NOTES:
            lines.append(f"  …and {len(notes) - SHOWN_NOTES} more")
        if notes:
            lines.insert(0, f"To look at ({len(notes)}, F3 goes to each in turn):")
        self.query_one("#profile-notes", Static).update("\n".join(lines))

    @work(thread=True, exclusive=True, group="profile-rules")
    def _run_rules(self, profile) -> None:
        from tui.core.errors import FlagpoleError
        from tui.core.findings import FindingStage, Severity
        from tui.core.verdict import Verdict

        try:
            verdict = Verdict.build(profile, self.clock(), self.data_dir)
        except FlagpoleError as exc:
            self.app.call_from_thread(self._summary, f"Readiness: could not check ({exc}).", "-invalid")
            return
        report = verdict.readiness
        ready = report.by_stage(FindingStage.READINESS)
        errors, warnings, infos = (sum(1 for f in ready if f.severity is s) for s in Severity)
        text = (f"Readiness: {errors} error{'s' * (errors != 1)} · {warnings} warning{'s' * (warnings != 1)}"
                f" · {infos} info — " + ("ready to cross" if report.ready else "not ready yet"))
        permit = [f for f in report.by_stage(FindingStage.PERMIT_REVIEW) if f.severity is Severity.ERROR]
        if permit:
            text += f". Permit as issued: {len(permit)} error{'s' * (len(permit) != 1)}"
        style = "-errors" if errors else ("-warnings" if warnings else "-ok")
        self.app.call_from_thread(self._rules_done, profile, text, style, finding_notes([*ready, *permit]))

    def _rules_done(self, profile, text: str, style: str, notes: list[FieldNote]) -> None:
        if self.result is None or self.result.profile is not profile:
            return  # the form changed since: a newer check speaks
        self._summary(text, style)
        self._show_notes(notes)

    def _summary(self, text: str, style: str) -> None:
        summary = self.query_one("#readiness-summary", Static)
        summary.update(text)
        summary.set_classes(style)


FIELD_BY_ID = {widget_id(f.path): f for f in FIELDS}


def _one_line(text: str, width: int = 74) -> str:
    """``text`` cut to one line of the 80-column screen."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _normalised(values: dict[str, str]) -> dict[str, str]:
    return {k: v.strip() for k, v in values.items() if not k.startswith("_")}
