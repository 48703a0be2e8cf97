"""Which files a run checks: ``*.md`` below the given folders, hidden and excluded folders skipped;
a file named explicitly is always checked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from notelint.config import ConfigError, ConfigFinder

SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass(frozen=True, slots=True)
class Target:
    path: Path
    display: str


@dataclass
class Discovery:
    targets: list[Target]
    errors: list[str]
    # the notes found under each folder given (absolute paths), for whoever needs a folder's notes again
    walked: dict[str, frozenset[str]] = field(default_factory=dict)


def discover(paths: Sequence[str], finder: ConfigFinder) -> Discovery:
    targets: list[Target] = []
    errors: list[str] = []
    walked: dict[str, frozenset[str]] = {}
    seen: set[Path] = set()

    def add(path: Path, display: str) -> None:
        key = Path(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            targets.append(Target(path, display))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            notes = _walk(path, finder)
            walked[os.path.abspath(path)] = frozenset(os.path.abspath(found) for found in notes)
            for found in notes:
                add(found, os.path.normpath(found))
        elif path.exists() or path.is_symlink():
            add(path, os.path.normpath(given))
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
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if name not in SKIPPED_FOLDERS and not _excluded(finder, here, here / name):
                        subfolders.append(here / name)
                    continue
                if not name.lower().endswith(SUFFIXES):
                    continue
                if not (entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))):
                    continue
            except OSError:
                continue
            candidate = here / name
            if not _excluded(finder, here, candidate):
                found.append(candidate)
        pending.extend(reversed(subfolders))
    return found


def _excluded(finder: ConfigFinder, folder: Path, path: Path) -> bool:
    """Whether the configuration of ``folder`` excludes ``path``; a broken configuration excludes
    nothing here and is reported when the file is checked."""
    try:
        return finder.for_folder(folder).is_excluded(path)
    except ConfigError:
        return False
