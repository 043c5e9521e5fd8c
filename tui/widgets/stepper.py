"""The stepper: every stage title in order, the current one marked ``now``, visited ones ``done``."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

TITLE_WIDTH = 14
"""Columns left for a title in the stepper (24 wide in journey.tcss, less its padding, its
border and the mark and number)."""


class StepLine(Static):
    """One stage in the stepper; a click asks to go there."""

    def __init__(self, stage_id: str, number: int, title: str, mark: str = "") -> None:
        """Stage ``number`` (1-based) titled ``title``, shown with ``mark``."""
        classes = "step" + {"now": " -current", "done": " -done"}.get(mark, "")
        super().__init__(self._words(mark, number, title), id=f"step-{stage_id}", classes=classes, markup=False)
        self.stage_id = stage_id
        self.number = number
        self.title = title
        self.mark = mark

    @staticmethod
    def _words(mark: str, number: int, title: str) -> str:
        """'now  1 Before you go'; a title too long for the column wraps under itself
        ('Landing and' / 'primary' / 'inspection'), never cut."""
        lines = textwrap.wrap(title, TITLE_WIDTH, break_long_words=True) or [""]
        indent = "\n" + " " * (len(f"{mark:<5}{number} "))
        return f"{mark:<5}{number} " + indent.join(lines)

    def show(self, mark: str) -> None:
        """Render with ``mark`` (``now``, ``done`` or empty); no work when unchanged."""
        if mark == self.mark:
            return
        self.mark = mark
        self.update(self._words(mark, self.number, self.title))
        self.set_class(mark == "now", "-current")
        self.set_class(mark == "done", "-done")

    def on_click(self) -> None:
        """Ask the screen to go to this stage."""
        self.post_message(Stepper.Selected(self.stage_id))


class Stepper(Vertical):
    """All stage titles, top to bottom."""

    class Selected(Message):
        """The person clicked a stage."""

        def __init__(self, stage_id: str) -> None:
            super().__init__()
            self.stage_id = stage_id

    def __init__(
        self, stages: Sequence[tuple[str, str]], current: str = "", visited: set[str] | None = None, **kwargs
    ) -> None:
        """``stages``: (id, title) in order; ``current`` and ``visited`` set the first marks."""
        super().__init__(**kwargs)
        self.stages = list(stages)
        self.current = current
        self.visited = set(visited or ())

    def compose(self) -> ComposeResult:
        """A heading and one line per stage."""
        yield Static("STAGES", classes="stepper-title")
        for number, (stage_id, title) in enumerate(self.stages, start=1):
            yield StepLine(stage_id, number, title, _mark_for(stage_id, self.current, self.visited))

    def mark(self, current: str, visited: set[str]) -> None:
        """Mark ``current`` as now and the other ``visited`` stages as done."""
        self.current, self.visited = current, set(visited)
        for line in self.query(StepLine):
            line.show(_mark_for(line.stage_id, current, visited))


def _mark_for(stage_id: str, current: str, visited: set[str]) -> str:
    """``now`` for the current stage, ``done`` for other visited ones, else empty."""
    if stage_id == current:
        return "now"
    return "done" if stage_id in visited else ""
