"""The rules that run on one file, with their options: a configuration resolved against a registry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from notelint.config import Config, ConfigError, Selection, validate_family_tables
from notelint.options import ENGINE_FIELDS
from notelint.registry import Registry, UnknownSelector
from notelint.rule import RuleLike


@dataclass(frozen=True)
class RuleSet:
    """Enabled rules in code order, each with its validated options."""

    rules: tuple[tuple[RuleLike, Any], ...]
    registry: Registry

    @classmethod
    def resolve(cls, config: Config, registry: Registry, selection: Selection) -> RuleSet:
        settings = config.settings
        options_keys: dict[str, set[str]] = {}
        for rule in registry.rules:
            if rule.options_model is not None:
                keys = options_keys.setdefault(rule.family, set())
                keys.update(field.alias or name for name, field in rule.options_model.model_fields.items())
                keys.difference_update(ENGINE_FIELDS)
        validate_family_tables(config, options_keys)
        select = selection.select if selection.select is not None else settings.select
        try:
            enabled = registry.resolve(
                select,
                [*settings.extend_select, *selection.extend_select],
                [*settings.ignore, *selection.ignore],
            )
        except UnknownSelector as error:
            raise ConfigError(f"{config.label}: {error}") from error
        chosen = []
        for rule in registry.by_code(enabled):
            chosen.append((rule, _options_for(rule, config)))
        return cls(tuple(chosen), registry)

    def without(self, selectors: Sequence[str]) -> RuleSet:
        if not selectors:
            return self
        removed = self.registry.deselect(selectors)
        return RuleSet(tuple(pair for pair in self.rules if pair[0].code not in removed), self.registry)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(rule.code for rule, _ in self.rules)


def _options_for(rule: RuleLike, config: Config) -> Any:
    if rule.options_model is None:
        return None
    table = {key: value for key, value in config.settings.family_table(rule.family).items() if key not in ENGINE_FIELDS}
    if "config_root" in rule.options_model.model_fields:
        table["config-root"] = str(config.root)
    try:
        return rule.options_model.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{config.label}: [{rule.family}] {key}: {first['msg']} (rule {rule.code})") from error
