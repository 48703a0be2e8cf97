"""The front matter schema of a note (the default or a user's own pydantic model) and the
family's options, both usable without importing pydantic for the default schema and default options.

The default schema is the pydantic model :class:`notelint.rules.frontmatter.note_meta.NoteMeta`;
the rules see it as :class:`DefaultSchema`, which describes its keys without importing pydantic (a
test checks that the description matches the model)."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import sys
import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from notelint.document import Document
from notelint.options import DeclaredOptions
from notelint.values import Value

if TYPE_CHECKING:
    from pydantic import BaseModel

DEFAULT_KEY_ORDER = ("title", "tags", "date")


class DefaultSchema:
    """The default schema (``NoteMeta``) as the rules read it: its keys, which hold dates
    (-> whether a time is allowed too) and which hold lists."""

    FIELD_NAMES: typing.ClassVar[dict[str, str]] = {
        name: name for name in ("title", "date", "tags", "location", "url", "speakers", "authors", "lang", "updated")
    }
    DATE_FIELDS: typing.ClassVar[dict[str, bool]] = {"date": False, "updated": False}
    LIST_FIELDS: typing.ClassVar[frozenset[str]] = frozenset({"tags", "speakers", "authors"})

    @staticmethod
    def pydantic_model() -> type[BaseModel]:
        from notelint.rules.frontmatter.note_meta import NoteMeta

        return NoteMeta


def _is_text(value: object) -> bool:
    return type(value) is str


def _is_day(value: object) -> bool:
    return type(value) is dt.date  # not a datetime (NoteMeta refuses those), not a subclass


def _is_text_list(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def default_schema_surely_accepts(data: dict[Any, Any], claimed: set[str]) -> bool:
    """True only when ``NoteMeta`` surely accepts ``data`` (the normalised front matter) but for
    errors on ``claimed`` keys (which the schema rule leaves to another rule); False means "ask
    pydantic".  Exact built-in types only: anything unusual goes to pydantic."""
    title, tags = data.get("title"), data.get("tags")
    if not (_is_text(title) and title):
        return False
    if not (_is_text_list(tags) and all(tags) and len(set(tags)) == len(tags)):
        return False
    if "date" not in claimed and not _is_day(data.get("date")):
        return False
    if "updated" not in claimed and not (data.get("updated") is None or _is_day(data["updated"])):
        return False
    if data.get("url") is not None:
        return False
    for key in ("location", "lang"):
        if not (data.get(key) is None or _is_text(data[key])):
            return False
    return all(data.get(key) is None or _is_text_list(data[key]) for key in ("speakers", "authors"))


if TYPE_CHECKING:
    Schema: typing.TypeAlias = type[BaseModel] | type[DefaultSchema]
    """A note's schema: a user's pydantic model or :class:`DefaultSchema`."""


class FrontMatterOptions(DeclaredOptions, Value):
    """``[tool.notelint.frontmatter]``: shared by every rule of the family.  A user's ``schema``
    is loaded once, when the options are validated (rules never import files); a schema that
    cannot be loaded is kept as an error for the schema rule to report."""

    _fields = ("schema_", "required_keys", "allowed_tags", "tag_style", "key_order", "config_root", "_model",
               "_schema_error")
    _shown = _fields[:-2]
    schema_: str | None  # ``schema`` in TOML
    required_keys: list[str]
    allowed_tags: list[str] | None
    tag_style: Literal["as-is", "lowercase", "kebab-case"]
    key_order: list[str]
    config_root: str | None
    _model: type[BaseModel] | None
    _schema_error: SchemaError | None

    def __init__(
        self,
        schema_: str | None = None,
        required_keys: list[str] | None = None,  # None: a new empty list
        allowed_tags: list[str] | None = None,
        tag_style: Literal["as-is", "lowercase", "kebab-case"] = "as-is",
        key_order: list[str] | None = None,  # None: a new list of DEFAULT_KEY_ORDER
        config_root: str | None = None,
        _model: type[BaseModel] | None = None,
        _schema_error: SchemaError | None = None,
    ) -> None:
        self._set_fields(
            schema_,
            [] if required_keys is None else required_keys,
            allowed_tags,
            tag_style,
            list(DEFAULT_KEY_ORDER) if key_order is None else key_order,
            config_root,
            _model,
            _schema_error,
        )

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.frontmatter.options_model import FrontMatterOptionsModel

        return FrontMatterOptionsModel


class SchemaError(Exception):
    """A user's schema cannot be loaded."""


def _load_from_file(path: Path, name: str, mtime: float) -> type[BaseModel]:
    module_name = f"_notelint_schema_{abs(hash((str(path), mtime)))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise SchemaError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # pydantic resolves forward references through sys.modules
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        sys.modules.pop(module_name, None)
        raise SchemaError(f"{path} fails to import: {type(error).__name__}: {error}") from error
    return _model_in(module, name, str(path))


def _model_in(module: types.ModuleType, name: str, where: str) -> type[BaseModel]:
    from pydantic import BaseModel

    model = getattr(module, name, None)
    if model is None:
        raise SchemaError(f"{where} has no {name!r}")
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise SchemaError(f"{where}:{name} is not a pydantic model")
    return model


@lru_cache(maxsize=32)
def _load(spec: str, folder: str, upwards: bool = True) -> type[BaseModel]:
    target, _, name = spec.rpartition(":")
    if target.endswith(".py") or "/" in target or "\\" in target:
        relative = Path(target)
        parents = (Path(folder), *Path(folder).parents) if upwards else (Path(folder),)
        candidates = [relative] if relative.is_absolute() else [parent / relative for parent in parents]
        for candidate in candidates:
            if candidate.is_file():
                return _load_from_file(candidate.resolve(), name, candidate.stat().st_mtime)
        raise SchemaError(
            f"schema file {target!r} not found (looked in {folder}{' and the folders above it' if upwards else ''})"
        )
    try:
        module = importlib.import_module(target)
    except Exception as error:
        raise SchemaError(f"cannot import {target!r}: {type(error).__name__}: {error}") from error
    return _model_in(module, name, target)


def model_for(document: Document, options: FrontMatterOptions) -> Schema:
    """The schema for a note: the user's model or :class:`DefaultSchema`. A schema file path starts at
    the configuration file's folder; without a configuration file it is looked up from the note's
    folder upwards."""
    if options.schema_ is None:
        return DefaultSchema
    if options._schema_error is not None:
        raise options._schema_error
    if options._model is not None:
        return options._model
    folder = str(Path(document.path).resolve().parent) if document.path and document.path != "-" else str(Path.cwd())
    return _load(options.schema_, folder)


def pydantic_model(model: Schema) -> type[BaseModel]:
    """The pydantic model of a schema (imports pydantic)."""
    return DefaultSchema.pydantic_model() if model is DefaultSchema else model  # type: ignore[return-value]


def allows_extra(model: Schema) -> bool:
    """Whether the schema takes keys it does not know (``extra="allow"``; the default does not)."""
    return model is not DefaultSchema and model.model_config.get("extra") == "allow"  # type: ignore[union-attr]


def field_names(model: Schema) -> dict[str, str]:
    """Key in the YAML (alias or name) -> field name."""
    if model is DefaultSchema:
        return dict(DefaultSchema.FIELD_NAMES)
    names = {}
    for name, info in model.model_fields.items():
        names[info.alias or name] = name
        names.setdefault(name, name)
    return names


def _types_in(annotation: Any) -> set[Any]:
    found = {annotation}
    for argument in typing.get_args(annotation):
        found |= _types_in(argument)
    return found


def date_fields(model: Schema) -> dict[str, bool]:
    """Keys whose value is a date: key -> whether a datetime is allowed too."""
    if model is DefaultSchema:
        return dict(DefaultSchema.DATE_FIELDS)
    fields: dict[str, bool] = {}
    for name, info in model.model_fields.items():
        kinds = _types_in(info.annotation)
        if dt.date in kinds or dt.datetime in kinds:
            fields[info.alias or name] = dt.datetime in kinds
    return fields


def is_list_field(model: Schema, key: str) -> bool:
    """Whether the schema wants a list (or tuple or set) for ``key``."""
    if model is DefaultSchema:
        return key in DefaultSchema.LIST_FIELDS
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return any(typing.get_origin(kind) in (list, tuple, set, frozenset) or kind in (list, tuple, set)
                       for kind in _types_in(info.annotation))
    return False
