"""The opt-in normalisers of the markdown family (NL010-NL014): they tidy the source and keep the
HTML that markdown-it renders identical, on the seeds, on the notes and on tricky inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, findings_json, run_notelint
from normalise_helpers import fix_with
from notelint.document import Document
from notelint.parser import render
from notelint.rules.markdown import RULES

BY_CODE = {rule.code: rule for rule in RULES}
NORMALISERS = ("NL010", "NL011", "NL012", "NL013", "NL014")
NOTES = sorted([*FIXTURES.glob("*.md"), *(REPO / "notes").glob("*.md")])


def render_body(text: str) -> str:
    document = Document("note.md", text)
    return render(text[document.offset(document.body_start_line) :] if document.body_start_line > 1 else text)


def reported(code: str, text: str) -> list[int]:
    document = Document("note.md", text)
    return [document.position(v.start).line for v in BY_CODE[code].check(document, None)]


# (rule, before, after): after is the exact result of the fixes
EXAMPLES = [
    ("NL010", "text\n# H\ntext\n", "text\n\n# H\n\ntext\n"),
    ("NL010", "# A\n## B\n- x\n", "# A\n\n## B\n\n- x\n"),
    ("NL010", "---\ntitle: x\n---\n# H\nbody\n", "---\ntitle: x\n---\n# H\n\nbody\n"),
    ("NL010", "para\nH2\n---\nnext\n", "para\nH2\n---\n\nnext\n"),
    ("NL010", "- a\n  # in a list\n- b\n", "- a\n  # in a list\n- b\n"),
    ("NL010", "<!-- c -->\n# H\n| a |\n|---|\n| 1 |\n", "<!-- c -->\n\n# H\n\n| a |\n|---|\n| 1 |\n"),
    ("NL010", "- a\n  ```\n# H\n", "- a\n  ```\n# H\n"),  # the blank line would join the open fence
    ("NL011", "text\n- a\n- b\n# G\n", "text\n\n- a\n- b\n\n# G\n"),
    ("NL011", "- a\n* b\n", "- a\n\n* b\n"),
    ("NL011", "- a\nlazy\n---\n", "- a\nlazy\n\n---\n"),
    ("NL011", "- a\n  - nested\n- b\n", "- a\n  - nested\n- b\n"),
    ("NL011", "> q\n1. a\n```\ncode\n```\n", "> q\n\n1. a\n\n```\ncode\n```\n"),
    ("NL011", "x\n- **b**\n  ```\n+ c\n", "x\n\n- **b**\n  ```\n+ c\n"),
    ("NL012", "* a\n* b\n", "- a\n- b\n"),
    ("NL012", "+ a\n  * b\n  * c\n", "- a\n  - b\n  - c\n"),
    ("NL012", "- a\n* b\n", "- a\n* b\n"),  # would merge two lists
    ("NL012", "* - -\n", "* - -\n"),  # would become a thematic break
    ("NL012", "* a\n*\n* c\n", "* a\n*\n* c\n"),  # empty item
    ("NL012", "> * quoted\n", "> * quoted\n"),
    ("NL012", "1. a\n   * b\n", "1. a\n   - b\n"),
    ("NL013", "- a\n    - b\n    - c\n- d\n", "- a\n  - b\n  - c\n- d\n"),
    ("NL013", "- a\n     - b\n       cont\n", "- a\n  - b\n    cont\n"),
    ("NL013", "- a\n    - b\n        - c\n", "- a\n  - b\n    - c\n"),
    ("NL013", "1. a\n    - b\n", "1. a\n   - b\n"),
    ("NL013", "- a\n    - b\n   - c\n", "- a\n    - b\n   - c\n"),  # items at different columns
    ("NL013", "- a\n    - b\n      ```\n      x\n        y\n      ```\n", "- a\n  - b\n    ```\n    x\n      y\n    ```\n"),
    ("NL013", "- a\n    - b\nlazy\n", "- a\n    - b\nlazy\n"),
    ("NL013", "*\n   * k\n\t- tab\n", "*\n   * k\n\t- tab\n"),  # the tab line would move in
    ("NL014", "1.  a\n2.  b\n", "1. a\n2. b\n"),
    ("NL014", "1.  a\n    cont\n\n    para\n", "1. a\n   cont\n\n   para\n"),
    ("NL014", "1.  a\n\n   b\n", "1.  a\n\n   b\n"),  # b would move into the item
    ("NL014", "2.  two\n   * k\n", "2.  two\n   * k\n"),  # the list would move into the item
    ("NL014", "- x\n  1.  a\n  2.  b\n- y\n", "- x\n  1. a\n  2. b\n- y\n"),
    ("NL014", "1)   a\n10.  b\n", "1) a\n10. b\n"),
    ("NL014", "1.  a\n    ```\n    x\n      y\n    ```\n", "1. a\n   ```\n   x\n     y\n   ```\n"),
    ("NL014", "1.      code\n", "1.      code\n"),  # five spaces or more: an indented code block
]


@pytest.mark.parametrize(("code", "before", "after"), EXAMPLES)
def test_normaliser_fix_and_rendering(code: str, before: str, after: str) -> None:
    assert fix_with(BY_CODE[code], before) == after
    assert render_body(after) == render_body(before)


@pytest.mark.parametrize("code", NORMALISERS)
@pytest.mark.parametrize("path", NOTES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_normaliser_keeps_the_rendering_of_seeds_and_notes(code: str, path: Path) -> None:
    text = path.read_text()
    assert render_body(fix_with(BY_CODE[code], text)) == render_body(text)


def test_seeds_have_findings_for_the_normalisers() -> None:
    icml = (FIXTURES / "icml-2024.md").read_text()
    assert reported("NL014", icml) == [103, 104, 105, 106]
    assert 7 in reported("NL010", icml)  # ## Predictive attribution right under the day
    assert 8 in reported("NL011", icml)  # its list right under it


_LINES = [
    "", "", "text", "lazy", "# H", "## H2", "H\n===", "- a", "* b", "+ c", "  - n", "    - m", "   * k",
    "  * k", "1.  one", "2.  two", "1. x", "  1.  y", "   1.  w", "1)  z", "10.  ten", "  cont", "   cont",
    "     cont", "      deep", "        deeper", "    code", "```", "  ```", "---", "> q", "> - q",
    "<!-- c -->", "- ", "*", "\t- tab", "- **b**",
]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.sampled_from(_LINES), min_size=1, max_size=14), code=st.sampled_from(NORMALISERS))
def test_normalisers_never_change_the_rendering(lines: list[str], code: str) -> None:
    text = "x\n" + "\n".join(lines) + "\n"
    assert render(fix_with(BY_CODE[code], text)) == render(text)


def test_normalisers_are_off_by_default(tmp_path: Path) -> None:
    path = Path(shutil.copy(FIXTURES / "icml-2024.md", tmp_path / "icml-2024.md"))
    codes = {finding["code"] for finding in findings_json("--no-cache", path, cwd=tmp_path)}
    assert not codes & set(NORMALISERS)
    codes = {finding["code"] for finding in findings_json("--no-cache", "--extend-select", ",".join(NORMALISERS),
                                                         path, cwd=tmp_path)}
    assert {"NL010", "NL011", "NL014"} <= codes


def test_repo_config_turns_them_on_for_notes_only(tmp_path: Path) -> None:
    note = tmp_path / "n.md"
    note.write_text("# Montag\n## Talk\n* x\n")
    config = REPO / "pyproject.toml"
    result = findings_json("--no-cache", "--config", config, note, cwd=tmp_path)
    assert sorted({f["code"] for f in result}) == ["NL010", "NL011", "NL012"]
    seeds = findings_json("--no-cache", "tests/fixtures", cwd=REPO)
    assert not {f["code"] for f in seeds} & set(NORMALISERS)


def test_fix_through_the_cli_keeps_the_rendering(tmp_path: Path) -> None:
    paths = [Path(shutil.copy(path, tmp_path / path.name)) for path in FIXTURES.glob("*.md")]
    before = {path.name: render_body(path.read_text()) for path in paths}
    completed = run_notelint("check", "--no-cache", "--fix", "--select", ",".join(NORMALISERS), *paths, cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    for path in paths:
        assert render_body(path.read_text()) == before[path.name]
