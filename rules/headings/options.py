"""Options of the ``headings`` family, read from ``[tool.notelint.headings]``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from notelint.options import DeclaredOptions

if TYPE_CHECKING:
    from pydantic import BaseModel

DEFAULT_SECTIONS_WITHOUT_DAY: tuple[str, ...] = (
    "Posters",
    "Lectures/Orals",
    "Lectures",
    "Orals",
    "Keynotes",
    "Workshops",
    "Tutorials",
)


@dataclass(frozen=True)
class OutlineOptions(DeclaredOptions):
    """``day-level``: the heading level of days (talks are one level below, topics further down).
    ``sections-without-day``: headings allowed at day level that are not days (compared without
    regard to case and spaces). ``language``: the language the day recogniser reads day names in."""

    day_level: int = 1
    sections_without_day: tuple[str, ...] = DEFAULT_SECTIONS_WITHOUT_DAY
    language: str = "de"
    config_root: str | None = None

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.headings.options_model import OutlineOptionsModel

        return OutlineOptionsModel

    def allowed_without_day(self, text: str) -> bool:
        wanted = "".join(text.split()).casefold()
        return any("".join(name.split()).casefold() == wanted for name in self.sections_without_day)
