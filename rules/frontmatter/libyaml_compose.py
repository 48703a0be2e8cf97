"""The front matter's node tree from libyaml (PyYAML's C parser), for texts where it provably equals
the tree of ruamel.yaml's round-trip composer; every other text is left to ruamel.

ruamel's pure-Python composer is most of the cost of reading a front matter; libyaml composes the
same text about thirty times faster.  The two are not the same parser (libyaml reads YAML 1.1,
ruamel 1.2; their error messages differ), so libyaml is only trusted where the differential tests
(``tests/test_libyaml_compose.py``) show that both give the same :class:`Node` tree:

- PyYAML is installed with libyaml 0.2.5 or 0.2.6 (the versions the tests ran against: PyYAML 6.0 to 6.0.3's
  wheels, and 6.0.4's);
- the text holds no character outside the plain printable set (no tab, carriage return, byte
  order mark, NEL, line or paragraph separator, control or surrogate character);
- it holds no comment (nor `` #`` in a quoted value: the check is by characters): ruamel's
  round-trip scanner attaches comments to tokens and moves them, which places empty values and
  can fail (``NotImplementedError: overlap in comment`` on ``date: # c\\n 0:|\\n\\n``);
- libyaml reads it without an error (every error, and its message, is ruamel's);
- it is one implicit document: no directive (``%YAML 1.1`` switches ruamel's resolver), no ``---``
  or ``...`` marker;
- no anchor, alias or explicit tag (``!``), and no collection nested deeper than 32 levels;
- no empty value (``key:``: ruamel places it by the tokens and comments after it), no folded
  block scalar (``>``: ruamel's round-trip scanner marks each fold with ``\a`` in the value) and
  no literal block scalar (``|``) whose header line is more than its indicators, spaces and a
  comment after a space (libyaml reads ``|#x`` as a header with a comment, ruamel refuses it).
- no literal block whose first lines are blank with more spaces than the first (ruamel refuses
  them), and no quote or closing bracket or brace followed by ``:`` and a character other than a
  space (``['a':0]``, ``[[]:0]``: libyaml reads a key with an adjacent value, ruamel refuses it in
  a flow sequence; checked by characters).

Tags are resolved with ruamel's YAML 1.2 implicit resolvers (``yes`` and ``on`` are strings, no
sexagesimal numbers), copied below; a test compares the table with the installed ruamel.

Nothing here imports ruamel, so a run whose front matters are all proven does not load it.
``import yaml`` costs about as much as ``import ruamel.yaml`` (PyYAML's reader compiles a
character class of all of Unicode): the plainest front matter (a few ``key: value`` lines) is
read by ``simple_compose`` without either library, so a one-note run with such a note loads
neither.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from notelint.patterns import lazy
from notelint.rules.frontmatter.parse import YAML_TAG as _YAML, Node

# Characters not proven to read the same in both parsers: C0 controls but the line feed (tab and
# carriage return among them), DEL and the C1 controls (NEL among them), the line and paragraph
# separators, the byte order mark and the two non-characters YAML excludes.  (Surrogates cannot
# be encoded for libyaml: UnicodeEncodeError.)  A set, not a regular expression: compiling a
# character class beyond Latin-1 takes a millisecond.
UNPROVEN_CHARACTERS = frozenset(
    [chr(code) for code in range(0x20) if code != 0x0A]
    + [chr(code) for code in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"]
)
_MAX_DEPTH = 32
# the libyaml versions the differential tests ran against: 0.2.5 (PyYAML 6.0 to 6.0.3's wheels) and
# 0.2.6 (PyYAML 6.0.4's)
PROVEN_LIBYAML = frozenset({(0, 2, 5), (0, 2, 6)})
# The header line of a literal block scalar as both parsers read it: indicators, then spaces and
# perhaps a comment.
_LITERAL_HEADER = lazy(r"\|(?:[1-9]?[-+]?|[-+][1-9]?)(?: *| +#[^\n]*)(?:\n|$)")

# A quoted scalar or a flow collection followed by `:` and no space: in a flow sequence libyaml
# reads a key with its value (YAML 1.2's adjacent value), ruamel stops with "expected ',' or ']'"
# (`['a':0]`, `[[]:0]`, the second found by the property test).
_ADJACENT_VALUE = lazy(r"""['"\]}]:[^ \n]""")

STR, SEQ, MAP = _YAML + "str", _YAML + "seq", _YAML + "map"

# ruamel.yaml's implicit resolvers for YAML 1.2 (``ruamel.yaml.resolver.implicit_resolvers``, the
# entries whose versions hold (1, 2)), in its order: (tag, pattern, verbose (re.X), first
# characters).  A plain scalar gets the tag of the first entry listing its first character whose
# pattern matches; the empty scalar is null.
RESOLVERS_1_2: tuple[tuple[str, str, bool, str], ...] = (
    (_YAML + "bool", """^(?:true|True|TRUE|false|False|FALSE)$""", True, "tTfF"),
    (
        _YAML + "float",
        """^(?:
         [-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\\.(?:inf|Inf|INF)
        |\\.(?:nan|NaN|NAN))$""",
        True,
        "-+0123456789.",
    ),
    (
        _YAML + "int",
        """^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        True,
        "-+0123456789",
    ),
    (_YAML + "merge", "^(?:<<)$", False, "<"),
    (
        _YAML + "null",
        """^(?: ~
        |null|Null|NULL
        | )$""",
        True,
        "~nN",
    ),
    (
        _YAML + "timestamp",
        """^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \\t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\\.[0-9]*)?
        (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        True,
        "0123456789",
    ),
    (_YAML + "value", "^(?:=)$", False, "="),
    (_YAML + "yaml", "^(?:!|&|\\*)$", False, "!&*"),
)
_NULL, _INT, _TIMESTAMP = _YAML + "null", _YAML + "int", _YAML + "timestamp"
_FIRST_CHARACTERS = frozenset("".join(first for *_, first in RESOLVERS_1_2))


@lru_cache(maxsize=None)
def _resolvers_for(first: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The resolvers a plain scalar starting with ``first`` tries, in order (compiled on demand)."""
    return tuple(
        (tag, _compiled(pattern, verbose)) for tag, pattern, verbose, characters in RESOLVERS_1_2 if first in characters
    )


@lru_cache(maxsize=None)
def _compiled(pattern: str, verbose: bool) -> re.Pattern[str]:
    return re.compile(pattern, re.X if verbose else 0)


def resolve_plain(value: str) -> str:
    """The tag ruamel's YAML 1.2 resolver gives a plain scalar without a tag."""
    if not value:
        return _NULL
    if value[0] not in _FIRST_CHARACTERS:
        return STR
    if value.isascii() and value.isdigit():
        return _INT  # what the patterns give (no float, an int), without compiling them
    if len(value) == 10 and value.isascii() and value[4] == value[7] == "-" and (value[:4] + value[5:7] + value[8:]).isdigit():
        return _TIMESTAMP  # a date: YYYY-MM-DD (isdigit after the slicing: no other character)
    for tag, pattern in _resolvers_for(value[0]):
        if pattern.match(value):
            return tag
    return STR


def _deeper_blank_lines(raw: str, position: int) -> bool:
    """Whether the lines of a literal block scalar from ``position`` (after its header, which
    sets no indentation) start with a blank line of spaces followed by a line indented deeper:
    ruamel refuses that ("more indented follow up line than first in a block scalar"), libyaml
    does not."""
    first_indent = -1
    max_indent = 0
    while True:
        end = raw.find("\n", position)
        line = raw[position:] if end < 0 else raw[position:end]
        spaces = len(line) - len(line.lstrip(" "))
        max_indent = max(max_indent, spaces)
        if spaces < len(line) or end < 0:  # a line with text, or the end of the text
            return first_indent > 0 and max_indent > first_indent
        if first_indent < 0:
            first_indent = spaces
        position = end + 1


class Composed(tuple[Node | None]):
    """A proven parse (immutable: it is cached): the root node, or None for a text without a
    document (only blank lines)."""

    __slots__ = ()

    @property
    def root(self) -> Node | None:
        return self[0]


class _Unproven(Exception):
    """The text uses something the fast path does not claim to read as ruamel does."""


@lru_cache(maxsize=1)
def _libyaml() -> tuple[Any, ...] | None:
    """PyYAML's C parser, its error class and its event classes (the order ``_compose`` unpacks)
    when it is installed and its libyaml is the version the differential tests proved (another
    version may read some texts differently)."""
    try:
        from yaml import YAMLError, events
        from yaml._yaml import CParser, get_version
    except ImportError:
        return None
    if get_version() not in PROVEN_LIBYAML:
        return None
    return (
        CParser, YAMLError, events.ScalarEvent, events.MappingStartEvent, events.MappingEndEvent,
        events.SequenceStartEvent, events.SequenceEndEvent, events.AliasEvent, events.DocumentStartEvent,
        events.DocumentEndEvent, events.StreamStartEvent, events.StreamEndEvent,
    )


@lru_cache(maxsize=64)
def compose_proven(raw: str) -> Composed | None:
    """The node tree of ``raw`` as ruamel's round-trip composer would give it, or None when that
    is not proven for this text (or libyaml is not installed): then ask ruamel.  The plainest
    texts are read without a YAML library (``simple_compose``), the others by libyaml."""
    from notelint.rules.frontmatter.simple_compose import compose_simple

    simple = compose_simple(raw)
    if simple is not None:
        return Composed((simple,))
    return compose_with_libyaml(raw)


def compose_with_libyaml(raw: str) -> Composed | None:
    """:func:`compose_proven` by libyaml alone (the plainest texts too)."""
    if not UNPROVEN_CHARACTERS.isdisjoint(raw) or raw.startswith("#") or " #" in raw or "\n#" in raw:
        return None  # a character not proven, or a comment (ruamel moves comments between tokens)
    if _ADJACENT_VALUE.search(raw) is not None:
        return None  # `['a':0]`: libyaml reads a pair in the sequence, ruamel refuses it
    libyaml = _libyaml()
    if libyaml is None:
        return None
    try:
        return Composed((_compose(libyaml, raw),))
    except (libyaml[1], _Unproven, UnicodeEncodeError):  # UnicodeEncodeError: a surrogate
        return None


def _compose(libyaml: tuple[Any, ...], raw: str) -> Node | None:
    (ScalarEvent, MappingStartEvent, MappingEndEvent, SequenceStartEvent, SequenceEndEvent, AliasEvent,
     DocumentStartEvent, DocumentEndEvent, StreamStartEvent, StreamEndEvent) = libyaml[2:]
    get_event = libyaml[0](raw).get_event
    # open collections: (start event, children so far); the root is collected in `top`
    open_collections: list[tuple[object, list[Node]]] = []
    top: list[Node] = []
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unproven("an anchor or a tag")
            start, end = event.start_mark, event.end_mark
            value = event.value
            if event.implicit[0] and not value:
                raise _Unproven("an empty value")  # ruamel places it by the tokens and comments after it
            if event.style == ">":
                raise _Unproven("a folded scalar")  # ruamel marks each fold with "\a" in the value
            if event.style == "|":
                header = _LITERAL_HEADER.match(raw, start.index)
                if header is None:
                    raise _Unproven("a literal block header")  # libyaml also takes `|#` (a comment)
                if not any(digit in header.group() for digit in "123456789") and _deeper_blank_lines(raw, header.end()):
                    raise _Unproven("blank lines indented deeper than the first")  # ruamel refuses them
            tag = resolve_plain(value) if event.implicit[0] else STR
            node = Node(
                "scalar", tag, start.index, end.index, start.line, start.column, value, event.style or None
            )
            (open_collections[-1][1] if open_collections else top).append(node)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unproven("an anchor or a tag")
            if len(open_collections) >= _MAX_DEPTH:
                raise _Unproven("deep nesting")
            open_collections.append((event, []))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            start_event, children = open_collections.pop()
            start, end = start_event.start_mark, event.end_mark  # type: ignore[attr-defined]
            flow = bool(start_event.flow_style)  # type: ignore[attr-defined]
            if kind is SequenceEndEvent:
                node = Node("seq", SEQ, start.index, end.index, start.line, start.column, flow=flow, items=tuple(children))
            else:
                pairs = tuple(zip(children[0::2], children[1::2], strict=True))
                node = Node("map", MAP, start.index, end.index, start.line, start.column, flow=flow, pairs=pairs)
            (open_collections[-1][1] if open_collections else top).append(node)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1 or event.explicit or event.version is not None or event.tags:
                raise _Unproven("a directive, a document marker or a second document")
        elif kind is DocumentEndEvent:
            if event.explicit:
                raise _Unproven("a document marker")
        elif kind is StreamEndEvent:
            return top[0] if top else None
        elif kind is AliasEvent:
            raise _Unproven("an alias")
        elif kind is not StreamStartEvent:
            raise _Unproven("an unknown event")
