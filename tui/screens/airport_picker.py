"""The airport picker: every airport of the arrival-by-air route, its local time now, filtered by
typing a city, a code or a name, with what is known of its CBSA offices and the sources.

Like the crossing finder, the screen takes its dependencies (the moment now, the airport already
in the plan, optionally the planned landing date and time, optionally the loaded data) and
dismisses with the chosen airport id, or None. The airports file is small (eleven airports), so
searching runs on the event loop; only reading the file (when not given) runs in a worker.
"""

from __future__ import annotations

from datetime import date, datetime, time

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, Input, Label, Static

from tui.core.airports import Airport, AirportsData, OfficeFact, search
from tui.core.crossings import PROVINCES
from tui.core.errors import FlagpoleError
from tui.screens.picker import TablePicker
from tui.widgets.crossing_detail import detail_grid, detail_title
from tui.widgets.footer import KeysFooter
from tui.widgets.words import when

_COLUMNS = (("Code", "code"), ("Airport", "name"), ("City", "city"), ("Prov", "prov"), ("Local time", "time"))


def local_time_cell(airport: Airport, now: datetime) -> str:
    """The airport's local time at ``now`` in few characters: 'Wed 10:05 PST'."""
    local = now.astimezone(airport.zone)
    return f"{local:%a %H:%M %Z}".rstrip()


def _office_words(fact: OfficeFact | None, unknown: str) -> Text:
    if fact is None:
        return Text(unknown)
    line = Text(fact.description)
    if fact.unverified:
        line.append("  UNVERIFIED", style="bold")
    return line


def describe_airport(
    airport: Airport,
    now: datetime,
    *,
    current: str | None = None,
    landing: tuple[date, time | None] | None = None,
) -> Group:
    """The detail pane for ``airport``: its place and local time at ``now``; the planned landing
    there (``landing``: the plan's date and arrival time, local to the airport) when given; what
    is known of the CBSA desk on arrival and of an office reachable after leaving arrivals
    (unknown is said, never guessed, unverified facts are marked); the notes; every source with
    its date. ``current`` is the airport id in the plan."""
    parts: list[RenderableType] = []
    head = Text()
    head.append(f"{airport.name} ({airport.code})", style="bold")
    head.append(f"\n{airport.city}, {PROVINCES[airport.province]}  ·  time zone {airport.time_zone}")
    parts.append(head)
    if airport.id == current:
        parts.append(Text("This is the airport in your plan."))

    summary = detail_grid()
    summary.add_row("Local time", f"{when(now.astimezone(airport.zone))} (now)")
    if landing is not None:
        day, arrive = landing
        whose = "your plan" if airport.id == current else "your plan's date and time, if you land here"
        if arrive is None:
            summary.add_row("You land", f"{day:%a} {day.day} {day:%b %Y} ({whose}; no time in the plan)")
        else:
            moment = datetime.combine(day, arrive, tzinfo=airport.zone)
            summary.add_row("You land", f"{when(moment)} ({whose})")
    parts.append(summary)

    parts.append(detail_title("CBSA at this airport"))
    office = detail_grid()
    office.add_row(
        "On arrival",
        _office_words(airport.cbsa_office.arrivals, "Not known: no source says where the desk is."),
    )
    office.add_row(
        "Landside",
        _office_words(
            airport.cbsa_office.landside,
            "Not known: no source names an office to go back to after leaving arrivals. "
            "Check the permit before you leave the desk.",
        ),
    )
    parts.append(office)

    if airport.notes:
        parts.append(detail_title("Notes"))
        grid = detail_grid(label_width=1)
        for note in airport.notes:
            grid.add_row("•", note)
        parts.append(grid)

    parts.append(detail_title("Sources"))
    grid = detail_grid()
    labels = {
        "airport": "Airport",
        "location": "Location",
        "cbsa_office.arrivals": "On arrival",
        "cbsa_office.landside": "Landside",
    }
    notes = {
        "location": airport.location.note,
        "cbsa_office.arrivals": airport.cbsa_office.arrivals.note if airport.cbsa_office.arrivals else None,
        "cbsa_office.landside": airport.cbsa_office.landside.note if airport.cbsa_office.landside else None,
    }
    for fact in airport.sources():
        line = Text()
        if fact["fact"] == "location":
            rough = " (approximate)" if airport.location.approximate else ""
            line.append(f"{airport.location.lat:g}, {airport.location.lon:g}{rough}  ")
        if fact["unverified"]:
            line.append("UNVERIFIED  ", style="bold")
        line.append(f"as of {fact['as_of']}")
        if notes.get(fact["fact"]):
            line.append(f"\n{notes[fact['fact']]}")
        line.append(f"\n{fact['source']}", style="dim")
        grid.add_row(labels.get(fact["fact"], fact["fact"]), line)
    parts.append(grid)
    return Group(*parts)


class AirportPickerScreen(TablePicker):
    """All airports with their local time now; dismisses with the chosen airport id, or None."""

    CSS_PATH = "../airport_picker.tcss"
    TITLE = "flagpole"
    SUB_TITLE = "choose an airport"
    FILTER_INPUT = "#airport-text"
    NOTHING_HIGHLIGHTED = "No airport is highlighted: the search leaves none."

    BINDINGS = [
        Binding("escape,b", "cancel", "Back", key_display="Esc", id="airport-back"),
        Binding("c,f5", "choose", "Choose", key_display="c", id="airport-choose"),
        Binding("slash,f6", "focus_filter", "Find", key_display="/", id="airport-find"),
        Binding("down", "table_down", show=False),
        Binding("up", "table_up", show=False),
    ]

    def __init__(
        self,
        now: datetime,
        current: str | None = None,
        *,
        landing: tuple[date, time | None] | None = None,
        data: AirportsData | None = None,
    ) -> None:
        """``now``: the moment whose local time each airport shows (timezone-aware).
        ``current``: the airport id already in the plan (highlighted first). ``landing``: the
        plan's date and arrival time, shown in the detail pane in each airport's own zone.
        ``data``: the loaded airports; when None the bundled file is read in a worker."""
        super().__init__()
        self.now = now
        self.current = current
        self.landing = landing
        self.data = data
        self.shown: list[Airport] = []
        self._shown_once = False

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, the search line, the table, the detail pane, footer."""
        yield Header()
        with Horizontal(id="airport-filters"):
            yield Label("Find", classes="airport-label")
            yield Input(placeholder="city, code or name (Montreal, YYZ, Pearson)", id="airport-text", compact=True)
            yield Static("", id="airport-count", markup=False)
        yield DataTable(id="airport-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="airport-detail"):
            yield Static("Loading the airports…", id="airport-detail-text", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """The moment in the header; load (if needed) and fill the table."""
        self.sub_title = "choose an airport · times now, each in its own zone"
        self.query_one("#airport-text", Input).focus()
        if self.data is None:
            self.query_one(DataTable).loading = True
            self._load()
        else:
            self._refilter()

    @work(thread=True, exclusive=True, group="airport-load")
    def _load(self) -> None:
        """Read the bundled airports file, off the event loop."""
        from tui.core.airports import load_airports

        try:
            data = load_airports()
        except FlagpoleError as exc:
            self.app.call_from_thread(self._load_failed, str(exc))
            return
        self.app.call_from_thread(self._loaded, data)

    def _load_failed(self, message: str) -> None:
        self.query_one(DataTable).loading = False
        self._detail(Text(f"Could not read the airports data.\n\n{message}"))

    def _loaded(self, data: AirportsData) -> None:
        self.data = data
        self._refilter()

    # --- search --------------------------------------------------------------------------------

    @on(Input.Changed, "#airport-text")
    def _text_changed(self) -> None:
        self._refilter()

    @on(Input.Submitted, "#airport-text")
    def _text_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def _refilter(self, keep: bool = False) -> None:
        """Fill the table with the airports matching the search text, best match first."""
        if self.data is None:
            return
        text = self.query_one("#airport-text", Input).value
        self._show(search(self.data, text) if text.strip() else list(self.data.airports.values()), keep)

    def _show(self, airports: list[Airport], keep: bool = False) -> None:
        """Fill the table. At first the planned airport is highlighted; after a new search, the
        best match; with the search cleared (or ``keep``), the airport highlighted before."""
        table = self.query_one(DataTable)
        before = self._highlighted_id()
        self.shown = airports
        table.loading = False
        table.clear(columns=True)
        rows = [
            (a, [a.code, a.name, a.city, a.province, local_time_cell(a, self.now)]) for a in airports
        ]
        widths = [
            max([len(label)] + [len(cells[i]) for _, cells in rows]) for i, (label, _) in enumerate(_COLUMNS)
        ]
        padding = 2 * table.cell_padding
        room = (self.size.width or 80) - 1  # the table spans the screen, less its scrollbar gutter
        others = sum(w + padding for i, w in enumerate(widths) if i != 1)
        widths[1] = min(widths[1], max(12, room - others - padding))
        for (label, key), width in zip(_COLUMNS, widths, strict=True):
            table.add_column(label, key=key, width=width)
        for airport, cells in rows:
            name = cells[1]
            if len(name) > widths[1]:
                name = name[: widths[1] - 1] + "…"
            table.add_row(*(Text(c) for c in (cells[0], name, *cells[2:])), key=airport.id)
        total = len(self.data.airports) if self.data else 0
        self.query_one("#airport-count", Static).update(f"{len(airports)} of {total} shown")
        ids = [a.id for a in airports]
        if not self._shown_once:
            before, keep = self.current, True
        self._shown_once = True
        searching = bool(self.query_one("#airport-text", Input).value.strip())
        if before in ids and (keep or not searching):
            table.move_cursor(row=ids.index(before), animate=False)
        else:
            table.move_cursor(row=0, animate=False)
            table.scroll_home(animate=False)
        self._show_detail()

    def on_resize(self) -> None:
        """Re-fit the names to the new width."""
        self.call_after_refresh(self._refilter, True)

    # --- detail --------------------------------------------------------------------------------

    def _detail(self, renderable: RenderableType) -> None:
        self.query_one("#airport-detail-text", Static).update(renderable)

    def _show_detail(self) -> None:
        wanted = self._highlighted_id()
        airport = next((a for a in self.shown if a.id == wanted), None)
        if airport is None:
            self._detail(
                Text("No airport matches. Try a city (Montreal), a code (YUL) or part of a name (Trudeau).")
            )
            return
        self._detail(describe_airport(airport, self.now, current=self.current, landing=self.landing))


__all__ = ["AirportPickerScreen", "describe_airport", "local_time_cell"]
