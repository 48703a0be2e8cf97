"""The data of a front matter block, entry by entry, for fix verification.

Each top-level entry is compared as YAML data (resolved tags and values, not text), so a fix that
rewrites ``tags: conference`` as ``tags: [conference]`` changes only the ``tags`` entry, and a fix
whose edit reaches into one entry must leave every other entry's data alone (an anchor's value
that an alias elsewhere repeats counts as that other entry's data).
"""

from __future__ import annotations

from notelint.values import Value


class Entry(Value):
    """A top-level key and its value: offsets into the front matter text (closed interval, up to
    the next key) and the data, as nested tuples of YAML tags and scalar values."""

    __slots__ = _fields = ("start", "end", "key", "value")
    start: int
    end: int
    key: object
    value: object

    def __init__(self, start: int, end: int, key: object, value: object) -> None:
        self._set_fields(start, end, key, value)


def _data(node: object, path: tuple[int, ...] = ()) -> object:
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if id(node) in path:
        return ("recursive",)
    inner = (*path, id(node))
    if isinstance(node, ScalarNode):
        return (str(node.tag), node.value)
    if isinstance(node, SequenceNode):
        return (str(node.tag), tuple(_data(item, inner) for item in node.value))
    if isinstance(node, MappingNode):
        return (str(node.tag), tuple((_data(key, inner), _data(value, inner)) for key, value in node.value))
    return (type(node).__name__,)


def entries(raw: str) -> list[Entry] | None:
    """The top-level entries, or None when the text is not valid YAML or not a mapping."""
    import warnings

    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            root = YAML(typ="rt", pure=True).compose(raw)
    except Exception:  # any YAML the parser refuses (or nests too deeply); the frontmatter rules report it
        return None
    if not isinstance(root, MappingNode):
        return None
    starts = [key.start_mark.index for key, _value in root.value]
    found = []
    try:
        for position, (key, value) in enumerate(root.value):
            end = starts[position + 1] - 1 if position + 1 < len(starts) else len(raw)
            found.append(Entry(starts[position], end, _data(key), _data(value)))
    except RecursionError:  # data nested deeper than Python recurses is not compared
        return None
    return found
