"""The command line, flag by flag and exit code by exit code, run as a user runs it."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, findings_json, run_notelint

GLUED = "- first item\n- second item.\nComment: a paragraph that was meant to stand alone\n"
CLEAN = "# Montag Vormittag\n\n- an item\n"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURES, folder, copy_function=shutil.copyfile)
    return folder


def test_notes_folder_is_clean() -> None:
    result = run_notelint("check", "notes", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("All checks passed!")


def test_seed_findings_at_exact_lines(seeds: Path) -> None:
    found = findings_json(seeds)
    markdown = {(Path(f["path"]).name, f["line"], f["column"], f["code"]) for f in found if f["family"] == "markdown"}
    assert markdown == {
        ("icassp-2025.md", 21, 1, "NL001"),
        ("icassp-2025.md", 30, 1, "NL001"),
        ("icassp-2025.md", 60, 1, "NL001"),
        ("icml-2024.md", 42, 3, "NL002"),
    }


def test_text_output_format_and_summary(write_note, tmp_path: Path) -> None:
    write_note("a.md", GLUED)
    result = run_notelint("a.md", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a.md:3:1: NL001 [*] Paragraph glued to the list above")
    assert lines[-1] == "Found 1 problem (1 fixable with --fix)."


def test_default_path_is_current_folder_and_hidden_folders_are_skipped(write_note, tmp_path: Path) -> None:
    write_note("sub/a.md", GLUED)
    write_note(".hidden/b.md", GLUED)
    write_note("notes.txt", GLUED)
    result = run_notelint(cwd=tmp_path)
    assert result.returncode == 1
    assert "sub/a.md:3:1: NL001" in result.stdout
    assert ".hidden" not in result.stdout and "notes.txt" not in result.stdout


def test_explicit_file_is_checked_even_when_excluded(write_note, tmp_path: Path) -> None:
    write_note("pyproject.toml", '[tool.notelint]\nexclude = ["drafts"]\n')
    write_note("drafts/a.md", GLUED)
    assert run_notelint(".", cwd=tmp_path).returncode == 0
    named = run_notelint("drafts/a.md", cwd=tmp_path)
    assert named.returncode == 1 and "drafts/a.md:3:1" in named.stdout


def test_fix_then_second_fix_changes_nothing(seeds: Path) -> None:
    first = run_notelint("--fix", "--select", "markdown", seeds)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "4 fixed, 0 remaining" in first.stdout
    fixed = {path.name: path.read_bytes() for path in seeds.iterdir()}
    assert b"neighbors\n  - instead of future predict node\n" in fixed["icml-2024.md"]
    assert b"networks...\n\nProblem: doesn" in fixed["icassp-2025.md"]
    second = run_notelint("--fix", "--select", "markdown", seeds)
    assert second.returncode == 0
    assert "All checks passed!" in second.stdout
    assert {path.name: path.read_bytes() for path in seeds.iterdir()} == fixed


@pytest.mark.parametrize("flags", [["--fix"], ["--fix", "--unsafe-fixes"]])
def test_fix_with_every_rule_converges_in_one_run(seeds: Path, flags: list[str]) -> None:
    first = run_notelint(*flags, seeds)
    assert first.returncode in (0, 1), first.stdout + first.stderr
    assert " fixed, " in first.stdout
    fixed = {path.name: path.read_bytes() for path in seeds.iterdir()}
    second = run_notelint(*flags, seeds)
    assert second.returncode == first.returncode
    assert " fixed" not in second.stdout
    assert {path.name: path.read_bytes() for path in seeds.iterdir()} == fixed


def test_unsafe_fix_needs_the_flag(write_note, tmp_path: Path) -> None:
    note = write_note("a.md", "- an item that wraps\nonto a lazy line\n")
    result = run_notelint("--fix", note)
    assert result.returncode == 1
    assert "NL001 Paragraph glued" in result.stdout  # no [*]: the fix is unsafe
    assert "1 hidden fix can be enabled with the `--unsafe-fixes` option" in result.stdout
    assert note.read_text() == "- an item that wraps\nonto a lazy line\n"
    result = run_notelint("--fix", "--unsafe-fixes", note)
    assert result.returncode == 0
    assert note.read_text() == "- an item that wraps\n\nonto a lazy line\n"


def test_diff_prints_and_changes_nothing(write_note) -> None:
    note = write_note("a.md", GLUED)
    result = run_notelint("--diff", note)
    assert result.returncode == 1
    assert "+\n Comment: a paragraph" in result.stdout
    assert result.stdout.startswith(f"--- a/{note}")
    assert note.read_text() == GLUED
    clean = write_note("b.md", CLEAN)
    result = run_notelint("--diff", clean)
    assert result.returncode == 0 and result.stdout == ""


@pytest.mark.parametrize(
    "flags, expected",
    [
        ([], {"NL001", "NL003", "NL004"}),
        (["--select", "NL003"], {"NL003"}),
        (["--select", "trailing-whitespace,missing-final-newline"], {"NL003", "NL004"}),
        (["--select", "markdown"], {"NL001", "NL003", "NL004"}),
        (["--select", "NL00"], {"NL001", "NL003", "NL004"}),
        (["--ignore", "NL001"], {"NL003", "NL004"}),
        (["--ignore", "markdown"], set()),
        (["--select", "NL003", "--extend-select", "NL004"], {"NL003", "NL004"}),
        (["--select", "NL003", "--select", "NL001"], {"NL001", "NL003"}),
    ],
)
def test_selection_flags(write_note, flags: list[str], expected: set[str]) -> None:
    note = write_note("a.md", "- item.\nComment: glued \nno final newline")
    codes = {finding["code"] for finding in findings_json(*flags, note)}
    assert codes == expected


def test_unknown_selector_is_a_usage_error(write_note) -> None:
    note = write_note("a.md", CLEAN)
    result = run_notelint("--select", "trailing-whitespaces", note)
    assert result.returncode == 2
    assert "unknown rule selector 'trailing-whitespaces'; did you mean 'trailing-whitespace'?" in result.stderr


def test_json_output_has_exactly_the_documented_keys(write_note) -> None:
    note = write_note("a.md", "- a  \n")
    result = run_notelint("--output-format", "json", note)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert finding == {
        "path": str(note),
        "line": 1,
        "column": 4,
        "end_line": 1,
        "end_column": 6,
        "code": "NL003",
        "name": "trailing-whitespace",
        "family": "markdown",
        "severity": "warning",
        "message": "Trailing whitespace",
        "fix": {
            "applicability": "safe",
            "message": "Remove trailing whitespace",
            "edits": [{"line": 1, "column": 4, "end_line": 1, "end_column": 6, "content": ""}],
        },
    }


def test_json_stdout_stays_json_when_a_file_is_bad(write_note, tmp_path: Path) -> None:
    write_note("a.md", "- a  \n")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    result = run_notelint("--output-format", "json", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert [f["path"] for f in json.loads(result.stdout)] == ["a.md"]
    assert "bad.md: is not valid UTF-8 (byte 0xe9 at offset 3)" in result.stderr


def test_statistics(write_note) -> None:
    note = write_note("a.md", "- a  \n- b \n- c.\nComment: x\n")
    result = run_notelint("--statistics", note)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["2", "NL003", "[*] trailing-whitespace"]
    assert lines[1].split("\t") == ["1", "NL001", "[*] glued-paragraph"]


def test_exit_zero(write_note) -> None:
    note = write_note("a.md", GLUED)
    result = run_notelint("--exit-zero", note)
    assert result.returncode == 0
    assert "NL001" in result.stdout


def test_config_flag_applies_one_file_to_every_note(write_note, tmp_path: Path) -> None:
    config = write_note("elsewhere/custom.toml", 'ignore = ["NL001"]\n')
    note = write_note("a.md", GLUED)
    assert run_notelint(note).returncode == 1
    assert run_notelint("--config", config, note).returncode == 0
    missing = run_notelint("--config", tmp_path / "nope.toml", note)
    assert missing.returncode == 2 and "nope.toml: cannot be read" in missing.stderr


def test_no_cache_is_accepted(write_note) -> None:
    note = write_note("a.md", CLEAN)
    assert run_notelint("--no-cache", note).returncode == 0


def test_version(tmp_path: Path) -> None:
    from notelint import __version__

    for args in (["--version"], ["check", "--version"]):
        result = run_notelint(*args, cwd=tmp_path)
        assert result.returncode == 0
        assert result.stdout.strip() == f"notelint {__version__}"


def test_missing_path_exits_2_and_other_files_are_still_checked(write_note, tmp_path: Path) -> None:
    write_note("a.md", GLUED)
    result = run_notelint("missing.md", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "missing.md: no such file or directory" in result.stderr
    assert "a.md:3:1: NL001" in result.stdout


def test_undecodable_and_binary_files_are_errors_naming_the_file(tmp_path: Path, write_note) -> None:
    (tmp_path / "latin1.md").write_bytes(b"# Caf\xe9\n")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x00\x00")
    write_note("good.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2
    assert "error: latin1.md: is not valid UTF-8 (byte 0xe9 at offset 5)" in result.stderr
    assert "error: binary.md: contains a NUL byte at offset 6" in result.stderr
    assert "good.md:3:1: NL001" in result.stdout
    fixed = run_notelint("--fix", ".", cwd=tmp_path)
    assert fixed.returncode == 2
    assert (tmp_path / "latin1.md").read_bytes() == b"# Caf\xe9\n"


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_notelint("check", "--output-format", "yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], ["check", "rule", "rules", "clean", "words", "init", "server"]),
        (["check", "--help"], ["--fix", "--unsafe-fixes", "--diff", "--select", "--output-format", "--jobs",
                               "--stdin-filename", "--no-cache"]),
        (["rule", "--help"], ["CODE_OR_NAME", "--output-format"]),
        (["rules", "--help"], ["--output-format"]),
        (["words", "--help"], ["add"]),
        (["words", "add", "--help"], ["--from-notes", "--min-notes", "--file", "WORD"]),
    ],
)
def test_help_of_every_command_at_the_terminal_width(args: list[str], expected: list[str]) -> None:
    """Each command's help names its arguments (a run builds only the arguments of the command it
    names), wrapped to $COLUMNS as argparse does with shutil.get_terminal_size."""
    for columns in (60, 120):
        result = run_notelint(*args, env={"COLUMNS": str(columns)})
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: notelint")
        for word in expected:
            assert word in result.stdout, (word, result.stdout)
        for line in result.stdout.splitlines():  # (only the choices of --output-format cannot be wrapped)
            assert len(line) <= columns or "{" in line, (columns, line)


@pytest.mark.parametrize("command", ["check", "rule", "rules", "clean", "words", "init", "server"])
def test_a_command_parser_built_alone_is_the_one_of_the_whole_command_line(command: str) -> None:
    """A run builds only the parser of the command it names: the same help, usage and arguments as
    that command's parser in the whole command line (which ``notelint --help`` shows)."""
    from notelint.cli import COMMANDS
    from notelint.command_line import _SUBCOMMANDS, build_parser

    assert sorted(COMMANDS) == sorted(name for name, _, _ in _SUBCOMMANDS)

    def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        (action,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
        return dict(action.choices)

    alone, whole = subparsers(build_parser(command)), subparsers(build_parser())
    assert list(alone) == [command] and list(whole) == [name for name, _, _ in _SUBCOMMANDS]
    assert alone[command].format_help() == whole[command].format_help()
    assert alone[command].format_usage() == whole[command].format_usage()

    def arguments(parser: argparse.ArgumentParser) -> list[dict[str, object]]:
        return [{key: value for key, value in vars(action).items() if key != "container"} for action in parser._actions
                if not isinstance(action, argparse._SubParsersAction)]

    assert arguments(alone[command]) == arguments(whole[command])


@cache
def _check_parser() -> argparse.ArgumentParser:
    from notelint.command_line import build_parser

    return build_parser("check")


def _as_argparse_reads(arguments: list[str]) -> dict[str, object] | None:
    """What argparse makes of ``notelint check ARGUMENTS``; None when it exits (an error, help,
    version)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return vars(_check_parser().parse_args(["check", *arguments]))
    except SystemExit:
        return None


# pieces of command lines: every option of check (abbreviated too), values, paths
_PIECES = [
    "--fix", "--unsafe-fixes", "--diff", "--select", "--extend-select", "--ignore", "--output-format", "--statistics",
    "--exit-zero", "--config", "--no-cache", "--jobs", "-j", "--stdin-filename", "--version", "-h", "--help",
    "--no-c", "--sel", "--out", "--un", "--e", "-j2", "-j=2", "--jobs=3", "--select=NL0,NL5", "--ignore=", "--fix=1",
    "--output-format=json", "--output-format=xml", "--config=a.toml", "--stdin-filename=x.md", "--bogus", "--", "-",
    "-x", "", "note.md", "notes/", "a b", "-a b", "NL001", "NL0,markdown", " , ", "json", "full", "xml", "2", "-1",
    "0x1", " 3", "\u0663", "1_0", "check", "=", "a=b",
]


@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=8))
@settings(max_examples=1500, deadline=None)
def test_a_plain_check_command_line_is_read_as_argparse_reads_it(arguments: list[str]) -> None:
    """``plain_check`` reads the plain ``check`` command lines without argparse: what it reads,
    argparse reads the same way; anything else (help, version, abbreviations, errors) it leaves
    to argparse."""
    from notelint.cli import plain_check

    read = plain_check(arguments)
    if read is not None:
        assert vars(read) == _as_argparse_reads(arguments)


@pytest.mark.parametrize(
    "arguments",
    [[], ["note.md"], ["--no-cache", "note.md"], ["notes/", "a.md", "--fix", "--unsafe-fixes"], ["-"],
     ["--select", "NL0,markdown", "--select=NL5", "--ignore", "NL001", "--extend-select", "", "x.md"],
     ["--output-format", "json", "--statistics", "--exit-zero", "--diff", "--jobs", "1", "-j", "2"],
     ["--config", "a.toml", "--stdin-filename", "today.md", "-"], ["--output-format=sarif", "--config=", "--jobs= 4"]],
)
def test_plain_check_command_lines_are_read_without_argparse(arguments: list[str]) -> None:
    from notelint.cli import plain_check

    read = plain_check(arguments)
    assert read is not None and vars(read) == _as_argparse_reads(arguments)


@pytest.mark.parametrize("options", [[], ["--diff", "--unsafe-fixes"]])
def test_a_plain_check_imports_neither_argparse_nor_dataclasses(tmp_path: Path, options: list[str]) -> None:
    """A one-note check (or diff: the fixer and the verifier) reads its command line without
    argparse (and gettext, locale), and no module of notelint imports dataclasses or inspect for
    it (markdown-it-py does, which a diff imports to parse inline content for the verifier)."""
    import subprocess
    import sys

    (tmp_path / "note.md").write_bytes((FIXTURES / "icml-2024.md").read_bytes())
    probe = (
        "import builtins, contextlib, io, sys\n"
        "importers = set()\n"
        "real = builtins.__import__\n"
        "def spy(name, globals=None, locals=None, fromlist=(), level=0):\n"
        "    if name.partition('.')[0] in ('dataclasses', 'inspect') and level == 0:\n"
        "        importers.add((globals or {}).get('__name__', '?'))\n"
        "    return real(name, globals, locals, fromlist, level)\n"
        "builtins.__import__ = spy\n"
        "from notelint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['check', '--no-cache', *{options!r}, 'note.md'])\n"
        "print(code, sorted(name for name in ('argparse', 'gettext', 'locale') if name in sys.modules),\n"
        "      sorted(name for name in importers if name.startswith('notelint')))\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "1 [] []", result.stdout


def test_stdin_check_and_fix(tmp_path: Path) -> None:
    result = run_notelint("-", "--stdin-filename", "today.md", stdin=GLUED.encode(), cwd=tmp_path)
    assert result.returncode == 1
    assert "today.md:3:1: NL001" in result.stdout
    fixed = run_notelint("-", "--fix", "--stdin-filename", "today.md", stdin=GLUED.encode(), cwd=tmp_path)
    assert fixed.returncode == 0
    assert fixed.stdout == "- first item\n- second item.\n\nComment: a paragraph that was meant to stand alone\n"
    assert "1 fixed, 0 remaining" in fixed.stderr
    anonymous = run_notelint("-", stdin=b"x  \n", cwd=tmp_path)
    assert anonymous.stdout.startswith("-:1:2: NL003")


def test_rule_command_prints_the_docs() -> None:
    result = run_notelint("rule", "NL001")
    assert result.returncode == 0
    assert result.stdout.startswith("# glued-paragraph (NL001)")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
        assert section in result.stdout
    by_name = run_notelint("rule", "doubled-list-marker")
    assert by_name.returncode == 0 and "(NL002)" in by_name.stdout
    data = json.loads(run_notelint("rule", "NL003", "--output-format", "json").stdout)
    assert data["code"] == "NL003" and data["family"] == "markdown" and data["fixable"] is True
    unknown = run_notelint("rule", "NL999")
    assert unknown.returncode == 2 and "unknown rule selector 'NL999'" in unknown.stderr


def test_rules_command_lists_every_rule() -> None:
    result = run_notelint("rules")
    assert result.returncode == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["code", "name", "family", "fixable", "default"]
    assert any(row.split() == ["NL001", "glued-paragraph", "markdown", "yes", "on"] for row in rows)
    listed = json.loads(run_notelint("rules", "--output-format", "json").stdout)
    assert {"NL001", "NL002", "NL003", "NL004"} <= {rule["code"] for rule in listed}
    for rule in listed:
        assert rule["family"] in ("frontmatter", "headings", "days", "math", "typos", "markdown")
        assert "## What it does" in rule["doc"], rule["code"]


def test_a_typo_flows_through_the_whole_pipeline(write_note, tmp_path: Path) -> None:
    note = write_note("tiny.md", "the results were seperate\n")
    [finding] = findings_json(note)
    assert (finding["code"], finding["family"], finding["line"], finding["column"], finding["end_column"]) == (
        "NL500", "typos", 1, 18, 26,
    )
    assert finding["fix"]["applicability"] == "safe"
    assert finding["fix"]["edits"][0]["content"] == "separate"
    result = run_notelint("--fix", note)
    assert result.returncode == 0 and "1 fixed, 0 remaining" in result.stdout
    assert note.read_text() == "the results were separate\n"


def test_the_whole_report_arrives_before_the_process_ends(tmp_path: Path) -> None:
    """The command ends without the interpreter's tear-down once its output is flushed: a long
    report through a pipe and into a file arrives whole, with the exit code."""
    for number in range(150):
        (tmp_path / f"note-{number:03}.md").write_text("- item \n- item\nGlued paragraph\n" * 4)
    piped = run_notelint("check", "--no-cache", "--output-format", "json", ".", cwd=tmp_path)
    assert piped.returncode == 1, piped.stderr
    findings = json.loads(piped.stdout)
    assert len(findings) >= 150 * 8
    with open(tmp_path / "report.txt", "w") as report:
        written = subprocess.run([sys.executable, "-P", "-m", "notelint", "check", "--no-cache", "."],
                                 cwd=tmp_path, stdout=report, stderr=subprocess.PIPE, check=False)
    assert written.returncode == 1, written.stderr
    lines = (tmp_path / "report.txt").read_text().splitlines()
    assert len(lines) >= len(findings) and lines[-2].startswith(f"Found {len(findings)} problems")


def test_a_profiler_around_the_command_still_writes_its_report(tmp_path: Path) -> None:
    """The command ends its process early only when nothing waits for the exit: a profiler's
    report (written at exit) is still written."""
    (tmp_path / "note.md").write_text("# Note\n\n- item \n")
    profile = tmp_path / "run.prof"
    completed = subprocess.run(
        [sys.executable, "-P", "-m", "cProfile", "-o", str(profile), "-m", "notelint", "check", "--no-cache",
         "note.md"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert "NL003" in completed.stdout, completed.stderr  # (cProfile itself exits 0)
    assert profile.is_file() and profile.stat().st_size > 0
