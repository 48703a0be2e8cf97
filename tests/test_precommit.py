"""notelint as a pre-commit hook in someone else's repository, run by pre-commit itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

BROKEN = "- first item.\nComment: glued to the list \n"
CLEAN = "# Montag Vormittag\n\n- an item\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def pre_commit(cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hook_fails_on_a_broken_note_fixes_it_and_passes_a_clean_one(tmp_path: Path) -> None:
    rev = git("rev-parse", "HEAD", cwd=REPO).strip()
    repo = tmp_path / "user-notes"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    git("config", "user.email", "test@example.org", cwd=repo)
    git("config", "user.name", "Test", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks:\n      - id: notelint\n        args: [--fix]\n"
    )
    (repo / "broken.md").write_text(BROKEN)
    (repo / "clean.md").write_text(CLEAN)
    git("add", ".", cwd=repo)
    home = tmp_path / "pre-commit-home"

    first = pre_commit(repo, home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "notelint" in first.stdout and "Failed" in first.stdout
    assert "files were modified by this hook" in first.stdout
    assert (repo / "broken.md").read_text() == "- first item.\n\nComment: glued to the list\n"
    assert (repo / "clean.md").read_text() == CLEAN

    git("add", ".", cwd=repo)
    second = pre_commit(repo, home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
