"""The Markdown export of a journey: the day's log as a file the person can keep or share.

Pure rendering (``journal_markdown``) from the replayed journal state and an ``ExportContext``;
``export_path`` says where the file goes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tui.core.journal import EXPORTS_DIR, PERMIT_FIELDS, JourneyState, describe, duration_words, journal_path


def export_path(home: Path, profile: str, journey_id: str) -> Path:
    """Where the Markdown log of a journey is written: ``HOME/exports/<profile>-<journey>.md``."""
    journal_path(home, profile, journey_id)  # validates both names
    return Path(home) / EXPORTS_DIR / f"{profile}-{journey_id}.md"



@dataclass(frozen=True)
class FindingLine:
    """A finding as the export shows it (kept independent of the rules module)."""

    severity: str
    id: str
    message: str
    advice: str


@dataclass(frozen=True)
class ExportContext:
    """What the Markdown log needs besides the journal state."""

    profile: str
    journey_id: str
    route_title: str
    stages: Sequence[tuple[str, str]]
    """(stage id, title), in order."""
    now: datetime
    checklists: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    """Per stage id: (item id, text) of the checklist shown for the programme."""
    permit_labels: Sequence[tuple[str, str]] = PERMIT_FIELDS
    permit_values: Mapping[str, str] = field(default_factory=dict)
    """The permit fields as last shown (prefill overlaid with what was typed)."""
    permit_findings: Sequence[FindingLine] = ()
    fix_title: str = ""
    fix_steps: Sequence[str] = ()


def journal_markdown(state: JourneyState, ctx: ExportContext) -> str:
    """The day's log as Markdown: times per stage, checklists, the permit, decisions, the events.

    Pure: everything comes from the arguments.
    """
    titles = dict(ctx.stages)
    items = {(s, i): text for s, entries in ctx.checklists.items() for i, text in entries}
    out: list[str] = []
    add = out.append
    add(f"# Flagpoling day log: {ctx.profile}, {ctx.journey_id}")
    add("")
    add(f"Route: {ctx.route_title}. Exported {ctx.now.isoformat(timespec='minutes')}.")
    if state.current_stage:
        add(f"Current stage: {titles.get(state.current_stage, state.current_stage)}.")
    add("")
    add("## Time per stage")
    add("")
    add("| Stage | Entered | Left | Time spent |")
    add("| --- | --- | --- | --- |")
    for stage_id, title in ctx.stages:
        entered = state.first_entered(stage_id)
        left = state.last_left(stage_id)
        if entered is None:
            add(f"| {title} | not reached | | |")
            continue
        left_words = _hm(left) if left else ("still here" if state.current_stage == stage_id else "")
        add(f"| {title} | {_hm(entered)} | {left_words} | {duration_words(state.time_in(stage_id, ctx.now))} |")
    add("")
    add("## Checklists")
    for stage_id, title in ctx.stages:
        entries = ctx.checklists.get(stage_id, ())
        if not entries:
            continue
        add("")
        add(f"### {title}")
        add("")
        for item_id, text in entries:
            mark = "[x] done" if state.ticked(stage_id, item_id) else "[ ] not done"
            add(f"- {mark}: {text}")
    if ctx.permit_values:
        add("")
        add("## The permit as printed")
        add("")
        add("| Field | Value |")
        add("| --- | --- |")
        for key, label in ctx.permit_labels:
            value = ctx.permit_values.get(key, "")
            add(f"| {label} | {_cell(value)} |")
        add("")
        if ctx.permit_findings:
            add("Findings:")
            add("")
            for f in ctx.permit_findings:
                add(f"- **{f.severity.upper()}** `{f.id}`: {f.message}")
                add(f"  - {f.advice}")
        else:
            add("Findings: none; the permit matched what was expected.")
    if state.decisions:
        add("")
        add("## Decisions")
        add("")
        for d in state.decisions:
            rec = {"type": "decision", "stage": d.stage, "question": d.question, "answer": d.answer, "findings": d.findings}
            add(f"- {_hm(d.at)}: {describe(rec, titles)}")
    if ctx.fix_steps:
        add("")
        add(f"## {ctx.fix_title or 'Fixing the permit later'}")
        add("")
        for n, step in enumerate(ctx.fix_steps, start=1):
            add(f"{n}. {step}")
    add("")
    add("## Every event")
    add("")
    for rec in state.records:
        when = rec.get("at", "")
        try:
            when = _hm(datetime.fromisoformat(str(when)))
        except ValueError:
            pass
        add(f"- {when} {describe(rec, titles, items)}")
    if state.skipped:
        add("")
        add("## Lines that could not be read")
        add("")
        for s in state.skipped:
            add(f"- line {s.number}: {s.reason}")
    add("")
    return "\n".join(out)


def _hm(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ") or "(blank)"
