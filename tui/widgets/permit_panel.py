"""The permit review's panel (the form, how many fields are still unchecked, the findings) and
the Done stage's account of it (each correction restated in words, for the mail-in fix)."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from tui.core.journal import PERMIT_FIELDS
from tui.core.session import Session
from tui.widgets.findings import FindingView, labelled
from tui.widgets.permit_form import PermitForm


def unchecked_words(n: int) -> str:
    """'3 of 8 fields not checked yet'."""
    return f"{n} of {len(PERMIT_FIELDS)} field{'s' if len(PERMIT_FIELDS) > 1 else ''} not checked yet"


class PermitPanel(Vertical):
    """Permit review: the form, the state of each field, and each finding with what to say."""

    def __init__(self, session: Session, **kwargs) -> None:
        """The form for ``session``'s permit (waits for the verdict to know what to expect)."""
        super().__init__(**kwargs)
        self.session = session
        self._shown: tuple | None = None
        self._summary: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        """Intro line, the form, the summary and the findings."""
        if not self.session.issues_permit:
            verdict = self.session.verdict
            check = verdict.policy.pr_landing.at_counter if verdict is not None else ""
            yield Static(f"Your programme issues no work permit. {check}".strip(), classes="hint", markup=False)
            return
        if self.session.verdict is None:
            yield Static("Working out what your permit should say…", classes="waiting")
            return
        yield Static(
            "Check each field against what is PRINTED on the permit: press F5 when it matches "
            "what it should say, or type what is printed. F6 goes to the next field.",
            classes="hint",
            markup=False,
        )
        session = self.session
        yield PermitForm(
            session.permit_values(), session.permit_expected(), session.permit_how(), id="permit-form"
        )
        yield Static("", id="permit-summary")
        yield Vertical(id="permit-findings")

    async def on_mount(self) -> None:
        """Show the first check."""
        if self.session.issues_permit:
            await self.show_check()

    async def on_permit_form_field_changed(self, event: PermitForm.FieldChanged) -> None:
        """Record the typing, then re-check."""
        self.session.set_permit_field(event.key, event.value)
        await self.show_check()

    async def on_permit_form_confirm(self, event: PermitForm.Confirm) -> None:
        """Record that the field matches, then re-check."""
        self.session.confirm_permit_field(event.key)
        await self.show_check()

    async def show_check(self) -> None:
        """Run the rules on the fields checked so far and show the result."""
        check = self.session.permit_check()
        if check is None:
            return
        self.query_one(PermitForm).show_check(check)
        summary = self.query_one("#permit-summary", Static)
        errors = check.errors
        unchecked = len(check.unchecked)
        rows: list[tuple[str, str]] = []
        if errors:
            n = len(errors)
            rows.append(
                (
                    "ERROR",
                    f"{n} error{'s' if n > 1 else ''} on the permit: ask the officer to correct "
                    f"{'them' if n > 1 else 'it'} before you leave the counter.",
                )
            )
        if check.invalid:
            rows.append(("INVALID", "Some fields cannot be read yet; the check waits for them."))
        if unchecked:
            rows.append(("TO DO", f"{unchecked_words(unchecked)}: F5 if it matches, or type what is printed."))
        elif not errors and not check.invalid:
            if check.findings:
                rows.append(("WARNING", "No errors, but check the warnings below with the officer."))
            else:
                rows.append(("ok", "Every field checked: the permit matches what was expected."))
        word = rows[0][0]
        cls = {"TO DO": "-warning", "ok": "-ok"}.get(word, f"-{word.lower()}")
        key = (word, "|".join(line for _, line in rows))
        if key != self._summary:
            self._summary = key
            summary.update(labelled(rows))
            summary.set_classes(cls)
        if check.findings != self._shown:
            self._shown = check.findings
            box = self.query_one("#permit-findings", Vertical)
            views = list(box.query(FindingView))
            if [v.finding.id for v in views] == [f.id for f in check.findings]:
                for view, finding in zip(views, check.findings, strict=True):
                    view.show(finding)  # same findings, new words (a name as typed): no re-mount
            else:
                await box.remove_children()
                await box.mount_all([FindingView(f, say=True) for f in check.findings])


def permit_outcome(session: Session) -> Iterator[Widget]:
    """The Done stage's lines about the permit review: the errors in words, each correction
    restated ("The expiry should say 2027-12-02."), unchecked fields, or that all was well."""
    state = session.state
    review = session.route.stage_with_panel("permit_review") if session.issues_permit else None
    if review is None:
        return
    if not state.visited(review.id):
        yield Static(labelled([("NOTE", "The permit review was skipped.")]), classes="finding -warning")
        return
    check = session.permit_check()
    if check is None:
        return
    left = state.left_with_errors
    rows: list[tuple[str, str]] = []
    if check.errors:
        verb = "You left the permit review with" if left else "Standing on the permit:"
        n = len(check.errors)
        rows.append(("ERROR", f"{verb} {n} error{'s' if n > 1 else ''}."))
        rows.extend(("", f"- {f.message}") for f in check.errors)
    corrections = check.corrections()
    if corrections:
        rows.append(("FIX", "What to ask for (at the counter, or in the request by mail):"))
        rows.extend(("", f"- {c.sentence}") for c in corrections)
    if check.unchecked:
        labels = dict(PERMIT_FIELDS)
        rows.append(
            ("TO DO", f"{unchecked_words(len(check.unchecked))}: " + ", ".join(labels[k] for k in check.unchecked) + ".")
        )
    if rows:
        cls = "-error" if check.errors or corrections else "-warning"
        yield Static(labelled(rows), classes=f"finding {cls}", id="permit-outcome")
    else:
        yield Static(labelled([("ok", "The permit was checked: no errors.")]), classes="finding -ok", id="permit-outcome")


def needs_fix(session: Session) -> bool:
    """True when the Done stage should show the route to fix the permit later."""
    review = session.route.stage_with_panel("permit_review") if session.issues_permit else None
    if review is None or not session.state.visited(review.id):
        return bool(session.state.left_with_errors)
    return bool(session.state.left_with_errors or session.permit_errors())
