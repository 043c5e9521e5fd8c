"""Dated policy facts (``data/policy.toml``): cut-over dates, thresholds, keywords and routes.

The rules read every date and threshold from here, never from code, so a policy change is an
edit of the data file. Loaded once per process, validated once per content (``validated_cache``:
a later start with the same file reads the validated facts back without pydantic); a bad file
raises ``InvalidFileError`` (kind "policy data") naming the file and the field. The models are in
``tui.core.policy_model`` (imported on first use of a model name from here).
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

from tui.core.errors import InvalidFileError
from tui.core.kinds import US_CITIZEN  # noqa: F401 - re-exported

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from tui.core.policy_model import (  # noqa: F401 - re-exported for the type checker
        BanNote as BanNote,
    )
    from tui.core.policy_model import (
        CrossingPolicy as CrossingPolicy,
    )
    from tui.core.policy_model import (
        CutOver as CutOver,
    )
    from tui.core.policy_model import (
        ExemptionFact as ExemptionFact,
    )
    from tui.core.policy_model import (
        Fee as Fee,
    )
    from tui.core.policy_model import (
        Fees as Fees,
    )
    from tui.core.policy_model import (
        FtaCountry as FtaCountry,
    )
    from tui.core.policy_model import (
        IecFunds as IecFunds,
    )
    from tui.core.policy_model import (
        MaintainedStatus as MaintainedStatus,
    )
    from tui.core.policy_model import (
        MedicalPolicy as MedicalPolicy,
    )
    from tui.core.policy_model import (
        MedicalValidity as MedicalValidity,
    )
    from tui.core.policy_model import (
        PermitReview as PermitReview,
    )
    from tui.core.policy_model import (
        Policy as Policy,
    )
    from tui.core.policy_model import (
        PolicyRoute as PolicyRoute,
    )
    from tui.core.policy_model import (
        PrLanding as PrLanding,
    )
    from tui.core.policy_model import (
        Routes as Routes,
    )
    from tui.core.policy_model import (
        Sourced as Sourced,
    )
    from tui.core.policy_model import (
        SpousalChange as SpousalChange,
    )
    from tui.core.policy_model import (
        _Fact as _Fact,
    )

POLICY_FILE = "policy.toml"
_MODELS = frozenset(('BanNote', 'CrossingPolicy', 'CutOver', 'ExemptionFact', 'Fee', 'Fees', 'FtaCountry', 'IecFunds', 'MaintainedStatus', 'MedicalPolicy', 'MedicalValidity', 'PermitReview', 'Policy', 'PolicyRoute', 'PrLanding', 'Routes', 'Sourced', 'SpousalChange', '_Fact'))


def __getattr__(name: str) -> Any:
    """The models, imported on first use (reading the cached facts needs none of them)."""
    if name in _MODELS:
        return getattr(importlib.import_module("tui.core.policy_model"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_policy_path() -> Path:
    """The bundled ``policy.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / POLICY_FILE


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate the policy data (the bundled file by default); cached per path."""
    return _load(str(Path(path) if path is not None else default_policy_path()))


@cache
def _load(path: str) -> Policy:
    from tui.core.tomlfile import read_limited
    from tui.core.validated_cache import cached, shared_folder

    raw = read_limited(path, "policy data")
    bundled = Path(path).resolve() == default_policy_path().resolve()
    return cached("policy", raw, lambda data: _validate(path, data), shared_folder() if bundled else None)


def _validate(path: str, raw: bytes) -> Policy:
    from tui.core.tomlfile import parse_toml

    return _validated(path, parse_toml(raw, path, "policy data"))


def _validated(path: str, data: dict[str, Any]) -> Policy:
    from pydantic import ValidationError

    from tui.core.policy_model import Policy
    from tui.core.tomlfile import validation_problems

    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise InvalidFileError(path, validation_problems(exc, Policy), kind="policy data") from None
