"""The data ruamel's safe constructor (YAML 1.2) makes of a node tree, for the trees where this
module provably does the same (``tests/test_libyaml_compose.py`` compares them), without ruamel.

Proven are trees of mappings whose keys are strings, sequences, and scalars resolved as strings,
nulls, booleans, decimal integers, plain floats and calendar dates (``2024-05-13``).  Any other
scalar (``0x1F``, ``1_000``, ``2024-05-13T10:00``, a merge key ``<<``...) makes :func:`safe_data`
raise :class:`Unproven`: the caller then asks ruamel.  Where ruamel's constructor fails (a
duplicate key, an impossible date), :func:`safe_data` raises :class:`NotConstructed`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from notelint.rules.frontmatter.parse import Node

_YAML = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP = (
    _YAML + name for name in ("str", "null", "bool", "int", "float", "timestamp")
)
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_PLAIN_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_CALENDAR_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
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
    if tag in (_STR, _NULL, _BOOL):
        return True
    if tag == _INT:
        return _DECIMAL.fullmatch(value) is not None
    if tag == _FLOAT:
        return _PLAIN_FLOAT.fullmatch(value) is not None
    if tag == _TIMESTAMP:
        return _CALENDAR_DATE.fullmatch(value) is not None
    return False


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
    if tag == _INT:
        return int(value)
    if tag == _FLOAT:
        lowered = value.lower()
        sign = -1 if lowered[0] == "-" else 1
        unsigned = lowered.lstrip("+-")
        if unsigned == ".inf":
            return sign * _INFINITY
        if unsigned == ".nan":
            return _NAN
        return sign * float(unsigned)
    year, month, day = (int(part) for part in _CALENDAR_DATE.fullmatch(value).groups())  # type: ignore[union-attr]
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise NotConstructed from error
