"""The rules that run on one file, with their options: a configuration resolved against a registry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from notelint.config import Config, ConfigError, Selection, validate_family_tables
from notelint.options import ENGINE_FIELDS, is_declared
from notelint.registry import Registry, UnknownSelector
from notelint.rule import RuleLike


class RuleSet(NamedTuple):
    """Enabled rules in code order, each with its validated options."""

    rules: tuple[tuple[RuleLike, Any], ...]
    registry: Registry

    @classmethod
    def resolve(cls, config: Config, registry: Registry, selection: Selection) -> RuleSet:
        settings = config.settings
        if any(settings.families.values()):  # the keys of the options models (imports pydantic)
            validate_family_tables(config, _options_keys(registry))
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


def _options_keys(registry: Registry) -> dict[str, set[str]]:
    """The keys a family table may hold: every option of the family's rules."""
    options_keys: dict[str, set[str]] = {}
    for rule in registry.rules:
        if rule.options_model is not None:
            model = rule.options_model.pydantic_model() if is_declared(rule.options_model) else rule.options_model
            keys = options_keys.setdefault(rule.family, set())
            keys.update(field.alias or name for name, field in model.model_fields.items())
            keys.difference_update(ENGINE_FIELDS)
    return options_keys


def _options_for(rule: RuleLike, config: Config) -> Any:
    """The rule's options from its family's table: a declared options class gives its defaults
    without pydantic when the table is empty; anything else is validated by pydantic."""
    kind = rule.options_model
    if kind is None:
        return None
    table = {key: value for key, value in config.settings.family_table(rule.family).items() if key not in ENGINE_FIELDS}
    if is_declared(kind) and not table:
        return kind.defaults(str(config.root))
    from pydantic import ValidationError

    try:
        if is_declared(kind):
            return kind.from_table(table, str(config.root))
        if "config_root" in kind.model_fields:
            table["config-root"] = str(config.root)
        return kind.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{config.label}: [{rule.family}] {key}: {first['msg']} (rule {rule.code})") from error
