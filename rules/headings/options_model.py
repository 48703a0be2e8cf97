"""The pydantic model that validates ``[tool.notelint.headings]`` (see :class:`OutlineOptions`)."""

from __future__ import annotations

from pydantic import Field

from notelint.options_model import RuleOptions
from notelint.rules.headings.options import DEFAULT_SECTIONS_WITHOUT_DAY


class OutlineOptionsModel(RuleOptions):
    """Validates :class:`notelint.rules.headings.options.OutlineOptions` (the same fields)."""

    day_level: int = Field(default=1, ge=1, le=5)
    sections_without_day: tuple[str, ...] = DEFAULT_SECTIONS_WITHOUT_DAY
    language: str = "de"
