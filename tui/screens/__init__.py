"""The app's screens (Textual), one per module. Nothing here is imported by ``tui.core``."""
