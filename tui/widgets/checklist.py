"""A checklist item that says what its mark means: ``[x] done`` / ``[ ] to do``. (The forms'
checkbox whose state reads without colour is ``tui.widgets.marked_checkbox``.)"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.widgets.findings import Hanging


class CheckItem(Widget, can_focus=True):
    """One tickable line. Space, Enter, x or a click toggles it; the mark carries a word, so it
    reads the same without colour."""

    BINDINGS = [
        Binding("space,x", "toggle", "Tick", key_display="space/x"),
        Binding("enter", "toggle", "Tick", show=False),
        Binding("down", "move(1)", "Next item", show=False),
        Binding("up", "move(-1)", "Previous item", show=False),
    ]

    checked: reactive[bool] = reactive(False)

    class Toggled(Message):
        """Posted when the person ticks or unticks the item."""

        def __init__(self, item: CheckItem, checked: bool) -> None:
            super().__init__()
            self.item = item
            self.checked = checked

    def __init__(self, stage_id: str, item_id: str, text: str, *, checked: bool = False, **kwargs) -> None:
        """An item of ``stage_id``'s checklist; ``checked`` is its state from the journal."""
        super().__init__(**kwargs)
        self.stage_id = stage_id
        self.item_id = item_id
        self.text = text
        self.set_reactive(CheckItem.checked, checked)
        self.set_class(checked, "-checked", update=False)  # styled when mounted, not restyled now

    def render(self) -> Hanging:
        """``[x] done   text`` or ``[ ] to do  text`` (long text wraps under the text)."""
        return Hanging([("[x] done" if self.checked else "[ ] to do", self.text)], 9)

    def watch_checked(self, checked: bool) -> None:
        """Keep the class (for colour) in step with the state."""
        self.set_class(checked, "-checked")

    def action_toggle(self) -> None:  # type: ignore[override]  # replaces DOMNode's toggle(attr)
        """Flip the mark and tell the screen."""
        self.checked = not self.checked
        self.post_message(self.Toggled(self, self.checked))

    def action_move(self, step: int) -> None:
        """Up/down: focus the previous/next item of the same checklist (at either end, the
        stage scrolls instead, so the arrows never get stuck)."""
        siblings = [w for w in self.parent.children if isinstance(w, CheckItem)] if self.parent else [self]
        index = siblings.index(self) + step
        if 0 <= index < len(siblings):
            siblings[index].focus()
            return
        scroller = self.parent
        if scroller is not None and hasattr(scroller, "scroll_relative"):
            scroller.scroll_relative(y=step, animate=False)

    def on_click(self) -> None:
        """A click toggles, like a key."""
        self.focus()
        self.action_toggle()
