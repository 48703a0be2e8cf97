"""Recognise day headings such as ``Montag Vormittag`` or ``Donnerstag 21.3.2024``.

Shared with the ``headings`` family, which needs to know which headings name a day::

    from notelint.rules.days.recognise import recognise_day

    recognise_day("Mitwoch Nachmittag")   # DayHeading(weekday=2, daypart="Nachmittag", ..., exact=False)
    recognise_day("Posters")              # None

Weekday names, their abbreviations, day periods and month names come from Babel's CLDR data for the
configured language (German by default); English names are recognised in every language.  The only
hand-written words are ``Sonnabend`` (a regional German name for Saturday that CLDR does not carry)
and a few connectors such as ``bis``.

Two kinds of heading are recognised:

* *pure* headings, in which every word is a weekday, a day period, a date or a connector
  (``Fr Nachmittag``, ``Thursday morning``, ``Mitwoch``).  Only here are abbreviations and
  misspellings within a small edit distance accepted, so ordinary words in talk titles never turn
  a heading into a day (and an abbreviation needs a day period or a date beside it: ``Sun`` alone
  is a word);
* headings with other words that contain a correctly spelled weekday name *and* a date
  (``BOGY Woche, Donnerstag 21.3.2024``), or that start with a pure day heading followed by a
  colon, a parenthesis or a dash (``Freitag: Workshops``, ``Montag Vormittag (Tutorials)``).
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from notelint.patterns import lazy

__all__ = ["DayHeading", "Vocabulary", "recognise_day", "vocabulary", "weekday_name"]

# Regional names that CLDR does not list (it only has the standard ``Samstag``).
_REGIONAL_WEEKDAYS: dict[str, dict[str, int]] = {"de": {"sonnabend": 5}}
# Words that may join the parts of a pure day heading (``Dienstag bis Freitag``).
_CONNECTORS = frozenset({"bis", "und", "am", "den", "vom", "to", "and", "on", "until", "the"})
_FOREIGN = "en"
_MAX_MISSPELLED = 3

_ISO_DATE = lazy(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC_DATE = lazy(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2})(?![\d]))?")
_TITLE_SEPARATOR = re.compile(r"\s*(?::|\(|\s[-\u2013\u2014]\s)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?")
_WORD_PART = lazy(r"[^\W\d_]+\.?")
_NUMBER = re.compile(r"\d+")


class DayHeading(NamedTuple):
    """What a day heading says.

    ``weekday`` is 0 for Monday through 6 for Sunday (the first weekday named; ``weekdays`` holds all
    of them, two for a range), ``daypart`` the canonical day period (``"Vormittag"``), ``dates`` the
    dates written in the heading in their order.  ``canonical`` is the heading in the default style
    (``Weekday Daypart``, capitalised, one space) and ``exact`` is false when the heading was
    recognised through a misspelling, an English name, an abbreviation or the wrong case.
    ``ambiguous`` is true when a word could mean more than one name (a misspelling equally close to
    two names; ``morning`` is not ambiguous: of CLDR's two German mornings only ``Vormittag`` ends at
    noon like it).  Spans are ``(start, end)`` offsets into the heading text.
    """

    weekday: int | None
    daypart: str | None
    dates: tuple[datetime.date, ...]
    canonical: str
    exact: bool
    weekdays: tuple[int, ...] = ()
    ambiguous: bool = False
    pure: bool = True
    compound: bool = False
    weekday_spans: tuple[tuple[int, int], ...] = ()
    daypart_span: tuple[int, int] | None = None
    date_spans: tuple[tuple[int, int], ...] = ()

    @property
    def is_range(self) -> bool:
        return len(self.dates) >= 2 or len(self.weekdays) >= 2


class Vocabulary(NamedTuple):
    """The names of one language, from Babel's CLDR data (all keys lower case)."""

    language: str
    weekdays: tuple[str, ...]  # canonical wide names, Monday first
    dayparts: tuple[str, ...]  # canonical stand-alone wide day periods, in the order of the day
    weekday_names: Mapping[str, int]  # wide names (and regional forms)
    weekday_abbreviations: Mapping[str, int]  # "mo", "mo." (only where written as CLDR spells them)
    abbreviation_spelling: frozenset[str]
    daypart_names: Mapping[str, str]  # "vormittag", "vormittags" -> "Vormittag"
    daypart_abbreviations: Mapping[str, str]  # "vorm." -> "Vormittag"
    foreign_weekdays: Mapping[str, int]
    foreign_weekday_abbreviations: Mapping[str, int]
    foreign_dayparts: Mapping[str, tuple[str, ...]]  # "morning" -> ("Vormittag",), best first
    months: Mapping[str, int]  # "april", "apr." -> 4


def _period_order(rules: object, key: str) -> int:
    try:
        entries = rules[key]  # type: ignore[index]
    except (KeyError, TypeError):
        return 0
    first = entries[0]
    return int(first.get("from", first.get("at", 0)))


# The vocabularies of the common languages, computed from Babel by tools/extract_day_names.py:
# reading them costs far less than loading Babel's locale data (tests check them against Babel).
DAY_NAMES_FILE = "day_names.json"


@cache
def vocabulary(language: str = "de") -> Vocabulary:
    """The weekday, day period and month names of ``language`` (cached; immutable)."""
    stored = _stored_vocabularies().get(language)
    if stored is not None:
        return vocabulary_from_json(language, stored)
    return vocabulary_from_cldr(language)


@cache
def _stored_vocabularies() -> Mapping[str, dict[str, object]]:
    import json
    from pathlib import Path

    try:
        text = Path(__file__).with_name(DAY_NAMES_FILE).read_text(encoding="utf-8")
    except OSError:
        return {}
    languages: dict[str, dict[str, object]] = json.loads(text)["languages"]
    return MappingProxyType(languages)


_MAPPING_FIELDS = (
    "weekday_names", "weekday_abbreviations", "daypart_names", "daypart_abbreviations",
    "foreign_weekdays", "foreign_weekday_abbreviations", "foreign_dayparts", "months",
)


def vocabulary_to_json(vocab: Vocabulary) -> dict[str, object]:
    """A vocabulary as JSON data (mappings keep their order; the spelling set is sorted)."""
    data: dict[str, object] = {
        "weekdays": list(vocab.weekdays),
        "dayparts": list(vocab.dayparts),
        "abbreviation_spelling": sorted(vocab.abbreviation_spelling),
    }
    for name in _MAPPING_FIELDS:
        mapping: Mapping[str, object] = getattr(vocab, name)
        data[name] = {key: list(value) if isinstance(value, tuple) else value for key, value in mapping.items()}
    return data


def vocabulary_from_json(language: str, data: Mapping[str, object]) -> Vocabulary:
    """The inverse of :func:`vocabulary_to_json`."""
    mappings = {
        name: MappingProxyType(
            {key: tuple(value) if isinstance(value, list) else value for key, value in data[name].items()}  # type: ignore[attr-defined]
        )
        for name in _MAPPING_FIELDS
    }
    return Vocabulary(
        language=language,
        weekdays=tuple(data["weekdays"]),  # type: ignore[arg-type]
        dayparts=tuple(data["dayparts"]),  # type: ignore[arg-type]
        abbreviation_spelling=frozenset(data["abbreviation_spelling"]),  # type: ignore[arg-type]
        **mappings,  # type: ignore[arg-type]
    )


def vocabulary_from_cldr(language: str) -> Vocabulary:
    """The vocabulary of ``language`` computed from Babel's CLDR data (the source of the stored table)."""
    from babel import Locale

    locale = Locale.parse(language)
    foreign = Locale.parse(_FOREIGN)

    weekdays = tuple(str(locale.days["stand-alone"]["wide"][index]) for index in range(7))
    weekday_names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for index, name in locale.days[context]["wide"].items():
            weekday_names[str(name).lower()] = index
    weekday_names.update(_REGIONAL_WEEKDAYS.get(locale.language, {}))

    abbreviations: dict[str, int] = {}
    spelling: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "short"):
            for index, name in locale.days[context][width].items():
                text = str(name)
                for form in {text, text.rstrip("."), text.rstrip(".") + "."}:
                    abbreviations[form.lower()] = index
                    spelling.add(form)

    rules = locale.day_period_rules.get(None) if locale.day_period_rules else None
    standalone = dict(locale.day_periods["stand-alone"].get("wide", {})) or dict(
        locale.day_periods["format"].get("wide", {})
    )
    period_keys = sorted(
        (key for key in standalone if key not in ("am", "pm", "midnight", "noon")),
        # CLDR's night starts at midnight; in notes it ends the day.
        key=lambda key: _period_order(rules, key) if not key.startswith("night") else 10**6,
    )
    dayparts = tuple(dict.fromkeys(str(standalone[key]) for key in period_keys))
    canonical_by_key = {key: str(standalone[key]) for key in period_keys}
    daypart_names: dict[str, str] = {}
    daypart_abbreviations: dict[str, str] = {}
    for context in ("format", "stand-alone"):
        for key, name in locale.day_periods[context].get("wide", {}).items():
            if key in canonical_by_key:
                daypart_names[str(name).lower()] = canonical_by_key[key]
        for key, name in locale.day_periods[context].get("abbreviated", {}).items():
            if key in canonical_by_key and str(name).lower() not in daypart_names:
                daypart_abbreviations[str(name).lower()] = canonical_by_key[key]

    foreign_weekdays = {str(name).lower(): index for index, name in foreign.days["format"]["wide"].items()}
    foreign_abbreviations: dict[str, int] = {}
    for index, name in foreign.days["format"]["abbreviated"].items():
        foreign_abbreviations[str(name).lower().rstrip(".")] = index
        foreign_abbreviations[str(name).lower().rstrip(".") + "."] = index
    foreign_rules = foreign.day_period_rules.get(None) if foreign.day_period_rules else None
    foreign_dayparts: dict[str, tuple[str, ...]] = {}
    for key, name in foreign.day_periods["stand-alone"]["wide"].items():
        category = key.rstrip("0123456789")
        if category in ("am", "pm", "midnight", "noon"):
            continue
        candidates = [k for k in period_keys if k.rstrip("0123456789") == category]
        if not candidates:
            continue
        # The target period that ends when the foreign one ends is the best translation
        # ("morning" ends at noon, like "Vormittag"; "afternoon" ends at 18:00 like "Nachmittag").
        foreign_end = _period_end(foreign_rules, key)
        same_end = [k for k in candidates if _period_end(rules, k) == foreign_end]
        ordered = same_end + [k for k in candidates if k not in same_end]
        # One candidate ending with the foreign period is a clear translation; otherwise all remain.
        foreign_dayparts[str(name).lower()] = tuple(
            canonical_by_key[k] for k in (same_end if len(same_end) == 1 else ordered)
        )

    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                text = str(name).lower()
                months[text] = number
                months[text.rstrip(".")] = number
    return Vocabulary(
        language=language,
        weekdays=weekdays,
        dayparts=dayparts,
        weekday_names=MappingProxyType(weekday_names),
        weekday_abbreviations=MappingProxyType(abbreviations),
        abbreviation_spelling=frozenset(spelling),
        daypart_names=MappingProxyType(daypart_names),
        daypart_abbreviations=MappingProxyType(daypart_abbreviations),
        foreign_weekdays=MappingProxyType(foreign_weekdays),
        foreign_weekday_abbreviations=MappingProxyType(foreign_abbreviations),
        foreign_dayparts=MappingProxyType(foreign_dayparts),
        months=MappingProxyType(months),
    )


def _period_end(rules: object, key: str) -> int:
    try:
        entries = rules[key]  # type: ignore[index]
    except (KeyError, TypeError):
        return -1
    return int(entries[0].get("before", -1))


def weekday_name(weekday: int, language: str = "de") -> str:
    """The canonical (CLDR stand-alone wide) name of a weekday, 0 = Monday."""
    return vocabulary(language).weekdays[weekday]


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein with adjacent transpositions)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _fuzzy(word: str, names: Mapping[str, object]) -> tuple[list[object], int] | None:
    """Names within a small edit distance of ``word`` (lower case).

    Only words of five letters or more, at most one edit (two from nine letters on), and never a
    word that merely extends or shortens a name (``Montage``, ``Montags``, ``Freita``): those are
    other words, not typos.
    """
    if len(word) < 5:
        return None
    limit = 2 if len(word) >= 9 else 1
    best: list[object] = []
    best_distance = limit + 1
    for name, value in names.items():
        if len(name) < 5 or abs(len(name) - len(word)) > limit:
            continue
        if word.startswith(name) or name.startswith(word):
            continue
        if word[0] != name[0]:
            continue
        distance = edit_distance(word, name)
        if distance > limit:
            continue
        if distance < best_distance:
            best, best_distance = [value], distance
        elif distance == best_distance and value not in best:
            best.append(value)
    if not best:
        return None
    return best, best_distance


class _Token:
    __slots__ = ("kind", "start", "end", "exact", "weak", "abbreviation", "ambiguous", "weekday", "daypart", "date")

    kind: str  # "weekday", "daypart", "compound", "date", "connector", "number", "other"
    start: int
    end: int
    exact: bool
    weak: bool  # abbreviation or misspelling: only counts in a pure heading
    abbreviation: bool  # a weekday abbreviation: needs a day part or a date beside it
    ambiguous: bool
    weekday: int | None
    daypart: str | None
    date: datetime.date | None

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        exact: bool = True,
        weak: bool = False,
        abbreviation: bool = False,
        ambiguous: bool = False,
        weekday: int | None = None,
        daypart: str | None = None,
        date: datetime.date | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.exact = exact
        self.weak = weak
        self.abbreviation = abbreviation
        self.ambiguous = ambiguous
        self.weekday = weekday
        self.daypart = daypart
        self.date = date


def _make_date(year: int | None, month: int, day: int) -> datetime.date | None:
    if year is None:
        return None
    if year < 100:
        year += 2000
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@cache
def _named_date_pattern(language: str) -> re.Pattern[str]:
    """``7. April 2025``: day, month name of the language (wide or abbreviated), optional year."""
    names = sorted((re.escape(name) for name in vocabulary(language).months), key=len, reverse=True)
    return re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s*({'|'.join(names)})(?![^\W\d_])(?:\s*(\d{{4}}))?", re.IGNORECASE)


def _dates(text: str, vocab: Vocabulary) -> list[_Token]:
    found: list[_Token] = []
    if not any(char.isdecimal() for char in text):
        return found  # every date pattern needs a digit (``\d`` is what isdecimal tells)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _ISO_DATE.finditer(text):
        made = _make_date(int(match[1]), int(match[2]), int(match[3]))
        found.append(_Token("date", match.start(), match.end(), date=made))
        taken.append(match.span())
    named = _named_date_pattern(vocab.language)
    for match in named.finditer(text):
        if not free(*match.span()):
            continue
        month = vocab.months[match[2].lower()]
        year = int(match[3]) if match[3] else None
        found.append(_Token("date", match.start(), match.end(), date=_make_date(year, month, int(match[1]))))
        taken.append(match.span())
    for match in _NUMERIC_DATE.finditer(text):
        if not free(*match.span()):
            continue
        year = int(match[3]) if match[3] else None
        end = match.end()
        found.append(_Token("date", match.start(), end, date=_make_date(year, int(match[2]), int(match[1]))))
        taken.append((match.start(), end))
    return found


def _classify(word: str, start: int, vocab: Vocabulary, fuzzy: bool = True) -> list[_Token]:
    end = start + len(word)
    bare = word.rstrip(".")
    lower = bare.lower()
    bare_end = start + len(bare)
    if lower in vocab.weekday_names:
        index = vocab.weekday_names[lower]
        # A correctly written regional name (``Sonnabend``) is exact; it is only not canonical.
        exact = bare == vocab.weekdays[index] or (bare[:1].isupper() and bare[1:].islower())
        return [_Token("weekday", start, bare_end, exact=exact, weekday=index)]
    if lower in vocab.daypart_names:
        name = vocab.daypart_names[lower]
        return [_Token("daypart", start, bare_end, exact=bare == name, daypart=name)]
    for name, index in vocab.weekday_names.items():
        rest = lower[len(name) :]
        if lower.startswith(name) and rest in vocab.daypart_names:
            daypart = vocab.daypart_names[rest]
            canonical = vocab.weekdays[index] + daypart.lower()
            return [_Token("compound", start, bare_end, exact=bare == canonical, weekday=index, daypart=daypart)]
    if word in vocab.abbreviation_spelling or bare in vocab.abbreviation_spelling:
        index = (
            vocab.weekday_abbreviations[word.lower()]
            if word.lower() in vocab.weekday_abbreviations
            else vocab.weekday_abbreviations[lower]
        )
        return [_Token("weekday", start, end, exact=False, weak=True, abbreviation=True, weekday=index)]
    if word.lower() in vocab.daypart_abbreviations:
        return [
            _Token("daypart", start, end, exact=False, weak=True, daypart=vocab.daypart_abbreviations[word.lower()])
        ]
    if lower in vocab.foreign_weekdays:
        return [_Token("weekday", start, bare_end, exact=False, weekday=vocab.foreign_weekdays[lower])]
    if word.lower() in vocab.foreign_weekday_abbreviations and bare[:1].isupper():
        index = vocab.foreign_weekday_abbreviations[word.lower()]
        return [_Token("weekday", start, end, exact=False, weak=True, abbreviation=True, weekday=index)]
    if lower in vocab.foreign_dayparts:
        candidates = vocab.foreign_dayparts[lower]
        return [
            _Token(
                "daypart", start, bare_end, exact=False, weak=True, ambiguous=len(candidates) > 1, daypart=candidates[0]
            )
        ]
    if lower in _CONNECTORS:
        return [_Token("connector", start, end)]
    if not fuzzy:
        return [_Token("other", start, end)]
    weekday_match = _fuzzy(lower, vocab.weekday_names)
    daypart_match = _fuzzy(lower, {part.lower(): part.lower() for part in vocab.dayparts})
    if weekday_match and (not daypart_match or weekday_match[1] <= daypart_match[1]):
        values, _ = weekday_match
        index = int(values[0])  # type: ignore[call-overload]
        return [_Token("weekday", start, bare_end, exact=False, weak=True, ambiguous=len(values) > 1, weekday=index)]
    if daypart_match:
        values, _ = daypart_match
        name = vocab.daypart_names[str(values[0])]
        return [_Token("daypart", start, bare_end, exact=False, weak=True, ambiguous=len(values) > 1, daypart=name)]
    return [_Token("other", start, end)]


def _tokens(text: str, vocab: Vocabulary) -> list[_Token]:
    tokens = _dates(text, vocab)
    taken = [(token.start, token.end) for token in tokens]

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    words: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        if not free(*match.span()):
            continue
        if "-" in match[0] and match[0].rstrip(".").lower() not in vocab.weekday_names:
            # ``Montag-Vormittag`` is two words; ``segunda-feira`` (Portuguese Monday) is one.
            words.extend(_WORD_PART.finditer(text, match.start(), match.end()))
        else:
            words.append(match)
    classified = [_classify(match[0], match.start(), vocab, fuzzy=False) for match in words]
    unknown = [i for i, found in enumerate(classified) if found[0].kind == "other"]
    # Misspellings only count in headings made of day words alone, which are short: look for
    # them only when few words are left unknown.
    if len(unknown) <= _MAX_MISSPELLED:
        for i in unknown:
            classified[i] = _classify(words[i][0], words[i].start(), vocab)
    for found in classified:
        tokens.extend(found)
    for match in _NUMBER.finditer(text):
        if free(*match.span()):
            tokens.append(_Token("number", match.start(), match.end()))
    tokens.sort(key=lambda token: token.start)
    return tokens


@lru_cache(maxsize=4096)
def recognise_day(heading_text: str, language: str = "de") -> DayHeading | None:
    """The day a heading names, or None when ``heading_text`` is not a day heading."""
    text = heading_text
    if not text.strip() or len(text) > 200:
        return None
    vocab = vocabulary(language)
    tokens = _tokens(text, vocab)
    day_tokens = [t for t in tokens if t.kind in ("weekday", "daypart", "compound")]
    dates = [t for t in tokens if t.kind == "date"]
    others = [t for t in tokens if t.kind == "other"]
    pure = not others
    if not pure:
        # Abbreviations and misspellings only count when nothing else is in the heading.
        day_tokens = [t for t in day_tokens if not t.weak]
        strong_weekdays = [t for t in day_tokens if t.kind in ("weekday", "compound")]
        if not strong_weekdays or not any(t.date for t in dates):
            # ``Freitag: Workshops``, ``Montag Vormittag (Tutorials)``: a day, then a title.
            separator = _TITLE_SEPARATOR.search(text)
            if separator is None:
                return None
            head = [t for t in tokens if t.end <= separator.start()]
            if not head or any(t.kind == "other" or t.weak for t in head):
                return None
            if not any(t.kind in ("weekday", "compound") for t in head):
                return None
            day_tokens = [t for t in head if t.kind in ("weekday", "daypart", "compound")]
            dates = [t for t in head if t.kind == "date"]
    weekday_tokens = [t for t in day_tokens if t.kind in ("weekday", "compound")]
    daypart_tokens = [t for t in day_tokens if t.kind in ("daypart", "compound")]
    real_dates = tuple(t.date for t in dates if t.date is not None)
    if not weekday_tokens and not real_dates:
        return None
    if pure and len(daypart_tokens) > 1:
        return None
    if weekday_tokens and all(t.abbreviation for t in weekday_tokens) and not daypart_tokens and not dates:
        return None  # ``Sun``, ``Sat``, ``Mi`` alone are words, not days
    if pure and not real_dates and len(weekday_tokens) > 2:
        return None

    daypart = daypart_tokens[0].daypart if daypart_tokens else None
    weekdays = tuple(t.weekday for t in weekday_tokens if t.weekday is not None)
    exact = all(t.exact for t in day_tokens)
    ambiguous = any(t.ambiguous for t in day_tokens)
    compound = any(t.kind == "compound" for t in day_tokens)

    simple = pure and not dates and not any(t.kind in ("number", "connector") for t in tokens)
    if simple:
        parts = [vocab.weekdays[w] for w in weekdays] + ([daypart] if daypart else [])
        canonical = " ".join(parts)
    else:
        pieces: list[str] = []
        cursor = 0
        for token in day_tokens:
            pieces.append(text[cursor : token.start])
            if token.kind == "compound":
                pieces.append(f"{vocab.weekdays[token.weekday or 0]} {token.daypart}")
            elif token.kind == "weekday":
                pieces.append(vocab.weekdays[token.weekday or 0])
            else:
                pieces.append(token.daypart or "")
            cursor = token.end
        pieces.append(text[cursor:])
        canonical = re.sub(r"[ \t]+", " ", "".join(pieces)).strip()
    return DayHeading(
        weekday=weekdays[0] if weekdays else None,
        daypart=daypart,
        dates=real_dates,
        canonical=canonical,
        exact=exact,
        weekdays=weekdays,
        ambiguous=ambiguous,
        pure=pure,
        compound=compound,
        weekday_spans=tuple((t.start, t.end) for t in weekday_tokens),
        daypart_span=(daypart_tokens[0].start, daypart_tokens[0].end) if daypart_tokens else None,
        date_spans=tuple((t.start, t.end) for t in dates if t.date is not None),
    )
