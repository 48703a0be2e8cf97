"""Formulas for the KaTeX agreement test: valid seeds and deterministic mutations of them."""

from __future__ import annotations

import random

SEEDS: tuple[tuple[str, bool], ...] = tuple(
    (tex, False)
    for tex in (
        r"\rightarrow", r"\approx", r"\mathcal{O}(\sqrt{n})", r"s(x)=0", r"p_1 \times p_2 =n", r"\Leftrightarrow",
        r"\uparrow", r"\neq", r"\implies", r"\sim", r"\alpha", r"\mathcal{H}", r"\mathcal{O}(n^2)", r"\gamma",
        r"\frac{a}{b} + \left( \frac{1}{2} \right)", r"\text{Hello $x$ there}", r"\operatorname{argmax}_x f(x) \in \mathbb{R}^n",
        r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", r"x^{a^b} + a \over b", r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}",
        r"\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}", r"\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e",
        r"\mathbb{E}[X] = \sum_x x\, p(x)", r"\hat{y} = \arg\min_\theta \mathcal{L}(\theta)", r"\|x\|_2^2",
        r"\nabla_\theta J(\theta)", r"\sqrt[3]{x+1}", r"\binom{n}{k}", r"\vec{v} \cdot \vec{w}", r"\overline{AB}",
        r"\underbrace{a+b}_{c}", r"\left\{ x \in \mathbb{R} \mid x > 0 \right\}", r"\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}",
        r"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}", r"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}",
        r"\begin{aligned} a &= b \\ c &= d \end{aligned}", r"x' + y''", r"x'^2", r"f'_1(x)", r"x^2'", r"f'(x)^2", r"\color{red}{x}", r"\textbf{bold} x",
        r"\mathbf{W}^\top \mathbf{x}", r"\log_2 n", r"\max_{i} |a_i|", r"a \le b \ge c", r"\{1, 2, 3\}", r"\langle x, y \rangle",
        r"\partial_t u = \Delta u", r"\prod_{k=1}^{K} p_k", r"\tilde{x} \sim \mathcal{N}(0, \sigma^2 I)", r"\lVert w \rVert",
        r"e^{i\pi} + 1 = 0", r"\boxed{x=1}", r"\dfrac{1}{2}", r"\tfrac12", r"\frac12", r"x_{i,j}^{(t)}", r"\dots \cdots \ldots",
        r"\overset{!}{=}", r"\underset{x}{\operatorname{arg\,max}}", r"\xrightarrow{f}", r"\stackrel{def}{=}", r"\not\in",
        r"\mathit{loss}", r"\left. \frac{df}{dx} \right|_{x=0}", r"{a}_{b}", r"100\%", r"\$5", r"a\ b", r"\quad x \qquad y",
        r"\left( \middle| \right)", r"\begin{array}{cc} a & b \\ c & d \end{array}", r"\begin{matrix} 1 \\ 2 \end{matrix}",
        r"\hat{\mathbf{x}}_t", r"\mathop{\mathrm{rank}}(A)", r"\sum\limits_{i} x_i", r"\bigl( x \bigr)", r"\Big[ y \Big]",
        r"\forall \epsilon > 0\ \exists \delta", r"\text{if } x \text{ then}", r"\kappa(x, x')", r"\phantom{x}y", r"\mathcal{D}_{\text{train}}",
    )
) + tuple(
    (tex, True)
    for tex in (
        "\\begin{equation}\n Q=U\\Sigma V^T\n\n\\end{equation}", r"\begin{align} a&=b \\ c&=d \end{align}",
        r"\begin{gather} x \\ y \end{gather}", r"\begin{equation*} E = mc^2 \end{equation*}", r"\begin{split} a &= b \end{split}",
        r"\begin{align*} f(x) &= x^2 \\ &= y \end{align*}", r"\sum_{i=1}^n x_i \tag{1}", r"\begin{alignat}{2} a &= b & c &= d \end{alignat}",
    )
)

# Constructs seen in real notes (valid or not, KaTeX decides), each inline and displayed.
REAL_WORLD: tuple[str, ...] = (
    '\\operatorname*{argmax}_x f',
    '\\mathrm{d}x',
    '\\begin{array}{c|c} a & b \\\\ \\hline c & d \\end{array}',
    '\\sum_{\\substack{i<j \\\\ k}} x',
    '\\overbrace{a+b}^{n}',
    '\\xleftarrow[a]{b}',
    '\\sqrt[n]{x}',
    '\\left\\langle x \\middle\\vert y \\right\\rangle',
    '\\def\\R{\\mathbb{R}} \\R',
    '\\newcommand{\\R}{\\mathbb R} \\R^n',
    '\\text{a_b}',
    '\\text{$x$}',
    'a \\\\ b',
    '\\tag{1} x',
    '\\label{eq} x',
    '\\hspace{1em} x',
    '\\mathbb 1',
    '\\vec x',
    'x^\\prime',
    '10^{-3}',
    '\\% \\# \\& \\_ \\{ \\}',
    '\\lbrace x \\rbrace',
    '\\pmb{x}',
    '\\bm{x}',
    '\\boldsymbol{x}',
    '\\mathds{1}',
    '\\cancel{x}',
    '\\ce{H2O}',
    '\\hbar \\ell \\therefore \\because \\vdots \\ddots \\iff \\mapsto \\to \\gets',
    '\\checkmark \\dagger \\S \\P',
    '\\euro',
    '\\text{\\S}',
    'x \\in [0, 1)',
    '\\frac{\\partial^2 f}{\\partial x^2}',
    '\\mathbf{1}_{\\{x > 0\\}}',
    '\\lvert x \\rvert',
    '\\| x \\|',
    '\\big| x \\big|',
    '\\left. x \\right.',
    '\\overrightarrow{AB}',
    '\\widehat{abc}',
    '\\operatorname{sign}(x)',
    'e^{-\\frac{x^2}{2}}',
    '\\mathcal{L}_{\\text{CE}}',
    'x_1, \\dots, x_n',
    '\\begin{smallmatrix} a & b \\end{smallmatrix}',
    '\\begin{Bmatrix} a \\end{Bmatrix}',
    '\\begin{vmatrix} a \\end{vmatrix}',
    '\\begin{rcases} a \\end{rcases}',
    '\\begin{darray}{c} a \\end{darray}',
    '\\begin{subarray}{c} a \\end{subarray}',
    '\\mathrel{\\mathop:}=',
    '\\coloneqq',
    '\\overset{\\text{def}}{=}',
    '\\textcolor{blue}{x}',
    '\\colorbox{yellow}{x}',
    '\\fcolorbox{red}{yellow}{x}',
    '\\rule{1em}{2em}',
    '\\kern1em x',
    '\\mkern3mu x',
    '\\char"41',
    '\\verb|x|',
    '\\url{http://x}',
    '\\href{http://x}{y}',
    '\\htmlClass{x}{y}',
    'x \\atop y',
    '{a \\choose b}',
    '\\displaystyle \\sum x',
    '\\limits',
    '\\sum\\nolimits_i',
    '\\int\\limits_0^1',
    'a \\bmod b',
    'a \\pmod{b}',
    '\\binom{n}{k}^2',
    '\\underline{x}',
    '\\not =',
    '\\neq',
    '\\raisebox{2pt}{x}',
    '\\mathllap{x}',
    '\\phantom{x}',
    '\\smash{x}',
    '\\tfrac{1}{2}',
    '\\frac{1}{2}_3',
    '\\lim\\limits_{x}',
    'x^{2}^{3}',
    '{x^2}^3',
    'x__1',
    '\\left( \\right',
    '\\sqrt{}',
    '\\frac{}{}',
    '{}',
    'x^{}',
    '\\operatorname{}',
    '\\mathbf{}',
    '\\text{}',
    '\\begin{pmatrix}\\end{pmatrix}',
    '\\begin{cases} a & b & c \\end{cases}',
    '\\begin{aligned} a \\end{aligned}',
    '\\begin{gathered} a \\end{gathered}',
    '\\begin{array}{} a \\end{array}',
    '\\begin{array}{x} a \\end{array}',
    '\\color{#ff0000} x',
    '\\color{notacolor} x',
    '\\textcolor{#12}{x}',
    '\\verb*|a b|',
    '\\verb',
    '\\verb|x',
    '\\verb x',
    '\\color{red}',
    '\\color{#abc}x',
    '\\color{ red }x',
    '\\begin{array}{lc|r} a \\end{array}',
    '\\begin{array}{p{1cm}} a \\end{array}',
    '\\tag*{A} x',
)

_BAD_NAMES = (r"\lightning", r"\foo", r"\mathscrr", r"\bmatrix", r"\R", r"\eps", r"\argmin", r"\norm")


def mutations(tex: str, display: bool, rng: random.Random) -> list[tuple[str, bool]]:
    """A handful of typical slips made to one formula."""
    out: list[tuple[str, bool]] = []
    if "}" in tex:
        index = rng.choice([i for i, c in enumerate(tex) if c == "}"])
        out.append((tex[:index] + tex[index + 1 :], display))
    position = rng.randrange(len(tex) + 1)
    out.append((tex[:position] + "{" + tex[position:], display))
    out.append((tex + "^", display))
    out.append((tex + "^a^b", display))
    out.append((tex + "_1_2", display))
    out.append((tex[:position] + " $ " + tex[position:], display))
    out.append((tex + " " + rng.choice(_BAD_NAMES), display))
    commands = [part for part in tex.split("\\") if part[:1].isalpha()]
    if commands:
        name = rng.choice(commands)
        letters = "".join(c for c in name if c.isalpha())
        if len(letters) > 1:
            typo = letters[:-1] + ("x" if letters[-1] != "x" else "y")
            out.append((tex.replace("\\" + letters, "\\" + typo, 1), display))
    if "\\right" in tex:
        out.append((tex.replace("\\right", "", 1), display))
    if "\\end{" in tex:
        out.append((tex[: tex.index("\\end{")], display))
        out.append((tex.replace("\\end{", "\\end{x", 1), display))
        out.append((tex, not display))
    if "\\frac" in tex:
        out.append((r"\frac{a}", display))
    out.append((tex + "\\", display))
    # changes that usually keep a formula valid (KaTeX decides)
    out.append(("{" + tex + "}", display))
    out.append((tex + " + x^{2}_{i}", display))
    out.append((r"\left( " + tex + r" \right)", display))
    out.append((r"\sqrt{" + tex + "}", display))
    out.append((r"\text{if } " + tex, display))
    out.append((tex + " % comment", display))
    out.append((tex.replace(" ", ""), display))
    return out


def corpus(seed: int = 5) -> list[tuple[str, bool]]:
    rng = random.Random(seed)
    formulas: list[tuple[str, bool]] = list(SEEDS)
    formulas.extend((tex, display) for tex in REAL_WORLD for display in (False, True))
    for tex, display in SEEDS:
        formulas.extend(mutations(tex, display, rng))
    seen: set[tuple[str, bool]] = set()
    unique = []
    for item in formulas:
        if item not in seen:
            seen.add(item)
            unique.append(item)
    return unique
