"""The data ruamel's safe constructor (YAML 1.2) makes of a node tree, for the trees where this
module provably does the same (``tests/test_libyaml_compose.py`` compares them), without ruamel.

Proven are trees of mappings whose keys are strings, sequences, and scalars resolved as strings,
nulls, booleans, integers and floats without ``_``, and calendar dates (``2024-05-13``).  Any
other scalar (``1_000``, ``2024-05-13T10:00``, a merge key ``<<``...) or key makes
:func:`safe_data` raise :class:`Unproven`: the caller then asks ruamel.  Where ruamel's
constructor fails (a duplicate key, an impossible date), it raises :class:`NotConstructed`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from notelint.rules.frontmatter.parse import YAML_TAG as _YAML, Node

_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP = (
    _YAML + name for name in ("str", "null", "bool", "int", "float", "timestamp")
)
_INFINITY = float("inf")
_NAN = -_INFINITY / _INFINITY  # one object for every .nan, as ruamel's constructor has


class Unproven(Exception):
    """The tree holds something this module does not claim to construct as ruamel does."""


class NotConstructed(Exception):
    """ruamel's safe constructor raises an error for this tree (a duplicate key, a bad date)."""


def safe_data(root: Node) -> Any:
    """``YAML(typ="safe").constructor.construct_document`` of the tree, or an exception."""
    _check_proven(root)
    return _construct(root)


def _check_proven(node: Node) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.kind == "map":
            for key, value in current.pairs:
                if key.kind != "scalar" or key.tag != _STR:
                    raise Unproven
                stack.append(value)
        elif current.kind == "seq":
            stack.extend(current.items)
        elif not _proven_scalar(current.tag, current.value):
            raise Unproven


def _proven_scalar(tag: str, value: str) -> bool:
    """Whether ruamel's constructor surely constructs this resolved scalar as :func:`_scalar` does.

    The resolver's patterns (``libyaml_compose.RESOLVERS_1_2``) already hold: an int or a float
    without ``_`` always constructs (``_``, ``0x_`` or ``._`` do not, or crash); a timestamp of
    ten characters is a calendar date (every other form has a time)."""
    if tag in (_STR, _NULL, _BOOL):
        return True
    if tag in (_INT, _FLOAT):
        return "_" not in value
    return tag == _TIMESTAMP and len(value) == 10


def _construct(node: Node) -> Any:
    if node.kind == "map":
        mapping: dict[str, Any] = {}
        for key, value in node.pairs:
            constructed = _construct(value)
            if key.value in mapping:
                raise NotConstructed  # ruamel: DuplicateKeyError
            mapping[key.value] = constructed
        return mapping
    if node.kind == "seq":
        return [_construct(item) for item in node.items]
    return _scalar(node.tag, node.value)


def _scalar(tag: str, value: str) -> Any:
    if tag == _STR:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    sign = -1 if value[0] == "-" else 1
    unsigned = value[1:] if value[0] in "+-" else value
    if tag == _INT:
        prefix = unsigned[:2]
        if prefix in ("0b", "0o", "0x"):
            return sign * int(unsigned[2:], {"0b": 2, "0o": 8, "0x": 16}[prefix])
        return sign * int(unsigned)
    if tag == _FLOAT:
        lowered = unsigned.lower()
        if lowered == ".inf":
            return sign * _INFINITY
        if lowered == ".nan":
            return _NAN
        return sign * float(lowered)
    try:
        return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    except ValueError as error:
        raise NotConstructed from error
