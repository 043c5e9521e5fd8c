"""A compact one-line Input that is cheap to build: the profile form has some thirty of them.

A plain ``Input(value, compact=True)`` restyles itself twice before it is even mounted (the compact
class is taken off and put back, and the first value adds the "-valid" class), and each restyle
matches the whole stylesheet. This one starts with those classes, so nothing changes until it is
mounted. It looks and behaves as ``Input(value, compact=True)``.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Input

_CLASSES = "-textual-compact -valid"


class FormInput(Input):
    """``Input(value, compact=True)`` without the restyling while it is built."""

    compact = reactive(True, toggle_class="-textual-compact")
    """Compact (without borders) from the start."""

    def __init__(self, value: str = "", *, placeholder: str = "", password: bool = False, id: str | None = None,
                 disabled: bool = False) -> None:
        super().__init__(value, placeholder=placeholder, password=password, id=id, classes=_CLASSES,
                         disabled=disabled, compact=True)
