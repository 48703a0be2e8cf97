"""Options of the ``headings`` family, read from ``[tool.notelint.headings]``."""

from __future__ import annotations

from pydantic import Field

from notelint.config import RuleOptions

DEFAULT_SECTIONS_WITHOUT_DAY: tuple[str, ...] = (
    "Posters",
    "Lectures/Orals",
    "Lectures",
    "Orals",
    "Keynotes",
    "Workshops",
    "Tutorials",
)


class OutlineOptions(RuleOptions):
    """``day-level``: the heading level of days (talks are one level below, topics further down).
    ``sections-without-day``: headings allowed at day level that are not days (compared without
    regard to case and spaces). ``language``: the language the day recogniser reads day names in."""

    day_level: int = Field(default=1, ge=1, le=5)
    sections_without_day: tuple[str, ...] = DEFAULT_SECTIONS_WITHOUT_DAY
    language: str = "de"

    def allowed_without_day(self, text: str) -> bool:
        wanted = "".join(text.split()).casefold()
        return any("".join(name.split()).casefold() == wanted for name in self.sections_without_day)
