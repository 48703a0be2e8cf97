"""A small progress bar on stderr for long runs on a terminal (no dependency; silent when piped)."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import TextIO

# Runs with more files than this show a bar (when stderr is a terminal).
PROGRESS_THRESHOLD = 300


def wants_progress(file_count: int, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """A bar only for runs of more than PROGRESS_THRESHOLD files, on a terminal that can redraw a
    line (not ``TERM=dumb``), and not when ``NOTELINT_NO_PROGRESS`` is set."""
    env = os.environ if environ is None else environ
    if file_count <= PROGRESS_THRESHOLD or env.get("NOTELINT_NO_PROGRESS") or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


class ProgressBar:
    """``[#####.....] 120/900 files`` redrawn in place at most ten times a second; erased at the end."""

    def __init__(self, total: int, stream: TextIO, label: str = "files") -> None:
        self.total = total
        self.stream = stream
        self.label = label
        self.done = 0
        self._last = 0.0

    def __call__(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done >= self.total:
            self._last = now
            self._draw()

    def line(self) -> str:
        import shutil

        columns = shutil.get_terminal_size((80, 24)).columns
        counter = f" {self.done}/{self.total} {self.label}"
        width = max(10, min(40, columns - len(counter) - 3))
        filled = width * self.done // max(1, self.total)
        return f"[{'#' * filled}{'.' * (width - filled)}]{counter}"

    def _draw(self) -> None:
        self.stream.write("\r" + self.line())
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
