from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.math.options import MathOptions

_ARTEFACT = "<!-- -->"


@rule(code="NL402", name="math-comment-artefact", family="math", severity="warning", fixable=True, options=MathOptions)
def math_comment_artefact(document: Document, options: MathOptions) -> Iterator[Violation]:
    """## What it does
    Finds pandoc's empty comment `<!-- -->` right after a ``$`…`$`` formula and before a digit.

    ## Why is this bad?
    pandoc inserts it so that `$x$10` is not read by its own rule "no digit after the closing `$`".
    ``$`…`$`` math has no such rule, so the comment is noise left over from a conversion.

    ## Example
    ```markdown
    - $`\\sim`$<!-- -->10% usage
    ```

    Use instead:
    ```markdown
    - $`\\sim`$10% usage
    ```

    ## Fix
    Removes the comment (safe: GitLab finds the same formula). Only this exact place is touched:
    after `$x$` the comment is needed, and between two lists it keeps them apart.
    """
    from notelint.rules.math.scanner import find_math

    text = document.text
    for span in find_math(document):
        if span.kind != "code":
            continue
        after = span.end + len(_ARTEFACT)
        if text.startswith(_ARTEFACT, span.end) and after < len(text) and text[after].isdigit():
            yield Violation(
                span.end, after, "Empty comment after $`…`$ math is a pandoc artefact",
                Fix.safe("Remove <!-- -->", Edit.delete(span.end, after)),
            )
