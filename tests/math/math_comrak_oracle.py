"""GitLab's parser as a test oracle: the ``comrak`` PyPI package (a binding of the Rust crate
GitLab uses through its gitlab-glfm-markdown gem), with GitLab's math extensions switched on."""

from __future__ import annotations

import html
import re

from notelint.document import Document
from notelint.rules.math.scanner import find_math

_MATH = re.compile(
    r'<(?:code|span) data-math-style="(inline|display)" data-sourcepos="(\d+):(\d+)-(\d+):(\d+)">(.*?)</(?:code|span)>',
    re.S,
)
_FENCE = re.compile(r'<pre data-sourcepos="(\d+):\d+-(\d+):\d+"><code class="language-math" data-math-style="display">(.*?)</code></pre>', re.S)


def comrak_math(text: str) -> list[tuple[str, int, int, int, int, str]]:
    """(style, line, column, end line, end column, content) of each math node comrak finds.

    Inline positions are 1-based and inclusive, in bytes (use ASCII test strings)."""
    import comrak

    extensions = comrak.ExtensionOptions()
    extensions.math_code = True
    extensions.math_dollars = True
    extensions.table = True
    extensions.strikethrough = True
    render = comrak.RenderOptions()
    render.sourcepos = True
    render.unsafe_ = True
    out = comrak.render_markdown(text, extension_options=extensions, render_options=render)
    found = []
    for style, l1, c1, l2, c2, content in _MATH.findall(out):
        found.append((style, int(l1), int(c1), int(l2), int(c2), html.unescape(content)))
    for l1, l2, content in _FENCE.findall(out):
        found.append(("block", int(l1), 0, int(l2), 0, html.unescape(content)))
    return sorted(found)


def notelint_math(text: str) -> list[tuple[str, int, int, int, int, str]]:
    """The same view of notelint's scanner."""
    document = Document("note.md", text)
    found = []
    for span in find_math(document):
        if span.kind == "fence":
            first = document.position(span.start).line
            last = document.position(span.end).line
            found.append(("block", first, 0, last, 0, span.tex + ("\n" if span.tex else "")))
            continue
        start = document.position(span.start)
        end = document.position(span.end - 1)
        style = "display" if span.display else "inline"
        found.append((style, start.line, start.column, end.line, end.column, span.tex))
    return sorted(found)
