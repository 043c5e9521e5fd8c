"""The time zone of the planned place, read cheaply: "today" for the plan date is the date at
the crossing (or airport), not on the machine's clock, when the two zones differ.

Only the ``timezone`` (crossings) or ``time_zone`` (airports) of the one planned place is read
from the data file with ``tomllib``, without the full validation the rules do later; the index
of zones is kept per content in the validated cache, so a later start parses no TOML. Anything
missing or unreadable gives None, and the caller uses the system's zone.
"""

from __future__ import annotations

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


ZONE_KEYS = (("crossings", "timezone"), ("airports", "time_zone"))
"""The (table, key) pairs read: a crossing's zone, an airport's zone."""


@lru_cache(maxsize=32)
def _zone(path: str, table: str, place_id: str, key: str) -> tzinfo | None:
    name = _zones(path).get(f"{table}.{key}", {}).get(place_id)
    try:
        return ZoneInfo(name) if isinstance(name, str) and name else None
    except (KeyError, ValueError, OSError):
        return None


@lru_cache(maxsize=8)
def _zones(path: str) -> dict[str, dict[str, str]]:
    """``table.key`` → place id → zone name, for every ZONE_KEYS pair in the data file: parsed
    once per content (``tui.core.validated_cache``, the shared cache: the index holds only the
    data file's facts), then read back as JSON instead of parsing the whole file each start."""
    from tui.core.validated_cache import cached, sha256_hex, shared_folder

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        where = sha256_hex(str(Path(path).resolve()).encode())[:16]
        return cached("place-zones", raw, _index, shared_folder(), prefix=f"zones-{where}")
    except (OSError, ValueError):  # ValueError: not UTF-8, not TOML
        return {}


def _index(raw: bytes) -> dict[str, dict[str, str]]:
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    found: dict[str, dict[str, str]] = {}
    for table, key in ZONE_KEYS:
        rows = data.get(table, [])
        found[f"{table}.{key}"] = {
            row["id"]: row[key]
            for row in (rows if isinstance(rows, list) else [])
            if isinstance(row, dict) and isinstance(row.get("id"), str) and isinstance(row.get(key), str)
        }
    return found
