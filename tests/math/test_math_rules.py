"""The math rules through the real command line, on real files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, findings_json, run_notelint

WriteNote = Callable[[str, str], Path]


def _codes(path: Path, *extra: str, select: str = "math") -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in findings_json("--select", select, *extra, path)]


def _fixed(path: Path, *extra: str, select: str = "math") -> str:
    completed = run_notelint("check", "--select", select, "--fix", *extra, path)
    assert completed.returncode in (0, 1), completed.stderr
    return path.read_text(encoding="utf-8")


def test_seed_lightning_formulas_are_reported_at_their_exact_columns(tmp_path: Path) -> None:
    note = tmp_path / "icml-2024.md"
    shutil.copy(FIXTURES / "icml-2024.md", note)
    found = [f for f in findings_json("--select", "NL400", note)]
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(28, 59, 69), (29, 73, 83), (53, 37, 47)]
    assert all("\\text{↯}" in f["message"] and "\\bot" in f["message"] for f in found)
    assert all(f["fix"] is None for f in found)


def test_seed_fence_and_artefacts_are_fixed(tmp_path: Path) -> None:
    for name in ("icml-2024.md", "icassp-2025.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    icml = _fixed(tmp_path / "icml-2024.md")
    icassp = _fixed(tmp_path / "icassp-2025.md")
    assert "  ```math\n  \\begin{equation}\n                Q=U\\Sigma V^T\n  \\end{equation}\n  ```\n" in icml
    assert "- $`\\sim`$10% to 17% usage" in icml
    assert "<!-- -->" not in icml + icassp
    assert "underwater, $`\\approx`$10" in icassp and "only $`\\approx`$1" in icassp
    assert _codes(tmp_path / "icml-2024.md") == [("NL400", 28, 59), ("NL400", 29, 73), ("NL400", 53, 37)]
    assert _codes(tmp_path / "icassp-2025.md") == []


def test_corrected_notes_are_clean() -> None:
    assert findings_json("--select", "math", REPO / "notes") == []


def test_invalid_tex_in_a_math_block_and_a_wrapped_span(write_note: WriteNote) -> None:
    note = write_note("n.md", "- a $`x +\n  \\foo`$ b\n\n```math\na = b \\\\\n\\frac{a}\n```\n\n$$x^a^b$$\n")
    assert _codes(note) == [("NL400", 2, 3), ("NL400", 6, 1), ("NL404", 9, 1), ("NL400", 9, 6)]


def test_valid_math_is_clean(write_note: WriteNote) -> None:
    note = write_note("n.md", "- $`\\frac{a}{b}`$ and $`\\text{↯}`$\n\n```math\n\\begin{align} a &= b \\end{align}\n```\n")
    assert _codes(note) == []


def test_align_inline_is_reported_but_fine_in_a_block(write_note: WriteNote) -> None:
    note = write_note("n.md", "$`\\begin{align} a \\end{align}`$\n\n``` math\n\\begin{align} a \\end{align}\n```\n")
    assert _codes(note) == [("NL400", 1, 3), ("NL401", 3, 4)]
    assert "```math\n" in _fixed(note)


def test_tilde_fence_info_in_a_list_item(write_note: WriteNote) -> None:
    note = write_note("n.md", "- item\n  ~~~  math\n  x\n  ~~~\n")
    assert _codes(note) == [("NL401", 2, 6)]
    assert _fixed(note) == "- item\n  ~~~math\n  x\n  ~~~\n"


def test_comment_artefact_only_between_gitlab_math_and_a_digit(write_note: WriteNote) -> None:
    text = "- $`a`$<!-- -->10\n- $`a`$<!-- --> x\n- $a$<!-- -->10\n\n<!-- -->\n\n- next list\n"
    note = write_note("n.md", text)
    assert [c for c in _codes(note, select="NL402")] == [("NL402", 1, 8)]
    assert _fixed(note, select="NL402") == text.replace("$`a`$<!-- -->10", "$`a`$10")


def test_padding_is_removed_but_a_tex_space_is_kept(write_note: WriteNote) -> None:
    note = write_note("n.md", "$` x `$ and $`a\\ `$ and $`  b\\   `$ and $`c`$\n")
    assert _codes(note) == [("NL403", 1, 1), ("NL403", 1, 25)]
    assert _fixed(note) == "$`x`$ and $`a\\ `$ and $`b\\ `$ and $`c`$\n"


def test_dialect_gitlab_rewrites_simple_dollar_math(write_note: WriteNote) -> None:
    note = write_note("n.md", "$x$ and $a`b$ and $$y$$, but $5 and $10 are money\n")
    assert _codes(note, select="NL404") == [("NL404", 1, 1), ("NL404", 1, 9), ("NL404", 1, 19)]
    assert _fixed(note, select="NL404") == "$`x`$ and $a`b$ and $$y$$, but $5 and $10 are money\n"


def test_dialect_dollars_and_both(tmp_path: Path) -> None:
    (tmp_path / "notelint.toml").write_text('[math]\ndialect = "dollars"\n')
    note = tmp_path / "n.md"
    note.write_text("$`x`$ and $`y`$1 and $x$\n")
    assert _codes(note, select="NL404") == [("NL404", 1, 1), ("NL404", 1, 11)]
    assert _fixed(note, select="NL404") == "$x$ and $`y`$1 and $x$\n"
    (tmp_path / "notelint.toml").write_text('[math]\ndialect = "both"\n')
    assert _codes(note, select="NL404") == []


def test_unknown_dialect_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "notelint.toml").write_text('[math]\ndialect = "latex"\n')
    note = tmp_path / "n.md"
    note.write_text("$`x`$\n")
    completed = run_notelint("check", note)
    assert completed.returncode not in (0, 1)
    assert "dialect" in completed.stderr


def test_blank_lines_and_trailing_spaces_in_a_math_block(write_note: WriteNote) -> None:
    note = write_note("n.md", "```math\na = b  \n\n   \nc = d\n```\n\n```python\n\nx  \n```\n")
    assert _codes(note) == [("NL405", 2, 6), ("NL405", 3, 1), ("NL405", 4, 1)]
    assert _fixed(note) == "```math\na = b\nc = d\n```\n\n```python\n\nx  \n```\n"


@pytest.mark.parametrize("info", ["math\t notes", "math  {label}", "math\t"])
def test_a_math_fence_is_known_by_the_first_word_of_its_info_string(write_note: WriteNote, info: str) -> None:
    """Any whitespace ends the first word, for the math rules and for the fix verifier alike (a
    tab there once made the verifier take the block for code and refuse the fix)."""
    note = write_note("n.md", f"```{info}\na = b\n\nc = d\n```\n")
    assert _codes(note) == [("NL405", 3, 1)]
    completed = run_notelint("check", "--select", "math", "--fix", note)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert note.read_text(encoding="utf-8") == f"```{info}\na = b\nc = d\n```\n"


@pytest.mark.parametrize(
    ("text", "lines", "after"),
    [
        # a fence never closed runs to the end of the note: its last blank lines end the note
        ("```math\n\n\n", [], "```math\n\n\n"),  # (found by a random-note run: the verifier refused the fix)
        ("```math\na\n\nb\n\n\n", [3], "```math\na\nb\n\n\n"),
        ("```math\na\n\nb  ", [3, 4], "```math\na\nb"),  # its last line is inside it too
        ("```math\n- ", [2], "```math\n-"),  # (the verifier once missed an edit at the very end of the block)
        ("````math\na\n```\n\nb\n````\n", [4], "````math\na\n```\nb\n````\n"),  # a shorter fence does not close it
    ],
)
def test_blank_lines_of_a_math_fence_that_is_never_closed(
    write_note: WriteNote, text: str, lines: list[int], after: str
) -> None:
    note = write_note("n.md", text)
    assert [line for code, line, _ in _codes(note) if code == "NL405"] == lines
    assert _fixed(note) == after


def test_a_fence_named_otherwise_is_code(write_note: WriteNote) -> None:
    note = write_note("n.md", "```Math\na = b\n\nc = d\n```\n\n```mathematica\n\n```\n")
    assert _codes(note) == []


def test_bare_environment_is_wrapped_only_with_unsafe_fixes(write_note: WriteNote) -> None:
    text = "Intro\n\n\\begin{equation}\nE = mc^2\n\\end{equation}\n\nsee `\\begin{equation}` and $`\\begin{matrix} a \\end{matrix}`$\n"
    note = write_note("n.md", text)
    assert _codes(note) == [("NL406", 3, 1)]
    assert _fixed(note) == text
    wrapped = _fixed(note, "--unsafe-fixes")
    assert wrapped.startswith("Intro\n\n```math\n\\begin{equation}\nE = mc^2\n\\end{equation}\n```\n\nsee")
    assert _codes(note) == []


def test_bare_environment_after_a_list_marker_or_a_quote_has_no_fix(write_note: WriteNote) -> None:
    """The fence would go before the marker (found by a random-note run: the list broke, and the
    verifier refused); an environment on its own lines inside an item is wrapped there."""
    text = "- \\begin{matrix}\\end{matrix}\n- $\n\n> \\begin{equation}\n> E\n> \\end{equation}\n"
    note = write_note("n.md", text)
    assert [f["fix"] for f in findings_json("--select", "NL406", note)] == [None, None]
    assert _fixed(note, "--unsafe-fixes") == text
    inside = write_note("m.md", "- item\n\n  \\begin{equation}\n  E\n  \\end{equation}\n")
    assert _fixed(inside, "--unsafe-fixes") == "- item\n\n  ```math\n  \\begin{equation}\n  E\n  \\end{equation}\n  ```\n"


def test_bare_environment_with_a_code_span_has_no_fix(write_note: WriteNote) -> None:
    """Wrapping would make the code span part of the formula (found by a random-note run: the
    verifier refused the fix)."""
    text = "\\begin{matrix}`$`\\end{matrix}\n"
    note = write_note("n.md", text)
    assert [f["fix"] for f in findings_json("--select", "NL406", note)] == [None]
    assert _fixed(note, "--unsafe-fixes") == text


def test_blank_line_that_breaks_a_dollar_block_is_removed(write_note: WriteNote) -> None:
    text = "Text\n\n$$\na = b\n\n\\\\ c = d\n$$\n\n- item $$x\n\n  y$$ z\n\nplain\n\nmore $$\n"
    note = write_note("n.md", text)
    assert _codes(note, select="NL405") == [("NL405", 5, 1), ("NL405", 10, 1)]
    fixed = _fixed(note, select="NL405")
    assert fixed == "Text\n\n$$\na = b\n\\\\ c = d\n$$\n\n- item $$x\n  y$$ z\n\nplain\n\nmore $$\n"
    assert _codes(note, select="NL405") == []


def test_a_rewrite_whose_backticks_would_pair_with_others_is_not_offered(write_note: WriteNote) -> None:
    """Found by a random-note run: the backticks of $`x`$ paired with the runs of backticks around
    them, a code span vanished, and the verifier refused the fix."""
    text = "$$`\n```math$$``\n```math``$x$\n"
    note = write_note("n.md", text)
    assert [(f["line"], f["fix"]) for f in findings_json("--select", "NL404", note)] == [(1, None), (3, None)]
    assert _fixed(note) == text
    fine = write_note("m.md", "use `code` and $x$ and `more`\n")
    assert _fixed(fine) == "use `code` and $`x`$ and `more`\n"


def test_rewrites_that_would_change_what_gitlab_finds_are_not_offered(write_note: WriteNote) -> None:
    note = write_note("n.md", "`$1$```\n\n$`  $x`$\n")
    found = findings_json("--select", "NL403,NL404", note)
    assert [(f["code"], f["line"], f["fix"]) for f in found] == [("NL404", 1, None), ("NL403", 3, None)]
