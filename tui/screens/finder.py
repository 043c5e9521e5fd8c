"""The crossing finder: every crossing at the planned moment, filtered by typing, province, place,
"open at my planned time" and "on foot", with the hours, sources and notes of the highlighted one.

The screen takes its dependencies (the moment, the place text, the crossing already in the plan,
and optionally the loaded data) and dismisses with the chosen crossing id, or None. Loading the
bundled data costs ~300 ms cold and each full recomputation ~40 ms, so both run in a worker thread;
the table shows the result when it is ready. Marks and words follow ``flagpole crossings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, DataTable, Footer, Header, Input, Label, Select, Static
from textual.widgets.data_table import CellDoesNotExist
from textual.worker import get_current_worker

from tui.core.crossings import PROVINCES, CrossingsData, Place
from tui.core.errors import FlagpoleError
from tui.core.finder import (
    marks_of,
    PROVINCE_ORDER,
    CrossingStatus,
    Origin,
    fact_sources,
    find_statuses,
    parse_near,
    status_notes,
)

MARKS = {
    "†": "no dated flagpoling schedule: offered whenever the port is open (see the notes).",
    "?": "port hours or schedule unverified, or not in the data (assumed open).",
    "~": "approximate location (the distance is rough).",
    "⊘": "documented as refusing pedestrians.",
}
"""What each mark after a crossing's name means; the same marks and words as the CLI."""

FOOT_WORDS = {True: "yes", False: "no", None: "unknown"}
"""The "On foot" column: documented yes, documented no, or nothing documented."""

_FIXED_COLUMNS = (
    ("Prov", "prov"),
    ("Flagpoling", "flag"),
    ("Next window", "next"),
    ("On foot", "foot"),
)


@dataclass(frozen=True)
class Filters:
    """What the person asked for: the typed text, a province code, a place, two switches."""

    text: str = ""
    province: str | None = None
    origin: Origin | None = None
    open_only: bool = False
    foot: bool = False


# --- words ---------------------------------------------------------------------------------------


def short_time(moment: datetime | None, reference: datetime, *, end: bool = False) -> str:
    """``moment`` in few characters, read against ``reference`` (same zone): "16:00" on the same
    day, "24:00" for the next midnight when ``end``, "Thu 08:00" within a week, "3 Jan 08:00" later,
    "—" for None."""
    if moment is None:
        return "—"
    days = (moment.date() - reference.date()).days
    if days == 0:
        return f"{moment:%H:%M}"
    if end and days == 1 and moment.hour == 0 and moment.minute == 0:
        return "24:00"
    if days < 7:
        return f"{moment:%a %H:%M}"
    return f"{moment.day} {moment:%b %H:%M}"


def full_time(moment: datetime) -> str:
    """'Wed 2 Dec 2026, 10:30 PST' (no zone for a naive moment)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M %Z}".rstrip()


def flagpoling_words(status: CrossingStatus) -> str:
    """The table's words: "yes, until 16:00", "yes, 24 hours", "no" or "no (port closed)"."""
    if status.flagpoling:
        if status.until is None:
            return "yes, 24 hours"
        return f"yes, until {short_time(status.until, status.at, end=True)}"
    if not status.port_open:
        return "no (port closed)"
    return "no"


def name_cell(status: CrossingStatus, width: int) -> str:
    """The name and its marks in at most ``width`` characters (the name is shortened with …)."""
    marks = marks_of(status)
    name = status.crossing.name
    room = width - (len(marks) + 1 if marks else 0)
    if len(name) > room:
        name = name[: max(room - 1, 1)].rstrip() + "…"
    return f"{name} {marks}".rstrip()


def place_message(error: FlagpoleError) -> str:
    """The core's "--near" message for a screen: no CLI option name, and the short way to write a
    place instead of the list of every known place."""
    text = str(error).removeprefix("--near: ")
    text = text[0].upper() + text[1:] if text else text
    head, sep, _ = text.partition(" Give LAT,LON")
    if sep:
        hint = "Type a town (Vancouver, Montréal…), a crossing, or LAT,LON like 49.05,-123.0."
        text = f"{head} {hint}"
    return text


def _grid(label_width: int = 11) -> Table:
    """Two columns, label and text, so wrapped text stays under its own column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=label_width + 1, justify="right" if label_width == 1 else "left")
    grid.add_column(ratio=1, overflow="fold")
    return grid


def _title(text: str) -> Text:
    return Text(f"\n{text}", style="bold")


def plain_text(renderable: RenderableType, width: int = 78) -> str:
    """What ``renderable`` reads as on a terminal ``width`` columns wide, without styles."""
    from io import StringIO

    from rich.console import Console

    console = Console(width=width, file=StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()


# --- the screen ----------------------------------------------------------------------------------


class MarkedCheckbox(Checkbox):
    """A checkbox whose state reads without colour: an X when on, blank when off."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        """Show the X (or not), then let the checkbox post its Changed message."""
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()


class CrossingFinderScreen(Screen[str | None]):
    """All crossings at the planned moment; dismisses with the chosen crossing id, or None."""

    CSS_PATH = "../finder.tcss"
    TITLE = "flagpole"
    SUB_TITLE = "find a crossing"

    BINDINGS = [
        Binding("escape,b", "cancel", "Back", key_display="Esc", id="finder-back"),
        Binding("c,f5", "choose", "Choose", key_display="c", id="finder-choose"),
        Binding("slash,f6", "focus_filter", "Find", key_display="/", id="finder-find"),
        # The switches carry their key in their label ("On foot (w)"), so the footer stays short
        # enough for the app's own keys at 80 columns.
        Binding("o,f7", "toggle_open", "Open then", show=False, id="finder-open-only"),
        Binding("w,f8", "toggle_foot", "On foot", show=False, id="finder-on-foot"),
        Binding("down", "table_down", show=False),
        Binding("up", "table_up", show=False),
    ]

    def __init__(
        self,
        at: datetime,
        origin_text: str = "",
        current: str | None = None,
        *,
        data: CrossingsData | None = None,
        places: tuple[Place, ...] | None = None,
    ) -> None:
        """``at``: the planned moment (or now; naive = each crossing's local time).
        ``origin_text``: the place distances are measured from ("Vancouver", "49.05,-123.0").
        ``current``: the crossing id already in the plan. ``data``/``places``: pre-loaded
        crossings and places; when None they are loaded in a worker thread."""
        super().__init__()
        self.at = at
        self.origin_text = origin_text
        self.current = current
        self.data = data
        self.places = places
        self.filters = Filters()
        self.statuses: list[CrossingStatus] = []
        self._shown_for: Filters | None = None
        self._ready = False
        self._shown_once = False

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, the filters, the table, the detail pane, footer."""
        yield Header()
        with Horizontal(id="finder-filters"):
            yield Label("Find", classes="finder-label")
            yield Input(placeholder="name or US town", id="finder-text", compact=True)
            yield Select(
                [("All provinces", "")] + self._province_options(),
                value="",
                allow_blank=False,
                compact=True,
                id="finder-province",
            )
            yield Label("From", classes="finder-label")
            yield Input(
                value=self.origin_text,
                placeholder="town or LAT,LON",
                id="finder-place",
                compact=True,
            )
        with Horizontal(id="finder-switches"):
            yield MarkedCheckbox(
                "Open at my planned time (o)", id="finder-open-only", compact=True
            )
            yield MarkedCheckbox("On foot (w)", id="finder-foot", compact=True)
            yield Static("", id="finder-count", markup=False)
        yield Static("", id="finder-place-message", markup=False)
        yield DataTable(id="finder-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="finder-detail"):
            yield Static("Loading the crossings…", id="finder-detail-text", markup=False)
        yield Footer()

    def _province_options(self) -> list[tuple[str, str]]:
        codes = PROVINCE_ORDER
        if self.data is not None:
            present = {c.province for c in self.data.crossings.values()}
            codes = tuple(code for code in PROVINCE_ORDER if code in present)
        return [(f"{code} {PROVINCES[code]}", code) for code in codes]

    def on_mount(self) -> None:
        """The moment in the header; load (if needed) and fill the table."""
        self.sub_title = f"find a crossing · {full_time(self.at)}"
        if self.at.tzinfo is None:
            self.sub_title += " (local)"
        self.query_one(DataTable).loading = True
        self.query_one("#finder-text", Input).focus()
        self._load()

    @work(thread=True, exclusive=True, group="finder-load")
    def _load(self) -> None:
        """Read the bundled crossings and places (off the event loop) unless they were given."""
        from tui.core.crossings import load_crossings, load_places

        try:
            data = self.data if self.data is not None else load_crossings()
            places = self.places if self.places is not None else load_places()
        except FlagpoleError as exc:
            self.app.call_from_thread(self._load_failed, str(exc))
            return
        self.app.call_from_thread(self._loaded, data, places)

    def _load_failed(self, message: str) -> None:
        self.query_one(DataTable).loading = False
        self._detail(Text(f"Could not read the crossings data.\n\n{message}"))

    def _loaded(self, data: CrossingsData, places: tuple[Place, ...]) -> None:
        first = self.data is None
        self.data, self.places = data, places
        self._ready = True
        if first:
            select = self.query_one("#finder-province", Select)
            select.set_options([("All provinces", "")] + self._province_options())
            select.value = ""
        self._apply_place(self.query_one("#finder-place", Input).value)

    # --- filters -------------------------------------------------------------------------------

    def _current_filters(self, origin: Origin | None) -> Filters:
        province = self.query_one("#finder-province", Select).value
        return Filters(
            text=self.query_one("#finder-text", Input).value,
            province=province if isinstance(province, str) and province else None,
            origin=origin,
            open_only=self.query_one("#finder-open-only", Checkbox).value,
            foot=self.query_one("#finder-foot", Checkbox).value,
        )

    def _refilter(self, origin: Origin | None = None, *, keep_origin: bool = True) -> None:
        """Recompute the table for the filters on screen (in a worker)."""
        if not self._ready or self.data is None:
            return
        if keep_origin:
            origin = self.filters.origin
        self.filters = self._current_filters(origin)
        self._compute(self.filters)

    @work(thread=True, exclusive=True, group="finder-filter")
    def _compute(self, filters: Filters) -> None:
        """find_statuses for ``filters``; the newest request wins."""
        assert self.data is not None
        statuses = find_statuses(
            self.data,
            self.at,
            origin=filters.origin,
            province=filters.province,
            text=filters.text,
            foot=filters.foot,
            open_only=filters.open_only,
        )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, filters, statuses)

    def _apply_place(self, text: str) -> None:
        """Measure distances from ``text`` (blank: none); a place not understood is said inline."""
        if not self._ready or self.data is None or self.places is None:
            return
        message = self.query_one("#finder-place-message", Static)
        origin = None
        if text.strip():
            try:
                origin = parse_near(text, self.data, self.places)
            except FlagpoleError as exc:
                message.update(place_message(exc))
                message.add_class("-shown")
                self._refilter(None, keep_origin=False)
                return
        message.update("")
        message.remove_class("-shown")
        self._refilter(origin, keep_origin=False)

    @on(Input.Changed, "#finder-text")
    def _text_changed(self) -> None:
        self._refilter()

    @on(Input.Submitted, "#finder-text")
    def _text_submitted(self) -> None:
        self.query_one(DataTable).focus()

    @on(Input.Submitted, "#finder-place")
    def _place_submitted(self, event: Input.Submitted) -> None:
        self._apply_place(event.value)
        self.query_one(DataTable).focus()

    @on(Input.Blurred, "#finder-place")
    def _place_left(self, event: Input.Blurred) -> None:
        self._apply_place(event.value)

    @on(Select.Changed, "#finder-province")
    @on(Checkbox.Changed)
    def _switch_changed(self) -> None:
        self._refilter()

    # --- table ---------------------------------------------------------------------------------

    def _show(self, filters: Filters, statuses: list[CrossingStatus]) -> None:
        """Fill the table, keeping the highlighted crossing when it is still listed."""
        table = self.query_one(DataTable)
        before = self._highlighted_id()
        if self._shown_for is not None and self._shown_for.origin != filters.origin:
            before = None  # a new place re-sorts the list: start from the nearest
        self.statuses = statuses
        self._shown_for = filters
        table.loading = False
        table.clear(columns=True)
        with_distance = filters.origin is not None
        rows = []
        for s in statuses:
            cells = [
                s.crossing.province,
                flagpoling_words(s),
                short_time(s.next, s.at),
                FOOT_WORDS[s.crossing.pedestrians_allowed],
            ]
            if with_distance:
                cells.append(f"{s.distance_km:.0f}")
            rows.append((s, cells))
        labels = list(_FIXED_COLUMNS) + ([("km", "km")] if with_distance else [])
        widths = [
            max([len(label)] + [len(cells[i]) for _, cells in rows])
            for i, (label, _) in enumerate(labels)
        ]
        padding = 2 * table.cell_padding
        # From the screen's width (known from the start), not the table's (settles later); the
        # table spans the screen, less its scrollbar gutter.
        room = (self.size.width or 80) - 1
        name_width = max(14, room - padding - sum(w + padding for w in widths))
        names = [name_cell(s, name_width) for s, _ in rows]
        # Fixed widths (not auto): the table is drawn right at once, not after an idle pass.
        name_column = max([len("Crossing")] + [len(n) for n in names])
        table.add_column("Crossing", key="name", width=name_column)
        for (label, key), width in zip(labels, widths, strict=True):
            justify = "right" if key == "km" else "left"
            table.add_column(Text(label, justify=justify), key=key, width=width)
        for name, (s, cells) in zip(names, rows, strict=True):
            texts = [Text(cell) for cell in cells]
            if with_distance:
                texts[-1].justify = "right"
            table.add_row(Text(name), *texts, key=s.crossing.id)
        self.query_one("#finder-count", Static).update(self._count_words(filters))
        wanted = before if self._shown_once else self.current
        self._shown_once = True
        if wanted is not None and wanted in {s.crossing.id for s in statuses}:
            table.move_cursor(row=table.get_row_index(wanted), animate=False)
        else:
            table.move_cursor(row=0, animate=False)
            table.scroll_home(animate=False)
        self._show_detail()

    def _count_words(self, filters: Filters) -> str:
        total = len(self.data.crossings) if self.data else 0
        return f"{len(self.statuses)} of {total} shown"

    def on_resize(self) -> None:
        """Re-fit the names to the new width (once the table has its new size)."""
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        if self._shown_for is not None:
            self._show(self._shown_for, self.statuses)

    def _highlighted_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except CellDoesNotExist:  # the cursor is outside the rows while the table is rebuilt
            return None
        return str(key.value) if key.value is not None else None

    def _highlighted(self) -> CrossingStatus | None:
        wanted = self._highlighted_id()
        return next((s for s in self.statuses if s.crossing.id == wanted), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Describe the highlighted crossing."""
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row chooses it."""
        if event.row_key.value is not None:
            self.dismiss(str(event.row_key.value))

    # --- detail --------------------------------------------------------------------------------

    def _detail(self, renderable: RenderableType) -> None:
        self.query_one("#finder-detail-text", Static).update(renderable)

    def _show_detail(self) -> None:
        status = self._highlighted()
        if status is None:
            self._detail(
                Text(
                    "No crossing matches. Clear the search, choose All provinces, or untick a "
                    "switch to see more."
                )
            )
            return
        self._detail(self.describe(status))

    def describe(self, status: CrossingStatus) -> Group:
        """The detail pane for ``status``: the moment, the marks in words, the notes, the hours
        and schedules in force with their sources, and transit (long lines wrap under their
        own column, not under the label)."""
        assert self.data is not None
        c = status.crossing
        parts: list[RenderableType] = []

        head = Text()
        head.append(c.name, style="bold")
        head.append(f", {PROVINCES[c.province]}  ·  US side: {c.us_port}, {c.us_state}")
        parts.append(head)
        if c.id == self.current:
            parts.append(Text("This is the crossing in your plan."))

        summary = _grid()
        if status.flagpoling:
            if status.until is not None:
                now = f"yes, until {self._detail_time(status.until, status.at, end=True)}"
            else:
                now = "yes, around the clock (no end in the next 14 days)"
        else:
            now = "no (the port is closed then)" if not status.port_open else "no"
        summary.add_row("Flagpoling", f"at {full_time(status.at)}: {now}")
        if status.next is not None:
            summary.add_row("Next window", f"opens {self._detail_time(status.next, status.at)}")
        elif not status.flagpoling:
            summary.add_row("Next window", "none found in the next 14 days")
        foot = FOOT_WORDS[c.pedestrians_allowed]
        if c.pedestrians_allowed is None:
            foot += " (nothing documented)"
        summary.add_row("On foot", foot)
        origin = self._shown_for.origin if self._shown_for is not None else None
        if status.distance_km is not None and origin is not None:
            rough = " (approximate location)" if c.location.approximate else ""
            summary.add_row("Distance", f"{status.distance_km:.0f} km from {origin.label}{rough}")
        parts.append(summary)

        marks = marks_of(status)
        if marks:
            parts.append(_title("Marks"))
            grid = _grid(label_width=1)
            for mark in marks:
                grid.add_row(mark, MARKS[mark])
            parts.append(grid)
        notes = status_notes(self.data, status)
        if notes:
            parts.append(_title("Notes"))
            grid = _grid(label_width=1)
            for note in notes:
                grid.add_row("•", note)
            parts.append(grid)

        day = f"{status.at:%a} {status.at.day} {status.at:%b %Y}"
        parts.append(_title(f"Hours and sources in force on {day}"))
        grid = _grid()
        for fact in fact_sources(self.data, status):
            label, value = self._fact_words(status, fact)
            line = Text(value)
            if fact["unverified"]:
                line.append("  UNVERIFIED", style="bold")
            line.append(f"  as of {fact['as_of']}" if fact.get("as_of") else "  (no date)")
            line.append(f"\n{fact['url']}", style="dim")
            grid.add_row(label, line)
        parts.append(grid)

        parts.append(_title("Transit"))
        parts.append(
            Text(c.transit or "Nothing in the data about public transit or walking access.")
        )
        return Group(*parts)

    @staticmethod
    def _detail_time(moment: datetime, reference: datetime, *, end: bool = False) -> str:
        """'16:00 PST' on the same day as ``reference`` ('24:00 PST' for the next midnight when
        ``end``), else 'Thu 3 Dec 2026, 10:00 PST'."""
        short = short_time(moment, reference, end=end)
        if short in ("24:00", f"{moment:%H:%M}"):
            return f"{short} {moment:%Z}".rstrip()
        return full_time(moment)

    def _fact_words(self, status: CrossingStatus, fact: dict) -> tuple[str, str]:
        c = status.crossing
        kind = re.sub(r"\[\d+\]$", "", fact["fact"])
        if kind == "port_hours":
            return "Port hours", fact["description"]
        if kind == "flagpoling":
            return "Flagpoling", fact["description"]
        if kind == "location":
            rough = " (approximate)" if c.location.approximate else ""
            return "Location", f"{c.location.lat:g}, {c.location.lon:g}{rough}"
        if kind == "pedestrians":
            words = {True: "allowed", False: "refused", None: "unknown"}
            return "On foot", words[c.pedestrians_allowed]
        if kind == "no_schedule_note":
            return "No schedule", "the reading in the notes above"
        return fact["fact"], fact.get("description", "")

    # --- actions -------------------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)

    def action_choose(self) -> None:
        """Choose the highlighted crossing."""
        wanted = self._highlighted_id()
        if wanted is None:
            self.notify("No crossing is highlighted: the filters leave none.", severity="warning")
            return
        self.dismiss(wanted)

    def action_focus_filter(self) -> None:
        """Put the cursor in the search field."""
        self.query_one("#finder-text", Input).focus()

    def action_toggle_open(self) -> None:
        """Only crossings offering flagpoling at the planned moment, or all."""
        self.query_one("#finder-open-only", Checkbox).toggle()

    def action_toggle_foot(self) -> None:
        """Leave out crossings documented as refusing pedestrians, or not."""
        self.query_one("#finder-foot", Checkbox).toggle()

    def action_table_down(self) -> None:
        """Down in the search field moves the table's cursor, so typing can go on."""
        self.query_one(DataTable).action_cursor_down()

    def action_table_up(self) -> None:
        """Up in the search field moves the table's cursor."""
        self.query_one(DataTable).action_cursor_up()


__all__ = ["CrossingFinderScreen", "Filters", "MarkedCheckbox"]
