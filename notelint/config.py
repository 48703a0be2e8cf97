"""Configuration: ``[tool.notelint]`` in pyproject.toml, ``notelint.toml`` or ``.notelint.toml``.

The nearest configuration file above a note wins (ruff's model); ``--config`` names one for all.
Every file is validated by pydantic (``config_model``; a plain table that :func:`surely_valid_table`
recognises as valid skips it); an unknown key is an error that names it and suggests the closest
known key.  Rule options live in one table per family (``[tool.notelint.typos]``) and are
validated against the options models of that family's rules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from notelint.diagnostics import FAMILIES
from notelint.suggest import did_you_mean

CONFIG_FILES = (".notelint.toml", "notelint.toml", "pyproject.toml")



class ConfigError(Exception):
    """A configuration file cannot be read or is not valid."""


class PluginError(Exception):
    """A plugin could not be loaded or holds something that is not a rule (``notelint.registry``
    raises it; it lives here so that a run answered from the cache need not import the registry)."""


def __getattr__(name: str) -> Any:
    """``RuleOptions`` (a pydantic model) is imported only when a rule module asks for it."""
    if name == "RuleOptions":
        from notelint.options_model import RuleOptions

        return RuleOptions
    raise AttributeError(name)


class Settings:
    """The keys of ``[tool.notelint]``, as read from a validated table (see ``config_model``)."""

    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    exclude: tuple[str, ...]
    per_file_ignores: dict[str, tuple[str, ...]]
    plugins: tuple[str, ...]
    families: dict[str, dict[str, Any]]

    def __init__(
        self,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        per_file_ignores: dict[str, tuple[str, ...]] | None = None,
        plugins: tuple[str, ...] = (),
        families: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.select = select
        self.ignore = ignore
        self.extend_select = extend_select
        self.exclude = exclude
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.plugins = plugins
        self.families = {} if families is None else families

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Settings:
        select = table.get("select")
        return cls(
            select=None if select is None else tuple(select),
            ignore=tuple(table.get("ignore", ())),
            extend_select=tuple(table.get("extend-select", ())),
            exclude=tuple(table.get("exclude", ())),
            per_file_ignores={key: tuple(value) for key, value in table.get("per-file-ignores", {}).items()},
            plugins=tuple(table.get("plugins", ())),
            families={family: dict(table.get(family, {})) for family in FAMILIES},
        )

    def family_table(self, family: str) -> dict[str, Any]:
        return self.families.get(family, {})


FileConfig = Settings


class Selection(NamedTuple):
    """Rule selectors given on the command line; they refine every configuration file."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


class Config:
    """One configuration file (or the defaults) and the folder its relative paths start from."""

    settings: Settings
    root: Path
    source: Path | None
    digest: str

    def __init__(self, settings: Settings, root: Path, source: Path | None = None, digest: str = "") -> None:
        self.settings = settings
        self.root = root
        self.source = source
        self.digest = digest

    @property
    def label(self) -> str:
        return str(self.source) if self.source else "default configuration"

    def plugin_paths(self) -> list[Path]:
        return [self.root / plugin for plugin in self.settings.plugins]

    def relative(self, path: Path) -> PurePosixPath | None:
        absolute, root = os.path.abspath(path), self._absolute_root
        if absolute != root and not absolute.startswith(root.rstrip(os.sep) + os.sep):
            return None
        return PurePosixPath(Path(os.path.relpath(absolute, root)).as_posix())

    @cached_property
    def _absolute_root(self) -> str:
        return os.path.abspath(self.root)

    def is_excluded(self, path: Path) -> bool:
        if not self.settings.exclude:
            return False
        relative = self.relative(path)
        return relative is not None and matches_any(relative, self.settings.exclude)

    def ignored_for(self, path: Path) -> list[str]:
        if not self.settings.per_file_ignores:
            return []
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


LIST_KEYS = ("select", "ignore", "extend-select", "exclude", "plugins")
"""Keys of ``[tool.notelint]`` that hold a list of strings (``per-file-ignores`` and the family
tables are the others; ``config_model.FileConfigModel`` has the same keys)."""


def _is_text_list(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def surely_valid_table(table: object) -> bool:
    """True only when ``config_model.FileConfigModel`` surely accepts ``table``: known keys with
    values of exactly the built-in types it wants (what tomllib makes of a right file).  False
    means "ask pydantic", which names the problem; a one-note run with a plain configuration
    file then never imports it."""
    if type(table) is not dict:
        return False
    for key, value in table.items():
        if key in LIST_KEYS:
            if not _is_text_list(value):
                return False
        elif key == "per-file-ignores":
            if type(value) is not dict or not all(type(glob) is str and _is_text_list(codes) for glob, codes in value.items()):
                return False
        elif key in FAMILIES:
            if type(value) is not dict or not all(type(name) is str for name in value):
                return False
        else:
            return False
    return True


def load_file(path: Path, is_trusted: Callable[[str], bool] = lambda digest: False) -> Config | None:
    """Read one configuration file; None for a pyproject.toml without ``[tool.notelint]``.

    The table is validated with pydantic unless ``is_trusted`` knows its digest (a file that
    validated before, unchanged: the cache remembers it, so a warm run never imports pydantic) or
    :func:`surely_valid_table` can tell without it.
    """
    import tomllib  # only when there is a configuration file (a few ms per start otherwise)

    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("notelint")
        if table is None:
            return None
        source = f"{path} [tool.notelint]"
    else:
        table = data
        source = str(path)
    import hashlib  # (on first use: loading OpenSSL costs about 3 ms)

    digest = hashlib.sha256(path.name.encode() + b"\0" + raw).hexdigest()
    if not is_trusted(digest) and not surely_valid_table(table):
        from notelint.config_model import validate_table

        validate_table(table, source)
    return Config(Settings.from_table(table), path.parent, path, digest)


def _never_trusted(digest: str) -> bool:
    return False


class ConfigFinder:
    """Finds the nearest configuration above each folder, remembering folders already seen."""

    explicit: Path | None
    cwd: Path
    is_trusted: Callable[[str], bool]
    _by_folder: dict[Path, Config]
    # the same, keyed by the absolute folder as a string (a thousand notes make no Path objects)
    _by_folder_name: dict[str, Config]
    _explicit_config: Config | None

    def __init__(
        self,
        explicit: Path | None = None,
        cwd: Path | None = None,
        is_trusted: Callable[[str], bool] = _never_trusted,
    ) -> None:
        self.explicit = explicit
        self.cwd = Path.cwd() if cwd is None else cwd
        self.is_trusted = is_trusted
        self._by_folder = {}
        self._by_folder_name = {}
        self._explicit_config = None
        if explicit is not None:
            loaded = load_file(explicit, is_trusted)
            if loaded is None:
                raise ConfigError(f"{explicit}: has no [tool.notelint] table")
            self._explicit_config = loaded

    def default(self) -> Config:
        return Config(Settings(), self.cwd)

    def for_path(self, path: Path) -> Config:
        if self._explicit_config is not None:
            return self._explicit_config
        return self.for_folder(Path(os.path.dirname(os.path.abspath(path))) if not path.is_dir() else path)

    def for_file(self, path: Path) -> Config:
        """:meth:`for_path` for a path known not to be a folder (a discovered note): no ``stat``."""
        if self._explicit_config is not None:
            return self._explicit_config
        folder = os.path.dirname(os.path.abspath(path))
        known = self._by_folder_name.get(folder)
        if known is None:
            known = self._by_folder_name[folder] = self.for_folder(Path(folder))
        return known

    def for_folder(self, folder: Path) -> Config:
        if self._explicit_config is not None:
            return self._explicit_config
        folder = Path(os.path.abspath(folder))
        known = self._by_folder.get(folder)
        if known is not None:
            return known
        found: Config | None = None
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = load_file(candidate, self.is_trusted)
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
