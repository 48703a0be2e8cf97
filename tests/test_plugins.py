"""Rules from outside: local plugin files and the ``notelint.rules`` entry-point group."""

from __future__ import annotations

from pathlib import Path

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
