from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document, is_math_fence
from notelint.rule import rule
from notelint.rules.math.options import MathOptions


@rule(code="NL401", name="math-fence-info", family="math", severity="warning", fixable=True, options=MathOptions)
def math_fence_info(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds a math block opened with a space between the fence and `math` (```` ``` math````), as
    pandoc writes it.

    ## Why is this bad?
    GitLab and GitHub accept it, but many Markdown tools (markdown-it's math plugins, editors'
    previews) only recognise ```` ```math````, and show the block as code.

    ## Example
    ````markdown
    ``` math
    E = mc^2
    ```
    ````

    Use instead:
    ````markdown
    ```math
    E = mc^2
    ```
    ````

    ## Fix
    Removes the space (safe: GitLab renders the same math block).
    """
    tokens = document.block_tokens
    for token in map(tokens.__getitem__, document.positions("fence")):
        if token.map is None or not is_math_fence(token.info):
            continue
        line = token.map[0] + 1
        text = document.line_text(line)
        marker = text.find(token.markup)
        if marker == -1:
            continue
        after = marker + len(token.markup)
        spaces = len(text) - after - len(text[after:].lstrip(" \t"))
        if spaces == 0:
            continue
        start = document.offset(line) + after
        yield Violation(
            start, start + spaces, f"Space between '{token.markup}' and 'math' in a math block's fence",
            Fix.safe(f"Write {token.markup}math", Edit.delete(start, start + spaces)),
        )
