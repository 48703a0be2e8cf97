"""The pydantic model that validates ``[tool.notelint.math]`` (see :class:`MathOptions`)."""

from __future__ import annotations

from typing import Literal

from notelint.options_model import RuleOptions


class MathOptionsModel(RuleOptions):
    """Validates :class:`notelint.rules.math.options.MathOptions` (the same fields)."""

    dialect: Literal["gitlab", "dollars", "both"] = "gitlab"
    engine: Literal["builtin", "katex"] = "builtin"
