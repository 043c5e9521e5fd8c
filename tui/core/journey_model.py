"""The journey data's pydantic models (``data/journey.toml``): what validates the file.

Validated once per content (``tui.core.journey.load_journey`` through ``tui.core.validated_cache``);
the behaviour the session and the screens call lives in the pydantic-free mixins of
``tui.core.journey_logic``, shared with the objects a warm start reads back.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tui.core.journey_logic import PROGRAMS, JourneyDataLogic, RouteLogic


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


class Route(RouteLogic, _Model):
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


class JourneyData(JourneyDataLogic, _Model):
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
                self.documents_stage(route, stage)  # names a stage, no loop
        return self
