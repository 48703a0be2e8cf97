"""The base of every rule options model (pydantic): kebab-case keys in TOML, immutable once read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


def to_kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """Base for rule options models: kebab-case keys in TOML, immutable once read."""

    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=True, frozen=True, extra="ignore")
