"""The crossing finder: every crossing at the planned moment, filtered by typing, province, place,
"open at my planned time" and "on foot", with the hours, sources and notes of the highlighted one.

The screen takes its dependencies (the moment, the place text, the crossing already in the plan,
and optionally the loaded data) and dismisses with the chosen crossing id, or None. Loading the
bundled data costs ~300 ms cold and each full recomputation ~40 ms, so both run in a worker thread;
the table shows the result when it is ready. Marks and words follow ``flagpole crossings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, DataTable, Header, Input, Label, Select, Static
from textual.worker import get_current_worker

from tui.core.crossings import PROVINCES, CrossingsData, Place
from tui.core.errors import FlagpoleError
from tui.core.finder import (
    PROVINCE_ORDER,
    CrossingStatus,
    Origin,
    find_statuses,
    parse_near,
)
from tui.screens.picker import TablePicker
from tui.widgets.crossing_detail import describe_crossing
from tui.widgets.crossing_words import (
    FOOT_WORDS,
    flagpoling_words,
    full_time,
    name_cell,
    place_message,
    short_time,
)
from tui.widgets.footer import KeysFooter
from tui.widgets.marked_checkbox import MarkedCheckbox

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


# --- the screen ----------------------------------------------------------------------------------


class CrossingFinderScreen(TablePicker):
    """All crossings at the planned moment; dismisses with the chosen crossing id, or None."""

    CSS_PATH = "../finder.tcss"
    TITLE = "flagpole"
    SUB_TITLE = "find a crossing"
    FILTER_INPUT = "#finder-text"
    NOTHING_HIGHLIGHTED = "No crossing is highlighted: the filters leave none."

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
        eligible: bool | None = None,
        ban: date | None = None,
    ) -> None:
        """``at``: the planned moment (or now; naive = each crossing's local time).
        ``origin_text``: the place distances are measured from ("Vancouver", "49.05,-123.0").
        ``current``: the crossing id already in the plan. ``data``/``places``: pre-loaded
        crossings and places; when None they are loaded in a worker thread. ``eligible``: the
        profile's verdict (True exempt from the flagpoling ban, False not eligible, None unknown):
        from the ban's date an exempt person sees "yes", anyone else "exempt travellers only".
        ``ban``: the ban's effective date; when None it is read from the bundled policy data."""
        super().__init__()
        self.at = at
        self.origin_text = origin_text
        self.current = current
        self.data = data
        self.places = places
        self.eligible = eligible
        self.ban = ban
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
        yield KeysFooter()

    def _province_options(self) -> list[tuple[str, str]]:
        codes: tuple[str, ...] = PROVINCE_ORDER
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
        from tui.core.policy import load_policy

        try:
            data = self.data if self.data is not None else load_crossings()
            places = self.places if self.places is not None else load_places()
            if self.ban is None:
                self.ban = load_policy().flagpoling_ban.effective
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
            ban=self.ban,
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
                flagpoling_words(s, self.eligible),
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
            table.add_column(Text(label, justify="right" if key == "km" else "left"), key=key, width=width)
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

    def _highlighted(self) -> CrossingStatus | None:
        wanted = self._highlighted_id()
        return next((s for s in self.statuses if s.crossing.id == wanted), None)

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
        """The detail pane for ``status`` (see ``describe_crossing``)."""
        assert self.data is not None
        origin = self._shown_for.origin if self._shown_for is not None else None
        return describe_crossing(
            self.data, status, current=self.current, origin=origin, eligible=self.eligible
        )


    def action_toggle_open(self) -> None:
        """Only crossings offering flagpoling at the planned moment, or all."""
        self.query_one("#finder-open-only", Checkbox).toggle()

    def action_toggle_foot(self) -> None:
        """Leave out crossings documented as refusing pedestrians, or not."""
        self.query_one("#finder-foot", Checkbox).toggle()


__all__ = ["CrossingFinderScreen", "Filters"]
