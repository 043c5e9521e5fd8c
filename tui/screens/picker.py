"""What the crossing finder and the airport picker share: a table of places with a detail pane,
a search field, and the keys to choose, go back and move the table's cursor while typing."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import DataTable, Input
from textual.widgets.data_table import CellDoesNotExist


class TablePicker(Screen[str | None]):
    """A screen that dismisses with the id (row key) of the chosen row, or None."""

    FILTER_INPUT = ""
    """The selector of the search field (``/`` puts the cursor there)."""
    NOTHING_HIGHLIGHTED = ""
    """What ``c`` says when no row is highlighted."""

    def _show_detail(self) -> None:
        """Describe the highlighted row in the detail pane."""
        raise NotImplementedError

    def _highlighted_id(self) -> str | None:
        """The row key under the table's cursor, or None."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except CellDoesNotExist:  # the cursor is outside the rows while the table is rebuilt
            return None
        return str(key.value) if key.value is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Describe the highlighted row."""
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row chooses it."""
        if event.row_key.value is not None:
            self.dismiss(str(event.row_key.value))

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)

    def action_choose(self) -> None:
        """Choose the highlighted row."""
        wanted = self._highlighted_id()
        if wanted is None:
            self.notify(self.NOTHING_HIGHLIGHTED, severity="warning")
            return
        self.dismiss(wanted)

    def action_focus_filter(self) -> None:
        """Put the cursor in the search field."""
        self.query_one(self.FILTER_INPUT, Input).focus()

    def action_table_down(self) -> None:
        """Down in the search field moves the table's cursor, so typing can go on."""
        self.query_one(DataTable).action_cursor_down()

    def action_table_up(self) -> None:
        """Up in the search field moves the table's cursor."""
        self.query_one(DataTable).action_cursor_up()
