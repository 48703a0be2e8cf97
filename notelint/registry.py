"""Which rules exist: the built-in ones, entry-point plugins and local plugin files.

Also resolves selectors (``NL001``, ``NL0``, ``trailing-whitespace``, ``markdown``, ``ALL``) into
sets of rule codes, the way ``--select``, ``--ignore`` and ``--extend-select`` use them.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from notelint.config import PluginError  # noqa: F401  (raised here; defined with ConfigError, light to import)
from notelint.diagnostics import FAMILIES
from notelint.rule import RuleLike, validate_rule

ENTRY_POINT_GROUP = "notelint.rules"


class UnknownSelector(Exception):
    """A selector names no rule, prefix or family."""


def _rules_in(obj: object, origin: str) -> list[RuleLike]:
    """Rules held by a loaded object: a rule, an iterable of rules, or a module."""
    if isinstance(obj, RuleLike):
        problem = validate_rule(obj)
        if problem:
            raise PluginError(f"{origin}: {problem}")
        return [obj]
    if isinstance(obj, ModuleType):
        if hasattr(obj, "RULES"):
            return _rules_in(obj.RULES, origin)
        found = [value for value in vars(obj).values() if isinstance(value, RuleLike)]
        if not found:
            raise PluginError(f"{origin}: the module defines no rule")
        return [rule for value in found for rule in _rules_in(value, origin)]
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        return [rule for item in obj for rule in _rules_in(item, origin)]
    problem = validate_rule(obj)
    raise PluginError(f"{origin}: {problem}")


def builtin_rules() -> list[RuleLike]:
    from notelint.rules import RULES

    return list(RULES)


def entry_point_rules() -> list[RuleLike]:
    found: list[RuleLike] = []
    from notelint.installed import declares_group

    if not declares_group(ENTRY_POINT_GROUP):
        return found  # no plugin installed: importlib.metadata need not be loaded
    from importlib.metadata import entry_points

    for point in entry_points(group=ENTRY_POINT_GROUP):
        origin = f"entry point {point.name!r} ({point.value})"
        try:
            loaded = point.load()
        except Exception as error:  # a broken plugin must not crash the run
            raise PluginError(f"{origin}: cannot be loaded: {error}") from error
        found.extend(_rules_in(loaded, origin))
    return found


def file_rules(path: Path) -> list[RuleLike]:
    """Load the rules of a local plugin file (``plugins = ["rules_local/my_rule.py"]``)."""
    if not path.is_file():
        raise PluginError(f"plugin {path}: no such file")
    module_name = f"notelint_local_plugin_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"plugin {path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        del sys.modules[module_name]
        raise PluginError(f"plugin {path}: {type(error).__name__}: {error}") from error
    return _rules_in(module, f"plugin {path}")


class Registry(NamedTuple):
    """An immutable set of rules, sorted by code."""

    rules: tuple[RuleLike, ...]

    @classmethod
    def build(cls, plugin_files: Sequence[Path] = (), *, with_entry_points: bool = True) -> Registry:
        rules = builtin_rules()
        if with_entry_points:
            rules += entry_point_rules()
        for path in plugin_files:
            rules += file_rules(path)
        seen: dict[str, RuleLike] = {}
        names: dict[str, RuleLike] = {}
        for rule in rules:
            if rule.code in seen and seen[rule.code] is not rule:
                raise PluginError(f"rule code {rule.code} is defined twice ({seen[rule.code].name}, {rule.name})")
            if rule.name in names and names[rule.name] is not rule:
                raise PluginError(f"rule name {rule.name} is defined twice ({names[rule.name].code}, {rule.code})")
            seen[rule.code] = rule
            names[rule.name] = rule
        return cls(tuple(sorted(seen.values(), key=lambda rule: rule.code)))

    def lookup(self, code_or_name: str) -> RuleLike | None:
        wanted = code_or_name.strip()
        for rule in self.rules:
            if rule.code == wanted.upper() or rule.name == wanted.lower():
                return rule
        return None

    def matching(self, selector: str) -> tuple[list[RuleLike], bool]:
        """Rules a selector names, and whether it named them one by one (code or name).

        A code or a rule name selects that rule even when it is off by default; ``ALL``, a family
        or a code prefix selects the rules of the group that are on by default.
        """
        wanted = selector.strip()
        exact = self.lookup(wanted)
        if exact is not None:
            return [exact], True
        if wanted.upper() == "ALL":
            return list(self.rules), False
        if wanted.lower() in FAMILIES:
            return [rule for rule in self.rules if rule.family == wanted.lower()], False
        prefixed = [rule for rule in self.rules if rule.code.startswith(wanted.upper())]
        if wanted and prefixed:
            return prefixed, False
        raise UnknownSelector(self.explain_unknown(wanted))

    def explain_unknown(self, selector: str) -> str:
        from notelint.suggest import did_you_mean

        known = [rule.code for rule in self.rules] + [rule.name for rule in self.rules] + list(FAMILIES)
        return f"unknown rule selector {selector!r}{did_you_mean(selector, known)}"

    def select(self, selectors: Iterable[str]) -> set[str]:
        chosen: set[str] = set()
        for selector in selectors:
            rules, explicit = self.matching(selector)
            chosen.update(rule.code for rule in rules if explicit or rule.default_enabled)
        return chosen

    def deselect(self, selectors: Iterable[str]) -> set[str]:
        removed: set[str] = set()
        for selector in selectors:
            rules, _ = self.matching(selector)
            removed.update(rule.code for rule in rules)
        return removed

    def resolve(
        self,
        select: Sequence[str] | None,
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> frozenset[str]:
        """Codes of the enabled rules: ``select`` (default: the rules on by default), plus
        ``extend_select``, minus ``ignore``."""
        if select is None:
            base = {rule.code for rule in self.rules if rule.default_enabled}
        else:
            base = self.select(select)
        return frozenset((base | self.select(extend_select)) - self.deselect(ignore))

    def by_code(self, codes: Iterable[str]) -> list[RuleLike]:
        wanted = set(codes)
        return [rule for rule in self.rules if rule.code in wanted]
