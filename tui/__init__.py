"""flagpole: an offline terminal companion for the day you flagpole at a Canada–US land border.

Importing this package loads nothing heavy: the UI lives in ``tui.app`` and ``tui.screens``,
the plain-Python engine in ``tui.core``.
"""

__version__ = "0.1.0"
