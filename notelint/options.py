"""Rule options without pydantic: a family's options are an immutable value (a frozen dataclass,
or for the built-in families a :class:`notelint.values.Value`) whose defaults are the options of
an empty table; a table with keys is validated by the family's pydantic model, imported only then
(a run without a configuration file that sets options never imports pydantic).

A built-in family declares its options twice, on purpose: the value class (what every rule
receives) and a pydantic model next to it (the same field names, plus constraints, aliases and
validators).  The tests check that the class's defaults equal what the model makes of an empty
table.  A plugin may still pass a pydantic model (a subclass of
:class:`notelint.options_model.RuleOptions`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from pydantic import BaseModel

ENGINE_FIELDS = frozenset({"config-root"})
"""Keys the engine sets (not users): ``config-root``, the folder of the configuration file."""


def to_kebab(name: str) -> str:
    return name.replace("_", "-")


class DeclaredOptions:
    """Base of options declared as a frozen dataclass with a ``config_root`` field (the folder of
    the configuration file, set by the engine; relative paths in options start there).
    Subclasses name their pydantic model in :meth:`pydantic_model`.  (The built-in families'
    options are :class:`notelint.values.Value` classes instead, whose ``_fields`` are their
    fields: importing ``dataclasses`` costs a one-note run about 10 ms.)"""

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        """The model that validates a table of these options (imports pydantic)."""
        raise NotImplementedError

    @classmethod
    def defaults(cls, config_root: str | None = None) -> Self:
        """The options of an empty table, built without pydantic."""
        return cls(config_root=config_root)  # type: ignore[call-arg]

    @classmethod
    def from_table(cls, table: Mapping[str, Any], config_root: str | None = None) -> Self:
        """Validate ``table`` (kebab-case keys) with the pydantic model; raises its ValidationError."""
        validated = cls.pydantic_model().model_validate({**table, "config-root": config_root})
        return cls.from_model(validated)

    @classmethod
    def from_model(cls, validated: BaseModel) -> Self:
        """The options holding the same values as a validated model (private attributes too)."""
        return cls(**{name: getattr(validated, name) for name in option_fields(cls)})


def option_fields(kind: type[DeclaredOptions]) -> tuple[str, ...]:
    """The names of the fields of a declared options class: a dataclass's fields, or the
    ``_fields`` of a :class:`notelint.values.Value` (``dataclasses`` is imported only for a
    dataclass)."""
    if getattr(kind, "__dataclass_fields__", None) is not None:
        import dataclasses

        return tuple(field.name for field in dataclasses.fields(kind))  # type: ignore[arg-type]
    return kind._fields  # type: ignore[attr-defined, no-any-return]


def is_declared(kind: object) -> bool:
    """Whether a rule's options class is declared without pydantic (else it is a pydantic model)."""
    return isinstance(kind, type) and issubclass(kind, DeclaredOptions)


def __getattr__(name: str) -> Any:
    """``RuleOptions`` (the pydantic base for plugins' options) is imported only when asked for."""
    if name == "RuleOptions":
        from notelint.options_model import RuleOptions

        return RuleOptions
    raise AttributeError(name)
