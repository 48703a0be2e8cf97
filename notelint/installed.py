"""Installed distributions' ``entry_points.txt`` files, found without importing importlib.metadata
(which costs more than a whole one-note check's rules): enough to know whether any plugin is
installed and to stamp the cache key; loading plugins still goes through importlib.metadata."""

from __future__ import annotations

import os
import sys


def entry_point_files() -> list[str]:
    """Paths of the ``entry_points.txt`` of every distribution on ``sys.path``, in path order."""
    found: list[str] = []
    for entry in sys.path:
        folder = entry or "."
        try:
            with os.scandir(folder) as listing:
                names = sorted(item.name for item in listing if item.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name, "entry_points.txt")
            if os.path.isfile(path):
                found.append(path)
    return found


def declares_group(group: str) -> bool:
    """Whether some installed distribution declares entry points in ``group`` (a ``[group]``
    section of its entry_points.txt, read the way importlib.metadata reads section headers)."""
    for path in entry_point_files():
        try:
            with open(path, encoding="utf-8", errors="replace") as stream:
                lines = [line.strip() for line in stream]
        except OSError:
            continue
        if any(line.startswith("[") and line.endswith("]") and line.strip("[]") == group for line in lines):
            return True
    return False
