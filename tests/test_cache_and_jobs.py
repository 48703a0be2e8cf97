"""The cache and the process pool change nothing but speed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, run_notelint
from test_plugins import TODO_RULE


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """60 notes (more than the pool threshold): the seeds with variations."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    seeds = [path.read_text() for path in sorted(FIXTURES.glob("*.md"))]
    for number in range(60):
        text = seeds[number % 2]
        if number % 3 == 0:
            text = text.replace("- ", "- item \n- ", 1)  # a trailing space
        if number % 5 == 0:
            text = text.rstrip("\n")
        (folder / f"note-{number:03d}.md").write_text(text)
    return folder


def json_run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> list[dict[str, object]]:
    result = run_notelint("--output-format", "json", *args, cwd=cwd, env=env)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_warm_cache_and_jobs_give_the_same_findings(corpus: Path, tmp_path: Path) -> None:
    env = {"NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    serial = json_run("--no-cache", "--jobs", "1", ".", cwd=corpus, env=env)
    assert not (tmp_path / "cache").exists()
    parallel = json_run("--no-cache", "--jobs", "2", ".", cwd=corpus, env=env)
    cold = json_run(".", cwd=corpus, env=env)
    assert (tmp_path / "cache").is_dir()
    warm = json_run(".", cwd=corpus, env=env)
    assert serial == parallel == cold == warm
    assert len(serial) > 60
    assert [finding["path"] for finding in serial] == sorted(finding["path"] for finding in serial)


def test_fix_with_a_pool_matches_fix_without(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for path in corpus.iterdir():
        (other / path.name).write_bytes(path.read_bytes())
    first = run_notelint("--fix", "--no-cache", "--jobs", "1", ".", cwd=corpus)
    second = run_notelint("--fix", "--no-cache", "--jobs", "2", ".", cwd=other)
    assert first.stdout == second.stdout
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == {p.name: p.read_bytes() for p in other.iterdir()}


def test_cache_follows_changes_to_notes_and_config(write_note, tmp_path: Path) -> None:
    note = write_note("a.md", "text \n")
    assert run_notelint(".", cwd=tmp_path).returncode == 1
    note.write_text("text\n")
    assert run_notelint(".", cwd=tmp_path).returncode == 0
    note.write_text("text \n")
    assert run_notelint(".", cwd=tmp_path).returncode == 1
    write_note("notelint.toml", 'ignore = ["NL003"]\n')
    assert run_notelint(".", cwd=tmp_path).returncode == 0
    write_note("notelint.toml", "ignore = []\n")
    assert run_notelint(".", cwd=tmp_path).returncode == 1
    assert run_notelint(".", "--select", "NL001", cwd=tmp_path).returncode == 0


def test_fix_after_a_cached_check_still_fixes(write_note, tmp_path: Path) -> None:
    note = write_note("a.md", "text \n")
    assert run_notelint(".", cwd=tmp_path).returncode == 1
    assert run_notelint("--fix", ".", cwd=tmp_path).returncode == 0
    assert note.read_text() == "text\n"
    assert run_notelint(".", cwd=tmp_path).returncode == 0


def test_warm_run_imports_no_parser_no_pydantic_no_rules(write_note, tmp_path: Path) -> None:
    write_note("notelint.toml", 'ignore = ["NL004"]\n')
    for number in range(3):
        write_note(f"n{number}.md", "- a.\nComment: glued\n")
    probe = (
        "import sys, io, contextlib\n"
        "from notelint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['check', '.'])\n"
        "heavy = sorted(m for m in ('markdown_it', 'pydantic', 'notelint.rules', 'ruamel') if m in sys.modules)\n"
        "print(code, heavy)\n"
    )

    def imports() -> str:
        return subprocess.run([sys.executable, "-P", "-c", probe], cwd=tmp_path, capture_output=True,
                              text=True, check=True).stdout.strip()

    # cold: did the work (a plain configuration file needs no pydantic: config.surely_valid_table)
    assert imports() == "1 ['markdown_it', 'notelint.rules']"
    assert imports() == "1 []"  # warm: answered from the cache


def test_one_note_check_leaves_out_what_it_does_not_need(tmp_path: Path) -> None:
    """The start-up budget of ``notelint check one-note.md`` (no timing: which modules are loaded).
    Day names come from the stored table (rules/days/day_names.json), not from Babel's locale data;
    the process pool, the diff and the cache's file helpers are only loaded when used; without a
    configuration file that sets options, and with a front matter the default schema accepts,
    pydantic is not imported at all (default options need no validation, NoteMeta's quick check)."""
    (tmp_path / "note.md").write_text((FIXTURES / "icml-2024.md").read_text(encoding="utf-8"), encoding="utf-8")
    probe = (
        "import sys, io, contextlib\n"
        "from notelint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['check', '--no-cache', 'note.md'])\n"
        # concurrent.futures itself may come with a dependency (pydantic 2.13 imports asyncio);
        # the process pool lives in concurrent.futures.process
        "left_out = ('babel', 'concurrent.futures.process', 'multiprocessing', 'difflib', 'pydantic')\n"
        "print(code, sorted(m for m in left_out if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "1 []"  # the seed has findings: the rules did run


def test_installing_an_entry_point_plugin_invalidates_the_cache(tmp_path: Path) -> None:
    """The cache key covers installed plugins: a plugin installed after a cached run is run."""
    note = tmp_path / "a.md"
    note.write_text("TODO\n")
    assert json.loads(run_notelint("--output-format", "json", note, cwd=tmp_path).stdout) == []  # cached
    site = tmp_path / "site"
    (site / "todo_plugin-1.0.dist-info").mkdir(parents=True)
    (site / "todo_plugin.py").write_text(TODO_RULE)
    (site / "todo_plugin-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: todo-plugin\nVersion: 1.0\n")
    (site / "todo_plugin-1.0.dist-info" / "entry_points.txt").write_text("[notelint.rules]\ntodo = todo_plugin:no_todo\n")
    result = run_notelint("--output-format", "json", note, cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert [finding["code"] for finding in json.loads(result.stdout)] == ["XT001"], result.stderr


def test_clean_removes_the_cache(write_note, tmp_path: Path) -> None:
    write_note("a.md", "text\n")
    assert run_notelint(".", cwd=tmp_path).returncode == 0
    assert (tmp_path / ".notelint_cache").is_dir()
    assert (tmp_path / ".notelint_cache" / ".gitignore").read_text().endswith("*\n")
    result = run_notelint("clean", cwd=tmp_path)
    assert result.returncode == 0 and "Removed" in result.stdout
    assert not (tmp_path / ".notelint_cache").exists()
    assert "No cache" in run_notelint("clean", cwd=tmp_path).stdout


def test_cached_findings_come_back_whole(tmp_path: Path) -> None:
    """The compact rows of the findings file (rule table, edit text stored once) lose nothing."""
    from notelint.cache import Cache
    from notelint.diagnostics import Edit, EditReport, Finding, Fix

    fix = Fix.unsafe("Replace", Edit(3, 5, "ab"), Edit(9, 9, "\n"))
    findings = [
        Finding("a.md", 1, 4, 1, 6, "NL500", "known-misspelling", "typos", "error", "m1", fix,
                (EditReport(1, 4, 1, 6, "ab"), EditReport(2, 1, 2, 1, "\n"))),
        Finding("a.md", 2, 1, 2, 3, "NL001", "glued-paragraph", "markdown", "warning", "m2"),
        # a report whose text is not its edit's (not written by notelint itself, but kept)
        Finding("a.md", 3, 1, 3, 2, "NL500", "known-misspelling", "typos", "error", "m3", fix,
                (EditReport(3, 1, 3, 2, "other"),)),
    ]
    writer = Cache(tmp_path)
    writer.put("settings", "content", findings)
    writer.save()
    again = Cache(tmp_path).get("settings", "content", "b.md")
    assert again is not None
    expected = [(f.code, f.name, f.family, f.severity, f.message, f.fix, f.fix_edits, f.line, f.end_column)
                for f in findings]
    assert [(f.code, f.name, f.family, f.severity, f.message, f.fix, f.fix_edits, f.line, f.end_column)
            for f in again] == expected
    assert {f.path for f in again} == {"b.md"}
    assert Cache(tmp_path).get("settings", "other content", "b.md") is None
