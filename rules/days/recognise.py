"""TEMPORARY stand-in for the days family's day-heading recogniser.

The real module (same name, same signature) comes from the days family branch and replaces this
file at merge. This stand-in only knows exact German weekday names with an optional day part
(``Montag``, ``Dienstag Vormittag``); it exists so the headings family can be built and tested.
"""

from __future__ import annotations

from dataclasses import dataclass

_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_DAYPARTS = ("Vormittag", "Nachmittag", "Morgen", "Mittag", "Abend", "Nacht")


@dataclass(frozen=True, slots=True)
class DayHeading:
    """A heading recognised as a day (stand-in: no dates are ever found)."""

    weekday: str
    daypart: str | None
    dates: tuple[str, ...]
    canonical: str
    exact: bool


def recognise_day(heading_text: str, language: str = "de") -> DayHeading | None:
    """The day a heading names, or None (stand-in: exact German names only)."""
    if language != "de":
        return None
    words = heading_text.split()
    if not words or len(words) > 2 or words[0] not in _WEEKDAYS:
        return None
    daypart = words[1] if len(words) == 2 else None
    if daypart is not None and daypart not in _DAYPARTS:
        return None
    return DayHeading(words[0], daypart, (), " ".join(words), True)
