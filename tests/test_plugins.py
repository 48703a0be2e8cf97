"""Rules from outside: local plugin files and the ``notelint.rules`` entry-point group."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import findings_json, run_notelint

TODO_RULE = '''
from notelint.diagnostics import Edit, Fix, Violation
from notelint.rule import rule


@rule(code="XT001", name="no-todo", family="markdown", severity="error", fixable=True)
def no_todo(document, options):
    """## What it does
    Finds TODO markers.

    ## Why is this bad?
    Notes are done.

    ## Example
    `TODO check`

    ## Fix
    Removes the marker.
    """
    start = document.text.find("TODO")
    if start != -1:
        yield Violation(start, start + 4, "TODO left in the note",
                        Fix.safe("Remove TODO", Edit.delete(start, start + 5)))
'''

RESTLESS_RULE = '''
from notelint.diagnostics import Edit, Fix, Violation
from notelint.rule import rule


@rule(code="XT002", name="restless", family="markdown", fixable=True)
def restless(document, options):
    """## What it does
    Always wants one more exclamation mark."""
    end = len(document.text)
    yield Violation(0, 1, "more!", Fix.safe("add", Edit.insert(end, "!")))
'''

CRASHING_RULE = '''
from notelint.rule import rule


@rule(code="XT003", name="crashing", family="markdown")
def crashing(document, options):
    """## What it does
    Crashes on notes that mention boom."""
    if "boom" in document.text:
        raise RuntimeError("kaboom")
    return []
'''


def test_local_plugin_from_config(write_note, tmp_path: Path) -> None:
    write_note("rules_local/my_rule.py", TODO_RULE)
    write_note("pyproject.toml", '[tool.notelint]\nplugins = ["rules_local/my_rule.py"]\n')
    note = write_note("notes/a.md", "# Day\n\nTODO check this\n")
    [finding] = findings_json(note, cwd=tmp_path)
    assert (finding["code"], finding["line"], finding["column"], finding["severity"]) == ("XT001", 3, 1, "error")
    assert run_notelint("--fix", note, cwd=tmp_path).returncode == 0
    assert note.read_text() == "# Day\n\ncheck this\n"
    docs = run_notelint("rule", "no-todo", cwd=tmp_path)
    assert docs.returncode == 0 and "Finds TODO markers." in docs.stdout


def test_entry_point_plugin(tmp_path: Path, write_note) -> None:
    write_note("site/todo_plugin.py", TODO_RULE)
    write_note(
        "site/todo_plugin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: todo-plugin\nVersion: 1.0\n"
    )
    write_note("site/todo_plugin-1.0.dist-info/entry_points.txt", "[notelint.rules]\ntodo = todo_plugin:no_todo\n")
    note = write_note("a.md", "TODO\n")
    env = {"PYTHONPATH": str(tmp_path / "site")}
    result = run_notelint("--output-format", "json", note, env=env)
    assert '"XT001"' in result.stdout, result.stderr
    listed = run_notelint("rules", env=env)
    assert "XT001" in listed.stdout


def test_broken_plugin_is_a_clear_error(write_note, tmp_path: Path) -> None:
    write_note("bad.py", "def broken(:\n")
    write_note("notelint.toml", 'plugins = ["bad.py"]\n')
    write_note("a.md", "# x\n")
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2
    assert "plugin" in result.stderr and "bad.py" in result.stderr and "SyntaxError" in result.stderr
    write_note("notelint.toml", 'plugins = ["missing.py"]\n')
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2 and "missing.py: no such file" in result.stderr


def test_a_fix_that_never_converges_is_named_not_looped_on(write_note, tmp_path: Path) -> None:
    write_note("restless.py", RESTLESS_RULE)
    write_note("notelint.toml", 'plugins = ["restless.py"]\nselect = ["XT002"]\n')
    note = write_note("a.md", "hello\n")
    result = run_notelint("--fix", note, cwd=tmp_path)
    assert result.returncode == 2
    assert "fixes did not converge after 10 passes: XT002 (restless)" in result.stderr


def test_a_crashing_rule_is_an_internal_error_and_other_files_go_on(write_note, tmp_path: Path) -> None:
    write_note("crashing.py", CRASHING_RULE)
    write_note("notelint.toml", 'plugins = ["crashing.py"]\nextend-select = ["XT003"]\n')
    write_note("a.md", "boom \n")
    write_note("b.md", "fine \n")
    result = run_notelint("--fix", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "a.md: internal error in rule XT003 (crashing): RuntimeError: kaboom" in result.stderr
    assert (tmp_path / "a.md").read_text() == "boom \n"  # never fixed while a rule is broken
    assert (tmp_path / "b.md").read_text() == "fine\n"


def test_whether_a_plugin_is_installed_is_read_from_entry_points_files(tmp_path: Path, monkeypatch) -> None:
    """The registry asks importlib.metadata for plugins only when some entry_points.txt on
    sys.path has a [notelint.rules] section (headers read as importlib.metadata reads them)."""
    from notelint.installed import declares_group
    from notelint.registry import ENTRY_POINT_GROUP

    assert not declares_group(ENTRY_POINT_GROUP)  # this test environment has no plugin installed
    info = tmp_path / "todo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text("[console_scripts]\ntodo = todo:main\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert not declares_group(ENTRY_POINT_GROUP)
    (info / "entry_points.txt").write_text("[console_scripts]\ntodo = todo:main\n\n  [notelint.rules]  \ntodo = t:r\n")
    assert declares_group(ENTRY_POINT_GROUP)


JUDGED_RULE = '''
from notelint.diagnostics import Edit, Fix, Violation
from notelint.rule import rule


def shared_with_another_note(subjects, project, options):
    """Keep a finding only when no other note of the project has its text."""
    counts = project.notes_using({subject.text for subject in subjects})
    for subject in subjects:
        if counts[subject.text] < 2:
            yield subject.finding


@rule(code="XT004", name="lonely-draft", family="markdown", fixable=True, judge=shared_with_another_note)
def lonely_draft(document, options):
    """## What it does
    Finds the word draft."""
    start = document.text.find("draft")
    if start != -1:
        yield Violation(start, start + 5, "draft", Fix.safe("Say final", Edit(start, start + 5, "final")))
'''


def test_a_rule_judges_its_findings_across_the_project(tmp_path: Path) -> None:
    (tmp_path / "judged.py").write_text(JUDGED_RULE)
    (tmp_path / "pyproject.toml").write_text('[tool.notelint]\nplugins = ["judged.py"]\nselect = ["XT004"]\n')
    (tmp_path / "a.md").write_text("A draft.\n")
    (tmp_path / "b.md").write_text("Another draft.\n")
    (tmp_path / "c.md").write_text("Nothing here.\n")
    for run in range(2):  # the second run answers from the cache and judges again
        assert findings_json("a.md", cwd=tmp_path) == [], run
    (tmp_path / "b.md").write_text("Final.\n")
    assert [item["path"] for item in findings_json("a.md", cwd=tmp_path)] == ["a.md"]
    (tmp_path / "b.md").write_text("Another draft.\n")
    completed = run_notelint("check", "--fix", ".", cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (tmp_path / "a.md").read_text() == "A draft.\n"


def test_project_counts_notes_using_a_word_by_search_and_by_index(tmp_path: Path, monkeypatch) -> None:
    import notelint.project
    from notelint.config import ConfigFinder
    from notelint.project import Project

    (tmp_path / "a.md").write_text("Backprop, everywhere.\n")
    (tmp_path / "b.md").write_text("```\nbackprop()\n```\n")
    (tmp_path / "c.md").write_text("backpropagation is longer; xbackprop too\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.md").write_text("backprop\n")
    words = ["backprop", "BACKPROP", "everywhere", "longer", "missing"]
    expected = {"backprop": 2, "BACKPROP": 2, "everywhere": 1, "longer": 1, "missing": 0}
    assert Project(tmp_path, ConfigFinder(cwd=tmp_path)).notes_using(words) == expected
    project = Project(tmp_path, ConfigFinder(cwd=tmp_path))  # counts that stop early, then whole
    assert project.notes_using(["backprop", "everywhere"], enough=1) == {"backprop": 1, "everywhere": 1}
    assert project.notes_using(["Backprop"], enough=3) == {"Backprop": 2}
    assert project.notes_using(["backprop"], enough=1) == {"backprop": 1}
    assert project.notes_using(words) == expected
    monkeypatch.setattr(notelint.project, "INDEX_AFTER", 0)
    assert Project(tmp_path, ConfigFinder(cwd=tmp_path)).notes_using(words) == expected
    assert Project(tmp_path, ConfigFinder(cwd=tmp_path)).notes_using(words, enough=1)["backprop"] == 1


def test_the_characters_folding_to_ascii_are_all_known() -> None:
    """The search for a word in the project's notes folds their bytes without decoding them: it
    must know every character beyond ASCII whose case folding holds ASCII (Python's Unicode data)."""
    import sys

    from notelint.project import _FOLDING_TO_ASCII

    found = {
        char for char in map(chr, range(0x80, sys.maxunicode + 1))
        if any(folded.isascii() for folded in char.casefold())
    }
    assert {char.decode() for char, _ in _FOLDING_TO_ASCII} == found


NOTE_PIECES = [
    "Transofromer", "transofromers", "xtransofromer", "Straße", "STRASSE", "ſtraſſe", "\u212aelvin", "kelvin", "ﬀoo",
    "İstanbul", "i\u0307stanbul", "caf\u00e9", "\u0345", "über", "2kelvin", " ", "\n", "-", "`", "\u00df", "\u1e9e",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.one_of(st.sampled_from(NOTE_PIECES).map(str.encode), st.binary(max_size=3)), max_size=8),
             min_size=1, max_size=5),
    st.sets(st.sampled_from(["transofromer", "strasse", "kelvin", "ffoo", "istanbul", "i\u0307stanbul", "über", "café"])),
    st.lists(st.integers(min_value=1, max_value=4), max_size=3),
)
def test_project_word_counts_are_those_of_the_case_folded_notes(
    notes: list[list[bytes]], words: set[str], enough: list[int]
) -> None:
    """Every note that uses a word is found (bytes folded at C speed first, with ß, ſ, the Kelvin
    sign, ligatures, invalid UTF-8), and no other; a count asked to stop at ``enough`` notes is
    right up to there, whatever was asked of the same project before."""
    import tempfile

    from notelint.config import ConfigFinder
    from notelint.project import Project, _uses

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        texts = []
        for number, pieces in enumerate(notes):
            data = b"".join(pieces)
            (root / f"n{number}.md").write_bytes(data)
            texts.append(data.decode("utf-8", errors="replace").casefold())
        project = Project(root, ConfigFinder(cwd=root))
        expected = {word: sum(1 for text in texts if _uses(text, word.casefold())) for word in words}
        for limit in enough:
            assert project.notes_using(words, enough=limit) == {word: min(count, limit) for word, count in expected.items()}
        assert project.notes_using(words) == expected


OPTIONS_RULE = '''
from notelint.config import RuleOptions
from notelint.diagnostics import Violation
from notelint.rule import rule


class MarkerOptions(RuleOptions):
    marker: str = "FIXME"


@rule(code="XT004", name="marker", family="markdown", options=MarkerOptions)
def marker(document, options):
    """## What it does
    Finds a marker word (option ``marker``)."""
    start = document.text.find(options.marker)
    if start != -1:
        yield Violation(start, start + len(options.marker), f"{options.marker} left in the note")
'''


def test_a_plugin_may_declare_its_options_as_a_pydantic_model(write_note, tmp_path: Path) -> None:
    """Built-in options are dataclasses validated lazily; a plugin's pydantic model still works:
    its defaults without a table, the table's values with one, and bad values are config errors."""
    write_note("marker_rule.py", OPTIONS_RULE)
    write_note("pyproject.toml", '[tool.notelint]\nplugins = ["marker_rule.py"]\n')
    note = write_note("a.md", "FIXME here and XXX there\n")
    assert [f["message"] for f in findings_json(note, cwd=tmp_path)] == ["FIXME left in the note"]
    write_note("pyproject.toml", '[tool.notelint]\nplugins = ["marker_rule.py"]\n[tool.notelint.markdown]\nmarker = "XXX"\n')
    assert [f["message"] for f in findings_json(note, cwd=tmp_path)] == ["XXX left in the note"]
    write_note("pyproject.toml", '[tool.notelint]\nplugins = ["marker_rule.py"]\n[tool.notelint.markdown]\nmarker = 3\n')
    result = run_notelint(note, cwd=tmp_path)
    assert result.returncode == 2 and "[markdown] marker" in result.stderr and "XT004" in result.stderr


def test_what_rules_report_are_immutable_values() -> None:
    """Violation, Fix, Edit, Finding and EditReport (the plugin API): equal when their fields are,
    hashable, immutable, printable with their fields, and unchanged by pickling (worker processes
    send findings to the main process) or copying."""
    import copy
    import pickle

    import pytest

    from notelint.diagnostics import Applicability, Edit, EditReport, Finding, Fix, FrozenInstanceError, Violation

    fix = Fix.unsafe("Remove it", Edit.delete(3, 7), Edit.insert(9, "x"))
    violation = Violation(3, 7, "TODO left", fix)
    finding = Finding("a.md", 1, 4, 1, 8, "XT001", "no-todo", "markdown", "error", "TODO left", fix,
                      (EditReport(1, 4, 1, 8, ""), EditReport(1, 10, 1, 10, "x")))
    assert violation == Violation(3, 7, "TODO left", Fix("Remove it", (Edit(3, 7, ""), Edit(9, 9, "x")),
                                                          Applicability.UNSAFE))
    assert violation != Violation(3, 7, "TODO left") and violation != (3, 7, "TODO left", fix)
    assert len({violation, Violation(3, 7, "TODO left", fix), Violation(3, 8, "TODO left", fix)}) == 2
    # the reported edits are how a fix is shown, not part of what the finding is
    assert finding == Finding("a.md", 1, 4, 1, 8, "XT001", "no-todo", "markdown", "error", "TODO left", fix)
    assert hash(finding) == hash(Finding("a.md", 1, 4, 1, 8, "XT001", "no-todo", "markdown", "error", "TODO left", fix))
    assert finding != Finding("a.md", 2, 4, 2, 8, "XT001", "no-todo", "markdown", "error", "TODO left", fix)
    for value in (fix, violation, finding, fix.edits[0], finding.fix_edits[1]):
        again = pickle.loads(pickle.dumps(value))
        assert again == value and repr(again) == repr(value) and type(again) is type(value)
        assert copy.deepcopy(value) == value
    assert again.content == "x" and finding.fix_edits == pickle.loads(pickle.dumps(finding)).fix_edits
    assert repr(fix.edits[1]) == "Edit(start=9, end=9, content='x')"
    assert repr(violation).startswith("Violation(start=3, end=7, message='TODO left', fix=Fix(message='Remove it'")
    with pytest.raises(FrozenInstanceError):
        violation.start = 4  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del finding.line  # type: ignore[misc]
    with pytest.raises(AttributeError):
        fix.note = "x"  # type: ignore[attr-defined]
    match violation:
        case Violation(start, end, message, Fix(applicability=Applicability.UNSAFE)):
            assert (start, end, message) == (3, 7, "TODO left")
        case _:
            pytest.fail("a violation matches its fields by position")
    assert (fix.start, fix.end) == (3, 9) and finding.is_fixable(unsafe_fixes=True)
    assert not finding.is_fixable(unsafe_fixes=False)
