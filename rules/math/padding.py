from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.math.options import MathOptions


@rule(code="NL403", name="math-padding", family="math", severity="warning", fixable=True, options=MathOptions)
def math_padding(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds spaces just inside ``$`…`$`` delimiters: ``$` x `$``.

    ## Why is this bad?
    GitLab strips one space on each side, so the padding does nothing; other tools keep it, or do
    not see math at all when the delimiters are not tight.

    ## Example
    ```markdown
    - cost $` \\mathcal{O}(n) `$
    ```

    Use instead:
    ```markdown
    - cost $`\\mathcal{O}(n)`$
    ```

    ## Fix
    Removes the spaces (safe: KaTeX receives the same formula). A space that follows a backslash
    (`\\ `, a TeX space) is kept.
    The fix is offered only when GitLab's scan of the paragraph finds the same formulas
    afterwards, and not in a paragraph so long and so full of formulas (about a million
    characters of them) that checking each would take minutes.
    """
    from notelint.rules.math.scanner import same_math, scanned_segments

    for text, offsets, spans in scanned_segments(document):
        for raw in spans:
            if raw.kind != "code":
                continue
            inner = text[raw.cstart : raw.cend]
            stripped = inner.strip(" ")
            if not stripped or stripped == inner or "\n" in inner:
                continue
            lead = len(inner) - len(inner.lstrip(" "))
            trail = len(inner) - len(inner.rstrip(" "))
            if trail and stripped.endswith("\\"):
                trail -= 1
            if not lead and not trail:
                continue
            start, end = offsets[raw.start], offsets[raw.end - 1] + 1
            fix = None
            if same_math(text, spans, raw, "$`" + inner[lead : len(inner) - trail] + "`$"):
                edits = []
                if lead:
                    edits.append(Edit.delete(offsets[raw.cstart], offsets[raw.cstart] + lead))
                if trail:
                    edits.append(Edit.delete(offsets[raw.cend] - trail, offsets[raw.cend]))
                fix = Fix.safe("Remove the padding", *edits)
            yield Violation(start, end, "Spaces inside $`…`$ delimiters", fix)
