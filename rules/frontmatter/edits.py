"""Small edits of single YAML values: everything outside the edited characters stays as it was."""

from __future__ import annotations

import json
import re

from notelint.diagnostics import Edit
from notelint.document import Document
from notelint.rules.frontmatter.parse import Node, Parsed

_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}]*(?<![\s:])$")


def plain_or_quoted(text: str) -> str:
    """``text`` as a YAML scalar that is safe in block and flow context."""
    if _PLAIN_SAFE.match(text) and ": " not in text and " #" not in text and text.lower() not in ("null", "true", "false", "yes", "no", "on", "off", "~"):
        return text
    return json.dumps(text, ensure_ascii=False)


def replace_scalar(document: Document, parsed: Parsed, node: Node, new_value: str) -> Edit | None:
    """An edit that gives a scalar a new value and keeps its quoting.

    A quoted scalar keeps its quotes (only the characters inside change); None when the scalar's
    source uses escapes or is a block scalar, where an exact small edit is not possible.
    """
    start, end = parsed.span(node)
    source = document.text[start:end]
    if node.style in ('"', "'"):
        inner = source[1:-1]
        if inner != node.value or (node.style == "'" and "'" in new_value) or (
            node.style == '"' and ('"' in new_value or "\\" in new_value)
        ):
            return None
        return Edit(start + 1, end - 1, new_value)
    if node.style is not None or source != node.value:
        return None
    return Edit(start, end, plain_or_quoted(new_value))
