"""Small immutable value classes without ``dataclasses``, for the modules a start imports.

``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis`` and ``tokenize``) and compiles
several functions for every class: about a tenth of a whole ``flagpole check``. A ``Record``
subclass declares its fields as annotations, with defaults as plain values, exactly as a frozen
dataclass would, and behaves as one in everything the app uses: construction by position or
keyword (a missing or unknown field is a TypeError), equality and hashing by value (records of
different classes are never equal), the same ``repr``, no attribute changed after construction
(``FrozenRecordError``, an AttributeError), and ``replace``.

Default values must be immutable (a tuple, not a list): one value is shared by every record.
"""

from __future__ import annotations

TYPE_CHECKING = False  # ``typing`` itself is not imported at run time
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, TypeVar, dataclass_transform

    R = TypeVar("R", bound="Record")
else:

    def dataclass_transform(**_kwargs):
        return lambda cls: cls


class FrozenRecordError(AttributeError):
    """An attempt to change a field of a record (records never change once made)."""


@dataclass_transform(frozen_default=True)
class Record:
    """Base of a frozen value class whose fields are its annotations (see the module)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = list(cls._fields)
        defaults = dict(cls._defaults)
        for name, annotation in cls.__annotations__.items():  # the class's own, in order
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            if name not in fields:
                fields.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            elif name in defaults:
                del defaults[name]
            elif defaults and any(f in defaults for f in fields[: fields.index(name)]):
                raise TypeError(f"non-default field {name!r} follows a field with a default")
        cls._fields = tuple(fields)
        cls._defaults = defaults

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} fields but {len(args)} were given")
        values = dict(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument {name!r}")
            values[name] = value
        if len(values) < len(fields):
            defaults = self._defaults
            missing = [f for f in fields if f not in values and f not in defaults]
            if missing:
                raise TypeError(f"{type(self).__name__}() missing required arguments: {', '.join(missing)}")
            values = {f: values[f] if f in values else defaults[f] for f in fields}
        else:
            values = {f: values[f] for f in fields}
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[f] for f in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inside = ", ".join(f"{f}={self.__dict__[f]!r}" for f in self._fields)
        return f"{type(self).__qualname__}({inside})"


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with ``changes`` applied (as ``dataclasses.replace``)."""
    values = {f: record.__dict__[f] for f in record._fields}
    for name in changes:
        if name not in values:
            raise TypeError(f"{type(record).__name__} has no field {name!r}")
    values.update(changes)
    return type(record)(**values)
