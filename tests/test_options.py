"""Rule options declared without pydantic: the defaults a rule gets when no table sets options
are the same values pydantic makes of an empty table, and a table with keys is still validated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import findings_json, run_notelint

from notelint.config import Config, Selection, Settings
from notelint.options import DeclaredOptions, is_declared, option_fields
from notelint.registry import Registry
from notelint.rule import RuleLike
from notelint.rules.frontmatter.schema import DefaultSchema, date_fields, field_names, is_list_field
from notelint.ruleset import RuleSet

RULES_WITH_OPTIONS = [rule for rule in Registry.build((), with_entry_points=False).rules if rule.options_model is not None]


def _declared(rule: RuleLike) -> type[DeclaredOptions]:
    kind = rule.options_model
    assert is_declared(kind), f"{rule.code}'s options need pydantic to build their defaults"
    return kind  # type: ignore[return-value]


def test_the_families_with_options_all_have_some() -> None:
    assert {rule.family for rule in RULES_WITH_OPTIONS} == {"frontmatter", "headings", "days", "math", "typos"}


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda rule: rule.code)
@pytest.mark.parametrize("root", [None, "/notes/project"])
def test_default_options_equal_what_pydantic_makes_of_an_empty_table(rule: RuleLike, root: str | None) -> None:
    kind = _declared(rule)
    defaults, validated = kind.defaults(root), kind.from_table({}, root)
    assert type(defaults) is type(validated) is kind
    for name in option_fields(kind):  # attribute by attribute, the private ones too
        assert getattr(defaults, name) == getattr(validated, name), name
    assert defaults == validated


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda rule: rule.code)
def test_the_options_class_and_its_pydantic_model_hold_the_same_fields(rule: RuleLike) -> None:
    kind = _declared(rule)
    model = kind.pydantic_model()
    assert set(model.model_fields) | set(model.__private_attributes__) == set(option_fields(kind))


def _resolved_options(rule: RuleLike, config: Config) -> Any:
    registry = Registry.build((), with_entry_points=False)
    ruleset = RuleSet.resolve(config, registry, Selection(select=[rule.code]))
    (options,) = [options for chosen, options in ruleset.rules if chosen.code == rule.code]
    return options


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda rule: rule.code)
def test_the_engine_gives_a_rule_its_defaults_without_a_table_and_validated_values_with_one(
    rule: RuleLike, tmp_path: Path
) -> None:
    kind = _declared(rule)
    assert _resolved_options(rule, Config(Settings(), tmp_path)) == kind.from_table({}, str(tmp_path))
    key, field = next((name, info) for name, info in kind.pydantic_model().model_fields.items() if name != "config_root")
    table = {field.alias or key: _a_valid_value(rule.family, key)}
    options = _resolved_options(rule, Config(Settings(families={rule.family: table}), tmp_path))
    assert type(options) is kind
    assert getattr(options, key) == getattr(kind.from_table(table, str(tmp_path)), key)
    assert getattr(options, key) != getattr(kind.defaults(), key)


def _a_valid_value(family: str, key: str) -> Any:
    """A value that differs from the default for the first option of each family."""
    return {
        ("frontmatter", "schema_"): "meta.py:Meta",
        ("headings", "day_level"): 2,
        ("days", "language"): "en",
        ("math", "dialect"): "dollars",
        ("typos", "words"): ["Transformerz"],
    }[(family, key)]


def test_a_wrong_option_value_is_still_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "notelint.toml").write_text('[math]\ndialect = "latex"\n')
    (tmp_path / "note.md").write_text("text\n")
    result = run_notelint("note.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "[math] dialect" in result.stderr and "NL40" in result.stderr


def test_an_option_set_in_a_config_file_reaches_the_rule(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("Energy $E=mc^2$ here.\n")
    codes = {finding["code"] for finding in findings_json("--select", "math", "note.md", cwd=tmp_path)}
    (tmp_path / "notelint.toml").write_text('[math]\ndialect = "dollars"\n')
    configured = {finding["code"] for finding in findings_json("--select", "math", "note.md", cwd=tmp_path)}
    assert "NL404" in codes and "NL404" not in configured


def test_the_default_schema_description_matches_note_meta() -> None:
    from notelint.rules.frontmatter.note_meta import NoteMeta

    assert field_names(DefaultSchema) == field_names(NoteMeta)
    assert date_fields(DefaultSchema) == date_fields(NoteMeta)
    for key in field_names(NoteMeta):
        assert is_list_field(DefaultSchema, key) == is_list_field(NoteMeta, key), key
    assert NoteMeta.model_config.get("extra") != "allow"


def test_a_plugin_may_declare_its_options_as_a_frozen_dataclass() -> None:
    import dataclasses

    from notelint.options_model import RuleOptions

    class MarkerModel(RuleOptions):
        marker: str = "FIXME"

    @dataclasses.dataclass(frozen=True)
    class MarkerOptions(DeclaredOptions):
        marker: str = "FIXME"
        config_root: str | None = None

        @classmethod
        def pydantic_model(cls) -> type[MarkerModel]:
            return MarkerModel

    assert option_fields(MarkerOptions) == ("marker", "config_root")
    assert MarkerOptions.defaults("/notes") == MarkerOptions("FIXME", "/notes")
    assert MarkerOptions.from_table({"marker": "XXX"}, "/notes") == MarkerOptions("XXX", "/notes")


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda rule: rule.code)
def test_built_in_options_are_immutable_values(rule: RuleLike) -> None:
    """What a frozen dataclass gave: equal when the fields are, printable without the private
    fields, not assignable, the same after pickling."""
    import pickle

    from notelint.values import FrozenInstanceError

    kind = _declared(rule)
    options = kind.defaults("/notes")
    assert options == kind.defaults("/notes") and options != kind.defaults("/elsewhere")
    assert repr(options).startswith(f"{kind.__qualname__}(") and "config_root='/notes'" in repr(options)
    assert "_file_words" not in repr(options) and "_model" not in repr(options)
    with pytest.raises(FrozenInstanceError):
        options.config_root = "/other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(options)) == options
