"""The permit form: one line per printed field, prefilled, with a word for each field's state
(``ok`` / ``ERROR`` / ``WARNING`` / ``INVALID``) and what it should say when it does not match."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from tui.core.journal import PERMIT_FIELDS
from tui.core.verdict import PermitCheck

PLACEHOLDERS = {
    "date_of_birth": "YYYY-MM-DD",
    "expires": "YYYY-MM-DD",
    "citizenship": "two letters, e.g. SE",
    "kind": "open / employer-specific",
    "employer": "as printed (blank if none)",
    "conditions": "each condition, separated by ;",
}


class PermitForm(Vertical):
    """Inputs for what is printed on the permit."""

    class FieldChanged(Message):
        """The person changed a field."""

        def __init__(self, key: str, value: str) -> None:
            super().__init__()
            self.key = key
            self.value = value

    def __init__(self, values: Mapping[str, str], **kwargs) -> None:
        """Start with ``values`` (field key → text)."""
        super().__init__(**kwargs)
        self.values = dict(values)
        self._shown: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        """One row per field, and a hint line under each (hidden while the field is ok)."""
        for key, label in PERMIT_FIELDS:
            with Horizontal(classes="permit-row", id=f"row-{key}"):
                yield Label(label, classes="permit-label")
                yield Input(
                    self.values.get(key, ""),
                    placeholder=PLACEHOLDERS.get(key, ""),
                    id=f"permit-{key}",
                    classes="permit-input",
                    suggester=SuggestFromList(["open", "employer-specific"]) if key == "kind" else None,
                    select_on_focus=False,
                )
                yield Static("", id=f"status-{key}", classes="permit-status", markup=False)
            should = Static("", id=f"should-{key}", classes="permit-should", markup=False)
            should.display = False
            yield should

    def on_input_changed(self, event: Input.Changed) -> None:
        """Pass each change on as a FieldChanged."""
        if event.input.id and event.input.id.startswith("permit-"):
            event.stop()
            key = event.input.id.removeprefix("permit-")
            if self.values.get(key) != event.value:
                self.values[key] = event.value
                self.post_message(self.FieldChanged(key, event.value))

    def show_check(self, check: PermitCheck | None) -> None:
        """Show each field's word and, where it is not ok, what it should say or why.

        Only what changed is touched: a keystroke usually changes one word, and re-laying out the
        whole stage for each one would make typing lag."""
        for key, _label in PERMIT_FIELDS:
            if check is None:
                word, hint = "…", ""
            else:
                word = check.field_word(key)
                if word == "ok":
                    hint = ""
                elif key in check.invalid:
                    hint = f"↳ cannot read this: {check.invalid[key]}"
                else:
                    hint = f"↳ should say: {check.expected.get(key, '') or '(blank)'}"
            if self._shown.get(key) == (word, hint):
                continue
            old_word, old_hint = self._shown.get(key, ("", ""))
            self._shown[key] = (word, hint)
            status = self.query_one(f"#status-{key}", Static)
            if word != old_word:
                status.update(word, layout=False)  # fixed width, one line
                status.set_classes(f"permit-status -{word.lower()}" if word != "…" else "permit-status")
            should = self.query_one(f"#should-{key}", Static)
            if hint != old_hint:
                should.update(hint)
                should.display = bool(hint)
