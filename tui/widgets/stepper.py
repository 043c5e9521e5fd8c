"""The stepper: every stage title in order, the current one marked ``now``, visited ones ``done``.

One widget draws the heading and every stage (a widget per line cost the first frame about a
tenth of its work); the marks' looks are component classes styled in ``journey.tcss``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

TITLE_WIDTH = 14
"""Columns left for a title in the stepper (24 wide in journey.tcss, less its padding, its
border and the mark and number)."""

HEADING = "STAGES"


def step_words(mark: str, number: int, title: str) -> str:
    """'now  1 Before you go'; a title too long for the column wraps under itself
    ('Landing and' / 'primary' / 'inspection'), never cut."""
    lines = textwrap.wrap(title, TITLE_WIDTH, break_long_words=True) or [""]
    indent = "\n" + " " * (len(f"{mark:<5}{number} "))
    return f"{mark:<5}{number} " + indent.join(lines)


class Stepper(Widget):
    """All stage titles, top to bottom; a click on one asks to go there."""

    COMPONENT_CLASSES = {"stepper--title", "stepper--current", "stepper--done"}

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

    def lines(self) -> list[str]:
        """Each stage as drawn, in order ('now  1 Before you go'; a wrapped title keeps its
        line breaks)."""
        return [
            step_words(_mark_for(stage_id, self.current, self.visited), number, title)
            for number, (stage_id, title) in enumerate(self.stages, start=1)
        ]

    def render(self) -> Text:
        """The heading, then one entry per stage in its mark's style."""
        text = Text(end="")
        text.append(HEADING, style=self.get_component_rich_style("stepper--title"))
        for (stage_id, _), words in zip(self.stages, self.lines(), strict=True):
            mark = _mark_for(stage_id, self.current, self.visited)
            style = {"now": "stepper--current", "done": "stepper--done"}.get(mark)
            text.append("\n")
            if style:  # the mark's look spans the column, as a highlighted row
                width = self.content_size.width
                words = "\n".join(line.ljust(width) for line in words.split("\n"))
            text.append(words, style=self.get_component_rich_style(style) if style else "")
        return text

    def mark(self, current: str, visited: set[str]) -> None:
        """Mark ``current`` as now and the other ``visited`` stages as done."""
        if (current, set(visited)) != (self.current, self.visited):
            self.current, self.visited = current, set(visited)
            self.refresh()

    def stage_at(self, row: int) -> str | None:
        """The id of the stage drawn on ``row`` (0 is the heading), or None."""
        line = 1
        for (stage_id, _), words in zip(self.stages, self.lines(), strict=True):
            height = words.count("\n") + 1
            if line <= row < line + height:
                return stage_id
            line += height
        return None

    def on_click(self, event: events.Click) -> None:
        """Ask the screen to go to the stage clicked."""
        stage_id = self.stage_at(event.y)
        if stage_id is not None:
            self.post_message(self.Selected(stage_id))


def _mark_for(stage_id: str, current: str, visited: set[str]) -> str:
    """``now`` for the current stage, ``done`` for other visited ones, else empty."""
    if stage_id == current:
        return "now"
    return "done" if stage_id in visited else ""
