"""The cache and the process pool change nothing but speed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from notelint.runner import chunk_bounds

from conftest import FIXTURES, modules_loaded_by_a_check, run_notelint
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
    # (the pool's workers send their findings back as rows, which the one-line formats read)
    for output_format in ("text", "full"):
        one, two = (run_notelint("--no-cache", "--output-format", output_format, "--jobs", jobs, ".", cwd=corpus)
                    for jobs in ("1", "2"))
        assert one.stdout == two.stdout and one.returncode == two.returncode == 1


@pytest.mark.parametrize(("count", "jobs"), [(48, 2), (1000, 2), (1001, 3), (20000, 8)])
def test_chunks_cover_every_note_once_and_shrink_towards_the_end(count: int, jobs: int) -> None:
    bounds = chunk_bounds(count, jobs)
    assert [start for start, _ in bounds] == [0] + [end for _, end in bounds[:-1]]
    assert bounds[-1][1] == count
    sizes = [end - start for start, end in bounds]
    assert sizes == sorted(sizes, reverse=True)  # never a larger chunk after a smaller one
    assert max(sizes) == max(1, count // (jobs * 16))
    assert sizes[-jobs:] == [1] * jobs  # the workers finish within a note of each other


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
    heavy = ("markdown_it", "pydantic", "notelint.rules", "ruamel")
    # cold: did the work (a plain configuration file needs no pydantic: config.surely_valid_table;
    # the block parse is notelint's own, and no rule needed markdown-it-py's inline tokens)
    assert modules_loaded_by_a_check(tmp_path, heavy) == "1 ['notelint.rules']"
    assert modules_loaded_by_a_check(tmp_path, heavy) == "1 []"  # warm: answered from the cache


def test_warm_run_without_a_configuration_file_leaves_out_what_it_does_not_need(write_note, tmp_path: Path) -> None:
    """The warm path's import budget (no timing: which modules are loaded): with no configuration
    file there is no TOML to read, no registry to build and no document to decode."""
    from notelint.config import CONFIG_FILES

    if any((folder / name).is_file() for folder in tmp_path.parents for name in CONFIG_FILES):
        pytest.skip("a configuration file above the temporary folder applies to the notes")
    for number in range(3):
        write_note(f"n{number}.md", "- a.\nComment: glued\n\nThe word teh.\n")
    left_out = ("tomllib", "notelint.registry", "notelint.rule", "notelint.document", "notelint.ruleset")
    assert modules_loaded_by_a_check(tmp_path, left_out).startswith("1 ['notelint.document'")  # cold: did the work
    assert modules_loaded_by_a_check(tmp_path, left_out) == "1 []"  # warm: answered from the cache


def test_one_note_check_leaves_out_what_it_does_not_need(tmp_path: Path) -> None:
    """The start-up budget of ``notelint check one-note.md`` (no timing: which modules are loaded).
    Day names come from the stored table (rules/days/day_names.json), not from Babel's locale data;
    the process pool, the diff and the cache's file helpers are only loaded when used; without a
    configuration file that sets options, and with a front matter the default schema accepts,
    pydantic is not imported at all (default options need no validation, NoteMeta's quick check)."""
    (tmp_path / "note.md").write_text((FIXTURES / "icml-2024.md").read_text(encoding="utf-8"), encoding="utf-8")
    # concurrent.futures itself may come with a dependency (pydantic 2.13 imports asyncio);
    # the process pool lives in concurrent.futures.process
    left_out = ("babel", "concurrent.futures.process", "multiprocessing", "difflib", "pydantic")
    loaded = modules_loaded_by_a_check(tmp_path, left_out, ("check", "--no-cache", "note.md"))
    assert loaded == "1 []"  # the seed has findings: the rules did run


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


def test_the_cache_forgets_what_no_run_used_for_thirty_days(tmp_path: Path) -> None:
    """Every edit of a note stores the findings of its new content: entries and facts no run used
    for 30 days are dropped when the file is next written, used ones stay, and so do their days."""
    import os

    from notelint.cache import UNUSED_DAYS, Cache
    from notelint.diagnostics import Finding

    def finding(message: str) -> Finding:
        return Finding("a.md", 1, 1, 1, 2, "NL003", "trailing-whitespace", "markdown", "warning", message)

    day = 20_000
    # (every content of this test is stored in the same part of the findings, "c")
    first = Cache(tmp_path, today=day)
    first.put("settings", "c old content", [finding("old")])
    first.put("settings", "c kept content", [finding("kept")])
    first.put_fact("settings", "verdict:c old content", {"dropped": [0]})
    first.put_fact("settings", "verdict:c kept content", {"dropped": []})
    first.save()
    later = Cache(tmp_path, today=day + 20)  # a run that uses one content and its verdict
    assert later.get("settings", "c kept content", "a.md") == [finding("kept")]
    assert later.get_fact("settings", "verdict:c kept content") == {"dropped": []}
    later.save()
    same_day = Cache(tmp_path, today=day + 20)
    assert same_day.get("settings", "c kept content", "a.md") is not None
    assert not same_day._dirty  # (using an entry marks it once a day: nothing to write again)
    edited = Cache(tmp_path, today=day + UNUSED_DAYS + 1)  # a month later, a new content
    edited.put("settings", "c new content", [finding("new")])
    edited.put_fact("settings", "verdict:c new content", {"dropped": []})  # (a run judges what it checks)
    edited.save()
    fresh = Cache(tmp_path, today=day + UNUSED_DAYS + 1)
    assert fresh.get("settings", "c old content", "a.md") is None
    assert fresh.get_fact("settings", "verdict:c old content") is None
    assert fresh.get("settings", "c kept content", "a.md") == [finding("kept")]
    assert fresh.get_fact("settings", "verdict:c kept content") == {"dropped": []}
    assert fresh.get("settings", "c new content", "a.md") == [finding("new")]
    findings = tmp_path / fresh.root.name / "findings"
    stored = [json.loads(path.read_text()) for path in findings.glob("settings*.json")]
    assert {key for part in stored for key in part["files"]} == {"c kept content", "c new content"}
    assert {key for part in stored for key in part["used"]} == {
        "c kept content", "c new content", "fact:verdict:c kept content", "fact:verdict:c new content"
    }

    # the findings file of settings no run used for as long (another configuration) goes too
    (findings / "old-settings.json").write_text("{}")
    (findings / "recent-settings.json").write_text("{}")
    month_ago = (day + UNUSED_DAYS + 1 - UNUSED_DAYS - 1) * 86400
    os.utime(findings / "old-settings.json", (month_ago, month_ago))
    os.utime(findings / "settings.c.json", (month_ago, month_ago))  # (used by the run below)
    kept = sorted(path.name for path in findings.iterdir() if path.name != "old-settings.json")
    run = Cache(tmp_path, today=day + UNUSED_DAYS + 1)
    run.put("settings", "c another content", [])
    run.save()
    assert sorted(path.name for path in findings.iterdir()) == kept


def test_a_run_over_one_note_writes_one_part_of_the_findings(tmp_path: Path) -> None:
    """The findings of a settings key are split by content hash: storing one note's findings
    rewrites the sixteenth of the cache that holds them, not the whole."""
    from notelint.cache import Cache
    from notelint.diagnostics import Finding

    row = Finding("a.md", 1, 1, 1, 2, "NL003", "trailing-whitespace", "markdown", "warning", "m")
    first = Cache(tmp_path, today=20_000)
    hashes = [f"{digit}{'0' * 31}" for digit in "0123456789abcdef"]
    for content in hashes:
        first.put("settings", content, [row])
    first.save()
    findings = first.root / "findings"
    parts = {path.name: path.stat().st_mtime_ns for path in findings.glob("settings.*.json")}
    assert len(parts) == 16
    second = Cache(tmp_path, today=20_000)
    second.put("settings", "7" + "1" * 31, [])
    second.save()
    changed = [path.name for path in findings.glob("settings.*.json") if path.stat().st_mtime_ns != parts[path.name]]
    assert changed == ["settings.7.json"]
    third = Cache(tmp_path, today=20_000)
    moved = Finding("b.md", 1, 1, 1, 2, "NL003", "trailing-whitespace", "markdown", "warning", "m")
    assert all(third.get("settings", content, "b.md") == [moved] for content in hashes)
    assert third.get("settings", "7" + "1" * 31, "b.md") == []


def test_a_findings_file_with_bad_days_is_started_again(tmp_path: Path) -> None:
    from notelint.cache import FORMAT, Cache

    cache = Cache(tmp_path, today=20_000)
    findings = cache.root / "findings"
    findings.mkdir(parents=True)
    for used in ("not a table", {"content": "yesterday"}):
        (findings / "settings.c.json").write_text(json.dumps(
            {"format": FORMAT, "rules": [], "files": {"content": [[], "[]"]}, "used": used}))
        cache = Cache(tmp_path, today=20_000)
        cache.put("settings", "cother", [])  # (the same part of the findings)
        cache.save()  # no crash; the entry of unknown age is dropped
        assert Cache(tmp_path, today=20_000).get("settings", "content", "a.md") is None
        assert Cache(tmp_path, today=20_000).get("settings", "cother", "a.md") == []


def test_the_command_forgets_old_contents_of_an_edited_note(tmp_path: Path) -> None:
    """Through the command line: the cache of a note edited every day does not keep growing."""
    notes = tmp_path / "notes"
    notes.mkdir()
    note = notes / "note.md"
    env = {"NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    note.write_text("# Day\n\n- first version \n")
    run_notelint("check", ".", cwd=notes, env=env)
    findings = next((tmp_path / "cache").glob("*/findings"))

    def stored_contents() -> set[str]:
        return {key for path in findings.glob("*.json") for key in json.loads(path.read_text())["files"]}

    first = stored_contents()
    assert len(first) == 1
    # as if that run had been 31 days ago: the days it stored, and when it wrote its files
    month_ago = time.time() - 31 * 86400
    for path in findings.glob("*.json"):
        stored = json.loads(path.read_text())
        stored["used"] = {key: day - 31 for key, day in stored["used"].items()}
        path.write_text(json.dumps(stored))
        os.utime(path, (month_ago, month_ago))
    note.write_text("# Day\n\n- second version \n")
    result = run_notelint("check", ".", cwd=notes, env=env)
    assert "NL003" in result.stdout
    second = stored_contents()
    assert len(second) == 1 and second != first


# -- a warm run reports from the cache's rows: every format, byte for byte -------------------------

# Three notes share an unknown word (its findings are dropped by the judge, a verdict the cache
# keeps); the fourth has an unknown word of its own (an unsafe fix) and trailing whitespace.
SHARED_WORD_NOTE = "# Day {number}\n\n- item one.\nComment: glued on\n\nThe word teh and zorbulon here.\n"
OWN_WORD_NOTE = "# Day 4\n\nThe unwantend zorbulon.  \n"
FORMATS = ("text", "concise", "full", "json", "github", "gitlab", "sarif")


@pytest.fixture
def judged_project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    for number in (1, 2, 3):
        (folder / f"n{number}.md").write_text(SHARED_WORD_NOTE.format(number=number))
    (folder / "n4.md").write_text(OWN_WORD_NOTE)
    return folder


def test_the_project_has_what_the_format_comparisons_rely_on(judged_project: Path) -> None:
    found = json_run("--no-cache", ".", cwd=judged_project)
    codes = {finding["code"] for finding in found}
    assert {"NL001", "NL500", "NL501", "NL003"} <= codes
    assert "zorbulon" not in json.dumps(found)  # dropped by the judge
    assert {finding["fix"]["applicability"] for finding in found} == {"safe", "unsafe"}


@pytest.mark.parametrize("extra", [(), ("--unsafe-fixes",), ("--statistics",)], ids=["plain", "unsafe", "stats"])
def test_warm_output_is_the_cold_output_in_every_format(judged_project: Path, tmp_path: Path,
                                                        extra: tuple[str, ...]) -> None:
    """The one-line formats are rendered from the cache's rows and the others from findings built
    from them: each must print exactly what a run without the cache prints."""
    env = {"NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    first = run_notelint("check", *extra, ".", cwd=judged_project, env=env)  # fills the cache
    assert first.returncode == 1, first.stderr
    for output_format in FORMATS:
        if extra == ("--statistics",) and output_format not in ("text", "json"):
            continue
        args = ("check", "--output-format", output_format, *extra, ".")
        cold = run_notelint(*args[:1], "--no-cache", *args[1:], cwd=judged_project, env=env)
        warm = run_notelint(*args, cwd=judged_project, env=env)
        assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr), output_format
        assert cold.stdout.strip()


def test_a_change_that_keeps_size_and_modification_time_is_seen(write_note, tmp_path: Path) -> None:
    """The content hash decides, not the file's size or time: a note rewritten with as many bytes
    and its old modification time is checked again."""
    import os

    note = write_note("a.md", "text \n")
    assert run_notelint(".", cwd=tmp_path).returncode == 1  # trailing whitespace, now cached
    before = note.stat()
    note.write_text("text.\n")  # as many bytes, no finding
    os.utime(note, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = note.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    result = run_notelint(".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")


def test_stored_findings_give_the_findings_heads_and_verdicts_they_were_made_from(tmp_path: Path) -> None:
    """What a warm run uses of a file's stored findings without building them (headlines, codes,
    fixability, a verdict's dropped positions) agrees with the findings built from them."""
    from notelint.cache import Cache
    from notelint.diagnostics import Edit, EditReport, Finding, Fix

    findings = [
        Finding("a.md", 1, 4, 1, 6, "NL500", "known-misspelling", "typos", "error", "m1",
                Fix.safe("Replace", Edit(3, 5, "ab")), (EditReport(1, 4, 1, 6, "ab"),)),
        Finding("a.md", 2, 1, 2, 3, "NL001", "glued-paragraph", "markdown", "warning", "m2"),
        Finding("a.md", 3, 1, 3, 2, "NL501", "unknown-word", "typos", "warning", "m3",
                Fix.unsafe("Replace", Edit(9, 10, "x")), (EditReport(3, 1, 3, 2, "x"),)),
        Finding("a.md", 4, 2, 4, 5, "NL003", "trailing-whitespace", "markdown", "warning", "m4"),
    ]
    writer = Cache(tmp_path)
    writer.put("settings", "content", findings)
    writer.save()
    stored = Cache(tmp_path).stored("settings", "content", "b.md")
    assert stored is not None and len(stored) == 4
    built = stored.build()
    assert [finding.headline() for finding in built] == stored.headlines()
    assert [(f.path, f.code, f.fix, f.fix_edits, f.end_line, f.end_column) for f in built] == [
        ("b.md", f.code, f.fix, f.fix_edits, f.end_line, f.end_column) for f in findings
    ]
    assert stored.uses_any(frozenset({"NL501"})) and not stored.uses_any(frozenset({"NL999"}))
    assert stored.any_fixable(unsafe_fixes=False)
    kept = stored.without({0, 2, 7})  # 7: no such finding, ignored
    assert [finding.code for finding in kept.build()] == ["NL001", "NL003"]
    assert kept.headlines() == [finding.headline() for finding in kept.build()]
    assert not kept.any_fixable(unsafe_fixes=True)
    assert [finding.message for finding in kept.without({1}).build()] == ["m2"]


def test_the_source_stamp_follows_notelint_files_only(tmp_path: Path) -> None:
    """An edited rule (editable installs) changes the settings key; compiled files and other
    files do not."""
    from notelint.runner import _source_stamps

    (tmp_path / "rules" / "__pycache__").mkdir(parents=True)
    rule = tmp_path / "rules" / "rule.py"
    rule.write_text("x = 1\n")
    (tmp_path / "words.json").write_text("[]")
    first = _source_stamps(str(tmp_path))
    assert [stamp.split(":")[0] for stamp in first] == ["rule.py", "words.json"]
    (tmp_path / "rules" / "__pycache__" / "rule.cpython-311.pyc").write_bytes(b"compiled")
    (tmp_path / "notes.txt").write_text("not a source")
    assert _source_stamps(str(tmp_path)) == first
    rule.write_text("x = 12\n")
    assert _source_stamps(str(tmp_path)) != first
