"""The TeX checker on its own: verdicts and exact positions inside the formula."""

from __future__ import annotations

import pytest

from notelint.rules.math.tex import check_tex, katex_version

VALID = [
    (r"\rightarrow", False), (r"\mathcal{O}(\sqrt{n})", False), (r"p_1 \times p_2 =n", False), (r"\implies", False),
    ("\\begin{equation}\n Q=U\\Sigma V^T\n\n\\end{equation}", True), (r"\frac{a}{b} + \left( \frac{1}{2} \right)", False),
    (r"\begin{align} a&=b \\ c&=d \end{align}", True), (r"\text{Hello $x$ there}", False),
    (r"\operatorname{argmax}_x f(x) \in \mathbb{R}^n", False), (r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", False),
    (r"x^{a^b} + a \over b", False), ("x = é", False), (r"\text{↯}", False), (r"\bot", False), (r"f'(x)^2", False),
]

# (formula, display, where the error is reported, what it says)
INVALID = [
    (r"\rightarrow \lightning", False, 12, r"\text{↯}"),
    (r"\frac{a}{b", False, 8, "never closed"),
    (r"a + b}", False, 5, "Unexpected '}'"),
    (r"\frac{a}", False, 0, "Missing argument after '\\frac'"),
    (r"\begin{align} a&=b", True, 0, "without \\end{align}"),
    (r"\foo x", False, 0, "KaTeX has no \\foo"),
    (r"a $ b", False, 2, "'$' cannot be used inside math"),
    (r"\left( x", False, 0, "\\left without a matching \\right"),
    (r"x^a^b", False, 3, "Double superscript"),
    (r"\mathcal", False, 0, "Missing argument"),
    (r"x^", False, 1, "Missing argument after '^'"),
    (r"x^^2", False, 1, "Missing argument after '^'"),
    (r"\begin{align} a&=b \end{align}", False, 0, "only be used in display math"),
    (r"\begin{foo} x \end{foo}", False, 7, "No such environment in KaTeX: foo"),
    (r"\begin{matrix} a \end{pmatrix}", False, 22, "closed by \\end{pmatrix}"),
    (r"x \right)", False, 2, "\\right without a matching opener"),
    (r"a_b_c", False, 3, "Double subscript"),
]


@pytest.mark.parametrize(("tex", "display"), VALID)
def test_valid_formulas_pass(tex: str, display: bool) -> None:
    assert check_tex(tex, display) is None


@pytest.mark.parametrize(("tex", "display", "at", "message"), INVALID)
def test_invalid_formulas_are_reported_at_the_right_place(tex: str, display: bool, at: int, message: str) -> None:
    error = check_tex(tex, display)
    assert error is not None
    assert error.start == at
    assert message in error.message


def test_the_table_records_its_katex_version() -> None:
    assert katex_version().count(".") == 2


def test_groups_nested_deeper_than_the_parser_can_follow_are_not_an_error() -> None:
    # (the parser recurses per group: 100,000 braces raised RecursionError, which the command
    # reported as an internal error of math-invalid-tex)
    assert check_tex("{" * 100_000 + "x" + "}" * 100_000) is None
    assert check_tex(r"\left(" * 50_000 + "x") is None
    assert check_tex("{" * 20 + r"\lightning" + "}" * 20) is not None  # (not so deep: checked)
