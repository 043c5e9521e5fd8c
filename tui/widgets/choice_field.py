"""A light menu field: shows the chosen label; Enter or Space opens the choices, each with its
one-line hint. Far cheaper to build than a Select (the profile form has a dozen of them)."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.choices import Choice

BLANK = "(choose: Enter)"


class ChoiceField(Static, can_focus=True):
    """A menu of ``Choice``s; ``value`` is the chosen value ("" when none)."""

    BINDINGS = [Binding("enter,space", "pick", "Choose", show=False)]

    class Changed(Message):
        """The value changed (by the person, or by code outside ``prevent``)."""

        def __init__(self, field: ChoiceField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            """The field that changed."""
            return self.field

    def __init__(self, choices: tuple[Choice, ...], *, title: str, value: str = "", allow_blank: bool = True,
                 id: str) -> None:
        super().__init__(BLANK, id=id, markup=False, classes="choice-field")
        self.choices = choices
        self.title = title
        self.allow_blank = allow_blank
        self._value = str(value or "")
        self.update(self._shown())

    def _shown(self) -> str:
        if not self._value:
            return BLANK
        label = next((c.label for c in self.choices if str(c.value) == self._value), self._value)
        return f"{label}  ▾"

    @property
    def value(self) -> str:
        """The chosen value, "" when none."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        value = str(value or "")
        changed = value != self._value
        self._value = value
        self.update(self._shown())
        if changed:
            self.post_message(self.Changed(self, value))

    def action_pick(self) -> None:
        """Open the choices."""

        def chosen(value: str | None) -> None:
            if value is not None:
                self.value = value

        self.app.push_screen(ChoicePicker(self.title, self.choices, self._value, self.allow_blank), chosen)


class ChoicePicker(ModalScreen[str | None]):
    """The choices of one field, each with its hint; Enter picks, Esc keeps the value."""

    BINDINGS = [Binding("escape", "dismiss_none", "Keep as it is")]
    DEFAULT_CSS = """
    ChoicePicker { align: center middle; }
    ChoicePicker > Vertical { width: 76; height: auto; max-height: 22; border: round $accent; background: $surface; }
    ChoicePicker OptionList { height: auto; max-height: 18; }
    """

    def __init__(self, title: str, choices: tuple[Choice, ...], current: str, allow_blank: bool) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current
        self.allow_blank = allow_blank

    def compose(self):
        """The title, then the choices (label, and the hint under it)."""
        options = [Option(_two_lines(c), id=str(c.value)) for c in self.choices]
        if self.allow_blank:
            options.append(Option("(leave blank)", id=""))
        with Vertical():
            yield Static(self.title_text, markup=False)
            yield OptionList(*options)

    def on_mount(self) -> None:
        """Highlight the current value."""
        options = self.query_one(OptionList)
        ids = [str(c.value) for c in self.choices]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Pick it."""
        event.stop()
        self.dismiss(event.option.id or "")

    def action_dismiss_none(self) -> None:
        """Leave without changing."""
        self.dismiss(None)


def _two_lines(choice: Choice):
    from rich.text import Text

    text = Text(choice.label)
    if choice.hint:
        text.append("\n  " + choice.hint, style="dim")
    return text
