"""One stage on screen: what to expect, what to say, what to hand over, the checklist, and the
stage's special panel (the readiness verdict, the permit form, or the day's summary)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.core.findings import Finding, Severity
from tui.core.kinds import PlanRoute
from tui.core.labels import READY_WORDS
from tui.core.record import replace
from tui.core.session import Session
from tui.widgets.checklist import CheckItem
from tui.widgets.findings import FindingView, labelled
from tui.widgets.sources import SourceList
from tui.widgets.words import day_words, span, when

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.journey import Fact, Stage
    from tui.widgets.permit_panel import PermitPanel

_SHORT_REASONS = {
    "eligibility.flagpoling_ended": "you are in no exempt group",
    "eligibility.pgwp_ended": "PGWPs are no longer issued at the border",
    "eligibility.exemption_invalid": "your exemption does not cover your citizenship",
}
"""The verdict's reason in a few words, for the banner on the later stages."""


def not_eligible(verdict) -> list[Finding]:
    """The eligibility errors that make the verdict NOT ELIGIBLE (empty otherwise, or before
    the rules ran)."""
    if verdict is None:
        return []
    return [f for f in verdict.eligibility if f.severity is Severity.ERROR]


def banner_words(session: Session) -> str:
    """'You may not flagpole on 2026-12-08: <why>, see Before you go (press g)'."""
    blocking = not_eligible(session.verdict)
    if not blocking:
        return ""
    assert session.verdict is not None
    first = blocking[0]
    reason = _SHORT_REASONS.get(first.id) or first.message.split(":", 1)[0].rstrip(".")
    ready = session.route.stage_with_panel("readiness")
    where = ready.title if ready is not None else session.route.stages[0].title
    return f"You may not flagpole on {session.verdict.on.date().isoformat()}: {reason}, see {where} (press g)."


class VerdictBanner(Static):
    """On every stage after the readiness one: the NOT ELIGIBLE verdict, kept said."""

    def __init__(self, session: Session, **kwargs) -> None:
        """The banner for ``session`` (hidden while the verdict allows the day)."""
        super().__init__("", markup=False, **kwargs)
        self.session = session

    def on_mount(self) -> None:
        """Show the verdict if it is known."""
        self.refresh_banner()

    def refresh_banner(self) -> None:
        """Show the banner when the verdict is NOT ELIGIBLE, hide it otherwise."""
        words = banner_words(self.session)
        self.display = bool(words)
        if words:
            self.update(Text.assemble(("NOT ELIGIBLE  ", "bold"), words))


def _title(text: str) -> Static:
    return Static(text, classes="section-title", markup=False)


class ReadinessPanel(Vertical):
    """Before you go: the eligibility verdict first, then readiness, then the crossing."""

    def __init__(self, session: Session, *, details_later: bool = False, **kwargs) -> None:
        """Show ``session``'s verdict (or a waiting line until it is attached); with
        ``details_later`` only the verdict line until ``mount_details`` (the app's first frame)."""
        super().__init__(**kwargs)
        self.session = session
        self._details_later = details_later

    def compose(self) -> ComposeResult:
        """The verdict, then (unless they wait for ``mount_details``) the findings and the
        crossing at the planned moment."""
        verdict = self.session.verdict
        if verdict is None:
            yield Static("Checking eligibility, readiness and the crossing…", classes="waiting")
            return
        word = verdict.eligibility_word
        by_mail = self.session.route.id == PlanRoute.BY_MAIL  # a day, no place: no time of day
        moment = day_words(verdict.on) if by_mail else when(verdict.on)
        line = Text.assemble(("VERDICT  ", "bold"), (word, "bold"), f"  for {moment}")
        yield Static(line, classes=f"verdict -{word.lower().replace(' ', '-')}")
        if not self._details_later:
            yield from self._details()

    async def mount_details(self) -> None:
        """Mount the findings and the crossing under the verdict, if they wait; once."""
        if not self._details_later:
            return
        self._details_later = False
        if self.session.verdict is not None:
            await self.mount_all(list(self._details()))

    def _details(self) -> ComposeResult:
        """The findings (eligibility first, then readiness) and the crossing or arrival."""
        verdict = self.session.verdict
        assert verdict is not None
        for finding in verdict.eligibility:
            yield FindingView(_without_links(finding))
        route = self.session.route.id
        yield _title(READY_WORDS.get(route, "Readiness"))
        others = verdict.other_readiness
        if not others:
            yield Static(labelled([("ok", "No readiness problems found.")]), classes="finding -ok")
        for finding in others:
            yield FindingView(finding)
        if route == "flagpole":
            yield _title("The crossing at the planned moment")
            yield Static(self._crossing_text(), classes="crossing", markup=False)
        elif route == "arrival-by-air":
            yield _title("The arrival at the planned moment")
            yield Static(self._arrival_text(), classes="crossing", markup=False)

    def _arrival_text(self) -> str:
        verdict = self.session.verdict
        assert verdict is not None
        plan = self.session.profile.plan
        if plan is None or not plan.airport:
            return "No airport in your plan yet: press o to add the airport and the arrival time."
        airport = verdict.airport
        if airport is None:
            return f"'{plan.airport}' is not an airport the app knows: press o to choose another."
        return f"{airport.name} ({airport.city}), arriving {when(verdict.on)}"

    def _crossing_text(self) -> str:
        verdict = self.session.verdict
        assert verdict is not None
        status = verdict.status
        if status is None:
            return "No plan yet: press o to add the crossing, date and time, or c to find a crossing."
        if status.name is None:
            return f"'{status.crossing_id}' is not a crossing the app knows: press c to choose one."
        us = getattr(verdict.crossing, "us_port", "")
        lines = [f"{status.name}{f' ({us})' if us else ''}, planned {when(status.on)}"]
        if status.flagpoling_open:
            if status.window_end is not None and status.closes_in is not None:
                lines.append(
                    f"Flagpoling: OPEN then; closes {status.window_end:%H:%M}, in {span(status.closes_in)}"
                )
            else:
                lines.append("Flagpoling: OPEN then, around the clock")
        else:
            port = "the port is OPEN" if status.port_open else "the port is CLOSED too"
            lines.append(f"Flagpoling: CLOSED then ({port})")
        if status.next_window is not None:
            lines.append(f"Next window opens: {when(status.next_window)}")
        else:
            lines.append("Next window: none found in the next 14 days")
        if status.note:
            lines.append(f"Note: {status.note}")
        return "\n".join(lines)


class SummaryPanel(Vertical):
    """Done: time per stage, how the permit review ended, the route to fix it, the export."""

    def __init__(self, session: Session, **kwargs) -> None:
        """The summary of ``session``'s day."""
        super().__init__(**kwargs)
        self.session = session

    def compose(self) -> ComposeResult:
        """Times, the permit, the fix route when needed, and the export line."""
        session = self.session
        yield _title("Time per stage")
        yield Static(self._times(), id="summary-times", markup=False)
        from tui.widgets.permit_panel import needs_fix, permit_outcome

        yield from permit_outcome(session)  # the permit review's outcome
        if needs_fix(session):
            fix = session.route.fix
            yield _title(fix.title if fix else "Fixing the permit later")
            rows = [(f"{n}.", _fact_line(f, None)) for n, f in enumerate(session.fix_steps(), start=1)]
            yield Static(labelled(rows, 2), classes="fix-steps")
        yield _title("Log")
        yield Static(self._export_words(), id="export-status", markup=False)

    def _times(self) -> str:
        session = self.session
        state = session.state
        lines = []
        for stage in session.route.stages:
            if stage.id == state.current_stage:
                mark = "now"
            elif state.visited(stage.id):
                mark = "done"
            else:
                mark = "not reached"
            time = span(session.time_in(stage.id)) if state.visited(stage.id) else "-"
            lines.append(f"{stage.title:<15}{time:>12}  {mark}")
        return "\n".join(lines)

    def _export_words(self) -> str:
        exports = self.session.state.exports
        if exports:
            return f"Exported to {exports[-1]} (e / F4 writes it again)."
        return "Press e (or F4) to export the day's log as Markdown."

    def refresh_times(self) -> None:
        """Update the time column (called on the clock tick)."""
        self.query_one("#summary-times", Static).update(self._times())

    def refresh_export(self) -> None:
        """Update the export line after an export."""
        self.query_one("#export-status", Static).update(self._export_words())


def _fact_line(fact: Fact, ref: int | None) -> str:
    extra = " (unconfirmed)" if fact.unconfirmed else ""
    cite = f" [{ref}]" if ref is not None else ""
    return f"{fact.text}{extra}{cite}"


def _without_links(finding: Finding) -> Finding:
    """The finding as shown in the panel: its links go under the stage's Sources instead."""
    return replace(finding, sources=()) if finding.sources else finding


def _cite(sources: SourceList, fact: Fact) -> int:
    return sources.cite(
        fact.source, as_of=fact.as_of.isoformat(), confidence=fact.confidence,
        unconfirmed=fact.unconfirmed, note=fact.source_note,
    )


class SourcesSection(Vertical):
    """The stage's sources, each once and short, the full addresses in a collapsed detail."""

    def __init__(self, sources: SourceList, **kwargs) -> None:
        """Show ``sources``."""
        super().__init__(**kwargs)
        self.sources = sources

    def compose(self) -> ComposeResult:
        """Heading, short lines, the detail."""
        from textual.widgets import Collapsible  # under the fold: not needed for the first frame

        if not self.sources:
            return
        yield _title("Sources")
        yield Static(labelled(self.sources.rows(), 4), classes="sources")
        with Collapsible(title="Full addresses (Enter opens)", collapsed=True, classes="addresses"):
            yield Static(self.sources.full_addresses(), classes="sources", markup=False)


def _panel_class(panel: str) -> type[ReadinessPanel | SummaryPanel] | type[PermitPanel]:
    """The widget of a stage's special panel (the permit form, with its inputs, is imported
    only when a stage shows it: not for the first frame)."""
    if panel == "permit_review":
        from tui.widgets.permit_panel import PermitPanel

        return PermitPanel
    return ReadinessPanel if panel == "readiness" else SummaryPanel


class StageView(VerticalScroll):
    """Everything about one stage, top to bottom."""

    def __init__(self, session: Session, stage: Stage, *, below_later: bool = False, **kwargs) -> None:
        """The view of ``stage`` for ``session``'s programme; with ``below_later`` the parts
        below the stage's panel (under the fold at 80x24) wait for ``mount_below`` (the screen
        calls it once the first frame is painted), so that frame is cheaper; ``complete`` tells
        when every part is there."""
        super().__init__(**kwargs)
        self.session = session
        self.stage = stage
        self._below_later = below_later
        self.complete = not below_later
        """True once every part of the stage is mounted."""

    def compose(self) -> ComposeResult:
        """Heading and what happens now; the panel (if any); then what to say, what to hand
        over and the checklist (the answers needed at a glance); then the details and sources."""
        session, stage = self.session, self.stage
        yield Static(self.time_words(), id="stage-heading", classes="stage-title", markup=False)
        if self._after_readiness():
            yield VerdictBanner(session, id="verdict-banner", classes="banner")
        if stage.now:
            yield Static(labelled([("NOW", stage.now)], 4), classes="stage-now")
        if stage.panel:
            panel_id, later = f"panel-{stage.panel.replace('_', '-')}", self._below_later
            if stage.panel == "readiness":  # the verdict line is in the first frame, the rest after
                yield ReadinessPanel(session, details_later=later, id=panel_id, classes="panel")
            else:
                yield _panel_class(stage.panel)(session, id=panel_id, classes="panel")
        if not self._below_later:
            yield from self._below()

    async def mount_below(self) -> None:
        """Mount the parts under the fold, if they wait (``below_later``); once."""
        if not self._below_later:
            return
        self._below_later = False
        for panel in self.query(ReadinessPanel):
            await panel.mount_details()
        await self.mount_all(list(self._below()))
        self.complete = True

    def _below(self) -> ComposeResult:
        """What to say, what to hand over, the checklist, what to expect and the sources."""
        session, stage = self.session, self.stage
        sources = SourceList()

        def ref(fact: Fact) -> int:
            return _cite(sources, fact)

        say = session.say(stage)
        if say:
            yield _title("What to say")
            yield Static("\n\n".join(f"“{s.text}”" for s in say), classes="say", markup=False)
        documents = session.documents(stage)
        if documents:
            yield _title(stage.documents_heading)
            rows = [(f"{n}.", _fact_line(d, ref(d))) for n, d in enumerate(documents, start=1)]
            yield Static(labelled(rows, 2), classes="documents")
        checklist = session.checklist(stage)
        if checklist:
            yield _title("Checklist")
            for item in checklist:
                yield CheckItem(
                    stage.id,
                    item.id,
                    item.text,
                    checked=session.state.ticked(stage.id, item.id),
                    id=f"check-{stage.id}-{item.id}",
                )
        expect = session.expect(stage)
        if expect:
            yield _title("What to expect")
            rows = [("•", _fact_line(f, ref(f))) for f in expect]
            yield Static(labelled(rows, 1), classes="expect")
        self._fact_sources = sources
        yield SourcesSection(self._all_sources(), id="stage-sources")

    def _after_readiness(self) -> bool:
        """True for the stages after the route's readiness stage (they carry the banner)."""
        route = self.session.route
        ready = route.stage_with_panel("readiness")
        return ready is not None and route.index(self.stage.id) > route.index(ready.id)

    def _all_sources(self) -> SourceList:
        """The facts' sources, then the links of the verdict's findings shown on this stage."""
        import copy

        sources = copy.deepcopy(self._fact_sources)
        verdict = self.session.verdict
        if verdict is not None and self.stage.panel == "readiness":
            for finding in [*verdict.eligibility, *verdict.other_readiness]:
                sources.cite_all(finding.sources)
        return sources

    def time_words(self) -> str:
        """'Stage 2 of 6: US booth · 12 min here'."""
        route = self.session.route
        number = route.index(self.stage.id) + 1
        spent = span(self.session.time_in(self.stage.id))
        return f"Stage {number} of {len(route.stages)}: {self.stage.title} · {spent} here"

    def refresh_time(self) -> None:
        """Update the heading's time (and the summary's times) on the clock tick."""
        headings = self.query("#stage-heading").results(Static)
        heading = next(iter(headings), None)
        if heading is None:  # a tick between mounting the view and composing it
            return
        words = self.time_words()
        if heading.content != words:
            heading.update(words)
        for panel in self.query(SummaryPanel):
            panel.refresh_times()

    async def verdict_ready(self) -> None:
        """Re-draw the panel, the banner and the sources now that the rules have run."""
        from tui.widgets.permit_panel import PermitPanel

        for banner in self.query(VerdictBanner):
            banner.refresh_banner()
        for section in self.query(SourcesSection):
            section.sources = self._all_sources()
            await section.recompose()
        for panel in self.query(".panel"):
            await panel.recompose()
            if isinstance(panel, PermitPanel) and self.session.issues_permit:
                panel._shown = panel._summary = None
                await panel.show_check()
