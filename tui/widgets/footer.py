"""The footer every screen shows: Textual's, without restyling each key twice.

Textual 8's ``FooterKey`` starts "compact" and is then told it is not (or the other way), so each
key gains and loses a class right after it is mounted, and each change restyles it: about 20
restyles each time the footer is composed (on every screen and on every focus change that alters
the keys). Here each key starts in the footer's own mode, so nothing changes after mounting and
the keys look exactly the same (the command palette's key is not bound to the footer's mode and
stays as Textual makes it).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """``Footer`` whose keys are created in the footer's compact-or-not mode."""

    def compose(self) -> ComposeResult:
        """Textual's keys, each set to the footer's mode before it is mounted."""
        for widget in super().compose():
            for key in (widget, *getattr(widget, "_pending_children", ())):
                if isinstance(key, FooterKey) and not key.has_class("-command-palette"):  # not bound
                    key.set_reactive(FooterKey.compact, self.compact)
                    key.set_class(self.compact, "-compact", update=False)
            yield widget
