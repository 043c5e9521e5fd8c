"""The crossings data (``data/crossings.toml``) and the places ``--near`` accepts (``places.toml``).

Plain pydantic models, no UI. Module map:

- ``model``: field types and the models of the crossings file (``Crossing``, ``Window``…);
- ``places``: the places model, lookup by name, distances;
- ``loading``: reading and validating the files (the bundled ones read once per process);
- ``facts``: every dated, sourced fact, for ``--stale`` and the facts check;
- ``search``: finding a crossing by what a person types.
"""

from tui.core.crossings.facts import (
    CrossingFact,
    facts,
    stale_facts,
)
from tui.core.crossings.loading import (
    KIND,
    PLACES_KIND,
    clear_cache,
    crossings_path,
    load_crossings,
    load_places,
    places_path,
)
from tui.core.fields import Text, Url, Zone
from tui.core.crossings.model import (
    HHMM,
    PROVINCES,
    WEEKDAYS,
    Crossing,
    CrossingsData,
    DatedMark,
    Days,
    Location,
    Pedestrians,
    SourcedEntry,
    Window,
    describe_days,
)
from tui.core.crossings.places import (
    Place,
    closest_places,
    find_place,
    haversine_km,
)
from tui.core.crossings.search import (
    closest_ids,
    find_crossing,
    normalize,
    search,
)

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
