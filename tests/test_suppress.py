"""Inline suppression comments."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import findings_json
from notelint.document import Document
from notelint.suppress import Suppressions


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


_DIRECTIVES = ["disable", "enable", "disable-next-line", "disable-file"]
_SELECTORS = ["", " NL003", " NL001", " markdown", " trailing-whitespace,NL001", " typos"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_DIRECTIVES), st.sampled_from(_SELECTORS), st.booleans()), max_size=12))
def test_a_rule_is_silenced_where_a_walk_over_every_directive_says(lines: list[tuple[str, str, bool]]) -> None:
    """The lookup the linter makes once per rule agrees with walking over every directive for
    every line, as the first version did (the last disable or enable at or above a line decides)."""
    from notelint.rules.markdown.trailing_whitespace import trailing_whitespace
    from notelint.rules.typos.known_misspelling import known_misspelling

    text = "".join(
        f"<!-- notelint-{action}{selectors} -->\n" + ("text\n" if with_text else "")
        for action, selectors, with_text in lines
    )
    suppressions = Suppressions.scan(Document("a.md", text + "end\n"))
    for rule in (trailing_whitespace, known_misspelling):
        silenced = suppressions.for_rule(rule)
        for line in range(1, text.count("\n") + 3):
            disabled = False
            for directive in suppressions.directives:
                if not directive.applies_to(rule):
                    continue
                if directive.action == "disable-file" or (
                    directive.action == "disable-next-line" and directive.line == line - 1
                ):
                    disabled = True
                    break
                if directive.line <= line and directive.action in ("disable", "enable"):
                    disabled = directive.action == "disable"
            assert silenced.covers(line) is disabled, (line, text)


def test_thousands_of_directives_silence_the_lines_below_them(write_note) -> None:
    # (each finding was compared with every directive: 40,000 of them took minutes)
    note = write_note("a.md", "<!-- notelint-disable-next-line NL003 -->\nb \n" * 20_000 + "c \n")
    assert lines_of(note) == [40_001]
