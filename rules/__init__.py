"""notelint's built-in rules, one family per folder (installed as the package ``notelint.rules``)."""

from __future__ import annotations

from notelint.rule import RuleLike
from notelint.rules.markdown import RULES as MARKDOWN_RULES
from notelint.rules.math import RULES as MATH_RULES

RULES: tuple[RuleLike, ...] = (*MARKDOWN_RULES, *MATH_RULES)
