"""The behaviour of the journey data's models that the session and the screens call, without
pydantic.

Each mixin here is shared by a pydantic model (``tui.core.journey_model``), which validates, and by
the plain object the validated cache reads back (``tui.core.validated_cache``), so a warm start
reads the stages without importing pydantic. Only attributes are read; nothing here validates.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.journey_model import ChecklistItem, Fact, Route, Sentence, Stage

Tags = AbstractSet[str]
NO_TAGS: frozenset[str] = frozenset()

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


class RouteLogic:
    """``Route``: one way through the day, the stages in order."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        id: str
        stages: tuple[Stage, ...]

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


class JourneyDataLogic:
    """``JourneyData``: the whole ``journey.toml``."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        program_groups: dict[str, tuple[str, ...]]
        routes: tuple[Route, ...]

    def route(self, route_id: str = DEFAULT_ROUTE) -> Route:
        """The route with this id (KeyError when there is none)."""
        for route in self.routes:
            if route.id == route_id:
                return route
        raise KeyError(route_id)

    def documents_stage(self, route: Route, stage: Stage) -> tuple[Route, Stage]:
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

    def applies(self, entry: Any, program: str, tags: Tags = NO_TAGS) -> bool:
        """Whether an entry (a fact, sentence or checklist item) applies to ``program`` in the
        situation ``tags``: no ``programs`` means every programme; every ``when`` tag must be in
        ``tags``, no ``unless`` tag may be."""
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
        _, source = self.documents_stage(route, stage)
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
