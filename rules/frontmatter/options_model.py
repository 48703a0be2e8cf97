"""The pydantic model that validates ``[tool.notelint.frontmatter]`` (see :class:`FrontMatterOptions`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr, field_validator, model_validator

from notelint.options_model import RuleOptions
from notelint.rules.frontmatter.schema import DEFAULT_KEY_ORDER, SchemaError, _load


class FrontMatterOptionsModel(RuleOptions):
    """Validates :class:`notelint.rules.frontmatter.schema.FrontMatterOptions` (the same fields)."""

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
    def _load_schema(self) -> FrontMatterOptionsModel:
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
