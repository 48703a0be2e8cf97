"""The ``days`` family: German day headings recognised, spelled one way, in order, true to the calendar."""

from __future__ import annotations

from notelint.rule import RuleLike

RULES: tuple[RuleLike, ...] = ()
