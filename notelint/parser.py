"""The one Markdown parser notelint uses: markdown-it-py, CommonMark plus tables and strikethrough."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def markdown_parser() -> MarkdownIt:
    """Build the parser once per process (markdown-it-py instances are reusable and stateless)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse(source: str) -> list[Token]:
    return markdown_parser().parse(source)


def render(source: str) -> str:
    """Render to HTML with the same parser: for tests that prove a fix keeps the rendering."""
    return markdown_parser().render(source)
