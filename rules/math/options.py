"""Options shared by the math rules: ``[tool.notelint.math]``."""

from __future__ import annotations

from typing import Literal

from notelint.config import RuleOptions


class MathOptions(RuleOptions):
    """``dialect``: which inline math syntax the notes use.

    - ``gitlab`` (default): ``$`x`$`` (GitLab and GitHub), no bare ``$x$``;
    - ``dollars``: ``$x$`` (Obsidian, pandoc), no ``$`x`$``;
    - ``both``: either is fine.
    """

    dialect: Literal["gitlab", "dollars", "both"] = "gitlab"
    engine: Literal["builtin", "katex"] = "builtin"
    """``katex`` checks formulas with the real KaTeX through node when node and the ``katex``
    package are available (falls back to the built-in checker otherwise)."""
