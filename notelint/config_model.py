"""The pydantic model of ``[tool.notelint]``: validation with errors a person can act on.

Imported only when a configuration file has to be validated (not on a warm, cached run).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from notelint.config import ConfigError
from notelint.options import to_kebab
from notelint.suggest import did_you_mean


class FileConfigModel(BaseModel):
    """The keys of ``[tool.notelint]``."""

    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=False, extra="forbid", strict=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    plugins: list[str] = Field(default_factory=list)
    frontmatter: dict[str, Any] = Field(default_factory=dict)
    headings: dict[str, Any] = Field(default_factory=dict)
    days: dict[str, Any] = Field(default_factory=dict)
    math: dict[str, Any] = Field(default_factory=dict)
    typos: dict[str, Any] = Field(default_factory=dict)
    markdown: dict[str, Any] = Field(default_factory=dict)


def known_keys() -> list[str]:
    return [field.alias or name for name, field in FileConfigModel.model_fields.items()]


def validate_table(table: Any, source: str) -> None:
    """Raise :class:`ConfigError` naming the first problem of a ``[tool.notelint]`` table."""
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: must be a table")
    try:
        FileConfigModel.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            raise ConfigError(f"{source}: unknown key {location!r}{did_you_mean(location, known_keys())}") from None
        raise ConfigError(f"{source}: {location}: {first['msg']}") from None
