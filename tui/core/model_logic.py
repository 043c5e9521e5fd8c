"""The behaviour of the profile's models that the rules read, without pydantic.

Each mixin here is shared by a pydantic model (``tui.core.profile``), which validates, and by the
plain object the validated cache reads back (``tui.core.validated_cache``), so the rules run on
either. Only attributes are read; nothing here validates.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from tui.core.kinds import Basis, PlanRoute

TYPE_CHECKING = False  # typing is not imported at run time (the check starts fast)
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

    from tui.core.profile import Plan


class ApplicationLogic:
    """``Application``: what is being activated at the border."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        basis: Any

    @property
    def applies_at_port(self) -> bool:
        """True when the permit is applied for at the port (no POE letter)."""
        return self.basis is Basis.APPLY_AT_PORT


class ProfileLogic:
    """``Profile``: a whole profile."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        plan: Plan | None

    @property
    def route(self) -> PlanRoute:
        """The route of the day: ``plan.route``, flagpole without a plan."""
        return self.plan.route if self.plan is not None else PlanRoute.FLAGPOLE


class PolicyLogic:
    """``Policy``: the dated policy facts."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        rule_sources: Any

    def source_for(self, rule_id: str) -> str | None:
        """The URL behind a rule's fact, or None when the data names none."""
        found = self.rule_sources.get(rule_id)
        return None if found is None else str(found)


class AirportLogic:
    """``Airport``: a Canadian airport where a permit can be issued on arrival."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        id: Any
        time_zone: Any
        location: Any
        cbsa_office: Any

    @property
    def code(self) -> str:
        """The IATA code as printed on tickets ("YVR")."""
        return str(self.id).upper()

    @property
    def zone(self) -> ZoneInfo:
        """The airport's time zone."""
        return ZoneInfo(self.time_zone)

    def sources(self) -> list[dict[str, Any]]:
        """Every sourced fact about the airport: which fact, its URL, date and whether unverified."""
        facts: list[tuple[str, Any]] = [("airport", self), ("location", self.location)]
        for kind in ("arrivals", "landside"):
            office = getattr(self.cbsa_office, kind)
            if office is not None:
                facts.append((f"cbsa_office.{kind}", office))
        return [
            {
                "fact": fact,
                "source": item.source,
                "as_of": item.as_of.isoformat(),
                "unverified": bool(getattr(item, "unverified", False)),
            }
            for fact, item in facts
        ]


class AirportsDataLogic:
    """``AirportsData``: the whole airports file."""

    if TYPE_CHECKING:  # the model's fields (annotated here only for the type checker)
        airports: Any

    def get(self, airport_id: str) -> Any:
        """The airport with this id (any case), or None."""
        return self.airports.get(airport_id.strip().lower())
