"""Inline suppression comments."""

from __future__ import annotations

from conftest import findings_json


def lines_of(note, code: str = "NL003") -> list[int]:
    return [finding["line"] for finding in findings_json(note) if finding["code"] == code]


def test_disable_and_enable_a_range(write_note) -> None:
    note = write_note(
        "a.md",
        "a \n<!-- notelint-disable NL003 -->\nb \nc \n<!-- notelint-enable NL003 -->\nd \n",
    )
    assert lines_of(note) == [1, 6]


def test_disable_without_codes_applies_to_all_rules(write_note) -> None:
    note = write_note("a.md", "<!-- notelint-disable -->\n- a.\nComment: glued \n")
    assert findings_json(note) == []


def test_disable_by_name_family_and_comma_list(write_note) -> None:
    note = write_note("a.md", "<!-- notelint-disable trailing-whitespace -->\nb \n")
    assert lines_of(note) == []
    note = write_note("b.md", "<!-- notelint-disable markdown -->\nb \n")
    assert lines_of(note) == []
    note = write_note("c.md", "<!-- notelint-disable NL001,NL003 -->\nb \n")
    assert lines_of(note) == []
    note = write_note("d.md", "<!-- notelint-disable NL001 -->\nb \n")
    assert lines_of(note) == [2]


def test_disable_next_line(write_note) -> None:
    note = write_note("a.md", "<!-- notelint-disable-next-line NL003 -->\nb \nc \n")
    assert lines_of(note) == [3]


def test_disable_file(write_note) -> None:
    note = write_note("a.md", "a \n\nb \n\n<!-- notelint-disable-file NL003 -->\n")
    assert lines_of(note) == []


def test_comments_inside_code_blocks_do_not_count(write_note) -> None:
    note = write_note("a.md", "```\n<!-- notelint-disable -->\n```\n\nb \n")
    assert lines_of(note) == [5]
