"""Immutable value objects written by hand: what ``@dataclass(frozen=True)`` gives (equality,
hashing, repr, pickling, ``match`` by position, :class:`FrozenInstanceError` on assignment)
without importing ``dataclasses`` and ``inspect`` (about 10 ms of a one-note run) or making a
dataclass (about a millisecond each).

A class lists its fields in ``_fields`` (its ``__slots__`` too where it has slots) and sets them
in its own ``__init__`` with :data:`set_field`, or all at once with :meth:`Value._set_fields`.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar


class FrozenInstanceError(AttributeError):
    """A field of a value object was assigned to or deleted."""


set_field = object.__setattr__
"""Set a field of a value object (in its ``__init__``): ``set_field(self, "name", value)``."""


class Value:
    """Equality, hashing, repr and pickling from the class's ``_fields``.  ``_compared``: the
    fields equality and hashing look at; ``_shown``: the fields repr shows (both: all of them
    unless a class says)."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _compared: ClassVar[tuple[str, ...]] = ()
    _shown: ClassVar[tuple[str, ...]] = ()

    # the values of ``_fields`` and of ``_compared`` as tuples, read at C speed (every finding a
    # worker process finds is pickled, field by field, to the main process)
    _field_values: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _compared_values: ClassVar[Callable[[Any], tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_compared" not in cls.__dict__:
            cls._compared = cls._fields
        if "_shown" not in cls.__dict__:
            cls._shown = cls._fields
        cls.__match_args__ = cls._fields
        cls._field_values = staticmethod(_tuple_getter(cls._fields))  # type: ignore[assignment]
        cls._compared_values = staticmethod(_tuple_getter(cls._compared))  # type: ignore[assignment]

    def _set_fields(self, *values: Any) -> None:
        """Set every field, in the order of ``_fields`` (in ``__init__``)."""
        for name, value in zip(self._fields, values, strict=True):
            set_field(self, name, value)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared_values(self) == other._compared_values(other)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._compared_values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), self._field_values(self)


def _tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function from an object to the tuple of its attributes ``names``."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda value: tuple([getattr(value, name) for name in names])
