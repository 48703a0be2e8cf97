"""The base of every rule options model (pydantic): kebab-case keys in TOML, immutable once read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


def to_kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """Base for rule options models: kebab-case keys in TOML, immutable once read."""

    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=True, frozen=True, extra="ignore")

    #: The folder of the configuration file the options come from (set by the engine, not by
    #: users): relative paths in options (a schema file, a words file) start there.
    config_root: str | None = Field(default=None, exclude=True)


ENGINE_FIELDS = frozenset({"config-root"})
