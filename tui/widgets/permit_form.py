"""The permit form: one row per printed field, each "not checked yet" until the person confirms
it matches (F5) or types what is printed, with what the field should say always beside it.

Typing keeps up with the keyboard: Tab, F5 and F6 are priority keys handled the moment they are
read, so a key typed right after them lands in the field they moved to (a non-priority Tab waits
behind every busy widget up the tree while later letters still go to the old field).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from tui.core.journal import PERMIT_FIELDS
from tui.core.verdict import PermitCheck

PLACEHOLDERS = {
    "surname": "as printed",
    "given_names": "as printed",
    "date_of_birth": "YYYY-MM-DD",
    "expires": "YYYY-MM-DD",
    "citizenship": "two letters, e.g. SE",
    "kind": "open / employer-specific",
    "employer": "as printed",
    "conditions": "each condition, separated by ;",
}

NOT_CHECKED = "not checked"

# F-keys of the screen and the app shown while a field has focus, without their letters.
_F_KEY_WORDS = ("f1", "f2", "f3", "f4", "f10")


class PermitInput(Input):
    """One permit field. Only keys that cannot type act here: F5 (it matches), F6 (next field);
    every letter goes into the field, and the footer shows no letter key while it has focus."""

    BINDINGS = [
        Binding("f5", "matches", "Matches", key_display="F5", priority=True),
        Binding("f6", "next_field", "Next field", key_display="F6", priority=True),
        Binding("tab", "next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
    ]

    def __init__(self, key: str, *args, **kwargs) -> None:
        """The input of permit field ``key``."""
        super().__init__(*args, **kwargs)
        self.field_key = key

    def on_mount(self) -> None:
        """Hide the letter keys of the screen and the app from the footer while typing here
        (a letter types), and show their F-keys alone."""
        for node in (self.screen, self.app):
            for key, bindings in list(node._bindings.key_to_bindings.items()):
                if key in self._bindings.key_to_bindings:
                    continue
                binding = bindings[0]
                if len(key) == 1 or key == "question_mark":
                    self._bindings.bind(key, "nothing", show=False)
                elif key in _F_KEY_WORDS and binding.show:
                    prefix = "app." if node is self.app or binding.action.startswith("app.") else "screen."
                    action = binding.action if "." in binding.action else prefix + binding.action
                    self._bindings.bind(key, action, binding.description, key_display=key.upper())

    def action_nothing(self) -> None:
        """A letter: never reached (the field types it first)."""

    def action_matches(self) -> None:
        """The printed text matches what it should say."""
        self.post_message(PermitForm.Confirm(self.field_key))
        form = self._form()
        if form is not None:
            form.confirm_shown(self.field_key)

    def action_next_field(self) -> None:
        """Focus the next field (after the last one, leave the form)."""
        self.screen.focus_next()

    def action_previous_field(self) -> None:
        """Focus the previous field."""
        self.screen.focus_previous()

    def _form(self) -> PermitForm | None:
        for node in self.ancestors:
            if isinstance(node, PermitForm):
                return node
        return None


class PermitForm(Vertical):
    """Inputs for what is printed on the permit, each field's state, and what it should say."""

    class FieldChanged(Message):
        """The person typed into a field."""

        def __init__(self, key: str, value: str) -> None:
            super().__init__()
            self.key = key
            self.value = value

    class Confirm(Message):
        """The person says a field matches what it should say."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(
        self,
        values: Mapping[str, str],
        expected: Mapping[str, str] | None = None,
        how: Mapping[str, str] | None = None,
        **kwargs,
    ) -> None:
        """Start with the fields checked so far (``values``, ``how``: typed or confirmed) and
        what each should say (``expected``)."""
        super().__init__(**kwargs)
        self.values = dict(values)
        self.expected = dict(expected or {})
        self.how = dict(how or {})
        self._shown: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        """One row per field, and under it what the field should say."""
        for key, label in PERMIT_FIELDS:
            with Horizontal(classes="permit-row", id=f"row-{key}"):
                yield Label(label, classes="permit-label")
                yield PermitInput(
                    key,
                    self.values.get(key, ""),
                    placeholder=PLACEHOLDERS.get(key, ""),
                    id=f"permit-{key}",
                    classes="permit-input",
                    suggester=SuggestFromList(["open", "employer-specific"]) if key == "kind" else None,
                    select_on_focus=False,
                )
                yield Static("", id=f"status-{key}", classes="permit-status", markup=False)
            yield Static(self._should(key), id=f"should-{key}", classes="permit-should", markup=False)

    def _should(self, key: str) -> str:
        """'should say: HALVORSEN' (what the field should say, always in view)."""
        if key not in self.expected:
            return ""
        return f"should say: {self.expected[key] or '(blank)'}"

    def confirm_shown(self, key: str) -> None:
        """Show the expected value in field ``key`` as confirmed (recorded by the panel)."""
        value = self.expected.get(key, "")
        self.values[key] = value  # before the Input's change, so it is not taken as typing
        self.how[key] = "confirmed"
        field = self.query_one(f"#permit-{key}", Input)
        if field.value != value:
            field.value = value
            field.cursor_position = len(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Pass each typed change on as a FieldChanged."""
        if event.input.id and event.input.id.startswith("permit-"):
            event.stop()
            key = event.input.id.removeprefix("permit-")
            if self.values.get(key, "") != event.value:
                self.values[key] = event.value
                if event.value:
                    self.how[key] = "typed"
                else:
                    self.how.pop(key, None)
                self.post_message(self.FieldChanged(key, event.value))

    def show_check(self, check: PermitCheck | None) -> None:
        """Show each field's word (``not checked``, ``matches``, ``ok``, ``ERROR``…) and, where
        it is wrong, why.

        Only what changed is touched: a keystroke usually changes one word, and re-laying out the
        whole stage for each one would make typing lag."""
        for key, _label in PERMIT_FIELDS:
            should = self._should(key)
            if check is None:
                word = "…"
            else:
                word = check.field_word(key)
                if word == "ok" and check.values.get(key) is not None and self.how.get(key) == "confirmed":
                    word = "matches"
                if key in check.invalid:
                    should = f"↳ cannot read this: {check.invalid[key]}; {should}"
                elif word in ("ERROR", "WARNING"):
                    should = f"↳ {word.lower()}: {should}"
            if self._shown.get(key) == (word, should):
                continue
            old_word, old_should = self._shown.get(key, ("", ""))
            self._shown[key] = (word, should)
            status = self.query_one(f"#status-{key}", Static)
            if word != old_word:
                status.update(word, layout=False)  # fixed width, one line
                css = {"…": "", NOT_CHECKED: " -unchecked", "matches": " -ok"}.get(word, f" -{word.lower()}")
                status.set_classes("permit-status" + css)
            line = self.query_one(f"#should-{key}", Static)
            if should != old_should:
                line.update(should)
                line.set_classes("permit-should" + (" -wrong" if should.startswith("↳") else ""))
