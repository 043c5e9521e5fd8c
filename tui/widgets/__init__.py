"""Reusable widgets (Textual), one area per module: what to show comes in as arguments, changes
go out as messages."""
