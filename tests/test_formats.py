"""The CI and terminal output formats, the progress bar and ``notelint init``, through the real CLI."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import findings_json, run_notelint
from notelint.formats import escape_github_data, escape_github_property
from notelint.progress import PROGRESS_THRESHOLD, ProgressBar, wants_progress

# A glued paragraph (NL001, safe fix), two identical misspellings on one line (NL500, safe fix).
NOTE = "# Day\n\n- item one.\nComment: glued on\n\nThe word teh and teh again.\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def check(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_notelint("check", "--no-cache", *args, cwd=tmp_path, env=env)


def test_note_has_the_findings_the_format_tests_rely_on(tmp_path: Path, note: Path) -> None:
    found = findings_json("--no-cache", "note.md", cwd=tmp_path)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("NL001", 4, 1), ("NL500", 6, 10), ("NL500", 6, 18)
    ]


# -- concise, full, text ------------------------------------------------------------------------------


def test_concise_is_the_text_lines_without_the_summary(tmp_path: Path, note: Path) -> None:
    text = check(tmp_path, "note.md", "--output-format", "text")
    concise = check(tmp_path, "note.md", "--output-format", "concise")
    assert concise.returncode == text.returncode == 1
    assert concise.stdout.splitlines() == text.stdout.splitlines()[:3]
    assert concise.stdout.splitlines()[0] == (
        "note.md:4:1: NL001 [*] Paragraph glued to the list above: it renders as part of the last item "
        "(add a blank line before it)"
    )


def test_piped_default_is_text_exactly(tmp_path: Path, note: Path) -> None:
    default = check(tmp_path, "note.md")
    assert default.stdout == check(tmp_path, "note.md", "--output-format", "text").stdout
    assert default.stdout.endswith("Found 3 problems (3 fixable with --fix).\n")
    assert "\x1b[" not in default.stdout


def test_full_shows_the_source_line_underlined_and_the_fix_title(tmp_path: Path, note: Path) -> None:
    result = check(tmp_path, "note.md", "--output-format", "full")
    assert result.returncode == 1
    out = result.stdout
    assert "\x1b[" not in out  # not a terminal: no colours
    block = out.split("\n\n")[0].splitlines()
    assert block == [
        "note.md:4:1: NL001 [*] Paragraph glued to the list above: it renders as part of the last item "
        "(add a blank line before it)",
        "  |",
        "4 | Comment: glued on",
        "  | ^^^^^^^^^^^^^^^^^ NL001",
        "  |",
        "  = help: Insert a blank line before it",
    ]
    second = out.split("\n\n")[1].splitlines()
    assert second[2] == "6 | The word teh and teh again."
    assert second[3] == "  |          ^^^ NL500"
    assert second[-1] == "  = help: Replace with `the`"
    assert out.endswith("Found 3 problems (3 fixable with --fix).\n")


def test_full_aligns_the_carets_after_tabs(tmp_path: Path) -> None:
    (tmp_path / "tabs.md").write_text("# Day\n\nA\tTab\there teh\n", encoding="utf-8")
    out = check(tmp_path, "tabs.md", "--output-format", "full").stdout
    lines = out.splitlines()
    source = next(line for line in lines if line.startswith("3 |"))
    carets = lines[lines.index(source) + 1]
    assert source[carets.index("^") : carets.index("^") + 3] == "teh"


def test_full_after_fix_shows_the_fixed_text(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("# Day\n\n# Empty\n\nThe word teh.\n", encoding="utf-8")
    result = check(tmp_path, "n.md", "--fix", "--output-format", "full")
    assert "The word the." in (tmp_path / "n.md").read_text(encoding="utf-8")
    assert "teh" not in result.stdout
    assert "fixed" in result.stdout.splitlines()[-2] or "fixed" in result.stdout


def _run_on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run notelint with stdout on a pseudo-terminal and return what it printed there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", "notelint", *args], cwd=cwd, stdout=follower, stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_terminal_default_is_full_with_colours(tmp_path: Path, note: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["TERM"] = "xterm"
    out = _run_on_terminal(["check", "--no-cache", "note.md"], tmp_path, env)
    assert "\x1b[" in out
    plain = ANSI.sub("", out)
    assert "4 | Comment: glued on" in plain
    assert "= help: Insert a blank line before it" in plain


def test_no_color_turns_colours_off_on_a_terminal(tmp_path: Path, note: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm"}
    out = _run_on_terminal(["check", "--no-cache", "note.md"], tmp_path, env)
    assert "\x1b[" not in out
    assert "4 | Comment: glued on" in out


# -- github ---------------------------------------------------------------------------------------------


def test_github_workflow_commands(tmp_path: Path, note: Path) -> None:
    result = check(tmp_path, "note.md", "--output-format", "github")
    assert result.returncode == 1
    found = findings_json("--no-cache", "note.md", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert len(lines) == len(found)
    for line, finding in zip(lines, found):
        kind = "error" if finding["severity"] == "error" else "warning"
        assert line == (
            f"::{kind} file=note.md,line={finding['line']},col={finding['column']},"
            f"endLine={finding['end_line']},endColumn={finding['end_column']},title={finding['code']}"
            f"::{finding['message']}"
        )
    assert lines[0].startswith("::warning ")  # NL001 is a warning
    assert lines[1].startswith("::error ")  # NL500 is an error


def test_github_escapes_properties_in_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "a,b:c%.md").write_text("# Day\n\nThe word teh.\n", encoding="utf-8")
    out = check(tmp_path, "a,b:c%.md", "--output-format", "github").stdout
    assert out.startswith("::error file=a%2Cb%3Ac%25.md,line=3,col=10,")


def test_github_escaping_rules() -> None:
    assert escape_github_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_clean_run_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("# Day\n\nAll good here.\n", encoding="utf-8")
    result = check(tmp_path, "clean.md", "--output-format", "github")
    assert (result.returncode, result.stdout) == (0, "")


# -- gitlab ---------------------------------------------------------------------------------------------


def gitlab(tmp_path: Path, *paths: str) -> list[dict[str, object]]:
    result = check(tmp_path, *paths, "--output-format", "gitlab")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_gitlab_code_quality_report(tmp_path: Path, note: Path) -> None:
    issues = gitlab(tmp_path, "note.md")
    assert [issue["check_name"] for issue in issues] == ["NL001", "NL500", "NL500"]
    first = issues[0]
    assert first["description"].startswith("NL001 Paragraph glued to the list above")
    assert first["severity"] == "minor"  # warning
    assert issues[1]["severity"] == "major"  # error
    assert first["location"] == {"path": "note.md", "lines": {"begin": 4, "end": 4}}
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == 3  # the two identical misspellings on one line differ by occurrence
    assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in fingerprints)


def test_gitlab_fingerprints_are_stable_across_runs_and_line_shifts(tmp_path: Path, note: Path) -> None:
    before = [issue["fingerprint"] for issue in gitlab(tmp_path, "note.md")]
    assert before == [issue["fingerprint"] for issue in gitlab(tmp_path, "note.md")]
    note.write_text(NOTE.replace("# Day\n\n", "# Day\n\nA new first paragraph.\n\n"), encoding="utf-8")
    shifted = gitlab(tmp_path, "note.md")
    assert [issue["location"]["lines"]["begin"] for issue in shifted] == [6, 8, 8]
    assert [issue["fingerprint"] for issue in shifted] == before
    note.write_text(NOTE.replace("The word teh", "Another word teh"), encoding="utf-8")
    changed = [issue["fingerprint"] for issue in gitlab(tmp_path, "note.md")]
    assert changed[0] == before[0] and changed[1] != before[1]  # the line's text is part of it


def test_gitlab_clean_run_is_an_empty_list(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("# Day\n\nAll good here.\n", encoding="utf-8")
    assert gitlab(tmp_path, "clean.md") == []


# -- sarif ----------------------------------------------------------------------------------------------


def test_sarif_log(tmp_path: Path, note: Path) -> None:
    result = check(tmp_path, "note.md", "--output-format", "sarif")
    assert result.returncode == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "notelint"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", driver["version"])
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == ["NL001", "NL500"]
    for rule in rules:
        described = json.loads(run_notelint("rule", rule["id"], "--output-format", "json").stdout)
        assert rule["name"] == described["name"]
        assert rule["shortDescription"] == {"text": described["summary"]}
        assert rule["fullDescription"]["text"] == described["doc"].strip()
        assert "## What it does" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == described["severity"]
    found = findings_json("--no-cache", "note.md", cwd=tmp_path)
    assert len(run["results"]) == len(found)
    for entry, finding in zip(run["results"], found):
        assert set(entry) >= {"ruleId", "level", "message", "locations"}
        assert entry["ruleId"] == finding["code"]
        assert rules[entry["ruleIndex"]]["id"] == finding["code"]
        assert entry["level"] == finding["severity"]
        assert entry["message"] == {"text": finding["message"]}
        location = entry["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "note.md"
        assert location["region"] == {
            "startLine": finding["line"], "startColumn": finding["column"],
            "endLine": finding["end_line"], "endColumn": finding["end_column"],
        }


def test_sarif_rule_metadata_also_from_a_warm_cache(tmp_path: Path, note: Path) -> None:
    env = {"NOTELINT_CACHE_DIR": str(tmp_path / "cache")}
    cold = run_notelint("check", "note.md", "--output-format", "sarif", cwd=tmp_path, env=env)
    warm = run_notelint("check", "note.md", "--output-format", "sarif", cwd=tmp_path, env=env)
    assert cold.stdout == warm.stdout
    assert json.loads(warm.stdout)["runs"][0]["tool"]["driver"]["rules"][0]["fullDescription"]["text"]


def test_sarif_uri_of_a_name_with_spaces(tmp_path: Path) -> None:
    (tmp_path / "my note.md").write_text("# Day\n\nThe word teh.\n", encoding="utf-8")
    log = json.loads(check(tmp_path, "my note.md", "--output-format", "sarif").stdout)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20note.md"


# -- statistics -----------------------------------------------------------------------------------------


def test_statistics_mark_fixable_rules(tmp_path: Path, note: Path) -> None:
    (tmp_path / "sec.md").write_text("# Day\n\nText.\n\n# Empty\n", encoding="utf-8")
    out = check(tmp_path, "note.md", "sec.md", "--statistics").stdout.splitlines()
    assert out[0] == "2\tNL500\t[*] known-misspelling"
    assert "1\tNL201\t[ ] empty-section" in out  # its fix is unsafe: not fixable without --unsafe-fixes
    assert out[-1] == "Found 4 problems."
    rows = json.loads(check(tmp_path, "note.md", "sec.md", "--statistics", "--output-format", "json").stdout)
    assert rows == [
        {"code": "NL500", "name": "known-misspelling", "count": 2, "fixable": True},
        {"code": "NL001", "name": "glued-paragraph", "count": 1, "fixable": True},
        {"code": "NL201", "name": "empty-section", "count": 1, "fixable": False},
    ]


# -- progress -------------------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_for_many_files_on_a_terminal() -> None:
    env: dict[str, str] = {"TERM": "xterm"}
    assert wants_progress(PROGRESS_THRESHOLD + 1, FakeTerminal(), env)
    assert not wants_progress(PROGRESS_THRESHOLD, FakeTerminal(), env)
    assert not wants_progress(5000, io.StringIO(), env)  # piped or redirected
    assert not wants_progress(5000, FakeTerminal(), {"TERM": "dumb"})
    assert not wants_progress(5000, FakeTerminal(), {"NOTELINT_NO_PROGRESS": "1"})


def test_progress_bar_draws_and_erases() -> None:
    stream = FakeTerminal()
    bar = ProgressBar(4, stream)
    for _ in range(4):
        bar(1)
    bar.close()
    drawn = stream.getvalue()
    assert "4/4 files" in drawn
    assert drawn.endswith("\r\x1b[2K")


def _many_notes(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"n{number:04}.md").write_text(f"# Day {number}\n\nText.\n", encoding="utf-8")


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    _many_notes(tmp_path / "many", PROGRESS_THRESHOLD + 5)
    result = check(tmp_path, "many")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == "All checks passed!\n"


def test_progress_bar_on_a_terminal_stderr(tmp_path: Path) -> None:
    _many_notes(tmp_path / "many", PROGRESS_THRESHOLD + 5)
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-P", "-m", "notelint", "check", "--no-cache", "many"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=follower, env=env,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    stdout, _ = process.communicate(timeout=120)
    os.close(leader)
    drawn = b"".join(chunks).decode()
    assert f"{PROGRESS_THRESHOLD + 5}/{PROGRESS_THRESHOLD + 5} files" in drawn
    assert stdout.decode() == "All checks passed!\n"  # stdout stays clean


# -- init -----------------------------------------------------------------------------------------------


def init(folder: Path) -> subprocess.CompletedProcess[str]:
    return run_notelint("init", cwd=folder)


def _hooks(path: Path) -> list[str]:
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return [hook["id"] for repo in data["repos"] for hook in repo["hooks"]]


def test_init_in_an_empty_folder(tmp_path: Path) -> None:
    result = init(tmp_path)
    assert result.returncode == 0, result.stderr
    table = tomllib.loads((tmp_path / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["notelint"]
    assert table == {"extend-select": [], "ignore": [], "exclude": []}
    assert _hooks(tmp_path / ".pre-commit-config.yaml") == ["notelint"]
    # the written configuration is valid: a check runs with it
    (tmp_path / "a.md").write_text("# Day\n\nThe word teh.\n", encoding="utf-8")
    checked = run_notelint("check", "--no-cache", "a.md", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "NL500" in checked.stdout


def test_init_appends_and_keeps_comments(tmp_path: Path) -> None:
    pyproject = '# my project\n[project]\nname = "x"  # keep me\n'
    precommit = (
        "# my hooks\nrepos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.0.0\n"
        "  hooks:\n  - id: trailing-whitespace  # keep\n# the end\n"
    )
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text(precommit, encoding="utf-8")
    result = init(tmp_path)
    assert result.returncode == 0, result.stderr
    new_pyproject = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert new_pyproject.startswith(pyproject)
    assert tomllib.loads(new_pyproject)["project"] == {"name": "x"}
    new_precommit = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert new_precommit.startswith(precommit.removesuffix("# the end\n"))
    assert "  - id: trailing-whitespace  # keep\n" in new_precommit and "# the end" in new_precommit
    assert _hooks(tmp_path / ".pre-commit-config.yaml") == ["trailing-whitespace", "notelint"]


def test_init_with_indented_repos_and_a_key_after_them(tmp_path: Path) -> None:
    precommit = (
        "repos:\n  - repo: local\n    hooks:\n      - id: other\n        name: other\n"
        "        entry: true\n        language: system\n\ndefault_stages: [pre-commit]\n"
    )
    (tmp_path / ".pre-commit-config.yaml").write_text(precommit, encoding="utf-8")
    assert init(tmp_path).returncode == 0
    text = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert _hooks(tmp_path / ".pre-commit-config.yaml") == ["other", "notelint"]
    assert text.endswith("default_stages: [pre-commit]\n")
    assert "\n  - repo: local\n    hooks:\n      - id: notelint\n" in text


def test_init_refuses_an_existing_configuration(tmp_path: Path) -> None:
    pyproject = "[tool.notelint]\nignore = [\"typos\"]\n"
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    result = init(tmp_path)
    assert result.returncode == 2
    assert "already has a [tool.notelint] section" in result.stderr
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == pyproject
    assert not (tmp_path / ".pre-commit-config.yaml").exists()  # nothing was written


def test_init_leaves_an_existing_notelint_hook_alone(tmp_path: Path) -> None:
    precommit = "repos:\n- repo: https://example.org/notelint\n  rev: v0.1.0\n  hooks:\n  - id: notelint\n"
    (tmp_path / ".pre-commit-config.yaml").write_text(precommit, encoding="utf-8")
    result = init(tmp_path)
    assert result.returncode == 0
    assert "already has a notelint hook" in result.stdout
    assert (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8") == precommit
    assert "[tool.notelint]" in (tmp_path / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_init_hook_runs_under_pre_commit(tmp_path: Path) -> None:
    """The written hook works for real: pre-commit runs the installed notelint on the notes."""
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed next to this Python")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    assert run_notelint("init", cwd=repo).returncode == 0
    (repo / "good.md").write_text("# Day\n\nAll good here.\n", encoding="utf-8")
    (repo / "bad.md").write_text("# Day\n\nThe word teh.\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    failing = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=repo, env=env,
                             capture_output=True, text=True)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.md:3:10: NL500" in failing.stdout
    (repo / "bad.md").write_text("# Day\n\nThe word the.\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    passing = subprocess.run([str(pre_commit), "run", "--all-files"], cwd=repo, env=env,
                             capture_output=True, text=True)
    assert passing.returncode == 0, passing.stdout + passing.stderr
