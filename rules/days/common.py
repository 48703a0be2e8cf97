"""What the ``days`` rules share: their options, the day headings of a note and its front matter date."""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Literal, NamedTuple, TYPE_CHECKING

from notelint.options import DeclaredOptions
from notelint.rules.days.recognise import DayHeading, recognise_day, vocabulary
from notelint.values import Value

if TYPE_CHECKING:
    from pydantic import BaseModel

    from notelint.document import Document

Style = Literal["weekday-daypart", "compound", "with-date"]


class DaysOptions(DeclaredOptions, Value):
    """Options of ``[tool.notelint.days]``.

    ``language``: the language of the day names (a Babel locale, ``de`` by default).
    ``level``: the heading level of day headings (1 for ``# Montag``).
    ``day-parts``: the day periods allowed in day headings (default: every CLDR period of the language).
    ``style``: ``weekday-daypart`` (``Montag Vormittag``), ``compound`` (``Montagvormittag``, the official
    spelling) or ``with-date`` (``Montag Vormittag, 7. April 2025``: the date is added when the front
    matter ``date`` tells which week the notes are about).
    """

    _fields = ("language", "level", "day_parts", "style", "config_root")
    language: str
    level: int
    day_parts: tuple[str, ...] | None
    style: Style
    config_root: str | None

    def __init__(
        self,
        language: str = "de",
        level: int = 1,
        day_parts: tuple[str, ...] | None = None,
        style: Style = "weekday-daypart",
        config_root: str | None = None,
    ) -> None:
        self._set_fields(language, level, day_parts, style, config_root)

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.days.options_model import DaysOptionsModel

        return DaysOptionsModel


DEFAULT_OPTIONS = DaysOptions()


class DayHeadingAt(NamedTuple):
    """A recognised day heading and where its text stands in the document."""

    line: int  # 1-based
    start: int  # offset of the heading text (after ``# ``)
    end: int
    text: str
    day: DayHeading


def day_headings(document: Document, options: DaysOptions | None) -> list[DayHeadingAt]:
    """The day headings of the configured level, in document order (code spans excluded); found
    once per document and options for every ``days`` rule."""
    options = options or DEFAULT_OPTIONS
    return list(document.derived(_day_headings, options.level, options.language))


def _day_headings(document: Document, level: int, language: str) -> tuple[DayHeadingAt, ...]:
    tag = f"h{level}"
    found: list[DayHeadingAt] = []
    tokens = document.block_tokens
    for position in document.positions("heading_open"):
        token = tokens[position]
        if position + 1 >= len(tokens) or token.tag != tag or token.level != 0 or token.map is None:
            continue
        inline = tokens[position + 1]
        content = inline.content
        if inline.type != "inline" or not content.strip() or "\n" in content or "`" in content or "$" in content:
            continue
        line = token.map[0] + 1
        line_text = document.line_text(line)
        column = line_text.find(
            content, len(line_text) - len(line_text.lstrip(" #")) if token.markup.startswith("#") else 0
        )
        if column < 0:
            continue
        day = recognise_day(content, language)
        if day is None:
            continue
        start = document.offset(line, column + 1)
        found.append(DayHeadingAt(line, start, start + len(content), content, day))
    return tuple(found)


def front_matter_date(document: Document) -> datetime.date | None:
    """The ``date`` value of the front matter, when it is a full calendar date."""
    front = document.front_matter
    if front is None or not front.closed or "date" not in front.raw:
        return None
    return _date_in_yaml(front.raw)


# What a YAML text needs to hold for construction to change its node tree: a merge key `<<`, a
# value key `=`, or such a tag written out (`!!merge`, `!<tag:...>`, a %TAG directive).
_TREE_CHANGING = ("<<", "=", "merge", "value", "!<", "%")


@lru_cache(maxsize=16)
def _date_in_yaml(raw: str) -> datetime.date | None:
    """The ``date`` of a front matter block's YAML text (read once per block: several rules ask),
    constructed as YAML's safe loader does from the node tree the frontmatter rules parsed.

    A tree libyaml composed (see ``libyaml_compose``) made of values ``safe_data`` proves it
    constructs as ruamel does is read without ruamel; every other text by ruamel's constructor."""
    from notelint.rules.frontmatter.libyaml_compose import compose_proven
    from notelint.rules.frontmatter.safe_data import NotConstructed, Unproven, safe_data

    proven = compose_proven(raw)
    if proven is not None:
        if proven.root is None:
            return None
        try:
            return _date_of(safe_data(proven.root))
        except NotConstructed:
            return None
        except Unproven:
            pass
    return _date_in_yaml_with_ruamel(raw)


def _date_in_yaml_with_ruamel(raw: str) -> datetime.date | None:
    """:func:`_date_in_yaml` by ruamel's composer and safe constructor alone."""
    import copy

    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from notelint.rules.frontmatter.parse import compose_yaml

    try:
        node, error = compose_yaml(raw)
        if error is not None:
            return None
        # construction rewrites merge (`<<`) and value (`=`) keys in the nodes: work on a copy of
        # the shared tree when the text could hold one (such tags need these characters)
        if node is not None and any(mark in raw for mark in _TREE_CHANGING):
            node = copy.deepcopy(node)
        data = None if node is None else YAML(typ="safe", pure=True).constructor.construct_document(node)
    except (YAMLError, ValueError, TypeError):
        return None
    return _date_of(data)


def _date_of(data: object) -> datetime.date | None:
    """The calendar date in the ``date`` entry of constructed front matter data."""
    if not isinstance(data, dict):
        return None
    value = data.get("date")
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


def allowed_dayparts(options: DaysOptions) -> tuple[str, ...]:
    return options.day_parts if options.day_parts is not None else vocabulary(options.language).dayparts


def daypart_rank(daypart: str | None, language: str) -> int:
    """Whole days first, then the periods of the day from morning to night."""
    if daypart is None:
        return -1
    parts = vocabulary(language).dayparts
    return parts.index(daypart) if daypart in parts else len(parts)


def event_date(weekday: int, start: datetime.date) -> datetime.date:
    """The date of ``weekday`` in the event week that begins on ``start``."""
    return start + datetime.timedelta(days=(weekday - start.weekday()) % 7)


def styled(day: DayHeading, options: DaysOptions, start: datetime.date | None) -> tuple[str, bool]:
    """The heading in the configured style, and whether that text needed a guess (an inferred date)."""
    vocab = vocabulary(options.language)
    simple = day.pure and not day.dates and len(day.weekdays) == 1 and day.canonical.count(" ") <= 1
    if not simple:
        return day.canonical, False
    if options.style == "compound" and day.daypart is not None and day.weekday is not None:
        return vocab.weekdays[day.weekday] + day.daypart.lower(), False
    if options.style == "with-date" and day.weekday is not None and start is not None:
        from babel.dates import format_date

        written = format_date(event_date(day.weekday, start), "d. MMMM y", locale=options.language)
        return f"{day.canonical}, {written}", True
    return day.canonical, False


def event_week_conflict(headings: list[DayHeadingAt], start: datetime.date) -> DayHeadingAt | None:
    """A weekday heading that the note reaches after its first heading but that lies earlier in the
    event week beginning on ``start``; None when the first heading fits that week."""
    if not headings or headings[0].day.dates or headings[0].day.weekday is None:
        return None

    def offset(weekday: int) -> int:
        return (weekday - start.weekday()) % 7

    first = offset(headings[0].day.weekday)
    for heading in headings[1:]:
        if not heading.day.dates and heading.day.weekday is not None and offset(heading.day.weekday) < first:
            return heading
    return None
