"""Regular expressions compiled on their first use.

A one-note run compiles every pattern its modules define when they are imported: notelint's own
took 15 ms of a 140 ms run, and half of that went to patterns the note never reached (links and
HTML in prose, dates written otherwise, glued paragraphs, suppression comments). A pattern made
by :func:`lazy` is compiled by its first match. The compiled pattern's methods are then kept on
the object, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # asked only for what the object does not hold yet: the first use of a method
        if name.startswith("_") or "_flags" not in self.__dict__:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags, self.groups, self.groupindex = compiled.flags, compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` when first used (its methods and attributes; not an
    argument to the ``re`` module's functions)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
