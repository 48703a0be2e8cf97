"""The default front matter model, the family's options and loading a user's own model."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import sys
import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, PrivateAttr, field_validator, model_validator

from notelint.config import RuleOptions
from notelint.document import Document

NonEmpty = Annotated[str, Field(min_length=1)]


class NoteMeta(BaseModel):
    """The front matter of a conference note."""

    model_config = ConfigDict(extra="ignore")

    title: NonEmpty
    date: dt.date
    tags: list[NonEmpty]
    location: str | None = None
    url: HttpUrl | None = None
    speakers: list[str] | None = None
    authors: list[str] | None = None
    lang: str | None = None
    updated: dt.date | None = None

    @field_validator("date", "updated", mode="before")
    @classmethod
    def _no_datetime(cls, value: Any) -> Any:
        # pydantic accepts a datetime at midnight as a date; a note's date is a calendar day
        if isinstance(value, dt.datetime):
            raise ValueError("must be a calendar date without a time")  # noqa: TRY004 (pydantic wants ValueError)
        return value

    @field_validator("tags")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("must not repeat a tag")
        return value


DEFAULT_KEY_ORDER = ("title", "tags", "date")


class FrontMatterOptions(RuleOptions):
    """``[tool.notelint.frontmatter]``: shared by every rule of the family."""

    schema_: str | None = Field(default=None, alias="schema")
    required_keys: list[str] = Field(default_factory=list)
    allowed_tags: list[str] | None = None
    tag_style: Literal["as-is", "lowercase", "kebab-case"] = "as-is"
    key_order: list[str] = Field(default_factory=lambda: list(DEFAULT_KEY_ORDER))

    @field_validator("schema_")
    @classmethod
    def _spec(cls, value: str | None) -> str | None:
        if value is not None:
            target, _, name = value.rpartition(":")
            if not target or not name.isidentifier():
                raise ValueError("must look like 'package.module:Model' or 'path/to/file.py:Model'")
        return value

    @model_validator(mode="after")
    def _load_schema(self) -> FrontMatterOptions:
        """Load the user's model once, when the options are resolved (rules never import files);
        a schema that cannot be loaded is kept as an error for the schema rule to report."""
        if self.schema_ is not None and self.config_root is not None:
            try:
                self._model = _load(self.schema_, self.config_root, upwards=False)
            except SchemaError as error:
                self._schema_error = error
        return self

    _model: type[BaseModel] | None = PrivateAttr(default=None)
    _schema_error: SchemaError | None = PrivateAttr(default=None)


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


def model_for(document: Document, options: FrontMatterOptions) -> type[BaseModel]:
    """The schema for a note: the user's model or :class:`NoteMeta`. A schema file path starts at
    the configuration file's folder; without a configuration file it is looked up from the note's
    folder upwards."""
    if options.schema_ is None:
        return NoteMeta
    if options._schema_error is not None:
        raise options._schema_error
    if options._model is not None:
        return options._model
    folder = str(Path(document.path).resolve().parent) if document.path and document.path != "-" else str(Path.cwd())
    return _load(options.schema_, folder)


def field_names(model: type[BaseModel]) -> dict[str, str]:
    """Key in the YAML (alias or name) -> field name."""
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


def date_fields(model: type[BaseModel]) -> dict[str, bool]:
    """Keys whose value is a date: key -> whether a datetime is allowed too."""
    fields: dict[str, bool] = {}
    for name, info in model.model_fields.items():
        kinds = _types_in(info.annotation)
        if dt.date in kinds or dt.datetime in kinds:
            fields[info.alias or name] = dt.datetime in kinds
    return fields


def is_list_field(model: type[BaseModel], key: str) -> bool:
    """Whether the schema wants a list (or tuple or set) for ``key``."""
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return any(typing.get_origin(kind) in (list, tuple, set, frozenset) or kind in (list, tuple, set)
                       for kind in _types_in(info.annotation))
    return False
