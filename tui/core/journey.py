"""The day as stages, read from ``data/journey.toml`` (``spec/product.md`` "Stages of the day").

Stages are data, not code: titles, what to expect, the sentences to say, the documents to hand
over per programme (in order) and the checklist. Each route (flagpoling, arrival by air, by mail)
is a ``[[routes]]`` entry in the data file. An entry can be limited to some programmes
(``programs``) and to some situations (``when`` / ``unless``, tags from
``tui.core.situation.situation_tags``). Plain pydantic, no UI.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tui.core.errors import InvalidFileError

Tags = AbstractSet[str]
NO_TAGS: frozenset[str] = frozenset()

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
    """An entry that may apply to some programmes, or some situations, only."""

    programs: tuple[str, ...] = ()
    """Programme ids or group names; empty means every programme."""
    when: tuple[str, ...] = ()
    """Situation tags that must ALL hold (``us-citizen``, ``exemption:truck-driver``…)."""
    unless: tuple[str, ...] = ()
    """Situation tags of which NONE may hold."""


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
    """Use the documents of another stage (e.g. pack what the CBSA office will ask for): a stage
    id of the same route, or ``route/stage`` for another route's (the same documents at an
    airport desk as at a land-border office)."""
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
    """The heading over the steps."""
    label: str = Field(min_length=1)
    """A few words naming the fix, for a question or a button
    ("Ask CBSA at the airport, then by mail (Guide 5218)")."""
    steps: tuple[Fact, ...] = Field(min_length=1)
    """The steps, in order."""


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
            ref = stage.documents_from
            if ref is not None and "/" not in ref and ref not in ids:
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
        from tui.core.situation import KNOWN_TAGS

        known = set(PROGRAMS) | set(self.program_groups)
        for route in self.routes:
            scoped: list[tuple[str, _Scoped]] = [
                (f"stage {stage.id}", entry)
                for stage in route.stages
                for entry in (*stage.expect, *stage.say, *stage.documents, *stage.checklist)
            ]
            if route.fix is not None:
                scoped += [("fix", step) for step in route.fix.steps]
            for where, entry in scoped:
                unknown = sorted(set(entry.programs) - known)
                if unknown:
                    raise ValueError(
                        f"route {route.id}, {where}: unknown programmes or groups {', '.join(unknown)}"
                    )
                unknown = sorted(set(entry.when + entry.unless) - KNOWN_TAGS)
                if unknown:
                    raise ValueError(f"route {route.id}, {where}: unknown situation tags {', '.join(unknown)}")
        ids = [r.id for r in self.routes]
        if len(set(ids)) != len(ids):
            raise ValueError("route ids repeat")
        for route in self.routes:
            for stage in route.stages:
                self._documents_stage(route, stage)  # names a stage, no loop
        return self

    def _documents_stage(self, route: Route, stage: Stage) -> tuple[Route, Stage]:
        """The stage whose documents ``stage`` shows, following ``documents_from`` (ValueError
        for a reference to nothing, or a loop)."""
        seen: set[tuple[str, str]] = set()
        while stage.documents_from is not None:
            if (route.id, stage.id) in seen:
                raise ValueError(f"route {route.id}, stage {stage.id}: documents_from loops")
            seen.add((route.id, stage.id))
            ref = stage.documents_from
            route_id, _, stage_id = ref.rpartition("/")
            try:
                route = self.route(route_id) if route_id else route
                stage = route.stage(stage_id)
            except KeyError:
                raise ValueError(f"stage {stage.id}: documents_from names no stage ({ref!r})") from None
        return route, stage

    def route(self, route_id: str = DEFAULT_ROUTE) -> Route:
        """The route with this id (KeyError when there is none)."""
        for route in self.routes:
            if route.id == route_id:
                return route
        raise KeyError(route_id)

    def applies(self, entry: _Scoped, program: str, tags: Tags = NO_TAGS) -> bool:
        """Whether an entry applies to ``program`` in the situation ``tags``: no ``programs``
        means every programme; every ``when`` tag must be in ``tags``, no ``unless`` tag may be."""
        if not all(tag in tags for tag in entry.when) or any(tag in tags for tag in entry.unless):
            return False
        if not entry.programs:
            return True
        for name in entry.programs:
            if name == program or program in self.program_groups.get(name, ()):
                return True
        return False

    def expect(self, stage: Stage, program: str, tags: Tags = NO_TAGS) -> list[Fact]:
        """What to expect at ``stage`` for ``program`` in situation ``tags``, in file order."""
        return [f for f in stage.expect if self.applies(f, program, tags)]

    def say(self, stage: Stage, program: str, tags: Tags = NO_TAGS) -> list[Sentence]:
        """The sentences to say at ``stage`` for ``program`` in situation ``tags``."""
        return [s for s in stage.say if self.applies(s, program, tags)]

    def documents(self, route: Route, stage: Stage, program: str, tags: Tags = NO_TAGS) -> list[Fact]:
        """The documents for ``program`` in situation ``tags`` at ``stage``, in order
        (following ``documents_from``)."""
        _, source = self._documents_stage(route, stage)
        return [d for d in source.documents if self.applies(d, program, tags)]

    def checklist(self, stage: Stage, program: str, tags: Tags = NO_TAGS) -> list[ChecklistItem]:
        """The checklist items of ``stage`` for ``program`` in situation ``tags``."""
        return [c for c in stage.checklist if self.applies(c, program, tags)]

    def fix_steps(self, route: Route, program: str, tags: Tags = NO_TAGS) -> list[Fact]:
        """The steps of the route's after-the-fact fix for ``program`` in situation ``tags``
        (empty without one)."""
        if route.fix is None:
            return []
        return [s for s in route.fix.steps if self.applies(s, program, tags)]

    def hands_over(self, route: Route, program: str, tags: Tags = NO_TAGS) -> bool:
        """Whether, in this situation, the route's checklists offer anything the US side hands
        over (a refusal to record in the border history). False for a US citizen, who is
        admitted rather than refused, and on routes that do not cross to the US."""
        return any(
            item.handed_over
            for stage in route.stages
            for item in self.checklist(stage, program, tags)
        )


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
