"""Real KaTeX through node for the tests: ``npm install --prefix tests/node`` puts the package in
``tests/node/node_modules`` (see tests/node/package.json); tests skip when node or katex is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

NODE_DIR = Path(__file__).resolve().parent.parent / "node"
ORACLE = NODE_DIR / "katex_oracle.js"


def katex_dir() -> Path:
    """The installed katex package, or skip the test."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    found = subprocess.run([node, "-e", "console.log(require.resolve('katex/package.json'))"],
                           cwd=NODE_DIR, capture_output=True, text=True, check=False)
    if found.returncode != 0:
        pytest.skip("the katex npm package is not installed (npm install --prefix tests/node)")
    return Path(found.stdout.strip()).parent


def render(formulas: list[tuple[str, bool]]) -> dict[str, Any]:
    """Render all formulas in one node process with GitLab's options."""
    katex_dir()
    completed = subprocess.run(["node", str(ORACLE)], input=json.dumps(formulas), cwd=NODE_DIR,
                               capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(completed.stdout)
    return result
