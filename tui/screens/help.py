"""Keys and marks, in one screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from tui.widgets.footer import KeysFooter

HELP = """\
flagpole walks with you through the day: six stages, from "Before you go" to "Done".
Everything you do is saved at once; close the app any time and it resumes where you were.

KEYS (letters, or the F-key while typing in a field)
  n  / F6     next stage
  p  / F5     previous stage
  g  / F2     go to… (command palette: "Go to stage: …", screens, export)
  space / x   tick or untick the focused checklist item
  Tab         move between items and fields
  l  / F3     the journey log
  e  / F4     export the log as Markdown (into the data folder's exports/)
  o           your profile (details, documents, plan); F7 saves, F8 shows numbers
  c           crossing finder (arriving by air: airport picker): set your plan
  h           border history (each US turn-around)
  t           dark / light theme (remembered)
  ?  / F1     this help
  q  / F10    quit (everything is already saved)

MARKS (they read the same without colour)
  [x] done / [ ] to do     checklist items
  now / done               stages in the stepper
  ERROR / WARNING / INFO   findings; ok = nothing found
  INVALID                  a permit field that cannot be read (e.g. not a date)
  SAY: "…"                 the sentence to say to the officer
  (unconfirmed)            no reliable source confirms it; [n] points to Sources
"""


class HelpScreen(Screen):
    """Keys and what the marks mean."""

    BINDINGS = [Binding("escape,b,f1", "app.pop_screen", "Back", key_display="b")]

    def compose(self) -> ComposeResult:
        """Header, the help text, footer."""
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Static(HELP, markup=False)
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        """A plain header."""
        self.sub_title = "keys and marks"
