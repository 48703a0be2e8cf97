"""The day heading recogniser shared by the days and headings families."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from notelint.rules.days.recognise import DayHeading, recognise_day


@pytest.mark.parametrize(
    ("text", "weekday", "daypart", "canonical", "exact"),
    [
        ("Montag Vormittag", 0, "Vormittag", "Montag Vormittag", True),
        ("Freitag", 4, None, "Freitag", True),
        ("Samstag", 5, None, "Samstag", True),
        ("Sonnabend", 5, None, "Samstag", True),
        ("Mitwoch", 2, None, "Mittwoch", False),
        ("Donerstag", 3, None, "Donnerstag", False),
        ("Dinstag Vormitag", 1, "Vormittag", "Dienstag Vormittag", False),
        ("freitag vormittag", 4, "Vormittag", "Freitag Vormittag", False),
        ("Fr Nachmittag", 4, "Nachmittag", "Freitag Nachmittag", False),
        ("Mo. Abend", 0, "Abend", "Montag Abend", False),
        ("Thursday morning", 3, "Vormittag", "Donnerstag Vormittag", False),
        ("Friday afternoon", 4, "Nachmittag", "Freitag Nachmittag", False),
        ("Montagvormittag", 0, "Vormittag", "Montag Vormittag", True),
        ("Montag  Vormittag", 0, "Vormittag", "Montag Vormittag", True),
        ("MITTWOCH", 2, None, "Mittwoch", False),
        ("SONNABEND", 5, None, "Samstag", False),
    ],
)
def test_recognises_day_headings(text: str, weekday: int, daypart: str | None, canonical: str, exact: bool) -> None:
    day = recognise_day(text)
    assert isinstance(day, DayHeading)
    assert (day.weekday, day.daypart, day.canonical, day.exact) == (weekday, daypart, canonical, exact)


@pytest.mark.parametrize(
    ("text", "weekdays", "dates"),
    [
        ("Montag, 7. April 2025", (0,), (datetime.date(2025, 4, 7),)),
        ("Montag 07.04.2025", (0,), (datetime.date(2025, 4, 7),)),
        ("Mittwoch 22.9.21", (2,), (datetime.date(2021, 9, 22),)),
        ("BOGY Woche, Donnerstag 21.3.2024", (3,), (datetime.date(2024, 3, 21),)),
        ("Nachmittag 6, Mittwoch 13.3.2024", (2,), (datetime.date(2024, 3, 13),)),
        ("Montag, 31.3.2020", (0,), (datetime.date(2020, 3, 31),)),
        (
            "Dienstag 25.10.2022 bis Freitag 28.10.2022",
            (1, 4),
            (datetime.date(2022, 10, 25), datetime.date(2022, 10, 28)),
        ),
        ("Montag 2025-04-07", (0,), (datetime.date(2025, 4, 7),)),
    ],
)
def test_reads_german_dates_beside_the_weekday(
    text: str, weekdays: tuple[int, ...], dates: tuple[datetime.date, ...]
) -> None:
    day = recognise_day(text)
    assert day is not None
    assert day.weekdays == weekdays
    assert day.dates == dates
    assert day.canonical == text


def test_nachmittag_beside_a_dated_weekday_is_its_daypart() -> None:
    day = recognise_day("Nachmittag 6, Mittwoch 13.3.2024")
    assert day is not None and day.daypart == "Nachmittag"


@pytest.mark.parametrize(
    "text",
    [
        "Posters",
        "Lectures/Orals",
        "Transformers for pretraining Universal Forecasts: MOIRAI",
        "Potential of Transformers for Timeseries prediction: SAMFormer",
        "Tutorial: Generative AI and Model Optimization",
        "GRaM: Platonic Representation Hypothesis",
        "Talk: AI+SP",
        "Montage",
        "Montags",
        "Monitoring",
        "Monat",
        "Abstract",
        "Freiheit",
        "Mittel",
        "Mittagessen",
        "Dienst",
        "Genie",
        "Abend",
        "Nachmittag",
        "How Do LLMs work",
        "So what",
        "Sunday Robotics",
        "Mittwoch Workshop",
        "Sun",
        "SAT",
        "Mi",
        "So",
        "Do.",
        "",
        "   ",
    ],
)
def test_other_headings_are_not_days(text: str) -> None:
    assert recognise_day(text) is None


def test_abbreviations_and_misspellings_need_a_pure_heading() -> None:
    assert recognise_day("Fr 21.3.2024") is not None
    assert recognise_day("Workshop Fr 21.3.2024") is None
    assert recognise_day("Workshop Freitag 22.3.2024") is not None


def test_every_heading_of_the_notes_below_day_level_is_not_a_day() -> None:
    from conftest import FIXTURES, REPO

    headings = []
    for path in [*FIXTURES.glob("*.md"), *(REPO / "notes").glob("*.md")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") and not line.startswith("# "):
                headings.append(line.lstrip("#").strip())
            elif line.startswith("# ") and recognise_day(line[2:]) is None:
                headings.append(line[2:])
    assert len(headings) > 40
    assert [h for h in headings if recognise_day(h) is not None] == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_recogniser_accepts_any_text(text: str) -> None:
    day = recognise_day(text)
    assert day is None or isinstance(day, DayHeading)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Montag", "dienstag", "Mitwoch", "Do", "Fr.", "Saturday", "Sonnabend", "Sontag"]),
    st.sampled_from(["", "Vormittag", "nachmittag", "Abend", "morning", "Nachm.", "Vormitag"]),
    st.sampled_from([" ", "  ", "\t"]),
)
def test_canonical_form_is_a_fixed_point(weekday: str, daypart: str, space: str) -> None:
    assume(daypart or weekday not in ("Do", "Fr."))  # an abbreviation alone is not a day
    day = recognise_day(f"{weekday}{space}{daypart}".strip())
    assert day is not None
    again = recognise_day(day.canonical)
    assert again is not None and again.exact
    assert (again.canonical, again.weekday, again.daypart) == (day.canonical, day.weekday, day.daypart)


@pytest.mark.parametrize(
    ("text", "weekday", "daypart", "canonical"),
    [
        ("Freitag: Workshops", 4, None, "Freitag: Workshops"),
        ("Montag Vormittag (Tutorials)", 0, "Vormittag", "Montag Vormittag (Tutorials)"),
        ("freitag - Workshops", 4, None, "Freitag - Workshops"),
    ],
)
def test_a_day_followed_by_a_title(text: str, weekday: int, daypart: str | None, canonical: str) -> None:
    day = recognise_day(text)
    assert day is not None
    assert (day.weekday, day.daypart, day.canonical, day.pure) == (weekday, daypart, canonical, False)


@pytest.mark.parametrize(
    "text", ["Fr: Workshops", "Workshop (Freitag)", "Position: Measure Diversity, don't just claim it!"]
)
def test_a_title_with_a_day_word_elsewhere_is_not_a_day(text: str) -> None:
    assert recognise_day(text) is None


def test_stored_day_names_are_what_babel_says() -> None:
    """rules/days/day_names.json (regenerate: python tools/extract_day_names.py) holds exactly the
    vocabulary computed from the installed Babel, for every stored language."""
    from notelint.rules.days.recognise import _stored_vocabularies, vocabulary_from_cldr, vocabulary_from_json

    stored = _stored_vocabularies()
    assert {"de", "en"} <= set(stored)
    for language, data in stored.items():
        assert vocabulary_from_json(language, data) == vocabulary_from_cldr(language), language


def test_a_language_without_stored_names_comes_from_babel() -> None:
    from notelint.rules.days.recognise import _stored_vocabularies, vocabulary, vocabulary_from_cldr

    assert "fr" not in _stored_vocabularies()
    assert vocabulary("fr") == vocabulary_from_cldr("fr")
    assert vocabulary("fr").weekdays[0].lower() == "lundi"
