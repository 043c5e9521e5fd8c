"""Reading and validating the bundled (or a given) crossings and places files.

Loading validates the whole file and reports every problem at once, naming the file, the crossing
id and the field, so a wrong hour is a one-line fix in ``data/``. The bundled files are read once
per process.
"""

from __future__ import annotations

import functools
from pathlib import Path

from tui.core.errors import InvalidFileError, Problem

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover - the models are imported only to validate
    from tui.core.crossings.model import CrossingsData
    from tui.core.crossings.places import Place

KIND = "crossings data"
PLACES_KIND = "places data"

# --- loading ------------------------------------------------------------------------------------


def crossings_path() -> Path:
    """The bundled ``crossings.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / "crossings.toml"


def places_path() -> Path:
    """The bundled ``places.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / "places.toml"


def load_crossings(path: Path | str | None = None) -> CrossingsData:
    """Read and validate a crossings file (default: the bundled one, read once per process).

    Raises InvalidFileError(kind="crossings data") naming the file and, for each problem, the
    crossing id and the field (``crossings[douglas].port_hours[0].end: …``).
    """
    if path is None:
        return _load_default_crossings()
    return _read_crossings(Path(path))


def load_places(path: Path | str | None = None) -> tuple[Place, ...]:
    """Read and validate a places file (default: the bundled one, read once per process).

    Raises InvalidFileError(kind="places data") naming the file, the place and the field.
    """
    if path is None:
        return _load_default_places()
    return _read_places(Path(path))


def clear_cache() -> None:
    """Forget the bundled files read so far (for tests that edit them)."""
    _load_default_crossings.cache_clear()
    _load_default_places.cache_clear()


@functools.cache
def _load_default_crossings() -> CrossingsData:
    """The bundled file, validated once per content (``validated_cache``: read back without
    pydantic when these bytes were validated before)."""
    from tui.core.tomlfile import read_limited
    from tui.core.validated_cache import cached, shared_folder

    path = crossings_path()
    raw = read_limited(path, KIND)
    return cached("crossings", raw, lambda data: _read_crossings(path, data), shared_folder())


@functools.cache
def _load_default_places() -> tuple[Place, ...]:
    return _read_places(places_path())


def _read_crossings(path: Path, raw: bytes | None = None) -> CrossingsData:
    from pydantic import ValidationError

    from tui.core.crossings.model import Crossing, CrossingsData
    from tui.core.tomlfile import parse_toml, read_toml, validate_rows, validation_problems

    data = read_toml(path, KIND) if raw is None else parse_toml(raw, str(path), KIND)
    problems: list[Problem] = []
    rows = data.pop("crossings", None)
    if rows is None:
        problems.append(Problem("crossings", "required: at least one [[crossings]] table"))
        rows = []
    elif not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        problems.append(Problem("crossings", "expected [[crossings]] tables"))
        rows = []

    crossings = validate_rows(rows, Crossing, "crossings", problems)

    try:
        result = CrossingsData.model_validate({**data, "crossings": {}})
    except ValidationError as exc:
        problems = validation_problems(exc, CrossingsData) + problems
        result = None
    if problems or result is None:
        raise InvalidFileError(str(path), problems, kind=KIND)
    result.crossings = crossings
    return result


def _read_places(path: Path) -> tuple[Place, ...]:
    from pydantic import ValidationError

    from tui.core.crossings.places import Place
    from tui.core.crossings.search import normalize
    from tui.core.tomlfile import read_toml, row_label, validation_problems

    data = read_toml(path, PLACES_KIND)
    problems: list[Problem] = []
    rows = data.pop("places", None)
    data.pop("schema", None)
    data.pop("as_of", None)
    for key in data:
        problems.append(Problem(key, "unknown key; expected [[places]] tables"))
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        problems.append(Problem("places", "required: at least one [[places]] table"))
        rows = []
    places: list[Place] = []
    seen: dict[str, str] = {}
    for index, row in enumerate(rows):
        label = row_label(row, index, "name")
        try:
            place = Place.model_validate(row)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, Place, f"places[{label}]"))
            continue
        for key in (place.name, *place.aliases):
            norm = normalize(key)
            if norm in seen and seen[norm] != place.name:
                problems.append(
                    Problem(f"places[{label}]", f"{key!r} also names {seen[norm]!r}")
                )
            seen[norm] = place.name
        places.append(place)
    if problems:
        raise InvalidFileError(str(path), problems, kind=PLACES_KIND)
    return tuple(places)
