"""A checkbox for forms whose state reads without colour: ``[x]`` when ticked, ``[ ]`` when not."""

from __future__ import annotations

from textual.widgets import Checkbox


class MarkedCheckbox(Checkbox):
    """A Checkbox whose mark is ``[x]`` when ticked and ``[ ]`` when not (Textual's shows an X
    either way and tells them apart by colour only)."""

    BUTTON_LEFT = "["
    BUTTON_RIGHT = "]"

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # a class constant in Textual
        """``x`` when ticked, a space when not."""
        return "x" if self.value else " "
