"""Fix verification: a fix that changes code, math or front matter it is not about is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_notelint

REPLACE_RULE = '''
from notelint.diagnostics import Edit, Fix, Violation
from notelint.rule import rule


@rule(code="XV001", name="replace-word", family="{family}", fixable=True)
def replace_word(document, options):
    """## What it does
    Replaces every 'teh' with 'the', wherever it is (a careless rule)."""
    start = document.text.find("teh")
    while start != -1:
        yield Violation(start, start + 3, "teh", Fix.safe("the", Edit(start, start + 3, "the")))
        start = document.text.find("teh", start + 3)
'''

NOTE_PARTS = {
    "code block": "```python\nteh = 1\n```\n",
    "code span": "use `teh` here\n",
    "math span": "a $`\\\\teh x`$ b\n",
    "math block": "```math\n\\\\teh\n```\n",
    "front matter": "---\ntitle: teh\n---\n",
}


def setup(tmp_path: Path, family: str, part: str) -> Path:
    (tmp_path / "careless.py").write_text(REPLACE_RULE.replace("{family}", family))
    (tmp_path / "notelint.toml").write_text('plugins = ["careless.py"]\nselect = ["XV001"]\n')
    note = tmp_path / "a.md"
    note.write_text(NOTE_PARTS[part] + "\nteh prose\n" if part != "front matter" else NOTE_PARTS[part] + "teh prose\n")
    return note


@pytest.mark.parametrize("part", sorted(NOTE_PARTS))
def test_a_rule_not_about_the_region_cannot_change_it(tmp_path: Path, part: str) -> None:
    note = setup(tmp_path, "markdown", part)
    before = note.read_bytes()
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "internal error: fixes by XV001 (replace-word) changed a " + part in result.stderr
    assert "the file was left unchanged" in result.stderr
    assert note.read_bytes() == before


@pytest.mark.parametrize(
    "family, part", [("math", "math span"), ("math", "math block"), ("frontmatter", "front matter")]
)
def test_the_owning_family_may_change_its_region(tmp_path: Path, family: str, part: str) -> None:
    note = setup(tmp_path, family, part)
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "teh" not in note.read_text()


def test_math_family_still_cannot_change_a_code_block(tmp_path: Path) -> None:
    note = setup(tmp_path, "math", "code block")
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 2
    assert "changed a code block at line 1" in result.stderr
