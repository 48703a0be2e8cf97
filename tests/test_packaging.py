"""notelint installs as users install it: a normal (non-editable) install finds its built-in rules."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import REPO


def test_every_rule_folder_is_a_listed_package() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    packages = set(config["tool"]["setuptools"]["packages"])
    folders = {
        "notelint.rules." + path.parent.name
        for path in (REPO / "rules").glob("*/__init__.py")
    }
    assert folders <= packages, f"add to [tool.setuptools] packages: {sorted(folders - packages)}"


def test_normal_install_runs_on_the_notes(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert (target / "notelint" / "rules" / "markdown" / "glued_paragraph.py").is_file()
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-P", "-c", "import notelint.cli, sys; sys.exit(notelint.cli.main(['check', 'notes']))"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    origin = subprocess.run(
        [sys.executable, "-P", "-c", "import notelint.rules; print(notelint.rules.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert origin.stdout.strip().startswith(str(target))


def test_rules_doc_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-P", str(REPO / "tools" / "generate_rules_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
