"""What the Markdown log of a session says besides the journal: the permit as checked, the
corrections to ask for, the findings in words and the route's fix (``journal_export`` writes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.journal_export import ExportContext, FindingLine

if TYPE_CHECKING:  # pragma: no cover
    from tui.core.session import Session


def review_visited(session: Session) -> bool:
    """Whether the session reached the permit review (of a programme that issues a permit)."""
    review = session.route.stage_with_panel("permit_review")
    return session.issues_permit and review is not None and session.state.visited(review.id)


def export_context(session: Session) -> ExportContext:
    """Everything the Markdown log needs besides the journal state."""
    reviewed = review_visited(session)
    check = session.permit_check() if reviewed else None
    findings = [
        FindingLine(f.severity.value, f.id, f.message, f.advice) for f in (check.findings if check else ())
    ]
    corrections = [c.sentence for c in check.corrections()] if check else []
    words = session.verdict.permit_finding_words() if session.verdict is not None else {}
    words.update({f.id: f.message for f in (check.findings if check else ())})
    needs_fix = session.state.left_with_errors or (reviewed and bool(session.permit_errors()))
    fix = session.fix_steps() if needs_fix else []
    route = session.route
    return ExportContext(
        profile=session.profile_name,
        journey_id=session.journey_id,
        route_title=route.title,
        stages=[(s.id, s.title) for s in route.stages],
        now=session.now(),
        checklists={s.id: [(c.id, c.text) for c in session.checklist(s)] for s in route.stages},
        permit_values=session.permit_values() if reviewed else {},
        permit_how=session.permit_how() if reviewed else {},
        permit_findings=findings,
        permit_corrections=corrections,
        finding_words=words,
        fix_title=route.fix.title if route.fix else "",
        fix_steps=[step.text + (" (unconfirmed)" if step.unconfirmed else "") for step in fix],
    )
