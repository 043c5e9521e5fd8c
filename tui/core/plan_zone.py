"""The time zone of the planned place, read cheaply: "today" for the plan date is the date at
the crossing (or airport), not on the machine's clock, when the two zones differ.

Only the ``timezone`` (crossings) or ``time_zone`` (airports) of the one planned place is read
from the data file with ``tomllib`` (a few milliseconds), without the full validation the rules
do later; anything missing or unreadable gives None, and the caller uses the system's zone.
"""

from __future__ import annotations

import tomllib
from datetime import tzinfo
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.profile import Plan


def plan_zone(plan: Plan | None, data_dir: Path | None = None) -> tzinfo | None:
    """The IANA zone of the plan's crossing (or, arriving by air, its airport) from the data
    folder ``data_dir`` (the bundled one when None); None when there is no plan, the place is
    unknown, or the file cannot be read."""
    if plan is None:
        return None
    from tui.core.resources import data_dir as bundled

    folder = Path(data_dir) if data_dir else bundled()
    if plan.airport and plan.route.value == "arrival-by-air":
        return _zone(str(folder / "airports.toml"), "airports", plan.airport, "time_zone")
    if plan.crossing:
        return _zone(str(folder / "crossings.toml"), "crossings", plan.crossing, "timezone")
    return None


@lru_cache(maxsize=32)
def _zone(path: str, table: str, place_id: str, key: str) -> tzinfo | None:
    try:
        with open(path, "rb") as handle:
            rows = tomllib.load(handle).get(table, [])
        name = next((row.get(key) for row in rows if isinstance(row, dict) and row.get("id") == place_id), None)
        return ZoneInfo(name) if isinstance(name, str) and name else None
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError):
        return None
