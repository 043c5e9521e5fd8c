"""Errors a user can act on: each names the file, where in it, and what was expected."""

from __future__ import annotations

from tui.core.record import Record


class FlagpoleError(Exception):
    """A failure caused by input; the CLI prints it and exits with status 2."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Problem(Record):
    """One thing wrong with a file: where (a field path or line/column) and why."""

    where: str
    reason: str
    missing: tuple[str, ...] = ()
    """For a section missing keys that its programme or route needs: those keys (``where`` is
    the section), so a front end can mark each field without reading ``reason``."""
    needed_by: str = ""
    """What needs the ``missing`` keys: a programme id or a route."""


class InvalidFileError(FlagpoleError):
    """A file that is not valid TOML or not a valid profile or data file."""

    def __init__(self, source: str, problems: list[Problem] | None = None, kind: str = "profile"):
        self.source = source
        self.problems: list[Problem] = [] if problems is None else problems
        self.kind = kind
        FlagpoleError.__init__(self, self.render())

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.source, self.problems, self.kind) == (other.source, other.problems, other.kind)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(source={self.source!r}, problems={self.problems!r}, kind={self.kind!r})"

    def render(self) -> str:
        """One short paragraph: the file, then each problem on its own line."""
        head = f"{self.source}: not a valid {self.kind}."
        lines = [head] + [f"  {p.where}: {p.reason}" for p in self.problems]
        return "\n".join(lines)


class BadMomentError(FlagpoleError):
    """A date or date-and-time that cannot be read (what ``--on`` or ``--at`` was given).

    The message speaks of the value only; a front end adds its own words (the CLI the option's
    name, a screen its field's label).
    """

    def __init__(self, value: str, expected: str, message: str | None = None):
        self.value = value
        """The text as given."""
        self.expected = expected
        """What would be understood, with examples (``a date like 2026-12-02 …``)."""
        super().__init__(message or f"expected {expected}; got {value!r}.")


class UnknownPlaceError(FlagpoleError):
    """A place name (what ``--near`` was given) that is neither a known place, a crossing, nor
    coordinates. Carries the closest known names, so each front end can word its own hint."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = (), known: tuple[str, ...] = ()):
        self.name = name
        """The text as given."""
        self.suggestions = tuple(suggestions)
        """The closest known place names, best first (possibly none)."""
        self.known = tuple(known)
        """Every known place name."""
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(
            f"unknown place {name!r}.{hint} Give LAT,LON (e.g. 49.05,-123.0), a crossing, or "
            f"one of: {', '.join(self.known)}."
        )


class BadCoordinatesError(FlagpoleError):
    """Coordinates (``LAT,LON``) outside the globe's ranges, as given for a place."""

    def __init__(self, value: str):
        self.value = value
        """The text as given."""
        super().__init__(
            f"{value!r} is not a latitude,longitude (latitude -90..90, "
            "longitude -180..180; west is negative, e.g. 49.05,-123.0)."
        )
