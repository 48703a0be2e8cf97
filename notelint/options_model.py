"""The base of pydantic rule options models: kebab-case keys in TOML, immutable once read.

Built-in families validate their tables with such models (imported only when a table has keys);
a plugin may pass one as its rule's options directly."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from notelint.options import ENGINE_FIELDS, to_kebab

__all__ = ["ENGINE_FIELDS", "RuleOptions", "to_kebab"]


class RuleOptions(BaseModel):
    """Base for rule options models: kebab-case keys in TOML, immutable once read."""

    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=True, frozen=True, extra="ignore")

    #: The folder of the configuration file the options come from (set by the engine, not by
    #: users): relative paths in options (a schema file, a words file) start there.
    config_root: str | None = Field(default=None, exclude=True)
