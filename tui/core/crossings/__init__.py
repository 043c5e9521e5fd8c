"""The crossings data (``data/crossings.toml``) and the places ``--near`` accepts (``places.toml``).

Plain pydantic models, no UI; each name is imported on first use (``__getattr__``), so the
pydantic-free parts (``logic``, ``search``) load without the models. Module map:

- ``logic``: the constants and the models' behaviour, without pydantic (shared with the cache);

- ``model``: field types and the models of the crossings file (``Crossing``, ``Window``…);
- ``places``: the places model, lookup by name, distances;
- ``loading``: reading and validating the files (the bundled ones read once per process);
- ``facts``: every dated, sourced fact, for ``--stale`` and the facts check;
- ``search``: finding a crossing by what a person types.
"""

from __future__ import annotations

import importlib

# The pydantic-free parts, imported now (``facts`` and ``search`` are also module names: binding
# them here keeps the functions, not the modules, as the package's attributes).
from tui.core.crossings.facts import CrossingFact, facts, stale_facts
from tui.core.crossings.logic import PROVINCES, WEEKDAYS, describe_days
from tui.core.crossings.search import closest_ids, find_crossing, normalize, search

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from tui.core.crossings.loading import (  # noqa: F401
        KIND as KIND,
    )
    from tui.core.crossings.loading import (
        PLACES_KIND as PLACES_KIND,
    )
    from tui.core.crossings.loading import (
        clear_cache as clear_cache,
    )
    from tui.core.crossings.loading import (
        crossings_path as crossings_path,
    )
    from tui.core.crossings.loading import (
        load_crossings as load_crossings,
    )
    from tui.core.crossings.loading import (
        load_places as load_places,
    )
    from tui.core.crossings.loading import (
        places_path as places_path,
    )
    from tui.core.crossings.model import (
        HHMM as HHMM,
    )
    from tui.core.crossings.model import (  # noqa: F401
        Crossing as Crossing,
    )
    from tui.core.crossings.model import (
        CrossingsData as CrossingsData,
    )
    from tui.core.crossings.model import (
        DatedMark as DatedMark,
    )
    from tui.core.crossings.model import (
        Days as Days,
    )
    from tui.core.crossings.model import (
        Location as Location,
    )
    from tui.core.crossings.model import (
        Pedestrians as Pedestrians,
    )
    from tui.core.crossings.model import (
        SourcedEntry as SourcedEntry,
    )
    from tui.core.crossings.model import (
        Window as Window,
    )
    from tui.core.crossings.places import (  # noqa: F401
        Place as Place,
    )
    from tui.core.crossings.places import (
        closest_places as closest_places,
    )
    from tui.core.crossings.places import (
        find_place as find_place,
    )
    from tui.core.crossings.places import (
        haversine_km as haversine_km,
    )
    from tui.core.fields import Text as Text  # noqa: F401
    from tui.core.fields import Url as Url
    from tui.core.fields import Zone as Zone

_WHERE = {
    "Crossing": "model",
    "CrossingsData": "model",
    "DatedMark": "model",
    "Days": "model",
    "HHMM": "model",
    "KIND": "loading",
    "Location": "model",
    "PLACES_KIND": "loading",
    "Pedestrians": "model",
    "Place": "places",
    "SourcedEntry": "model",
    "Text": "model",
    "Url": "model",
    "Window": "model",
    "Zone": "model",
    "clear_cache": "loading",
    "closest_places": "places",
    "crossings_path": "loading",
    "find_place": "places",
    "haversine_km": "places",
    "load_crossings": "loading",
    "load_places": "loading",
    "places_path": "loading",
}
"""Each name of the package and the module that defines it (imported on first use)."""


def __getattr__(name: str) -> Any:
    """Import the module behind ``name`` on first use, so reading a cached entry (or the search)
    never builds the pydantic models."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Crossing",
    "CrossingFact",
    "CrossingsData",
    "DatedMark",
    "Days",
    "HHMM",
    "KIND",
    "Location",
    "PLACES_KIND",
    "PROVINCES",
    "Pedestrians",
    "Place",
    "SourcedEntry",
    "Text",
    "Url",
    "WEEKDAYS",
    "Window",
    "Zone",
    "clear_cache",
    "closest_ids",
    "closest_places",
    "crossings_path",
    "describe_days",
    "facts",
    "find_crossing",
    "find_place",
    "haversine_km",
    "load_crossings",
    "load_places",
    "normalize",
    "places_path",
    "search",
    "stale_facts",
]
