"""Front matter parsed once per text: ruamel.yaml's composer gives every node with exact offsets
(libyaml gives the same tree, faster, for the texts where that is proven: ``libyaml_compose``).

The result is immutable and cached by the raw YAML text (``functools.lru_cache`` of immutable
data), so the rules of this family share one parse per document version.  Offsets in nodes are
relative to the raw block; :func:`front_matter_of` adds the document offset of the block.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from notelint.document import Document
from notelint.patterns import lazy

Kind = Literal["scalar", "seq", "map"]
# The prefix of YAML's standard tags (``tag:yaml.org,2002:str`` ...), as both composers write them.
YAML_TAG = "tag:yaml.org,2002:"
_TIMESTAMP_DATE = lazy(r"^\d{4}-\d\d?-\d\d?$")


class Node(NamedTuple):
    """A YAML node: a scalar, a sequence or a mapping, with offsets into the raw block."""

    kind: Kind
    tag: str
    start: int
    end: int
    line: int  # 0-based line inside the block
    column: int
    value: str = ""  # scalar text (after unquoting)
    style: str | None = None  # quote character or block style of a scalar
    flow: bool = False  # [..] / {..} collections
    items: tuple[Node, ...] = ()  # sequence items
    pairs: tuple[tuple[Node, Node], ...] = ()  # mapping entries in source order

    def get(self, key: str) -> Node | None:
        """The value of the first entry named ``key`` in a mapping."""
        for name, value in self.pairs:
            if name.kind == "scalar" and name.value == key:
                return value
        return None

    def key_node(self, key: str) -> Node | None:
        for name, _ in self.pairs:
            if name.kind == "scalar" and name.value == key:
                return name
        return None

    def to_python(self) -> Any:
        """Plain Python data: dict, list, str, int, float, bool, None, date or datetime."""
        if self.kind == "map":
            data: dict[Any, Any] = {}
            for name, value in self.pairs:
                key = name.to_python()
                if not (key is None or isinstance(key, str | int | float | bool | dt.date)):
                    key = str(key)
                if key not in data:  # the first of duplicate keys wins (reported separately)
                    data[key] = value.to_python()
            return data
        if self.kind == "seq":
            return [item.to_python() for item in self.items]
        return _scalar(self.tag, self.value)


class YamlError(NamedTuple):
    """A parse error: the parser's own message and its 0-based line/column inside the block."""

    message: str
    offset: int
    line: int
    column: int


class Parsed(NamedTuple):
    """The front matter of one document: the root node or the parse error, in document offsets."""

    base: int  # document offset of the block's first character
    root: Node | None
    error: YamlError | None

    def span(self, node: Node) -> tuple[int, int]:
        return self.base + node.start, self.base + node.end

    @property
    def mapping(self) -> Node | None:
        return self.root if self.root is not None and self.root.kind == "map" else None


def _scalar(tag: str, text: str) -> Any:
    if tag.endswith(":str"):
        return text
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return text.lower() in ("true", "yes", "on", "y")
    if tag.endswith(":int"):
        try:
            return int(text.replace("_", ""), 0)
        except ValueError:
            return text
    if tag.endswith(":float"):
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
    if tag.endswith(":timestamp"):
        try:
            if _TIMESTAMP_DATE.match(text):
                year, month, day = (int(part) for part in text.split("-"))
                return dt.date(year, month, day)
            return dt.datetime.fromisoformat(text.replace("t", "T").replace(" ", "T", 1))
        except ValueError:
            return text
    return text


def _convert(node: Any, path: frozenset[int] = frozenset()) -> Node:
    tag = str(getattr(node.tag, "value", node.tag))
    start, end = node.start_mark, node.end_mark
    common = {"tag": tag, "start": start.index, "end": end.index, "line": start.line, "column": start.column}
    if node.id == "scalar":
        return Node("scalar", value=node.value, style=node.style, **common)
    if id(node) in path:  # an alias that contains itself: stop here instead of recursing forever
        return Node("scalar", **{**common, "tag": YAML_TAG + "null"})
    inner = path | {id(node)}
    if node.id == "sequence":
        return Node("seq", flow=bool(node.flow_style), items=tuple(_convert(item, inner) for item in node.value), **common)
    pairs = tuple((_convert(key, inner), _convert(value, inner)) for key, value in node.value)
    return Node("map", flow=bool(node.flow_style), pairs=pairs, **common)


_HINTS = (
    ("mapping values are not allowed here", "a value holds ': ' (put it in quotes) or a key is indented deeper than the key above"),
    ("found character '\\t'", "a tab; YAML is indented with spaces only"),
    ("that cannot start any token", "this character cannot start a plain value; put the value in quotes"),
    ("could not find expected ':'", "a line that is not `key: value`"),
    ("found undefined alias", "`*` starts a YAML alias; put the value in quotes"),
    ("'<stream end>'", "a bracket opened here is never closed"),
    ("found unexpected end of stream", "a quote opened here is never closed"),
    ("expected <block end>", "the indentation does not match the lines above"),
)


def _hint(problem: str) -> str | None:
    """The parser's message in plain words, for the mistakes people make in front matter."""
    return next((hint for needle, hint in _HINTS if needle in problem), None)


@lru_cache(maxsize=64)
def compose_yaml(raw: str) -> tuple[Any, Exception | None]:
    """ruamel's node tree of the YAML text, or the parser's error: the one parse of a front matter
    block that every rule reading it shares (the frontmatter rules, the days rules' date) when
    the libyaml fast path does not take the text."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="rt").compose(raw), None
    except YAMLError as error:
        return None, error


@lru_cache(maxsize=64)
def parse_yaml(raw: str) -> tuple[Node | None, YamlError | None]:
    """Compose (not construct) the YAML text: nodes with positions, no duplicate-key exception.

    libyaml composes the texts where it provably gives ruamel's tree (most front matter, and
    without importing ruamel); every other text, every error among them, is ruamel's."""
    from notelint.rules.frontmatter.libyaml_compose import compose_proven

    proven = compose_proven(raw)
    if proven is not None:
        return proven.root, None
    return parse_yaml_with_ruamel(raw)


def parse_yaml_with_ruamel(raw: str) -> tuple[Node | None, YamlError | None]:
    """:func:`parse_yaml` by ruamel's round-trip composer alone (the reference the fast path is
    tested against)."""
    from ruamel.yaml.error import MarkedYAMLError

    node, error = compose_yaml(raw)
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark is not None and mark.index >= len(raw.rstrip()) and error.context_mark is not None:
            mark = error.context_mark  # "never closed": point at where it was opened
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.problem and error.context != error.problem:
            problem = f"{problem} ({error.context})"
        hint = _hint(problem)
        message = f"{problem}: {hint}" if hint else problem
        if mark is None:
            return None, YamlError(message, 0, 0, 0)
        return None, YamlError(message, mark.index, mark.line, mark.column)
    if error is not None:  # errors without a position
        return None, YamlError(str(error).strip() or "invalid YAML", 0, 0, 0)
    if node is None:
        return None, None
    return _convert(node), None


def front_matter_of(document: Document) -> Parsed | None:
    """The parsed front matter of a closed block, or None when there is none or it is unclosed."""
    block = document.front_matter
    if block is None or not block.closed:
        return None
    root, error = parse_yaml(block.raw)
    return Parsed(block.content_start, root, error)
