"""The typos family: NL500 known-misspelling and NL501 unknown-word."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, findings_json, run_notelint
from notelint.document import Document
from notelint.rules.typos.correct import WordChecker, stems
from notelint.rules.typos.edits import distance
from notelint.rules.typos.options import keep_case, read_words
from notelint.rules.typos.words import prose_words

SEED_TYPOS = {
    ("icassp-2025.md", 15, 5): ("NL500", "exaustive", "exhaustive", "safe"),
    ("icassp-2025.md", 20, 3): ("NL500", "architecutral", "architectural", "safe"),
    ("icassp-2025.md", 23, 19): ("NL500", "compresion", "compression", "safe"),
    ("icassp-2025.md", 39, 42): ("NL500", "influnce", "influence", "safe"),
    ("icassp-2025.md", 44, 73): ("NL501", "unwantend", "unwanted", "unsafe"),
    ("icassp-2025.md", 49, 76): ("NL501", "probabibilites", "probabilities", "unsafe"),
    ("icassp-2025.md", 51, 35): ("NL500", "Esitmate", "Estimate", "safe"),
    ("icml-2024.md", 41, 14): ("NL501", "Transofromer", "Transformer", "unsafe"),
    ("icml-2024.md", 188, 43): ("NL500", "accross", "across", "safe"),
    ("icml-2024.md", 208, 4): ("NL501", "Adverserial", "Adversarial", "unsafe"),
}


def typos(*args: str | Path, cwd: Path | None = None) -> list[dict]:
    return findings_json("--select", "typos", *args, cwd=cwd)


def words_of(text: str) -> list[str]:
    return [word.text for word in prose_words(Document("note.md", text))]


# -- the seeds and the corrected notes ----------------------------------------------------------


def test_seeds_report_exactly_the_ten_typos_with_right_suggestions() -> None:
    found = typos(FIXTURES)
    got = {
        (Path(item["path"]).name, item["line"], item["column"]): (
            item["code"],
            item["message"].split("`")[1],
            item["fix"]["edits"][0]["content"],
            item["fix"]["applicability"],
        )
        for item in found
    }
    assert got == SEED_TYPOS
    assert len(found) == 10


def test_corrected_notes_are_clean() -> None:
    assert typos(REPO / "notes") == []


def test_fix_keeps_the_capital_and_applies_only_safe_fixes(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Talk\n\nQED: Quantitative Esitmate, seen accross talks; a Transofromer model.\n")
    run_notelint("check", "--select", "typos", "--fix", note)
    assert note.read_text() == "# Talk\n\nQED: Quantitative Estimate, seen across talks; a Transofromer model.\n"
    run_notelint("check", "--select", "typos", "--fix", "--unsafe-fixes", note)
    assert "a Transformer model" in note.read_text()


def test_several_corrections_make_an_unsafe_fix(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("The aache was cold.\n")
    [finding] = typos(note)
    assert finding["message"] == "`aache` is a misspelling of `cache`, `ache`"
    assert finding["fix"]["applicability"] == "unsafe"


# -- German --------------------------------------------------------------------------------------


def test_german_words_on_the_misspelling_list_are_never_reported(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "# Montag Vormittag\n\n"
        "Der Prozess war offen, als wir unter uns die freie Radikale besprachen.\n"
        "Nach der Kaffeepause: Konferenzraum, Donnerstag Nachmittag, Mittwoch.\n"
    )
    assert typos(note) == []
    completed = run_notelint("check", "--select", "typos", "--fix", note)
    assert completed.returncode == 0
    assert "als wir unter uns" in note.read_text()


def test_typos_next_to_german_prose_are_found(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("# Dienstag Nachmittag\n\nDer Vortrag war exaustive und sehr gut.\n")
    [finding] = typos(note)
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 17, 26)


# -- what is prose -------------------------------------------------------------------------------


NOT_PROSE = """---
title: accross the board
tags: exaustive
---
# Notes

Inline `accross` code and $`\\accross`$ math and $accross + x$ math.
A link [text](https://example.com/accross) and <https://accross.example.org> and www.accross.com.
Mail me at accross@example.com, see <span title="accross">x</span> <!-- accross -->.
Reference [label][accross] and a file accross.py and a path src/accross/x.

```python
accross = 1
```

    accross indented code

$$
\\accross
$$

<div>
accross in html
</div>

[accross]: https://example.com
"""


def test_code_math_urls_html_front_matter_and_destinations_are_not_prose(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(NOT_PROSE)
    assert typos(note) == []


def test_link_text_image_alt_table_cells_and_headings_are_prose(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "## Adverserial talks\n\n"
        "See [the exaustive list](https://example.com) and ![an influnce map](map.png).\n\n"
        "| talk | verdict |\n| --- | --- |\n| Transofromer | compresion works |\n"
    )
    got = sorted((item["line"], item["column"], item["message"].split("`")[1]) for item in typos(note))
    assert got == [
        (1, 4, "Adverserial"),
        (3, 10, "exaustive"),
        (3, 56, "influnce"),
        (7, 3, "Transofromer"),
        (7, 18, "compresion"),
    ]


def test_a_name_right_after_an_angle_bracket_is_not_corrected(tmp_path: Path) -> None:
    # (`<summary` opens an HTML block: corrected, the code span below would become raw HTML;
    # found by tools/fuzz_fixes.py)
    note = tmp_path / "note.md"
    note.write_bytes(b"<summar\n`a`")
    result = run_notelint("check", "--fix", "--unsafe-fixes", "--no-cache", str(note), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert note.read_bytes() == b"<summar\n`a`\n"
    assert words_of("a <summar and </accross text\n") == ["and", "text"]


def test_a_run_of_letters_longer_than_a_word_is_not_searched_for_a_correction(tmp_path: Path) -> None:
    # (a correction is searched among edits of the word: a run of 200,000 letters took all memory)
    note = tmp_path / "note.md"
    note.write_text("Sequence " + "acgt" * 50_000 + " and exaustive prose.\n")
    assert [item["message"].split("`")[1] for item in typos(note)] == ["exaustive"]


def test_word_offsets_are_exact() -> None:
    text = "- a `code` then exaustive-search, accross’s end\n"
    document = Document("note.md", text)
    for word in prose_words(document):
        assert text[word.start : word.end] == word.text
    assert words_of(text) == ["then", "exaustive", "search", "accross", "end"]


def test_acronyms_identifiers_and_mixed_case_are_skipped() -> None:
    text = "StOMP and SAMFormer, AgACI, RDKit, MOIRAI, LLMs, snake_case, word2vec, GPT4 but Esitmate.\n"
    assert words_of(text) == ["and", "but", "Esitmate"]


def test_names_and_jargon_of_the_seeds_are_quiet(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("Lelapa and Schufa talked about pretraining, finetuning, denoises, embeddings, multiomics.\n")
    assert typos(note) == []


# -- the project's words -------------------------------------------------------------------------


def test_words_option_silences_both_rules_case_insensitively(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.typos]\nwords = ["transofromer", "ACCROSS"]\n')
    note = tmp_path / "note.md"
    note.write_text("A Transofromer accross the room, exaustive.\n")
    assert [item["message"].split("`")[1] for item in typos(note)] == ["exaustive"]


def test_words_file_is_found_from_the_note_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.typos]\nwords-file = "notes/.words"\n')
    notes = tmp_path / "notes" / "2024"
    notes.mkdir(parents=True)
    (tmp_path / "notes" / ".words").write_text("# project words\nTransofromer  # a model\n\n")
    note = notes / "note.md"
    note.write_text("A Transofromer model.\n")
    assert typos(note, cwd=notes) == []
    (tmp_path / "notes" / ".words").write_text("# nothing\n")
    assert len(typos(note, cwd=notes)) == 1


def test_unknown_option_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.typos]\nword = ["x"]\n')
    (tmp_path / "note.md").write_text("text\n")
    completed = run_notelint("check", tmp_path / "note.md", cwd=tmp_path)
    assert completed.returncode == 2
    assert "word" in completed.stderr


# -- the unknown-word rule's judgement -----------------------------------------------------------


def test_a_word_used_twice_in_a_note_is_vocabulary(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("The Transofromer works.\n\nSee `Transofromer` in the code.\n")
    assert typos(note) == []


def test_unknown_word_without_a_close_frequent_word_is_not_reported(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text("We met Qwxyzt and Brtlmpf.\n")
    assert typos(note) == []


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [
        ("unwantend", "unwanted"),
        ("probabibilites", "probabilities"),
        ("transofromer", "transformer"),
        ("adverserial", "adversarial"),
    ],
)
def test_suggestions(word: str, suggestion: str) -> None:
    assert WordChecker.load().suggest_all([word]) == {word: suggestion}


@pytest.mark.parametrize("word", ["parseable", "unhoisted", "committish", "gzipped", "falsy", "kaffeepause"])
def test_derived_and_compound_words_are_known(word: str) -> None:
    assert WordChecker.load().unknown([word]) == []


def test_stems_follow_spelling_rules() -> None:
    assert "parse" in stems("parseable")
    assert "commit" in stems("committish")
    assert "retry" in stems("retriable")
    assert "challenge" not in stems("challengeing")


def test_helpers() -> None:
    assert distance("accross", "across") == 1
    assert distance("esitmate", "estimate") == 1
    assert distance("transofromer", "transformer") == 2
    assert keep_case("Esitmate", "estimate") == "Estimate"
    assert keep_case("accross", "across") == "across"
    assert read_words("# c\nFoo # x\n\nBAR\n") == frozenset({"foo", "bar"})


# -- notelint words add --------------------------------------------------------------------------


def test_words_add_appends_sorted_once_and_silences_the_rule(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.typos]\nwords-file = "notes/.words"\n')
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / ".words").write_text("# our words\nzeta\n")
    note = tmp_path / "notes" / "a.md"
    note.write_text("A Transofromer model.\n")
    assert len(typos(note, cwd=tmp_path)) == 1
    completed = run_notelint("words", "add", "Transofromer", "alpha", "ZETA", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "notes" / ".words").read_text() == "# our words\nalpha\nTransofromer\nzeta\n"
    assert typos(note, cwd=tmp_path) == []


def test_words_add_without_a_words_file_is_a_usage_error(tmp_path: Path) -> None:
    completed = run_notelint("words", "add", "foo", cwd=tmp_path)
    assert completed.returncode == 2
    assert "words-file" in completed.stderr
    completed = run_notelint("words", "add", "foo", "--file", tmp_path / "w.txt", cwd=tmp_path)
    assert completed.returncode == 0
    assert (tmp_path / "w.txt").read_text() == "foo\n"


def test_words_add_from_notes_adds_words_several_notes_use(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.typos]\nwords-file = ".words"\n')
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("We bump semver on release.\n")
    (notes / "b.md").write_text("The semver rules, and one Transofromer.\n")
    assert len(typos(notes, cwd=tmp_path)) == 3
    completed = run_notelint("words", "add", "--from-notes", notes, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "semver: in 2 notes" in completed.stdout
    assert (tmp_path / ".words").read_text() == "semver\n"
    assert [item["message"].split("`")[1] for item in typos(notes, cwd=tmp_path)] == ["Transofromer"]


def test_typos_in_table_cells_next_to_code_spans(tmp_path: Path) -> None:
    note = tmp_path / "table.md"
    note.write_text("| a | b |\n|---|---|\n| `x` teh | `y` recieve |\n")
    found = findings_json("--select", "NL500", note)
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(3, 7, 10), (3, 17, 24)]
    run_notelint("--fix", "--select", "NL500", note)
    assert note.read_text() == "| a | b |\n|---|---|\n| `x` the | `y` receive |\n"


# -- vocabulary across the project's notes (vocabulary-min-notes) ---------------------------------

JARGON = "We train the model with backprop on the data.\n"  # backprop -> backdrop in one note


def vocabulary_project(tmp_path: Path, jargon_notes: int, options: str = "") -> Path:
    """A project with ``jargon_notes`` notes using `backprop` and one note with a real typo."""
    (tmp_path / "pyproject.toml").write_text(f'[tool.notelint]\nselect = ["typos"]\n{options}')
    notes = tmp_path / "notes"
    notes.mkdir()
    for number in range(jargon_notes):
        (notes / f"talk-{number}.md").write_text(f"# Talk {number}\n\n{JARGON}")
    (notes / "typo.md").write_text("# Typo\n\nA Graph Transofromer attends on neighbours.\n")
    return notes


def words_reported(*args: str | Path, cwd: Path) -> list[tuple[str, str]]:
    return sorted(
        (Path(item["path"]).name, item["message"].split("`")[1]) for item in findings_json(*args, cwd=cwd)
    )


def test_a_word_three_notes_use_is_vocabulary_in_a_folder_run_and_a_one_file_run(tmp_path: Path) -> None:
    notes = vocabulary_project(tmp_path, 3)
    assert words_reported("notes", cwd=tmp_path) == [("typo.md", "Transofromer")]
    # the project's folder itself (its notes then come from the run's own discovery)
    assert words_reported(".", cwd=tmp_path) == [("typo.md", "Transofromer")]
    (tmp_path / "pyproject.toml").rename(tmp_path / "notes" / "pyproject.toml")
    assert words_reported(".", cwd=notes) == [("typo.md", "Transofromer")]
    (notes / "pyproject.toml").rename(tmp_path / "pyproject.toml")
    # pre-commit passes only the staged files: the other notes still count
    assert words_reported("notes/talk-0.md", cwd=tmp_path) == []
    assert words_reported(notes / "talk-1.md", "notes/typo.md", cwd=tmp_path) == [("typo.md", "Transofromer")]
    # and from another folder, with an absolute path
    assert words_reported(notes / "talk-2.md", cwd=notes) == []


def test_a_word_one_note_uses_is_reported(tmp_path: Path) -> None:
    vocabulary_project(tmp_path, 1)
    assert words_reported("notes", cwd=tmp_path) == [("talk-0.md", "backprop"), ("typo.md", "Transofromer")]
    assert words_reported("notes/talk-0.md", cwd=tmp_path) == [("talk-0.md", "backprop")]


def test_the_cache_keeps_each_notes_own_findings_and_judges_again(tmp_path: Path) -> None:
    notes = vocabulary_project(tmp_path, 3)
    first = words_reported("notes", cwd=tmp_path)
    assert (tmp_path / ".notelint_cache").is_dir()
    assert words_reported("notes", cwd=tmp_path) == first == [("typo.md", "Transofromer")]
    assert words_reported("notes/talk-0.md", cwd=tmp_path) == []
    # the other notes change; talk-0.md does not, and its cached findings are still right
    (notes / "talk-1.md").write_text("# Talk 1\n\nNothing here.\n")
    (notes / "talk-2.md").unlink()
    assert words_reported("notes/talk-0.md", cwd=tmp_path) == [("talk-0.md", "backprop")]
    assert words_reported("notes", cwd=tmp_path) == [("talk-0.md", "backprop"), ("typo.md", "Transofromer")]


def test_a_warm_run_reuses_the_verdict_while_the_project_is_unchanged(tmp_path: Path) -> None:
    """The judge's verdict is cached with the note's content and a stamp of the project's notes:
    an unchanged project is answered without loading the rules or reading the other notes."""
    import subprocess
    import sys

    notes = vocabulary_project(tmp_path, 3)
    probe = (
        "import sys, io, contextlib, json\n"
        "from notelint.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    main(['check', '--output-format', 'json', 'notes'])\n"
        "words = sorted(item['message'].split('`')[1] for item in json.loads(out.getvalue()) if item['code'] == 'NL501')\n"
        "print(words, 'notelint.rules' in sys.modules)\n"
    )

    def run() -> str:
        return subprocess.run([sys.executable, "-P", "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                              check=True).stdout.strip()

    assert run() == "['Transofromer'] True"  # the first run judges
    assert run() == "['Transofromer'] False"  # the warm run reuses the verdicts
    (notes / "talk-2.md").write_text("# Talk 2\n\nNo jargon at all.\n")  # only two notes use it now
    assert run() == "['Transofromer', 'backprop', 'backprop'] True"
    assert run() == "['Transofromer', 'backprop', 'backprop'] False"


def test_unsafe_fixes_leave_vocabulary_alone_and_fix_the_typo(tmp_path: Path) -> None:
    notes = vocabulary_project(tmp_path, 3)
    completed = run_notelint("check", "--fix", "--unsafe-fixes", "notes", cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (notes / "talk-0.md").read_text() == f"# Talk 0\n\n{JARGON}"
    assert (notes / "typo.md").read_text() == "# Typo\n\nA Graph Transformer attends on neighbours.\n"
    # one staged note with the vocabulary word: nothing to fix
    completed = run_notelint("check", "--fix", "--unsafe-fixes", "notes/talk-1.md", cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (notes / "talk-1.md").read_text() == f"# Talk 1\n\n{JARGON}"
    # below the threshold the word is fixed like any other
    (notes / "talk-2.md").unlink()
    (notes / "talk-1.md").unlink()
    run_notelint("check", "--fix", "--unsafe-fixes", "notes", cwd=tmp_path)
    assert (notes / "talk-0.md").read_text() == "# Talk 0\n\nWe train the model with backdrop on the data.\n"


def test_worker_processes_judge_alike(tmp_path: Path) -> None:
    notes = vocabulary_project(tmp_path, 3)
    for number in range(60):  # enough files for the process pool
        (notes / f"other-{number:02}.md").write_text(f"# Other {number}\n\nNothing to report here.\n")
    one = words_reported("--jobs", "1", "--no-cache", "notes", cwd=tmp_path)
    two = words_reported("--jobs", "2", "--no-cache", "notes", cwd=tmp_path)
    assert one == two == [("typo.md", "Transofromer")]
    completed = run_notelint("check", "--jobs", "2", "--fix", "--unsafe-fixes", "notes", cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert all((notes / f"talk-{number}.md").read_text() == f"# Talk {number}\n\n{JARGON}" for number in range(3))
    assert "Transformer" in (notes / "typo.md").read_text()


def test_a_run_reads_each_note_once_and_judges_with_the_bytes_it_checked(tmp_path: Path, monkeypatch) -> None:
    """The judge's project takes the notes' bytes the run already read; a note outside the
    run's files (here: the project's other talks, for a one-file run) is read by the project."""
    import pathlib

    from notelint.commands import run_check
    from notelint.cli import plain_check

    notes = vocabulary_project(tmp_path, 3)
    reads: list[str] = []
    read_bytes = pathlib.Path.read_bytes

    def counted(path: pathlib.Path) -> bytes:
        if path.suffix == ".md":
            reads.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", counted)
    monkeypatch.chdir(tmp_path)
    for arguments in (["notes"], ["notes/typo.md"]):
        reads.clear()
        namespace = plain_check(["--no-cache", "--jobs", "1", "--output-format", "concise", *arguments])
        assert namespace is not None
        out = io.StringIO()
        assert run_check(namespace, out, io.StringIO()) == 1
        assert "Transofromer" in out.getvalue() and "backprop" not in out.getvalue()
        assert sorted(reads) == ["talk-0.md", "talk-1.md", "talk-2.md", "typo.md"]


def test_excluded_notes_do_not_count(tmp_path: Path) -> None:
    notes = vocabulary_project(tmp_path, 3, 'exclude = ["notes/talk-1.md", "notes/talk-2.md"]\n')
    assert words_reported("notes/talk-0.md", cwd=tmp_path) == [("talk-0.md", "backprop")]
    assert words_reported(notes, cwd=tmp_path) == [("talk-0.md", "backprop"), ("typo.md", "Transofromer")]


def test_the_library_judges_when_given_the_project(tmp_path: Path) -> None:
    """``check_text`` (the library interface the editor server uses) with a project judges as
    ``notelint check`` does, in checking and in fixing; without one it judges nothing."""
    from notelint.api import check_text, default_ruleset
    from notelint.config import ConfigFinder
    from notelint.project import Projects, project_root

    notes = vocabulary_project(tmp_path, 3)
    path = notes / "talk-0.md"
    finder = ConfigFinder()
    config = finder.for_path(path)
    project = Projects(finder).for_root(project_root(path, config.source, config.root))
    rules = default_ruleset(["typos"], config=config)
    text = path.read_text()
    assert [f.code for f in check_text(text, path=str(path), ruleset=rules).findings] == ["NL501"]
    assert check_text(text, path=str(path), ruleset=rules, project=project).findings == []
    fixed = check_text(text, path=str(path), ruleset=rules, project=project, fix=True, unsafe_fixes=True)
    assert (fixed.text, fixed.fixed) == (text, 0)
    unjudged = check_text(text, path=str(path), ruleset=rules, fix=True, unsafe_fixes=True)
    assert "backdrop" in unjudged.text and unjudged.fixed == 1


def test_vocabulary_min_notes_option(tmp_path: Path) -> None:
    vocabulary_project(tmp_path, 3, "[tool.notelint.typos]\nvocabulary-min-notes = 0\n")
    assert ("talk-0.md", "backprop") in words_reported("notes", cwd=tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.typos]\nvocabulary-min-notes = 4\n')
    assert ("talk-0.md", "backprop") in words_reported("--select", "typos", "notes", cwd=tmp_path)
    for value in ("-1", '"3"'):
        (tmp_path / "pyproject.toml").write_text(f"[tool.notelint.typos]\nvocabulary-min-notes = {value}\n")
        completed = run_notelint("check", "notes", cwd=tmp_path)
        assert completed.returncode == 2
        assert "vocabulary-min-notes" in completed.stderr


OPENED_NOTES = (
    "import sys\n"
    "opened = []\n"
    "def record(event, args):\n"
    "    if event == 'open' and isinstance(args[0], str) and args[0].endswith('.md'):\n"
    "        opened.append(args[0].rsplit('/', 1)[-1])\n"
    "sys.addaudithook(record)\n"
    "import notelint.cli\n"  # (main, not run: the command ends its process when done)
    "try:\n"
    "    code = notelint.cli.main(sys.argv[1:])\n"
    "finally:\n"
    "    sys.stderr.write('OPENED ' + ' '.join(sorted(set(opened))) + '\\n')\n"
    "sys.exit(code)\n"
)


def test_the_other_notes_are_read_only_to_judge_findings(tmp_path: Path) -> None:
    """A run without unknown words never opens the project's other notes; one with an unknown word
    reads them (here recorded through Python's audit hook on open), but never a named pipe among
    them, which would block whoever reads it."""
    import os
    import subprocess
    import sys

    notes = vocabulary_project(tmp_path, 3)
    os.mkfifo(notes / "pipe.md")
    (notes / "fixed.md").write_text("# Fixed\n\nA Graph Transformer attends on neighbours.\n")
    command = [sys.executable, "-P", "-c", OPENED_NOTES, "check", "--no-cache", "--output-format", "concise"]

    def opened(note: str) -> tuple[int, list[str]]:
        completed = subprocess.run([*command, note], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        return completed.returncode, completed.stderr.rsplit("OPENED ", 1)[1].split()

    assert opened("notes/fixed.md") == (0, ["fixed.md"])
    assert opened("notes/talk-0.md") == (0, ["fixed.md", "talk-0.md", "talk-1.md", "talk-2.md", "typo.md"])


def test_a_named_pipe_in_a_folder_is_not_a_note(tmp_path: Path) -> None:
    import os

    notes = vocabulary_project(tmp_path, 1)
    os.mkfifo(notes / "pipe.md")
    completed = run_notelint("check", "--no-cache", "--output-format", "concise", "notes", cwd=tmp_path)
    assert completed.returncode == 1, completed.stderr
    assert "pipe.md" not in completed.stdout + completed.stderr
    assert [line.split(":")[0] for line in completed.stdout.splitlines() if "NL5" in line] == [
        "notes/talk-0.md", "notes/typo.md"]


def test_a_word_gets_the_same_answer_whatever_was_looked_up_before(tmp_path: Path) -> None:
    """Word lookups are remembered within a run: a note checked after others that share its
    words (one process, --jobs 1) gets exactly the findings it gets alone."""
    notes = tmp_path / "notes"
    notes.mkdir()
    seeds = sorted(FIXTURES.glob("*.md"))
    texts = [seed.read_text(encoding="utf-8") for seed in seeds]
    texts.append(texts[0].replace("exaustive", "exhaustive") + "\nAn exaustive search, accross the board.\n")
    for number, text in enumerate(texts):
        (notes / f"note-{number}.md").write_text(text, encoding="utf-8")
    together = findings_json("--select", "typos", "--jobs", "1", "--no-cache", notes, cwd=tmp_path)
    alone = [
        finding
        for number in range(len(texts))
        for finding in findings_json("--select", "typos", "--no-cache", notes / f"note-{number}.md", cwd=tmp_path)
    ]
    assert together == alone
    assert {finding["code"] for finding in together} == {"NL500", "NL501"}
