"""The day as stages, read from ``data/journey.toml`` (``spec/product.md`` "Stages of the day").

Stages are data, not code: titles, what to expect, the sentences to say, the documents to hand
over per programme (in order) and the checklist. Each route (flagpoling, arrival by air, by mail)
is a ``[[routes]]`` entry in the data file. An entry can be limited to some programmes
(``programs``) and to some situations (``when`` / ``unless``, tags from
``tui.core.situation.situation_tags``). No UI.

The file is validated by the pydantic models of ``tui.core.journey_model`` once per content
(``tui.core.validated_cache``); a later start with the same bytes reads the validated result back
without importing pydantic, as objects with the models' fields and the behaviour of
``tui.core.journey_logic``. The model classes are still importable from here (loaded on first use).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.journey_logic import DEFAULT_ROUTE, NO_TAGS, PROGRAMS, Tags

if TYPE_CHECKING:  # pragma: no cover - pydantic loads only to validate
    from tui.core.journey_model import ChecklistItem, Fact, FixRoute, JourneyData, Route, Sentence, Stage

__all__ = [
    "DEFAULT_ROUTE", "JOURNEY_FILE", "NO_TAGS", "PROGRAMS", "Tags", "ChecklistItem", "Fact", "FixRoute",
    "JourneyData", "Route", "Sentence", "Stage", "clear_cache", "journey_path", "load_journey",
]

JOURNEY_FILE = "journey.toml"
KIND = "journey data"
_MODELS = frozenset({"ChecklistItem", "Fact", "FixRoute", "JourneyData", "Route", "Sentence", "Stage"})


def __getattr__(name: str) -> Any:
    """The pydantic model classes, imported only when a caller asks for one at run time."""
    if name in _MODELS:
        from tui.core import journey_model

        return getattr(journey_model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def journey_path() -> Path:
    """The bundled ``journey.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / JOURNEY_FILE


def load_journey(path: Path | str | None = None) -> JourneyData:
    """Read and validate the journey data (the bundled file by default; kept per path for the
    life of the process). Validated once per content: a later start with the same bytes reads
    the validated result from the shared cache without pydantic (same fields and behaviour).

    Raises InvalidFileError (kind "journey data") naming the file and each field at fault.
    """
    return _load(str(Path(path) if path is not None else journey_path()))


def clear_cache() -> None:
    """Forget the journey data read in this process (the next ``load_journey`` reads the file)."""
    _load.cache_clear()


@lru_cache(maxsize=8)
def _load(path: str) -> JourneyData:
    from tui.core.tomlfile import read_limited
    from tui.core.validated_cache import cached, sha256_hex, shared_folder

    raw = read_limited(path, KIND)
    where = sha256_hex(str(Path(path).resolve()).encode())[:16]
    return cached("journey", raw, lambda data: _validate(path, data), shared_folder(), prefix=f"journey-{where}")


def _validate(path: str, raw: bytes) -> JourneyData:
    from pydantic import ValidationError

    from tui.core.errors import InvalidFileError
    from tui.core.journey_model import JourneyData
    from tui.core.tomlfile import parse_toml, validation_problems

    data = parse_toml(raw, path, KIND)
    try:
        return JourneyData.model_validate(data)
    except ValidationError as exc:
        raise InvalidFileError(path, validation_problems(exc, JourneyData), kind=KIND) from None
