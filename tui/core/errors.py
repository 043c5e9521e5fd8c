"""Errors a user can act on: each names the file, where in it, and what was expected."""

from __future__ import annotations

from dataclasses import dataclass, field


class FlagpoleError(Exception):
    """A failure caused by input; the CLI prints it and exits with status 2."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a field path or line/column) and why."""

    where: str
    reason: str
    missing: tuple[str, ...] = ()
    """For a section missing keys that its programme or route needs: those keys (``where`` is
    the section), so a front end can mark each field without reading ``reason``."""
    needed_by: str = ""
    """What needs the ``missing`` keys: a programme id or a route."""


@dataclass
class InvalidFileError(FlagpoleError):
    """A file that is not valid TOML or not a valid profile or data file."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    kind: str = "profile"

    def __post_init__(self) -> None:
        FlagpoleError.__init__(self, self.render())

    def render(self) -> str:
        """One short paragraph: the file, then each problem on its own line."""
        head = f"{self.source}: not a valid {self.kind}."
        lines = [head] + [f"  {p.where}: {p.reason}" for p in self.problems]
        return "\n".join(lines)
