"""The footer every screen shows: Textual's, built only when the keys it shows change.

Textual 8's footer rebuilds all its keys whenever the screen's bindings are updated (every focus
change, every mount), even when the keys shown stay the same: three full rebuilds before a
screen's first frame, more as the person tabs through a form. And each ``FooterKey`` starts
"compact" and is then told it is not (or the other way), so it gains and loses a class right after
mounting, each change restyling it. Here the footer is rebuilt only when what it would show
differs, and each key starts in the footer's own mode; the keys look and behave exactly the same
(the command palette's key is not bound to the footer's mode and stays as Textual makes it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:  # pragma: no cover
    from textual.screen import Screen


class KeysFooter(Footer):
    """``Footer`` that is rebuilt only when its keys change, its keys made in its mode."""

    _shown: tuple[object, ...] | None = None

    def _wanted(self) -> tuple[object, ...] | None:
        """What the footer would show now: each shown binding with its state, and the palette
        key (None before the screen's bindings are known)."""
        if not self._bindings_ready:
            return None
        app = self.app
        keys = tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip,
             app.get_key_display(binding))
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (*keys, self.show_command_palette, self.compact)

    def compose(self) -> ComposeResult:
        """Textual's keys, each set to the footer's mode before it is mounted."""
        self._shown = self._wanted()
        for widget in super().compose():
            for key in (widget, *getattr(widget, "_pending_children", ())):
                if isinstance(key, FooterKey) and not key.has_class("-command-palette"):  # not bound
                    key.set_reactive(FooterKey.compact, self.compact)
                    key.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        """Rebuild when the keys to show differ from those shown (Textual rebuilds every time)."""
        if self._bindings_ready and self.is_attached and screen is self.screen and self._wanted() == self._shown:
            return
        super().bindings_changed(screen)
