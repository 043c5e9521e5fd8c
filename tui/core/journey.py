"""The day as stages, read from ``data/journey.toml`` (``spec/product.md`` "Stages of the day").

Stages are data, not code: titles, what to expect, the sentences to say, the documents to hand
over per programme (in order) and the checklist. A new route (arriving from abroad at an airport,
say) is a new ``[[routes]]`` entry in the data file. Plain pydantic, no UI.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tui.core.errors import InvalidFileError

JOURNEY_FILE = "journey.toml"
DEFAULT_ROUTE = "flagpole"
PROGRAMS = (
    "iec-working-holiday",
    "iec-young-professionals",
    "iec-coop",
    "spousal-open-work-permit",
    "employer-specific",
    "pgwp",
    "pr-landing",
)
"""Every programme id of the profile format (``application.program``)."""


class _Model(BaseModel):
    """Shared settings: unknown keys are errors (typos), nothing changes after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _Scoped(_Model):
    """An entry that may apply to some programmes only."""

    programs: tuple[str, ...] = ()
    """Programme ids or group names; empty means every programme."""


class Fact(_Scoped):
    """A sourced statement: what to expect, a document to hand over, a step of a fix."""

    text: str = Field(min_length=1)
    """The words shown to the person."""
    source: str = Field(pattern=r"^https?://")
    """URL of the page the fact comes from."""
    as_of: date
    """When the source was published (or read, when it prints no date)."""
    confidence: Literal["H", "M", "L"] = "M"
    """How far the research trusts it: high, medium or low."""
    unconfirmed: bool = False
    """True when no reliable source confirms it; the app shows the word "unconfirmed"."""
    source_note: str = ""
    """Which page, when the URL is only the site, or what the sources disagree on."""


class Sentence(_Scoped):
    """Something to say, word for word (the app's own wording)."""

    text: str = Field(min_length=1)
    """The sentence."""
    source: str | None = Field(default=None, pattern=r"^https?://")
    """Optional URL backing the wording."""


class ChecklistItem(_Scoped):
    """One thing to tick off in a stage."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    """Stable id within the stage; the journal records ticks by it."""
    text: str = Field(min_length=1)
    """What to check."""
    handed_over: str = ""
    """When set, ticking the item means the US side handed this over; it goes into the border
    history when the person leaves the route's ``history_stage``."""


class Stage(_Model):
    """One stage of the day."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    """Stable id (``before_you_go``…); the journal records stages by it."""
    title: str = Field(min_length=1)
    """The title the person sees."""
    now: str = ""
    """What happens now, in one line (shown under the title)."""
    expect: tuple[Fact, ...] = ()
    """What happens at this stage."""
    say: tuple[Sentence, ...] = ()
    """The exact sentence(s) to say."""
    panel: Literal["readiness", "permit_review", "summary"] | None = None
    """A special section the app adds to the stage: the readiness verdict, the permit form, or
    the day's summary. Any route can reuse them (an airport route has a permit review too)."""
    documents_heading: str = "Hand over, in this order"
    """Heading over the documents list (pack / hand over / keep)."""
    documents: tuple[Fact, ...] = ()
    """Documents, in the order to hand them over."""
    documents_from: str | None = None
    """Use the documents of another stage (e.g. pack what the CBSA office will ask for)."""
    checklist: tuple[ChecklistItem, ...] = ()
    """Things to tick off."""

    @model_validator(mode="after")
    def _unique_items(self) -> Stage:
        ids = [item.id for item in self.checklist]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"checklist ids repeat: {', '.join(dupes)}")
        return self


class FixRoute(_Model):
    """How to have a permit corrected after leaving the office."""

    title: str = Field(min_length=1)
    steps: tuple[Fact, ...] = Field(min_length=1)


class Route(_Model):
    """One way through the day: the stages in order."""

    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    """Stable id (``flagpole``)."""
    title: str = Field(min_length=1)
    summary: str = ""
    stages: tuple[Stage, ...] = Field(min_length=1)
    fix: FixRoute | None = None
    history_stage: str | None = None
    """Leaving this stage forward records the US turn-around in the border history."""

    @model_validator(mode="after")
    def _coherent(self) -> Route:
        ids = [s.id for s in self.stages]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"stage ids repeat: {', '.join(dupes)}")
        if self.history_stage is not None and self.history_stage not in ids:
            raise ValueError(f"history_stage names no stage ({self.history_stage!r})")
        for stage in self.stages:
            if stage.documents_from is not None and stage.documents_from not in ids:
                raise ValueError(
                    f"stage {stage.id}: documents_from names no stage ({stage.documents_from!r})"
                )
        return self

    @property
    def stage_ids(self) -> list[str]:
        """The stage ids, in order."""
        return [s.id for s in self.stages]

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id (KeyError when there is none)."""
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)

    def index(self, stage_id: str) -> int:
        """The position of a stage, 0-based (ValueError when unknown)."""
        return self.stage_ids.index(stage_id)

    def stage_with_panel(self, panel: str) -> Stage | None:
        """The first stage showing ``panel``, or None."""
        return next((s for s in self.stages if s.panel == panel), None)

    def next_id(self, stage_id: str) -> str | None:
        """The id of the stage after this one, or None at the end."""
        i = self.index(stage_id)
        return self.stages[i + 1].id if i + 1 < len(self.stages) else None

    def previous_id(self, stage_id: str) -> str | None:
        """The id of the stage before this one, or None at the start."""
        i = self.index(stage_id)
        return self.stages[i - 1].id if i > 0 else None


class JourneyData(_Model):
    """The whole ``journey.toml``."""

    schema_version: Literal[1] = Field(alias="schema")
    """Format version; this app reads 1."""
    as_of: date
    """When the file was last reviewed as a whole."""
    program_groups: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Names for sets of programmes, usable in ``programs``."""
    routes: tuple[Route, ...] = Field(min_length=1)

    @field_validator("program_groups")
    @classmethod
    def _groups_name_programs(cls, groups: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for name, members in groups.items():
            unknown = sorted(set(members) - set(PROGRAMS))
            if unknown:
                raise ValueError(f"group {name!r} names unknown programmes: {', '.join(unknown)}")
            if name in PROGRAMS:
                raise ValueError(f"group {name!r} has the name of a programme")
        return groups

    @model_validator(mode="after")
    def _programs_known(self) -> JourneyData:
        known = set(PROGRAMS) | set(self.program_groups)
        for route in self.routes:
            for stage in route.stages:
                entries = [*stage.expect, *stage.say, *stage.documents, *stage.checklist]
                for entry in entries:
                    unknown = sorted(set(entry.programs) - known)
                    if unknown:
                        raise ValueError(
                            f"route {route.id}, stage {stage.id}: unknown programmes or groups "
                            f"{', '.join(unknown)}"
                        )
        ids = [r.id for r in self.routes]
        if len(set(ids)) != len(ids):
            raise ValueError("route ids repeat")
        return self

    def route(self, route_id: str = DEFAULT_ROUTE) -> Route:
        """The route with this id (KeyError when there is none)."""
        for route in self.routes:
            if route.id == route_id:
                return route
        raise KeyError(route_id)

    def applies(self, entry: _Scoped, program: str) -> bool:
        """Whether an entry applies to ``program`` (no ``programs`` means everyone)."""
        if not entry.programs:
            return True
        for name in entry.programs:
            if name == program or program in self.program_groups.get(name, ()):
                return True
        return False

    def expect(self, stage: Stage, program: str) -> list[Fact]:
        """What to expect at ``stage`` for ``program``, in file order."""
        return [f for f in stage.expect if self.applies(f, program)]

    def say(self, stage: Stage, program: str) -> list[Sentence]:
        """The sentences to say at ``stage`` for ``program``."""
        return [s for s in stage.say if self.applies(s, program)]

    def documents(self, route: Route, stage: Stage, program: str) -> list[Fact]:
        """The documents for ``program`` at ``stage``, in order (following ``documents_from``)."""
        source = route.stage(stage.documents_from) if stage.documents_from else stage
        return [d for d in source.documents if self.applies(d, program)]

    def checklist(self, stage: Stage, program: str) -> list[ChecklistItem]:
        """The checklist items of ``stage`` for ``program``."""
        return [c for c in stage.checklist if self.applies(c, program)]

    def fix_steps(self, route: Route, program: str) -> list[Fact]:
        """The steps of the route's after-the-fact fix for ``program`` (empty without one)."""
        if route.fix is None:
            return []
        return [s for s in route.fix.steps if self.applies(s, program)]


def journey_path() -> Path:
    """The bundled ``journey.toml``."""
    from tui.core.resources import data_dir

    return data_dir() / JOURNEY_FILE


def load_journey(path: Path | str | None = None) -> JourneyData:
    """Read and validate the journey data (the bundled file by default; cached per path).

    Raises InvalidFileError (kind "journey data") naming the file and each field at fault.
    """
    return _load(str(Path(path) if path is not None else journey_path()))


@lru_cache(maxsize=8)
def _load(path: str) -> JourneyData:
    from tui.core.tomlfile import read_toml, validation_problems

    data = read_toml(path, "journey data")
    try:
        return JourneyData.model_validate(data)
    except ValidationError as exc:
        raise InvalidFileError(path, validation_problems(exc, JourneyData), kind="journey data") from None
