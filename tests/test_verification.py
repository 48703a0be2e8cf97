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


# -- the block structure and the front matter data outside the edits ------------------------------

CARELESS_EDIT_RULE = '''
from notelint.diagnostics import Edit, Fix, Violation
from notelint.rule import rule


@rule(code="XV002", name="careless-edit", family="{family}", fixable=True)
def careless_edit(document, options):
    """## What it does
    Replaces 'teh' with 'the' and makes one more edit somewhere else (a careless rule)."""
    start = document.text.find("teh")
    if start != -1:
        extra = Edit({extra_start}, {extra_end}, {extra_content!r})
        yield Violation(start, start + 3, "teh", Fix.safe("the", Edit(start, start + 3, "the"), extra))
'''


def careless(tmp_path: Path, family: str, text: str, extra: tuple[str, str]) -> tuple[Path, bytes]:
    """A note and a rule whose fix also replaces the first ``extra[0]`` after 'teh' with ``extra[1]``."""
    target, replacement = extra
    start = text.index(target, text.index("teh") + 3)
    rule = CARELESS_EDIT_RULE.format(
        family=family, extra_start=start, extra_end=start + len(target), extra_content=replacement
    )
    (tmp_path / "careless.py").write_text(rule)
    (tmp_path / "notelint.toml").write_text('plugins = ["careless.py"]\nselect = ["XV002"]\n')
    note = tmp_path / "a.md"
    note.write_bytes(text.encode())
    return note, note.read_bytes()


STRUCTURE_CASES = {
    # a blank line between two items makes the whole list loose: every item's paragraph changes
    "loosened list": (
        "- one\n- teh two\n- three\n- four\n",
        ("- four", "\n- four"),
        "the paragraph in bullet list > list item at line 1",
    ),
    # '1.' becoming '1)' on the middle item splits the list: the item below it starts a third list
    "split list": (
        "1. teh one\n1. two\n1. three\n",
        ("1. two", "1) two"),
        "the list item in ordered list at line 3",
    ),
    # a link reference definition turns bracketed text far away into a link
    "new reference": (
        "Say [teh word] here.\n\nA paragraph.\n\nAnd [tool] there.\n",
        ("A paragraph.", "[tool]: https://example.org\n\nA paragraph."),
        "the text in paragraph at line 5",
    ),
}


@pytest.mark.parametrize("case", sorted(STRUCTURE_CASES))
def test_a_fix_that_changes_the_structure_outside_its_edits_is_refused(tmp_path: Path, case: str) -> None:
    text, extra, where = STRUCTURE_CASES[case]
    note, before = careless(tmp_path, "markdown", text, extra)
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "internal error: fixes by XV002 (careless-edit) changed the note's structure outside their edits" in result.stderr
    assert where in result.stderr
    assert "the file was left unchanged" in result.stderr
    assert note.read_bytes() == before


def test_a_fix_that_keeps_the_structure_around_it_is_applied(tmp_path: Path) -> None:
    text = "- one\n- teh two\n- three\n\nA paragraph.\n"
    note, _before = careless(tmp_path, "markdown", text, ("three", "third"))
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert note.read_text() == "- one\n- the two\n- third\n\nA paragraph.\n"


FRONT = "---\ntitle: teh talk\nbase: &when 2024-07-22\ndate: *when\ntags: [ml]\n---\nBody.\n"


@pytest.mark.parametrize(
    "extra, message",
    [
        # an edit to an anchored value changes the entry that repeats it through an alias
        (("2024-07-22", "2024-07-23"), "changed the front matter entry 'date', which their edits did not touch"),
        # an edit that leaves the block unparsable
        (("[ml]", "[ml"), "made the front matter unreadable (it parsed before)"),
    ],
)
def test_a_front_matter_fix_must_keep_the_other_entries_data(
    tmp_path: Path, extra: tuple[str, str], message: str
) -> None:
    note, before = careless(tmp_path, "frontmatter", FRONT, extra)
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"internal error: fixes by XV002 (careless-edit) {message}" in result.stderr
    assert note.read_bytes() == before


def test_a_front_matter_fix_may_change_the_entries_it_touches(tmp_path: Path) -> None:
    note, _before = careless(tmp_path, "frontmatter", FRONT, ("[ml]", "[ml, audio]"))
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert note.read_text() == FRONT.replace("teh", "the").replace("[ml]", "[ml, audio]")


def test_verify_pass_through_functions() -> None:
    from notelint.diagnostics import Edit
    from notelint.document import Document
    from notelint.verify import AppliedEdit, verify_pass

    before = Document("a.md", "# Day\n\n- teh one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n")
    typo = AppliedEdit(Edit(10, 13, "the"), "typos", "NL500 (known-misspelling)")
    assert verify_pass(before, before.with_text(before.text.replace("teh", "the")), [typo]) is None
    # the same edit, but the table lost a column somewhere the edit never reached
    broken = before.text.replace("teh", "the").replace("| c | d |", "| c |")
    problem = verify_pass(before, before.with_text(broken), [typo])
    assert problem == (
        "fixes by NL500 (known-misspelling) changed the note's structure outside their edits: "
        "the table body in table at line 8"
    )


def test_a_created_region_is_blamed_on_the_edits_around_it_in_the_fixed_text() -> None:
    """The verifier names the rules whose new text lies at a region the pass created (positions of
    the fixed text), not a rule whose old position merely falls inside it."""
    from notelint.diagnostics import Edit
    from notelint.document import Document
    from notelint.verify import AppliedEdit, verify_pass

    before = Document("a.md", "notes\n  1. notes\n\t:")
    # a blank line before the tab-indented line (it turns into an indented code block), and a
    # final newline after it
    blank = AppliedEdit(Edit(17, 17, "\n"), "markdown", "NL001 (glued-paragraph)")
    final = AppliedEdit(Edit(19, 19, "\n"), "markdown", "NL004 (missing-final-newline)")
    problem = verify_pass(before, before.with_text("notes\n  1. notes\n\n\t:\n"), [blank, final])
    assert problem is not None and problem.endswith("created a code block at line 4")
    assert "NL001 (glued-paragraph)" in problem
    assert verify_pass(before, before.with_text("notes\n  1. notes\n\t:\n"), [final]) is None
