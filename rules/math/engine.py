"""The optional exact engine: real KaTeX run by node (``[tool.notelint.math] engine = "katex"``).

One node process renders all formulas of a note. When node or the ``katex`` package cannot be
found (it is looked up from the current folder, the note's folder and ``NODE_PATH``), the caller
falls back to the built-in checker.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from notelint.rules.math.tex import SUGGESTIONS, TexError

_SCRIPT = Path(__file__).with_name("katex_render.js")


def katex_errors(formulas: list[tuple[str, bool]], note_path: str) -> list[TexError | None] | None:
    """KaTeX's verdict on each formula, or None when KaTeX cannot be run."""
    node = shutil.which("node")
    if node is None or not formulas:
        return None if node is None else []
    folders = [os.getcwd(), str(Path(note_path).resolve().parent)]
    try:
        completed = subprocess.run(
            [node, str(_SCRIPT), json.dumps(folders)], input=json.dumps(formulas), capture_output=True,
            text=True, encoding="utf-8", check=False, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if completed.returncode != 0:
        return None
    results: list[TexError | None] = []
    for (tex, _), found in zip(formulas, json.loads(completed.stdout), strict=True):
        if found is None:
            results.append(None)
            continue
        position = found["position"] if isinstance(found["position"], int) else 0
        length = found["length"] if isinstance(found["length"], int) else 1
        start = max(0, min(position, len(tex)))
        message = str(found["message"])
        unknown = message.removeprefix("Undefined control sequence: ")
        if unknown in SUGGESTIONS:
            message = SUGGESTIONS[unknown]
        results.append(TexError(start, min(len(tex), start + max(length, 1)), message))
    return results
