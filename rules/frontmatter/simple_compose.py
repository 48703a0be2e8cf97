"""The node tree of the plainest front matter, read without a YAML library.

Most notes' front matter is a few ``key: value`` lines (``title: ICML 2024``, ``date: 2024-07-22``,
``tags: [ml, conference]`` or a ``- item`` list under ``tags:``).  Importing PyYAML costs about
11 ms of a one-note run (its reader compiles a character class of all of Unicode), several times
what the rest of reading the front matter costs, so this module reads such texts line by line and
gives the tree ruamel.yaml's round-trip composer gives (``tests/test_libyaml_compose.py`` compares
them on generated and real texts).  It takes a text only when every line is one of:

- ``key: value``: an ASCII key (letters, digits, ``_``, inner ``-``) and a one-line plain value
  that starts with a letter or digit and holds only letters, digits, spaces and ``_.,/()+'-``
  (no ``:``, ``#``, quote, bracket or other YAML indicator; no trailing space);
- ``key: [item, item]``: a one-line flow sequence of such values without ``,``;
- ``key:`` followed by ``- item`` lines, all at one indentation;

and the text has no blank line and no tab.  Every other text goes to libyaml or ruamel.
Plain values get their tags from ruamel's YAML 1.2 resolvers (``resolve_plain``).
"""

from __future__ import annotations

import re

from notelint.patterns import lazy
from notelint.rules.frontmatter.libyaml_compose import MAP, SEQ, resolve_plain
from notelint.rules.frontmatter.parse import Node

_KEY = r"[A-Za-z_][A-Za-z0-9_]{0,127}(?:-[A-Za-z0-9_]+)*"
# a one-line plain scalar: a letter or digit first, then word characters, spaces and a few marks
_VALUE = r"[^\W_][\w.,/()+' -]*"
_ENTRY = re.compile(rf"({_KEY}):(?:( +)(?:({_VALUE})|\[([\w.,/()+' -]*)\]))?")
_ITEM = lazy(rf"( *)- +({_VALUE})")
_FLOW_ITEM = lazy(r"[^\W_][\w./()+' -]*")


def compose_simple(raw: str) -> Node | None:
    """The tree of ``raw`` when it is one of the plain texts above, otherwise None."""
    if not raw or "\t" in raw:
        return None
    lines = raw.split("\n")
    if lines[-1] == "":
        lines.pop()
    pairs: list[tuple[Node, Node]] = []
    offset = 0
    number = 0
    while number < len(lines):
        line = lines[number]
        entry = _ENTRY.fullmatch(line)
        if entry is None:
            return None
        key = _scalar(entry.group(1), offset, number, 0)
        if entry.group(3) is not None:
            value = _plain(entry.group(3), offset + entry.start(3), number, entry.start(3))
        elif entry.group(4) is not None:
            value = _flow_sequence(entry.group(4), offset + entry.start(4) - 1, number, entry.start(4) - 1)
        elif entry.group(2) is None:  # `key:` and a block sequence below
            value, number, offset = _block_sequence(lines, number + 1, offset + len(line) + 1, len(raw))
            if value is None:
                return None
            pairs.append((key, value))
            continue
        else:
            return None  # `key:` and spaces: an empty value
        if value is None:
            return None
        pairs.append((key, value))
        offset += len(line) + 1
        number += 1
    if not pairs:
        return None
    return Node("map", MAP, 0, len(raw), 0, 0, pairs=tuple(pairs))


def _scalar(text: str, start: int, line: int, column: int) -> Node:
    return Node("scalar", resolve_plain(text), start, start + len(text), line, column, text)


def _plain(text: str, start: int, line: int, column: int) -> Node | None:
    if text.endswith(" "):
        return None  # trailing spaces: left to the parsers
    return _scalar(text, start, line, column)


def _flow_sequence(inner: str, start: int, line: int, column: int) -> Node | None:
    """``[inner]`` starting at ``start`` (the bracket)."""
    items: list[Node] = []
    if inner.strip(" "):
        position = 1  # after the bracket
        for piece in inner.split(","):
            text = piece.strip(" ")
            if _FLOW_ITEM.fullmatch(text) is None:
                return None  # an empty item (`[a,,b]`, a trailing comma) or an odd one
            first = position + len(piece) - len(piece.lstrip(" "))
            items.append(_scalar(text, start + first, line, column + first))
            position += len(piece) + 1
    return Node("seq", SEQ, start, start + len(inner) + 2, line, column, flow=True, items=tuple(items))


def _block_sequence(lines: list[str], first: int, start: int, end_of_text: int) -> tuple[Node | None, int, int]:
    """The ``- item`` lines from line ``first`` (at offset ``start``), and the number and offset of
    the line after them."""
    items: list[Node] = []
    indent = None
    offset = start
    number = first
    seq_start = start
    while number < len(lines):
        item = _ITEM.fullmatch(lines[number])
        if item is None:
            break
        if indent is None:
            indent = len(item.group(1))
            seq_start = offset + indent
        elif len(item.group(1)) != indent:
            return None, number, offset
        value = _plain(item.group(2), offset + item.start(2), number, item.start(2))
        if value is None:
            return None, number, offset
        items.append(value)
        offset += len(lines[number]) + 1
        number += 1
    if not items or indent is None:
        return None, number, offset  # an empty value
    # the sequence ends where the next key starts, or at the end of the text
    end = offset if number < len(lines) else end_of_text
    return Node("seq", SEQ, seq_start, end, first, indent, items=tuple(items)), number, offset
