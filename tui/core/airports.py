"""The airports data (``data/airports.toml``): where an ``arrival-by-air`` day happens.

No UI; the pydantic models are in ``tui.core.airports_model`` (imported on first use of a model
name from here). The file format is described in ``data/README.md``. Loading validates the whole
file and reports every problem at once, naming the file, the airport id and the field
(``airports[yvr].location.lat: …``). The bundled file is read once per process and validated once
per content (``validated_cache``: a later start reads the validated data back without pydantic).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable
from pathlib import Path

from tui.core.crossings.search import match_score, normalize
from tui.core.errors import FlagpoleError, InvalidFileError, Problem

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from tui.core.airports_model import (  # noqa: F401 - re-exported for the type checker
        Airport as Airport,
    )
    from tui.core.airports_model import (
        AirportsData as AirportsData,
    )
    from tui.core.airports_model import (
        CbsaOffice as CbsaOffice,
    )
    from tui.core.airports_model import (
        Location as Location,
    )
    from tui.core.airports_model import (
        OfficeFact as OfficeFact,
    )
    from tui.core.airports_model import (
        Sourced as Sourced,
    )
    from tui.core.airports_model import (
        _Model as _Model,
    )

KIND = "airports data"
_MODELS = frozenset(('Airport', 'AirportsData', 'CbsaOffice', 'Location', 'OfficeFact', 'Sourced', '_Model'))


def __getattr__(name: str) -> Any:
    """The models, imported on first use (reading the cached data needs none of them)."""
    if name in _MODELS:
        return getattr(importlib.import_module("tui.core.airports_model"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- loading ------------------------------------------------------------------------------------


def airports_path() -> Path:
    """The bundled ``airports.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / "airports.toml"


def load_airports(path: Path | str | None = None) -> AirportsData:
    """Read and validate an airports file (default: the bundled one, read once per process).

    Raises InvalidFileError(kind="airports data") naming the file and, for each problem, the
    airport id and the field (``airports[yvr].location.lat: …``), or the line for bad TOML.
    """
    if path is None:
        return _load_default()
    return _read(Path(path))


def clear_cache() -> None:
    """Forget the bundled file read so far (for tests that edit or replace it)."""
    _load_default.cache_clear()


@functools.cache
def _load_default() -> AirportsData:
    """The bundled file, validated once per content (``validated_cache``)."""
    from tui.core.tomlfile import read_limited
    from tui.core.validated_cache import cached, shared_folder

    path = airports_path()
    raw = read_limited(path, KIND)
    return cached("airports", raw, lambda data: _read(path, data), shared_folder())


def _read(path: Path, raw: bytes | None = None) -> AirportsData:
    from pydantic import ValidationError

    from tui.core.airports_model import Airport, AirportsData
    from tui.core.tomlfile import parse_toml, read_toml, validate_rows, validation_problems

    data = read_toml(path, KIND) if raw is None else parse_toml(raw, str(path), KIND)
    problems: list[Problem] = []
    rows = data.pop("airports", None)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        problems.append(Problem("airports", "required: at least one [[airports]] table"))
        rows = []
    airports = validate_rows(rows, Airport, "airports", problems)
    try:
        result = AirportsData.model_validate({**data, "airports": airports})
    except ValidationError as exc:
        problems = validation_problems(exc, AirportsData) + problems
        result = None
    if problems or result is None:
        raise InvalidFileError(str(path), problems, kind=KIND)
    return result


# --- search -------------------------------------------------------------------------------------


def _keys(a: Airport) -> list[str]:
    keys = [a.id, a.name, a.city, *a.aliases]
    return [k for k in (normalize(k) for k in keys) if k]




def _as_airports(airports: AirportsData | Iterable[Airport]) -> list[Airport]:
    table = getattr(airports, "airports", None)
    if isinstance(table, dict):  # the data, validated or read back from the cache
        return list(table.values())
    rows: Iterable[Airport] = airports  # type: ignore[assignment]  # (no typing.cast: typing is not imported)
    return list(rows)


def search(airports: AirportsData | Iterable[Airport], text: str) -> list[Airport]:
    """Airports whose code, name, city or aliases match ``text``, best match first.

    Matching ignores case, accents and punctuation ("montreal" finds Montréal–Trudeau, "YVR"
    and "pearson" their airports). Exact matches come first, then prefixes, then whole words
    inside a name, then names with words starting with every word typed; ties keep file order.
    Empty text matches everything.
    """
    query = normalize(text)
    scored = []
    for position, airport in enumerate(_as_airports(airports)):
        score = match_score(query, _keys(airport))
        if score is not None:
            scored.append((score, position, airport))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [a for _, _, a in scored]


def find_airport(data: AirportsData, text: str) -> Airport:
    """The airport ``text`` names: its code (any case), or the single best search match.

    Raises FlagpoleError naming the candidates when nothing, or more than one airport equally
    well, matches.
    """
    exact = data.get(text)
    if exact is not None:
        return exact
    found = search(data, text)
    if found:
        query = normalize(text)
        best = match_score(query, _keys(found[0]))
        tied = [a for a in found if match_score(query, _keys(a)) == best]
        if len(tied) == 1:
            return tied[0]
        ids = ", ".join(a.id for a in tied[:6])
        raise FlagpoleError(f"'{text}' matches several airports: {ids}. Use one of these codes.")
    known = ", ".join(data.airports)
    raise FlagpoleError(f"unknown airport '{text}'. Known airports: {known}.")
