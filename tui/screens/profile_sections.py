"""The profile screen's fields as widgets: which are built, where they go, and building them in two
steps so the editor opens fast. A mixin of ``ProfileScreen``.

Opening builds only the fields that fill the first screen (``first_rows``); a worker builds the
rest, ``REST_ROWS`` rows at a time, once that first screen has been painted (``form_complete``
then holds). Building every field before the first paint took three times as long.
Going to a field not built yet (a finding, F3, a save that names it) builds it at once. Fields
that no longer apply are hidden, not removed, so what was typed in them is kept.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.containers import Container
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, Static, TextArea

from tui.core import choices
from tui.core.guide import field_applies, section_required
from tui.core.profile_form import CHOICE, FIELD_BY_PATH, FIELDS, LINES, SECTIONS, YESNO, FormField
from tui.widgets.choice_field import ChoiceField
from tui.widgets.form_input import FormInput

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from textual.screen import Screen

    _ScreenBase = Screen[str | None]
else:
    _ScreenBase = object

FieldWidget = Input | TextArea | ChoiceField
"""The widget a field is typed or chosen in."""

CHROME_ROWS = 8
"""The screen's rows that are not the form: header, name (with its margin), readiness, hint, footer,
and a line or two of findings."""
REST_ROWS = 40
"""How many more rows of the form each step after the first paint builds."""
SECTION_TITLE_ROWS = 2
"""A section title and the blank line above it."""
REQUIRED_WORDS: dict[bool | None, str] = {True: "  (required)", False: "  (optional: leave blank if it does not apply)"}
"""What a section title adds when the rules need it, or not (None: every profile has it)."""


def widget_id(path: str) -> str:
    """The DOM id of the input for field ``path`` (ids cannot hold dots)."""
    return "f-" + path.replace(".", "--").replace("_", "-")


def label_id(path: str) -> str:
    """The DOM id of the label of field ``path``."""
    return "l-" + path.replace(".", "--").replace("_", "-")


def error_id(path: str) -> str:
    """The DOM id of the message under field ``path``."""
    return "e-" + path.replace(".", "--").replace("_", "-")


def field_rows(field: FormField) -> int:
    """The rows field ``field`` takes in the form (a list of conditions takes three)."""
    return 3 if field.kind == LINES else 1


FIELDS_OF = {section: [f for f in FIELDS if f.section == section] for section in SECTIONS}
"""Each section's fields, in order."""
FORM_ROWS = sum(SECTION_TITLE_ROWS + sum(field_rows(f) for f in fields) for fields in FIELDS_OF.values())
"""The rows of the whole form, every field shown."""


class ProfileSections(_ScreenBase):
    """The fields of the profile form: built when they apply (or hold a value), first what fills
    the first screen, then the rest after the first paint."""

    data_dir: Path | None
    revealed: bool
    _values: dict[str, str]
    built: set[str]
    inputs: dict[str, FieldWidget]
    labels: dict[str, Static]
    shown_errors: dict[str, Static]
    forced: set[str]
    titles: dict[str, Static]
    grids: dict[str, Container]
    form_complete: bool

    if TYPE_CHECKING:  # provided by ProfileScreen

        def values(self) -> dict[str, str]: ...

        def _show_messages(self) -> None: ...

    def _widgets_for(self, field: FormField) -> tuple[Static, FieldWidget]:
        text = self._values.get(field.path, "")
        label = Static(field.label, classes="field-label", id=label_id(field.path), markup=False)
        wid = widget_id(field.path)
        widget: FieldWidget
        if field.kind in (CHOICE, YESNO) or field.path == "plan.airport":
            menu = self._airports() if field.path == "plan.airport" else choices.BY_FIELD.get(field.path, choices.YES_NO)
            widget = ChoiceField(menu, title=field.label, value=text, id=wid)
        elif field.kind == LINES:
            widget = TextArea(text, id=wid, soft_wrap=True, compact=True, placeholder="one condition per line")
        else:
            widget = FormInput(text, id=wid, password=field.secret and not self.revealed,
                               placeholder={"date": "YYYY-MM-DD", "time": "HH:MM", "number": "0"}.get(field.kind, ""))
        self.inputs[field.path], self.labels[field.path] = widget, label
        return label, widget

    def _airports(self) -> tuple[choices.Choice, ...]:
        from tui.core.airports import load_airports

        try:
            data = load_airports(self.data_dir / "airports.toml" if self.data_dir else None)
        except Exception:  # noqa: BLE001 - the menu is then empty; the rules say why
            return ()
        return tuple(choices.Choice(a.id, f"{a.name} ({a.id.upper()})", f"{a.city}, {a.province}")
                     for a in data.airports.values())

    def _wanted(self, values: dict[str, str]) -> set[str]:
        """The fields to show: those that apply, hold a value, or were asked for."""
        return {f.path for f in FIELDS
                if field_applies(f.path, values) or values[f.path].strip() or f.path in self.forced}

    def first_rows(self) -> int:
        """How many rows of the form to build before the first paint: what shows below the top
        lines (header, name, readiness, a few lines of findings, hint, footer)."""
        return max(self.app.size.height - CHROME_ROWS, 8)

    def _shape(self, rows: int | None = None) -> list[AwaitMount]:
        """Build the fields that now apply (only those within the first ``rows`` rows of the form,
        when given), hide those that no longer do, mark the sections. Returns the mounts begun."""
        values = self.values()
        wanted = self._wanted(values)
        mounts: list[AwaitMount] = []
        used = 0
        for section, fields in FIELDS_OF.items():
            if rows is not None and used >= rows:
                break  # below what is built now
            shown_fields = [f for f in fields if f.path in wanted]
            used += SECTION_TITLE_ROWS if shown_fields else 0
            to_build = set()
            for field in shown_fields:
                used += field_rows(field)
                if field.path not in self.built and (rows is None or used <= rows):
                    to_build.add(field.path)
            if to_build or (rows is None and section not in self.grids):
                mounts.extend(self._build(section, to_build))
            if section not in self.grids:
                continue
            for field in fields:
                if field.path in self.built:
                    shown = field.path in wanted
                    for widget in (self.labels[field.path], self.inputs[field.path],
                                   self.shown_errors.get(field.path)):
                        if widget is not None and widget.display != shown:
                            widget.display = shown
            title, grid = self.titles[section], self.grids[section]
            if title.display != bool(shown_fields):
                title.display = grid.display = bool(shown_fields)
            needed = section_required(section, values)
            suffix = REQUIRED_WORDS.get(needed, "")
            title.update(SECTIONS[section][0] + suffix)
        return mounts

    def _build(self, section: str, paths: set[str]) -> list[AwaitMount]:
        """Build and mount the fields ``paths`` of ``section``, each in its place among those
        already built (and the section's title and grid, the first time). Returns the mounts begun."""
        fields = FIELDS_OF[section]
        mounts: list[AwaitMount] = []
        if section not in self.grids:
            title = self.titles[section] = Static("", classes="section-title", id=f"s-{section}", markup=False)
            grid = self.grids[section] = Container(classes="section-grid", id=f"g-{section}")
            order = list(SECTIONS)
            next_title = next((self.titles[s] for s in order[order.index(section) + 1:] if s in self.titles), None)
            form = self.query_one("#profile-form")
            mounts.append(form.mount_all([title, grid], before=next_title or self.query_one("#profile-bottom")))
            # the fields go into the grid now (not as its children-to-be), so the next paint shows them
        grid = self.grids[section]
        before_now = set(self.built)
        at_end: list[Widget] = []
        for i, field in enumerate(fields):
            if field.path not in paths:
                continue
            pair = self._widgets_for(field)
            self.built.add(field.path)
            later = next((f for f in fields[i + 1:] if f.path in before_now), None)
            if later is None:
                at_end.extend(pair)
            else:
                mounts.append(grid.mount_all(pair, before=self.labels[later.path]))
        if at_end:
            mounts.append(grid.mount_all(at_end))
        return mounts

    @work(exclusive=True, group="profile-build")
    async def _build_rest(self, first: list[AwaitMount]) -> None:
        """Once the ``first`` fields are mounted and painted: build the fields below them,
        ``REST_ROWS`` rows at a time (typing goes on in between), then show their messages."""
        await asyncio.gather(*first)
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()
        rows = self.first_rows()
        while True:
            rows += REST_ROWS
            mounts = self._shape(rows)
            if mounts:
                await asyncio.gather(*mounts)
            if rows >= FORM_ROWS:
                break
        self._shape()  # the sections that do not apply, hidden: every field has its place
        self.form_complete = True
        self._show_messages()

    def _is_built(self, path: str) -> bool:
        return path in self.built

    def message(self, path: str) -> str:
        """The message shown under field ``path`` ("" when none)."""
        shown = self.shown_errors.get(path)
        return str(shown.render()) if shown is not None else ""

    def _show_message(self, path: str, message: str) -> None:
        """Show (mounting it if needed), update or remove the message line under a field."""
        shown = self.shown_errors.get(path)
        if not message or not self._is_built(path):
            if shown is not None:
                del self.shown_errors[path]
                shown.remove()
            return
        text = f"FIX: {message}"
        if shown is not None:
            shown.update(text)
        else:
            shown = self.shown_errors[path] = Static(text, id=error_id(path), classes="field-error", markup=False)
            self.grids[FIELD_BY_PATH[path].section].mount(shown, after=self.inputs[path])
