"""notelint's built-in rules, one family per folder (installed as the package ``notelint.rules``)."""

from __future__ import annotations

from notelint.rule import RuleLike
from notelint.rules.days import RULES as DAYS_RULES
from notelint.rules.frontmatter import RULES as FRONTMATTER_RULES
from notelint.rules.headings import RULES as HEADINGS_RULES
from notelint.rules.markdown import RULES as MARKDOWN_RULES
from notelint.rules.math import RULES as MATH_RULES
from notelint.rules.typos import RULES as TYPOS_RULES

RULES: tuple[RuleLike, ...] = (
    *MARKDOWN_RULES,
    *FRONTMATTER_RULES,
    *HEADINGS_RULES,
    *DAYS_RULES,
    *MATH_RULES,
    *TYPOS_RULES,
)
