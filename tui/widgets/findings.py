"""A finding on screen: its severity as a word (ERROR / WARNING / INFO), the message, the advice,
the numbered steps of what to do instead, and, at the counter, the sentence to say on its own line."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import Static

from tui.core.findings import Finding
from tui.core.labels import field_words
from tui.core.verdict import severity_word


class Hanging:
    """Rows of (short label, text): the text wraps with a hanging indent under itself.

    A small Rich renderable (much cheaper to lay out than a ``rich.table.Table``)."""

    def __init__(self, rows: Sequence[tuple[str, str | Text]], label_width: int = 8) -> None:
        """``rows`` of (label, body); labels are padded to ``label_width`` and bold."""
        self.rows = rows
        self.label_width = label_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Each body wrapped to the width left after the label column."""
        lw = self.label_width
        body_width = max(10, options.max_width - lw - 1)
        for label, body in self.rows:
            text = body if isinstance(body, Text) else Text(body)
            for i, line in enumerate(text.wrap(console, body_width)):
                prefix = Text(f"{label:<{lw}} ", style="bold") if i == 0 else Text(" " * (lw + 1))
                line.rstrip()
                yield Text.assemble(prefix, line, no_wrap=True, overflow="crop")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """Any width from the label column plus a little, up to all there is."""
        return Measurement(self.label_width + 11, options.max_width)


def labelled(rows: Sequence[tuple[str, str | Text]], label_width: int = 8) -> Hanging:
    """A label column (a word) and text wrapped with a hanging indent."""
    return Hanging(rows, label_width)


def change_words(finding: Finding, profile_key: str | None = "o") -> str:
    """"Press o to change your arrival time." for a finding with a profile field to change
    (``fix_field``), named in words; empty without one or without a key."""
    if not finding.fix_field or not profile_key:
        return ""
    return f"Press {profile_key} to change {field_words(finding.fix_field)}."


def finding_table(finding: Finding, *, say: bool = False, profile_key: str | None = "o") -> Hanging:
    """The finding as a grid: the message, ``DO`` and the advice (ending with the key that opens
    the profile at what to change, ``profile_key``, when the finding has a field to change),
    each step of what to do instead numbered, then the sources; with ``say`` the finding's
    sentence to say (if any) gets its own ``SAY`` row before the advice (then labelled ``THEN``)."""
    rows: list[tuple[str, str | Text]] = [(severity_word(finding.severity), finding.message)]
    advice = " ".join(t for t in (finding.advice, change_words(finding, profile_key)) if t)
    if say and finding.say:
        rows.append(("SAY", Text(f"“{finding.say}”", style="bold")))
        if advice:
            rows.append(("THEN", advice))
    elif advice:
        rows.append(("DO", advice))
    rows += [(f"{i}.", step) for i, step in enumerate(finding.steps, start=1)]
    rows += [("SOURCE", url) for url in finding.sources]
    return labelled(rows)


class FindingView(Static):
    """One finding; the class ``-error``/``-warning``/``-info`` only adds colour."""

    def __init__(
        self, finding: Finding, *, say: bool = False, profile_key: str | None = "o", **kwargs
    ) -> None:
        """Show ``finding``; ``say`` picks out the sentence to say; ``profile_key`` is the key
        that opens the profile where the finding is shown (None: no such key there)."""
        super().__init__(
            finding_table(finding, say=say, profile_key=profile_key),
            classes=f"finding -{finding.severity.value}",
            **kwargs,
        )
        self.finding = finding
        self.say = say
        self.profile_key = profile_key

    def show(self, finding: Finding) -> None:
        """Show a new version of the same finding (its words changed)."""
        if finding != self.finding:
            self.finding = finding
            self.update(finding_table(finding, say=self.say, profile_key=self.profile_key))
