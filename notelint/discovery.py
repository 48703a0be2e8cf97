"""Which files a run checks: ``*.md`` below the given folders, hidden and excluded folders skipped;
a file named explicitly is always checked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import NamedTuple
from pathlib import Path

from notelint.config import Config, ConfigError, ConfigFinder

SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


class Target(NamedTuple):
    path: Path
    display: str


class Discovery:
    __slots__ = ("targets", "errors", "walked")

    targets: list[Target]
    errors: list[str]
    # the notes found under each folder given (absolute paths), for whoever needs a folder's notes again
    walked: dict[str, frozenset[str]]

    def __init__(
        self, targets: list[Target], errors: list[str], walked: dict[str, frozenset[str]] | None = None
    ) -> None:
        self.targets = targets
        self.errors = errors
        self.walked = {} if walked is None else walked


def discover(paths: Sequence[str], finder: ConfigFinder) -> Discovery:
    targets: list[Target] = []
    errors: list[str] = []
    walked: dict[str, frozenset[str]] = {}
    seen: set[str] = set()  # absolute paths

    def add(path: Path, absolute: str, display: str) -> None:
        if absolute not in seen:
            seen.add(absolute)
            targets.append(Target(path, display))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            notes = _walk(path, finder)
            absolutes = [os.path.abspath(found) for found in notes]
            walked[os.path.abspath(path)] = frozenset(absolutes)
            for found, absolute in zip(notes, absolutes):
                add(found, absolute, os.path.normpath(found))
        elif path.exists() or path.is_symlink():
            add(path, os.path.abspath(path), os.path.normpath(given))
        else:
            errors.append(f"{given}: no such file or directory")
    return Discovery(targets, errors, walked)


def _walk(root: Path, finder: ConfigFinder) -> list[Path]:
    """The notes below ``root``: a folder's own files first, then its subfolders, each sorted by
    name. Only regular files (or links to them, or dangling links, reported when read) count: a
    named pipe or a device called ``x.md`` would block or never end when read."""
    found: list[Path] = []
    pending = [root]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        subfolders: list[Path] = []
        folder_config = _FolderConfig(finder, here)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if name not in SKIPPED_FOLDERS and not folder_config.excludes(here / name):
                        subfolders.append(here / name)
                    continue
                if not name.lower().endswith(SUFFIXES):
                    continue
                if not (entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))):
                    continue
            except OSError:
                continue
            candidate = here / name
            if not folder_config.excludes(candidate):
                found.append(candidate)
        pending.extend(reversed(subfolders))
    return found


class _FolderConfig:
    """The configuration of one folder of a walk, looked up when one of its entries first needs it;
    a broken configuration excludes nothing here (it is reported when a file is checked)."""

    def __init__(self, finder: ConfigFinder, folder: Path) -> None:
        self._finder = finder
        self._folder = folder
        self._config: Config | None = None
        self._looked_up = False

    def excludes(self, path: Path) -> bool:
        if not self._looked_up:
            self._looked_up = True
            try:
                self._config = self._finder.for_folder(self._folder)
            except ConfigError:
                self._config = None
        return self._config is not None and self._config.is_excluded(path)
