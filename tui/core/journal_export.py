"""The Markdown export of a journey: the day's log as a file the person can keep or share.

Pure rendering (``journal_markdown``) from the replayed journal state and an ``ExportContext``;
``export_path`` says where the file goes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    """The permit fields checked: field key → the final value typed or confirmed."""
    permit_how: Mapping[str, str] = field(default_factory=dict)
    """Field key → ``typed`` or ``confirmed``; a field not in it was not checked."""
    permit_findings: Sequence[FindingLine] = ()
    permit_corrections: Sequence[str] = ()
    """Each correction in words ("The expiry should say 2027-12-02.")."""
    finding_words: Mapping[str, str] = field(default_factory=dict)
    """Finding id → its message, to name findings recorded by id (decisions)."""
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
    if ctx.permit_values or ctx.permit_how or ctx.permit_findings:
        _permit_section(add, ctx)
    if state.decisions:
        add("")
        add("## Decisions")
        add("")
        for d in state.decisions:
            rec = {
                "type": "decision", "stage": d.stage, "question": d.question, "answer": d.answer,
                "findings": d.findings, "unchecked": d.unchecked,
            }
            add(f"- {_hm(d.at)}: {describe(rec, titles, words=ctx.finding_words)}")
    if ctx.fix_steps:
        add("")
        add(f"## {ctx.fix_title or 'Fixing the permit later'}")
        add("")
        for n, step in enumerate(ctx.fix_steps, start=1):
            add(f"{n}. {step}")
    add("")
    add("## Every event")
    add("")
    last_edit = {str(r.get("field")): i for i, r in enumerate(state.records) if r.get("type") == "permit_field"}
    for i, rec in enumerate(state.records):
        if rec.get("type") == "permit_field" and last_edit.get(str(rec.get("field"))) != i:
            continue  # keystrokes: only a field's final value is kept
        when = rec.get("at", "")
        try:
            when = _hm(datetime.fromisoformat(str(when)))
        except ValueError:
            pass
        add(f"- {when} {describe(rec, titles, items, words=ctx.finding_words)}")
    if state.skipped:
        add("")
        add("## Lines that could not be read")
        add("")
        for s in state.skipped:
            add(f"- line {s.number}: {s.reason}")
    add("")
    return "\n".join(out)


_HOW_WORDS = {"confirmed": "confirmed: matches", "typed": "typed as printed"}


def _permit_section(add: Callable[[str], None], ctx: ExportContext) -> None:
    """The permit table (final value of each field and how it was checked), the corrections
    to ask for, and the findings in words."""
    add("")
    add("## The permit as printed")
    add("")
    add("| Field | Value | Checked |")
    add("| --- | --- | --- |")
    for key, label in ctx.permit_labels:
        how = ctx.permit_how.get(key)
        value = _cell(ctx.permit_values.get(key, "")) if how else ""
        add(f"| {label} | {value} | {_HOW_WORDS.get(how or '', 'not checked yet')} |")
    add("")
    unchecked = sum(1 for key, _ in ctx.permit_labels if key not in ctx.permit_how)
    if unchecked:
        add(f"{unchecked} field{'s' if unchecked > 1 else ''} not checked.")
        add("")
    if ctx.permit_corrections:
        add("Corrections to ask for:")
        add("")
        for sentence in ctx.permit_corrections:
            add(f"- {sentence}")
        add("")
    if ctx.permit_findings:
        add("Findings:")
        add("")
        for f in ctx.permit_findings:
            add(f"- **{f.severity.upper()}**: {f.message}")
            add(f"  - {f.advice}")
    elif not unchecked:
        add("Findings: none; the permit matched what was expected.")


def _hm(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ") or "(blank)"
