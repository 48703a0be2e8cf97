"""Choosing and applying the fixes of a pass: which fixes go together, and the text they make."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.diagnostics import Edit, Fix
from notelint.fixer import apply_fixes

TEXT = "0123456789abcdefghij"


def _chosen_by_comparing_every_pair(fixes: list[Fix]) -> list[Fix]:
    """The fixes the first version of apply_fixes chose (each edit compared with every edit
    chosen before: quadratic), kept as the reference."""
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for fix in sorted(fixes, key=lambda fix: (fix.start, fix.end)):
        edits = fix.edits
        if any(a.overlaps(b) for number, a in enumerate(edits) for b in edits[number + 1 :]):
            continue
        if any(edit.overlaps(other) for edit in edits for other in taken):
            continue
        chosen.append(fix)
        taken.extend(edits)
    return chosen


def _applied(text: str, fixes: list[Fix]) -> str:
    result = text
    for edit in sorted((edit for fix in fixes for edit in fix.edits), key=lambda edit: -edit.start):
        result = result[: edit.start] + edit.content + result[edit.end :]
    return result


_EDITS = st.builds(
    lambda start, length, content: Edit(start, min(start + length, len(TEXT)), content),
    st.integers(0, len(TEXT)),
    st.sampled_from([0, 0, 1, 2, 5]),
    st.sampled_from(["", "X", "\n"]),
)
_FIXES = st.lists(st.lists(_EDITS, min_size=1, max_size=3).map(lambda edits: Fix.safe("f", *edits)), max_size=12)


@settings(max_examples=1000, deadline=None)
@given(_FIXES)
def test_the_fixes_chosen_are_those_of_comparing_every_pair(fixes: list[Fix]) -> None:
    text, chosen = apply_fixes(TEXT, fixes)
    expected = _chosen_by_comparing_every_pair(fixes)
    assert [id(fix) for fix in chosen] == [id(fix) for fix in expected]
    assert text == _applied(TEXT, expected)


def test_touching_edits_go_together_and_an_insertion_where_another_edit_ends_does_not() -> None:
    first = Fix.safe("a", Edit(0, 2, "A"))
    touching = Fix.safe("b", Edit(2, 4, "B"))
    insertion = Fix.safe("c", Edit.insert(4, "C"))
    spread = Fix.safe("d", Edit(6, 7, "D"), Edit(3, 3, "E"))  # (its second edit lies inside `touching`)
    text, chosen = apply_fixes(TEXT, [spread, insertion, touching, first])
    assert chosen == [first, touching] and text == "AB456789abcdefghij"


def test_thirty_thousand_fixes_in_a_row_are_all_applied() -> None:
    text = "a \n" * 30_000
    fixes = [Fix.safe("strip", Edit(3 * line + 1, 3 * line + 2)) for line in range(30_000)]
    fixed, chosen = apply_fixes(text, fixes)
    assert len(chosen) == 30_000 and fixed == "a\n" * 30_000


@settings(max_examples=1000, deadline=None)
@given(_FIXES, st.lists(st.tuples(st.integers(0, 25), st.integers(0, 6), st.sampled_from(["math", "markdown"])),
                        max_size=6))
def test_the_verifier_finds_the_edits_of_a_region_as_a_walk_over_every_edit_does(
    fixes: list[Fix], regions: list[tuple[int, int, str]]
) -> None:
    """The verifier looks up the edits around a protected region by bisection (the chosen edits
    are in text order and overlap nowhere); the first version walked over every edit."""
    from notelint.verify import AppliedEdit, Region, _covering_edit, _mapped, _owned_edit

    _, chosen = apply_fixes(TEXT, fixes)
    applied = [AppliedEdit(edit, ("math", "markdown")[number % 2], "r") for number, edit in
               enumerate(edit for fix in chosen for edit in fix.edits)]
    for ranges in (sorted(((item.edit.start, item.edit.end, item) for item in applied), key=lambda r: r[:2]),
                   _mapped(applied)):
        for start, length, owner in regions:
            region = Region("math", start, start + length, "", owner, 1)
            owned = any(item.family == owner and begin <= region.end and region.start <= end
                        for begin, end, item in ranges)
            assert _owned_edit(region, ranges) is owned
            covering = [item for begin, end, item in ranges
                        if begin <= region.start and region.end <= end and begin < end]
            assert _covering_edit(region, ranges) in (covering or [None])
