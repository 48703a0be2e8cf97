"""Configuration: ``[tool.notelint]`` in pyproject.toml, ``notelint.toml`` or ``.notelint.toml``.

The nearest configuration file above a note wins (ruff's model); ``--config`` names one for all.
Every file is validated by pydantic; an unknown key is an error that names it and suggests the
closest known key.  Rule options live in one table per family (``[tool.notelint.typos]``) and are
validated against the options models of that family's rules.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from notelint.diagnostics import FAMILIES
from notelint.suggest import did_you_mean

CONFIG_FILES = (".notelint.toml", "notelint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file cannot be read or is not valid."""


def to_kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """Base for rule options models: kebab-case keys in TOML, immutable once read."""

    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=True, frozen=True, extra="ignore")


class FileConfig(BaseModel):
    """The keys of ``[tool.notelint]``."""

    model_config = ConfigDict(alias_generator=to_kebab, populate_by_name=True, extra="forbid")

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

    def family_table(self, family: str) -> dict[str, Any]:
        table: dict[str, Any] = getattr(self, family)
        return table


def _known_keys() -> list[str]:
    return [field.alias or name for name, field in FileConfig.model_fields.items()]


def _explain(error: ValidationError, source: str) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    if first["type"] == "extra_forbidden":
        return f"{source}: unknown key {location!r}{did_you_mean(location, _known_keys())}"
    return f"{source}: {location}: {first['msg']}"


@dataclass(frozen=True)
class Config:
    """One configuration file (or the defaults) and the folder its relative paths start from."""

    settings: FileConfig
    root: Path
    source: Path | None = None

    @property
    def label(self) -> str:
        return str(self.source) if self.source else "default configuration"

    def plugin_paths(self) -> list[Path]:
        return [self.root / plugin for plugin in self.settings.plugins]

    def relative(self, path: Path) -> PurePosixPath | None:
        try:
            return PurePosixPath(path.resolve().relative_to(self.root.resolve()).as_posix())
        except ValueError:
            return None

    def is_excluded(self, path: Path) -> bool:
        relative = self.relative(path)
        return relative is not None and matches_any(relative, self.settings.exclude)

    def ignored_for(self, path: Path) -> list[str]:
        relative = self.relative(path)
        if relative is None:
            return []
        return [
            code
            for pattern, codes in self.settings.per_file_ignores.items()
            if matches_any(relative, [pattern])
            for code in codes
        ]


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a gitignore-style glob: ``*`` and ``?`` stay inside one folder, ``**`` crosses."""
    parts = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            if pattern.startswith("/", index):
                parts[-1] = "(?:.*/)?"
                index += 1
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 1)
            if end == -1:
                parts.append(re.escape(char))
            else:
                parts.append("[" + pattern[index + 1 : end].replace("!", "^", 1) + "]")
                index = end
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts) + r"\Z")


def matches_any(relative: PurePosixPath, patterns: Sequence[str]) -> bool:
    """A glob matches the whole relative path or one of its leading folders; a glob without
    ``/`` matches any single path part (``drafts`` excludes every folder named drafts)."""
    text = relative.as_posix()
    parents = [parent.as_posix() for parent in relative.parents if parent.as_posix() != "."]
    for pattern in patterns:
        cleaned = pattern.strip().rstrip("/").removeprefix("./")
        regex = glob_regex(cleaned)
        if regex.match(text) or any(regex.match(parent) for parent in parents):
            return True
        if "/" not in cleaned and any(regex.match(part) for part in relative.parts):
            return True
    return False


def load_file(path: Path) -> Config | None:
    """Read one configuration file; None for a pyproject.toml without ``[tool.notelint]``."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("notelint")
        if table is None:
            return None
        source = f"{path} [tool.notelint]"
    else:
        table = data
        source = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: must be a table")
    try:
        settings = FileConfig.model_validate(table)
    except ValidationError as error:
        raise ConfigError(_explain(error, source)) from error
    return Config(settings, path.parent, path)


@dataclass
class ConfigFinder:
    """Finds the nearest configuration above each folder, remembering folders already seen."""

    explicit: Path | None = None
    cwd: Path = field(default_factory=Path.cwd)
    _by_folder: dict[Path, Config] = field(default_factory=dict)
    _explicit_config: Config | None = None

    def __post_init__(self) -> None:
        if self.explicit is not None:
            loaded = load_file(self.explicit)
            if loaded is None:
                raise ConfigError(f"{self.explicit}: has no [tool.notelint] table")
            self._explicit_config = loaded

    def default(self) -> Config:
        return Config(FileConfig(), self.cwd)

    def for_path(self, path: Path) -> Config:
        if self._explicit_config is not None:
            return self._explicit_config
        return self.for_folder(path.resolve().parent if not path.is_dir() else path)

    def for_folder(self, folder: Path) -> Config:
        if self._explicit_config is not None:
            return self._explicit_config
        folder = folder.resolve()
        known = self._by_folder.get(folder)
        if known is not None:
            return known
        found: Config | None = None
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = load_file(candidate)
                if found is not None:
                    break
        if found is None:
            found = self.default() if folder.parent == folder else self.for_folder(folder.parent)
        self._by_folder[folder] = found
        return found


def validate_family_tables(config: Config, options_keys: dict[str, set[str]]) -> None:
    """Every key of a family table must be an option of one of that family's rules."""
    for family in FAMILIES:
        table = config.settings.family_table(family)
        known = options_keys.get(family, set())
        for key in table:
            if key not in known:
                raise ConfigError(
                    f"{config.label}: unknown key {key!r} in [{family}]{did_you_mean(key, known)}"
                )
