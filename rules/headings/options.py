"""Options of the ``headings`` family, read from ``[tool.notelint.headings]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from notelint.options import DeclaredOptions
from notelint.values import Value

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


class OutlineOptions(DeclaredOptions, Value):
    """``day-level``: the heading level of days (talks are one level below, topics further down).
    ``sections-without-day``: headings allowed at day level that are not days (compared without
    regard to case and spaces). ``language``: the language the day recogniser reads day names in."""

    _fields = ("day_level", "sections_without_day", "language", "config_root")
    day_level: int
    sections_without_day: tuple[str, ...]
    language: str
    config_root: str | None

    def __init__(
        self,
        day_level: int = 1,
        sections_without_day: tuple[str, ...] = DEFAULT_SECTIONS_WITHOUT_DAY,
        language: str = "de",
        config_root: str | None = None,
    ) -> None:
        self._set_fields(day_level, sections_without_day, language, config_root)

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.headings.options_model import OutlineOptionsModel

        return OutlineOptionsModel

    def allowed_without_day(self, text: str) -> bool:
        wanted = "".join(text.split()).casefold()
        return any("".join(name.split()).casefold() == wanted for name in self.sections_without_day)
