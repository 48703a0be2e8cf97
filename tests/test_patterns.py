"""Patterns compiled on first use (notelint.patterns): the same answers as compiled ones, and
every lazy pattern of the built-in rules compiles (else a broken one would show up only on the
first note that reached it)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import notelint
import notelint.rules
from notelint.patterns import _LazyPattern, lazy


def test_a_lazy_pattern_answers_as_the_compiled_one_and_compiles_once() -> None:
    pattern = lazy(r"(?P<word>[a-z]+)-(\d)", re.IGNORECASE)
    assert "match" not in vars(pattern)  # nothing compiled yet
    compiled = re.compile(r"(?P<word>[a-z]+)-(\d)", re.IGNORECASE)
    text = "Ab-1 cd-2 x"
    assert pattern.match(text).group("word") == compiled.match(text).group("word")  # type: ignore[union-attr]
    assert "match" in vars(pattern)  # its methods are the compiled pattern's own from now on
    first = pattern.match
    assert pattern.match == first and pattern.pattern == compiled.pattern
    assert pattern.findall(text) == compiled.findall(text)
    assert pattern.sub("<\\1>", text) == compiled.sub("<\\1>", text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.fullmatch("ab-1") is not None and pattern.search("..cd-2").start() == 2  # type: ignore[union-attr]
    assert (pattern.flags, pattern.groups, pattern.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)


def test_a_broken_lazy_pattern_fails_at_its_first_use() -> None:
    pattern = lazy(r"(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")


def test_every_lazy_pattern_of_notelint_compiles() -> None:
    found = 0
    for package in (notelint, notelint.rules):
        for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if module_info.name in ("notelint.server", "notelint.__main__"):
                continue  # (the server needs the optional pygls; __main__ runs the command line)
            module = importlib.import_module(module_info.name)
            for value in list(vars(module).values()) + [
                item for value in vars(module).values() if isinstance(value, tuple) for entry in value
                for item in (entry if isinstance(entry, tuple) else (entry,))
            ]:
                if isinstance(value, _LazyPattern):
                    re.compile(value.pattern, value._flags)
                    found += 1
    assert found >= 30  # (the rules' patterns that most notes never reach)
