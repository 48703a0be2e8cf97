"""The days family through the real command line: each rule fires on a note written for it, the
seeds and the corrected notes stay clean, fixes and options behave as documented."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from notelint.rules.days.common import DaysOptions, day_headings, front_matter_date
from notelint.rules.days.duplicate import duplicate_day
from notelint.rules.days.order import day_order

from notelint.document import Document
from conftest import FIXTURES, REPO, findings_json, run_notelint

WriteNote = Callable[[str, str], Path]


def days(path: Path, select: str = "days") -> list[dict[str, Any]]:
    return [f for f in findings_json("--select", select, path) if f["family"] == "days"]


def summary(findings: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["code"]) for f in findings]


@pytest.mark.parametrize("folder", [FIXTURES, REPO / "notes"])
def test_seeds_and_corrected_notes_have_no_day_findings(folder: Path) -> None:
    assert days(folder) == []


# -- NL301 day-heading-form ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("freitag vormittag", "Freitag Vormittag"),
        ("Fr Nachmittag", "Freitag Nachmittag"),
        ("Mitwoch", "Mittwoch"),
        ("Donerstag Vormitag", "Donnerstag Vormittag"),
        ("Thursday morning", "Donnerstag Vormittag"),
        ("Montag   Vormittag", "Montag Vormittag"),
        ("Sonnabend", "Samstag"),
        ("Montagvormittag", "Montag Vormittag"),
    ],
)
def test_day_heading_form_is_fixed_safely(write_note: WriteNote, written: str, fixed: str) -> None:
    note = write_note("note.md", f"# {written}\n\ntext\n")
    found = days(note)
    assert summary(found) == [(1, 3, "NL301")]
    assert found[0]["end_column"] == 3 + len(written)
    assert repr(fixed) in found[0]["message"]
    run_notelint("check", "--fix", "--select", "days", note)
    assert note.read_text(encoding="utf-8") == f"# {fixed}\n\ntext\n"


def test_canonical_headings_are_left_alone(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Montag Vormittag\n# Montag Nachmittag\n# Dienstag\n# Mittwoch 13.3.2024\n")
    assert days(note) == []


def test_day_words_in_code_spans_and_deeper_headings_are_not_day_headings(write_note: WriteNote) -> None:
    note = write_note("note.md", "# `freitag`\n## freitag vormittag\n```\n# mitwoch\n```\n")
    assert days(note) == []


def test_compound_style(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.days]\nstyle = "compound"\n', encoding="utf-8")
    note = write_note("note.md", "# Montag Vormittag\n# Montagnachmittag\n# Dienstag\n")
    found = days(note)
    assert summary(found) == [(1, 3, "NL301")]
    assert "'Montagvormittag'" in found[0]["message"]


def test_with_date_style_infers_the_date_from_the_front_matter_as_unsafe(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.days]\nstyle = "with-date"\n', encoding="utf-8")
    text = "---\ndate: 2025-04-06\n---\n# Montag Vormittag\n# Dienstag, 8. April 2025\n"
    note = write_note("note.md", text)
    assert summary(days(note)) == [(4, 3, "NL301")]
    run_notelint("check", "--fix", "--select", "days", note)
    assert note.read_text(encoding="utf-8") == text
    run_notelint("check", "--fix", "--unsafe-fixes", "--select", "days", note)
    assert note.read_text(encoding="utf-8").splitlines()[3] == "# Montag Vormittag, 7. April 2025"


def test_allowed_day_parts(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.notelint.days]\nday-parts = ["Vormittag", "Nachmittag"]\n', encoding="utf-8"
    )
    note = write_note("note.md", "# Montag Vormittag\n# Montag Abend\n")
    found = days(note)
    assert summary(found) == [(2, 3, "NL301")]
    assert "Abend" in found[0]["message"] and found[0]["fix"] is None


def test_heading_level_option(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.notelint.days]\nlevel = 2\n", encoding="utf-8")
    note = write_note("note.md", "# ICML\n## freitag\n# samstag\n")
    assert summary(days(note)) == [(2, 4, "NL301")]


def test_unknown_language_is_a_configuration_error(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.days]\nlanguage = "xx-yy"\n', encoding="utf-8")
    note = write_note("note.md", "# Montag\n")
    completed = run_notelint("check", note)
    assert completed.returncode not in (0, 1)
    assert "unknown language 'xx-yy'" in completed.stderr


def test_other_language_through_babel(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.days]\nlanguage = "en"\n', encoding="utf-8")
    note = write_note("note.md", "# Monday morning\n# tuesday afternoon\n")
    found = days(note)
    assert summary(found) == [(2, 3, "NL301")]
    assert "'Tuesday afternoon'" in found[0]["message"]


# -- NL302 weekday-date-mismatch -------------------------------------------------------------------


def test_weekday_and_date_disagree(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Montag, 31.3.2020\n")
    found = days(note)
    assert summary(found) == [(1, 3, "NL302")]
    assert found[0]["severity"] == "error"
    assert found[0]["end_column"] == 9
    assert "which is a Dienstag" in found[0]["message"]
    run_notelint("check", "--fix", "--select", "days", note)
    assert note.read_text(encoding="utf-8") == "# Montag, 31.3.2020\n"  # unsafe: not applied by --fix
    run_notelint("check", "--fix", "--unsafe-fixes", "--select", "days", note)
    assert note.read_text(encoding="utf-8") == "# Dienstag, 31.3.2020\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Montag, 7. April 2025",
        "Montag 07.04.2025",
        "Mittwoch 22.9.21",
        "BOGY Woche, Donnerstag 21.3.2024",
        "Nachmittag 6, Mittwoch 13.3.2024",
        "Dienstag 25.10.2022 bis Freitag 28.10.2022",
    ],
)
def test_matching_weekdays_and_dates_pass(write_note: WriteNote, heading: str) -> None:
    assert days(write_note("note.md", f"# {heading}\n")) == []


def test_each_end_of_a_range_is_checked(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Dienstag 25.10.2022 bis Donnerstag 28.10.2022\n")
    found = days(note)
    assert summary(found) == [(1, 27, "NL302")]
    assert "which is a Freitag" in found[0]["message"]


# -- NL303 day-order -------------------------------------------------------------------------------


def test_day_out_of_order(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Montag Vormittag\n# Dienstag Vormittag\n# Montag Nachmittag\n# Mittwoch\n")
    found = days(note)
    assert summary(found) == [(3, 3, "NL303")]
    assert "'Dienstag Vormittag' (line 2)" in found[0]["message"]


def test_parts_of_a_day_in_order(write_note: WriteNote) -> None:
    note = write_note(
        "note.md", "# Montag Nachmittag\n# Montag Vormittag\n# Dienstag Vormittag\n# Dienstag Nachmittag\n"
    )
    assert summary(days(note)) == [(2, 3, "NL303")]


def test_newest_first_is_accepted_when_consistent(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Freitag 15.3.2024\n# Mittwoch 13.3.2024\n# Dienstag 12.3.2024\n")
    assert days(note) == []
    note = write_note(
        "note.md", "# Freitag 15.3.2024\n# Mittwoch 13.3.2024\n# Donnerstag 14.3.2024\n# Dienstag 12.3.2024\n"
    )
    found = days(note)
    assert summary(found) == [(3, 3, "NL303")]
    assert "newest-first" in found[0]["message"]


def test_dates_order_across_weeks_and_ranges(write_note: WriteNote) -> None:
    note = write_note(
        "note.md",
        "# Dienstag 25.10.2022 bis Freitag 28.10.2022\n# Mittwoch 26.10.2022\n# Montag 31.10.2022\n",
    )
    assert days(note) == []


def test_front_matter_date_places_a_weekend_conference(write_note: WriteNote) -> None:
    note = write_note("note.md", "---\ndate: 2025-04-05\n---\n# Samstag\n# Sonntag\n# Montag\n")
    assert days(note) == []
    note = write_note("note.md", "# Samstag\n# Sonntag\n# Montag\n")
    assert summary(days(note)) == [(3, 3, "NL303")]


# -- NL304 duplicate-day ---------------------------------------------------------------------------


def test_duplicate_day_and_part(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Montag Vormittag\n# Montag Nachmittag\n# montag vormittag\n")
    found = days(note, select="NL304")
    assert summary(found) == [(3, 3, "NL304")]
    assert "(line 1)" in found[0]["message"]


def test_same_weekday_on_different_dates_is_no_duplicate(write_note: WriteNote) -> None:
    note = write_note("note.md", "# Montag 7.4.2025\n# Montag 14.4.2025\n")
    assert days(note) == []


# -- NL305 front-matter-day ------------------------------------------------------------------------


def test_icassp_sunday_date_and_monday_start_is_fine(write_note: WriteNote) -> None:
    note = write_note("note.md", "---\ndate: 2025-04-06\n---\n# Montag Vormittag\n# Dienstag Nachmittag\n")
    assert days(note) == []


def test_first_weekday_before_the_front_matter_date(write_note: WriteNote) -> None:
    note = write_note("note.md", "---\ndate: 2024-07-24\n---\n# Montag Vormittag\n# Mittwoch Vormittag\n")
    found = days(note)
    assert summary(found) == [(4, 3, "NL305")]
    assert "Mittwoch 2024-07-24" in found[0]["message"]


def test_dated_first_heading_outside_the_event_week(write_note: WriteNote) -> None:
    note = write_note("note.md", "---\ndate: 2025-04-06\n---\n# Montag, 31.3.2025\n")
    assert summary(days(note)) == [(4, 3, "NL305")]
    note = write_note("note.md", "---\ndate: 2025-04-06\n---\n# Montag, 7.4.2025\n")
    assert days(note) == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("date: 2024-07-22", datetime.date(2024, 7, 22)),
        ("date: '2024-07-22'", datetime.date(2024, 7, 22)),
        ("date: 2024-07-22T10:00:00", datetime.date(2024, 7, 22)),
        ("date: '2024-07-22 10:00'", datetime.date(2024, 7, 22)),
        ("date: 2024", None),
        ("date: 'not a date'", None),
        ("date: 2025-02-30", None),
        ("date: [1, 2", None),
        ("date: 2025-04-06\ndate: 2025-04-07", None),
        ("date: !!python/object/apply:os.system ['true']", None),
        ("- date", None),
    ],
)
def test_front_matter_date_is_read_safely(front: str, expected: datetime.date | None) -> None:
    document = Document("note.md", f"---\n{front}\n---\n# Montag\n")
    assert front_matter_date(document) == expected


# -- functions -------------------------------------------------------------------------------------


def test_day_headings_positions_and_rules_as_functions() -> None:
    document = Document("note.md", "intro\n\n#   Montag Vormittag  \n# Posters\n# Montag Vormittag\n")
    found = day_headings(document, DaysOptions())
    assert [(h.line, h.text) for h in found] == [(3, "Montag Vormittag"), (5, "Montag Vormittag")]
    assert document.text[found[0].start : found[0].end] == "Montag Vormittag"
    assert [v.start for v in duplicate_day.check(document, DaysOptions())] == [found[1].start]
    assert list(day_order.check(document, DaysOptions())) == []


def test_unknown_day_part_is_a_configuration_error(write_note: WriteNote, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.days]\nday-parts = ["Vormitag"]\n', encoding="utf-8")
    completed = run_notelint("check", write_note("note.md", "# Montag\n"))
    assert completed.returncode not in (0, 1)
    assert "unknown day part 'Vormitag'" in completed.stderr


def test_a_hand_written_note_is_fixed_in_one_run(write_note: WriteNote) -> None:
    text = (
        "---\ntitle: ICML 2024\ndate: 2024-07-22\n---\n"
        "# montag vormittag\n- talk\n\n"
        "# Mo Nachmittag\n- talk\n\n"
        "# Dinstag  Vormitag\n- talk\n\n"
        "# Wednesday afternoon\n- talk `freitag`\n\n"
        "# Donnerstag, 26.7.2024\n- $`x`$\n\n"
        "# Freitag: Workshops\n"
    )
    note = write_note("note.md", text)
    before = days(note)
    assert summary(before) == [
        (5, 3, "NL301"),
        (8, 3, "NL301"),
        (11, 3, "NL301"),
        (14, 3, "NL301"),
        (17, 3, "NL302"),
        (20, 3, "NL304"),  # the front matter date makes this Freitag the 26.7.2024 above
    ]
    run_notelint("check", "--fix", "--unsafe-fixes", "--select", "days", note)
    headings = [line for line in note.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
    assert headings == [
        "# Montag Vormittag",
        "# Montag Nachmittag",
        "# Dienstag Vormittag",
        "# Mittwoch Nachmittag",
        "# Freitag, 26.7.2024",
        "# Freitag: Workshops",
    ]
    assert "- talk `freitag`" in note.read_text(encoding="utf-8")
    assert summary(days(note)) == [(20, 3, "NL304")]


def test_night_ends_the_day(write_note: WriteNote) -> None:
    note = write_note(
        "note.md", "# Montag Morgen\n# Montag Abend\n# Montag Nacht\n# Dienstag Nacht\n# Dienstag Mittag\n"
    )
    assert summary(days(note)) == [(5, 3, "NL303")]


@pytest.mark.parametrize(
    "raw",
    [
        "title: Plain\ndate: 2024-07-22\ntags: [a]\n",
        "base: &b\n  date: 2024-07-22\n<<: *b\ntitle: Merged\n",
        "=: odd value key\ndate: 2024-07-22\n",
    ],
)
def test_reading_the_date_leaves_the_shared_yaml_tree_alone(raw: str) -> None:
    """The days rules construct the date from the node tree the frontmatter rules composed; a
    merge key (`<<`) or value key (`=`) makes construction rewrite the tree, so it works on a copy
    then, and the frontmatter rules still see the keys as written."""
    import datetime

    from notelint.rules.days.common import _date_in_yaml
    from notelint.rules.frontmatter.parse import compose_yaml

    def shape(node: object) -> object:
        value = getattr(node, "value", None)
        if isinstance(value, list):
            return (node.tag, [shape(item) if not isinstance(item, tuple) else tuple(map(shape, item)) for item in value])
        return (node.tag, value)

    tree, error = compose_yaml(raw)
    assert error is None
    before = shape(tree)
    _date_in_yaml.cache_clear()
    assert _date_in_yaml(raw) == datetime.date(2024, 7, 22)
    assert shape(compose_yaml(raw)[0]) == before
