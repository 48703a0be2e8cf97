"""Configuration files, found and validated as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_notelint

GLUED = "- first item.\nComment: glued to the list\n"


def test_nearest_config_wins(write_note, tmp_path: Path) -> None:
    write_note("pyproject.toml", '[tool.notelint]\nignore = ["NL001"]\n')
    write_note("strict/notelint.toml", "ignore = []\n")
    write_note("a.md", GLUED)
    write_note("strict/b.md", GLUED)
    write_note("strict/deeper/c.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 1
    assert "a.md" not in result.stdout
    assert "strict/b.md:2:1: NL001" in result.stdout
    assert "strict/deeper/c.md:2:1: NL001" in result.stdout


def test_dot_notelint_toml_beats_pyproject_in_the_same_folder(write_note, tmp_path: Path) -> None:
    write_note("pyproject.toml", '[tool.notelint]\nignore = ["NL001"]\n')
    write_note(".notelint.toml", "select = ['NL003']\n")
    write_note("a.md", GLUED + "x \n")
    result = run_notelint("--output-format", "json", ".", cwd=tmp_path)
    assert '"NL003"' in result.stdout and '"NL001"' not in result.stdout


def test_pyproject_without_table_is_skipped(write_note, tmp_path: Path) -> None:
    write_note("pyproject.toml", '[tool.notelint]\nignore = ["NL001"]\n')
    write_note("sub/pyproject.toml", "[project]\nname = 'x'\n")
    write_note("sub/a.md", GLUED)
    assert run_notelint(".", cwd=tmp_path).returncode == 0


def test_unknown_key_is_an_error_with_a_suggestion(write_note, tmp_path: Path) -> None:
    write_note("pyproject.toml", '[tool.notelint]\nselct = ["NL001"]\n')
    write_note("a.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key 'selct'; did you mean 'select'?" in result.stderr
    assert "pyproject.toml [tool.notelint]" in result.stderr


def test_wrong_type_and_invalid_toml_are_errors(write_note, tmp_path: Path) -> None:
    write_note("notelint.toml", 'select = "NL001"\n')
    write_note("a.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2 and "select" in result.stderr
    write_note("notelint.toml", "select = [\n")
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2 and "invalid TOML" in result.stderr


def test_unknown_key_in_a_family_table(write_note, tmp_path: Path) -> None:
    write_note("notelint.toml", "[markdown]\nline-length = 80\n")
    write_note("a.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key 'line-length' in [markdown]" in result.stderr


def test_per_file_ignores(write_note, tmp_path: Path) -> None:
    write_note("notelint.toml", '[per-file-ignores]\n"old/*.md" = ["glued-paragraph"]\n')
    write_note("old/a.md", GLUED)
    write_note("new/a.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert "new/a.md:2:1: NL001" in result.stdout
    assert "old/a.md" not in result.stdout


def test_exclude_patterns_are_relative_to_the_config(write_note, tmp_path: Path) -> None:
    write_note("notelint.toml", 'exclude = ["archive/*.md", "drafts"]\n')
    write_note("archive/a.md", GLUED)
    write_note("archive/deeper/b.md", GLUED)
    write_note("drafts/c.md", GLUED)
    write_note("keep/drafts-not.md", GLUED)
    result = run_notelint(".", cwd=tmp_path)
    assert "archive/a.md" not in result.stdout and "drafts/c.md" not in result.stdout
    assert "archive/deeper/b.md" in result.stdout
    assert "keep/drafts-not.md" in result.stdout


def test_config_select_and_cli_select(write_note, tmp_path: Path) -> None:
    write_note("notelint.toml", 'select = ["NL003"]\n')
    note = write_note("a.md", GLUED + "x \n")
    result = run_notelint("--output-format", "json", note, cwd=tmp_path)
    assert '"NL003"' in result.stdout and '"NL001"' not in result.stdout
    result = run_notelint("--output-format", "json", "--select", "NL001", note, cwd=tmp_path)
    assert '"NL001"' in result.stdout and '"NL003"' not in result.stdout


def test_paths_in_options_start_at_the_config_file_folder(write_note, tmp_path: Path) -> None:
    """A schema file and a words file named in a config given with --config are found next to
    that config, even when the notes live elsewhere."""
    write_note(
        "settings/lint.toml",
        '[frontmatter]\nschema = "schemas/talk.py:Talk"\n[typos]\nwords-file = "words.txt"\n',
    )
    write_note(
        "settings/schemas/talk.py",
        "from datetime import date\nfrom pydantic import BaseModel\n\n"
        "class Talk(BaseModel):\n    title: str\n    date: date\n    tags: list[str]\n    speaker: str\n",
    )
    write_note("settings/words.txt", "# project words\nTransofromer\n")
    note = write_note(
        "elsewhere/notes/a.md",
        "---\ntitle: A talk\ndate: 2024-07-22\ntags: [ml]\n---\n# Montag\n\n## Talk\n\n- a Transofromer model\n",
    )
    result = run_notelint("--config", tmp_path / "settings" / "lint.toml", "--output-format", "json", note,
                          cwd=tmp_path / "elsewhere")
    assert result.returncode == 1, result.stderr
    codes = [(finding["code"], finding["message"]) for finding in json.loads(result.stdout)]
    assert [code for code, _ in codes] == ["NL110"]
    assert "speaker" in codes[0][1]


def _toml_like_values():  # type: ignore[no-untyped-def]
    from hypothesis import strategies as st

    texts = st.text(max_size=4)
    scalars = st.one_of(texts, st.integers(), st.booleans(), st.floats(allow_nan=False))
    lists = st.one_of(st.lists(texts, max_size=3), st.lists(scalars, max_size=3), st.lists(texts, max_size=2).map(tuple))
    keys = st.one_of(texts, texts, st.integers())  # TOML's keys are text; a table built otherwise may not be
    tables = st.dictionaries(keys, st.one_of(scalars, lists), max_size=3)
    glob_tables = st.dictionaries(keys, st.one_of(st.lists(texts, max_size=2), scalars), max_size=3)
    return st.one_of(scalars, lists, tables, glob_tables)


KEYS = ("select", "ignore", "extend-select", "exclude", "plugins", "per-file-ignores", "frontmatter", "headings",
        "days", "math", "typos", "markdown", "extend_select", "selct", "")


def test_the_quick_config_check_knows_the_same_keys_as_the_model() -> None:
    from notelint.config import LIST_KEYS
    from notelint.config_model import known_keys
    from notelint.diagnostics import FAMILIES

    assert set(known_keys()) == {*LIST_KEYS, "per-file-ignores", *FAMILIES}


def test_the_quick_config_check_only_passes_what_pydantic_accepts() -> None:
    from hypothesis import event, given, settings
    from hypothesis import strategies as st

    from notelint.config import surely_valid_table
    from notelint.config_model import FileConfigModel

    from notelint.config import LIST_KEYS
    from notelint.diagnostics import FAMILIES

    codes = st.lists(st.text(max_size=4), max_size=3)
    good = {key: codes for key in LIST_KEYS}
    good["per-file-ignores"] = st.dictionaries(st.text(max_size=4), codes, max_size=2)
    good.update({family: st.dictionaries(st.text(max_size=4), st.one_of(st.integers(), codes), max_size=2)
                 for family in FAMILIES})

    @settings(max_examples=400, deadline=None)
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        table = {}
        for key in data.draw(st.lists(st.sampled_from(KEYS), max_size=4, unique=True)):
            use_good = key in good and data.draw(st.sampled_from([True, True, True, False]))
            table[key] = data.draw(good[key] if use_good else _toml_like_values())
        accepted = surely_valid_table(table)
        event(f"quick check: {'valid' if accepted else 'ask pydantic'}")
        if accepted:
            FileConfigModel.model_validate(table)  # raises if the quick check was wrong

    check()


def test_a_plain_configuration_file_does_not_import_pydantic(write_note, tmp_path: Path) -> None:
    """A one-note run under a configuration file that sets no rule options loads no pydantic;
    a file with a mistake still gets pydantic's precise message."""
    import subprocess
    import sys

    write_note("pyproject.toml", '[tool.notelint]\nextend-select = ["NL301"]\n[tool.notelint.per-file-ignores]\n'
               '"drafts/**" = ["NL001"]\n')
    write_note("note.md", "# Montag\n\ntext \n")
    probe = ("import sys, io, contextlib\nfrom notelint.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    code = main(['check', '--no-cache', 'note.md'])\n"
             "print(code, 'pydantic' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-P", "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "1 False"
    write_note("pyproject.toml", '[tool.notelint]\nextend-select = "NL301"\n')
    wrong = run_notelint("note.md", cwd=tmp_path)
    assert wrong.returncode == 2 and "extend-select" in wrong.stderr
