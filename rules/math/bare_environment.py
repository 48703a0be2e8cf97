from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.math.options import MathOptions

_BEGIN = lazy(r"\\begin\{([A-Za-z]+\*?)\}")


@rule(code="NL406", name="math-bare-environment", family="math", severity="warning", fixable=True, options=MathOptions)
def math_bare_environment(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds a LaTeX environment (`\\begin{equation}`, `\\begin{align}`, …) written in plain text,
    outside any math.

    ## Why is this bad?
    GitLab only renders math inside ``$`…`$``, `$…$` or a ```` ```math```` block; a bare
    environment is shown as raw TeX.

    ## Example
    ```markdown
    \\begin{equation}
    E = mc^2
    \\end{equation}
    ```

    Use instead:
    ````markdown
    ```math
    \\begin{equation}
    E = mc^2
    \\end{equation}
    ```
    ````

    ## Fix
    When the paragraph is exactly the environment, it is wrapped in a ```` ```math```` block
    (unsafe: the text becomes a displayed formula). A paragraph holding a code span gets no fix:
    the code would become part of the formula. Nor does one with a line indented less than its
    first (a lazy line of a list item would end the item, and with it the fence).
    """
    from notelint.rules.math.scanner import find_math
    from notelint.rules.math.tex import tables

    if "\\begin{" not in document.text:
        return
    known = tables().environments
    math: list[tuple[int, int]] | None = None  # (found for the first inline block with \begin)
    code = document.code_spans
    tokens = document.block_tokens
    for index in document.positions("inline"):
        token = tokens[index]
        if token.map is None or "\\begin{" not in token.content:
            continue
        if math is None:
            math = [(span.start, span.end) for span in find_math(document)]
        first, last = token.map[0] + 1, token.map[1]
        start_offset = document.offset(first)
        block = document.text[start_offset : document.index.line_end(last)]
        for match in _BEGIN.finditer(block):
            at = start_offset + match.start()
            if match.group(1) not in known:
                continue
            if any(s <= at < e for s, e in math) or any(s <= at < e for s, e in code):
                continue
            fix = None
            name = match.group(1)
            content = token.content.strip()
            parent = document.block_tokens[index - 1] if index else None
            # (a code span in the paragraph would become TeX inside the block: then no fix)
            if (parent is not None and parent.type == "paragraph_open" and content.startswith(match.group(0))
                    and content.endswith(f"\\end{{{name}}}") and "`" not in content):
                line_text = document.line_text(first)
                indent = line_text[: len(line_text) - len(line_text.lstrip(" "))]
                # the environment must open its line: after a list marker or a quote's '>' the
                # fence would go before them and break the list or the quote
                # (a lazy line, indented less than the first, would end a list item's fence)
                lazy = any(not document.line_text(line).startswith(indent) for line in range(first + 1, last + 1))
                if line_text[len(indent) :].startswith(match.group(0)) and not lazy:
                    end = document.index.line_end(last)
                    fix = Fix.unsafe("Wrap the environment in a ```math block",
                                     Edit.insert(start_offset, f"{indent}```math\n"), Edit.insert(end, f"\n{indent}```"))
            yield Violation(at, at + len(match.group(0)), f"\\begin{{{name}}} outside math is shown as raw TeX", fix)
            break
