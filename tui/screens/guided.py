"""The guided start: three questions (citizenship, what you are activating, how you will get it),
and the verdict at once; an exemption or the status now is asked only where it changes the
verdict. Dismisses with the answers (a ``Situation``) when the person goes on to the details.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core import choices
from tui.core.clock import Clock
from tui.core.guide import (
    Situation,
    SituationVerdict,
    asks_exemption,
    asks_status,
    headline,
    situation_verdict,
)
from tui.core.profile import Exemption, PlanRoute, Program, StatusKind
from tui.widgets.footer import KeysFooter

COUNTRY, PROGRAM, ROUTE, VERDICT = range(4)
QUESTIONS = {
    COUNTRY: "Which country's citizen are you?",
    PROGRAM: "What are you activating?",
    ROUTE: "How will you get it?",
}
COUNTRY_HELP = "Type the two letters of your passport's country (like GB) and press Enter, or pick one below."


class GuidedScreen(Screen[Situation | None]):
    """Three questions, then the verdict; F7 goes on to the details, Esc goes back a question."""

    CSS_PATH = "../guided.tcss"
    BINDINGS = [
        Binding("f7", "details", "Fill in the details", key_display="F7", id="details"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, clock: Clock, *, data_dir: Path | None = None) -> None:
        """Ask on the date ``clock`` gives; the policy comes from ``data_dir`` (or the bundled data)."""
        super().__init__()
        self.clock = clock
        self.data_dir = data_dir
        self.step = COUNTRY
        self.citizenship = ""
        self.program: Program | None = None
        self.route: PlanRoute | None = None
        self.exemption: Exemption | None = None
        self.status: StatusKind | None = None
        self.verdict: SituationVerdict | None = None

    def compose(self) -> ComposeResult:
        """The question, its answers and their hints; the verdict once all three are given."""
        yield Header()
        yield Static("", id="guided-step", markup=False)
        yield Static("", id="guided-question", markup=False)
        yield Input(id="guided-country", placeholder="two letters, like GB", max_length=2, compact=True)
        yield OptionList(id="guided-options")
        yield Static("", id="guided-hint", markup=False)
        with VerticalScroll(id="guided-verdict"):
            yield Static("", id="verdict-headline", markup=False)
            yield Static("", id="guided-extra-question", markup=False)
            yield OptionList(id="guided-extra")
            yield Static("", id="verdict-details", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        """Ask the first question."""
        self.sub_title = "new profile"
        self._show(COUNTRY)

    # --- the questions ---------------------------------------------------------------------------

    def _show(self, step: int) -> None:
        self.step = step
        asking = step != VERDICT
        self.query_one("#guided-step", Static).update(
            f"Question {step + 1} of 3" if asking else self._answers()
        )
        self.query_one("#guided-question", Static).update(QUESTIONS.get(step, ""))
        country = self.query_one("#guided-country", Input)
        country.display = step == COUNTRY
        options = self.query_one("#guided-options", OptionList)
        options.display = asking
        self.query_one("#guided-hint", Static).display = asking
        self.query_one("#guided-verdict").display = not asking
        if step == VERDICT:
            self._show_verdict(ask_again=True)
        else:
            menu = {COUNTRY: choices.COUNTRIES, PROGRAM: choices.PROGRAMS, ROUTE: choices.ROUTES}[step]
            current = {COUNTRY: self.citizenship, PROGRAM: self.program, ROUTE: self.route}[step]
            _fill(options, menu, current)
            (country if step == COUNTRY else options).focus()
            self._hint(options)
        self.refresh_bindings()

    def _answers(self) -> str:
        parts = [choices.country_name(self.citizenship)]
        if self.program is not None:
            parts.append(choices.label("application.program", self.program))
        if self.route is not None:
            parts.append(choices.label("plan.route", self.route))
        return "You: " + " · ".join(parts)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Two letters typed: the citizenship."""
        text = event.value.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", text):
            self.query_one("#guided-hint", Static).update("Two letters, please (like GB or FR).")
            return
        self.citizenship = text
        self._show(PROGRAM)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Say what the highlighted answer means; on the verdict, re-judge with it."""
        if event.option_list.id == "guided-options":
            self._hint(event.option_list)
        elif event.option_list.id == "guided-extra":
            self._extra_answer(event.option.id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """An answer chosen: the next question, or the verdict."""
        value = event.option.id or ""
        if event.option_list.id != "guided-options":
            return
        if self.step == COUNTRY:
            self.citizenship = value
            self._show(PROGRAM)
        elif self.step == PROGRAM:
            self.program = Program(value)
            self._show(ROUTE)
        elif self.step == ROUTE:
            self.route = PlanRoute(value)
            self._show(VERDICT)

    def _hint(self, options: OptionList) -> None:
        hint = self.query_one("#guided-hint", Static)
        if self.step == COUNTRY:
            hint.update(COUNTRY_HELP)
            return
        menu = {PROGRAM: choices.PROGRAMS, ROUTE: choices.ROUTES}[self.step]
        index = options.highlighted
        hint.update(menu[index].hint if index is not None and index < len(menu) else "")

    # --- the verdict -----------------------------------------------------------------------------

    def situation(self) -> Situation | None:
        """The answers so far, once all three are given."""
        if not self.citizenship or self.program is None or self.route is None:
            return None
        return Situation(self.citizenship, self.program, self.route, self.exemption, self.status)

    def _show_verdict(self, ask_again: bool = False) -> None:
        from tui.core.policy import load_policy

        policy = load_policy(self.data_dir / "policy.toml" if self.data_dir else None)
        situation = self.situation()
        assert situation is not None
        day = self.clock().date()
        extra = self.query_one("#guided-extra", OptionList)
        extra_title = self.query_one("#guided-extra-question", Static)
        if ask_again:
            if asks_exemption(situation, day, policy):
                extra_title.update("Does one of these apply to you? (it changes the answer)")
                _fill(extra, (choices.NO_EXEMPTION, *choices.EXEMPTIONS), self.exemption or "")
            elif asks_status(situation):
                extra_title.update("What is your status in Canada now? (it changes the answer)")
                _fill(extra, choices.STATUSES, self.status or "")
            else:
                self.exemption = self.status = None
                extra.clear_options()
            extra.display = extra_title.display = extra.option_count > 0
            (extra if extra.display else self.query_one("#guided-verdict")).focus()
            situation = self.situation()
            assert situation is not None
        self.verdict = situation_verdict(situation, day, policy)
        top = self.query_one("#verdict-headline", Static)
        top.update(headline(self.verdict, situation))
        top.set_class(not self.verdict.open, "-closed")
        top.set_class(self.verdict.open, "-open")
        self.query_one("#verdict-details", Static).update(_details(self.verdict))

    def _extra_answer(self, value: str) -> None:
        situation = self.situation()
        if situation is None:
            return
        if situation.route is PlanRoute.BY_MAIL:
            self.status = StatusKind(value) if value else None
        else:
            self.exemption = Exemption(value) if value else None
        self._show_verdict()

    # --- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F7 only once the verdict is shown."""
        if action == "details":
            return self.step == VERDICT
        return True

    def action_details(self) -> None:
        """Go on to the details with these answers."""
        self.dismiss(self.situation())

    def action_back(self) -> None:
        """The previous question (the first one leaves)."""
        if self.step == COUNTRY:
            self.dismiss(None)
        else:
            self._show(self.step - 1)


def _fill(options: OptionList, menu: tuple[choices.Choice, ...], current: str | None) -> None:
    options.clear_options()
    options.add_options([Option(c.label, id=str(c.value)) for c in menu])
    values = [str(c.value) for c in menu]
    options.highlighted = values.index(str(current)) if current and str(current) in values else 0


def _details(verdict: SituationVerdict) -> str:
    """Why, in words: each finding's message, what to do, and the steps."""
    if not verdict.findings:
        return "Nothing more to say yet. Press F7 to fill in the details the rules need."
    parts = []
    for finding in verdict.findings:
        lines = [finding.message, finding.advice]
        lines += [f"{i}. {step}" for i, step in enumerate(finding.steps, 1)]
        parts.append("\n".join(line for line in lines if line))
    return "\n\n".join(parts) + "\n\nPress F7 to fill in the details (only the parts that apply to you)."
