"""The frontmatter family through the real command line: findings, positions, fixes, schemas."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, REPO, findings_json, run_notelint
from hypothesis import event, given, settings
from hypothesis import strategies as st

from notelint.document import Document
from notelint.fixer import fix_document
from notelint.linter import lint
from notelint.registry import Registry
from notelint.rules.frontmatter import RULES
from notelint.rules.frontmatter.dates import partial_date, read_date
from notelint.rules.frontmatter.parse import front_matter_of
from notelint.rules.frontmatter.schema import FrontMatterOptions
from notelint.rules.frontmatter.tag_style import styled
from notelint.ruleset import RuleSet

BODY = "# Montag Vormittag\n- talk\n"


def note(tmp_path: Path, front: str, name: str = "note.md", body: str = BODY) -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def fm(path: Path, *extra: str, cwd: Path | None = None) -> list[dict[str, Any]]:
    """Findings of the frontmatter family only, for one note."""
    return findings_json("--select", "frontmatter", *extra, path, cwd=cwd)


def codes_at(findings: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in findings]


def fix(path: Path, *extra: str, cwd: Path | None = None) -> str:
    completed = run_notelint("check", "--fix", "--select", "frontmatter", *extra, path, cwd=cwd)
    assert completed.returncode in (0, 1), completed.stderr
    return path.read_text(encoding="utf-8")


GOOD = "title: ICML 2024\ntags:\n  - conference\ndate: 2024-07-22\n"


# -- the seeds and the corrected notes ---------------------------------------------------------

def test_seed_tags_and_bare_year_are_reported_at_their_lines(tmp_path: Path) -> None:
    for name in ("icml-2024.md", "icassp-2025.md"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    icml = fm(tmp_path / "icml-2024.md")
    assert codes_at(icml) == [("NL120", 3, 7), ("NL131", 4, 7)]
    assert "got the year 2024" in icml[1]["message"]
    assert icml[1]["fix"] is None
    icassp = fm(tmp_path / "icassp-2025.md")
    assert codes_at(icassp) == [("NL120", 3, 7)]
    # the fix in the JSON report covers only the value, not the key or the line
    assert icassp[0]["fix"] == {
        "applicability": "safe",
        "message": "Make `tags` a one-element list",
        "edits": [{"line": 3, "column": 7, "end_line": 3, "end_column": 17, "content": "[conference]"}],
    }


def test_seed_tags_are_fixed_and_nothing_else_moves(tmp_path: Path) -> None:
    path = tmp_path / "icml-2024.md"
    shutil.copy(FIXTURES / "icml-2024.md", path)
    before = path.read_text(encoding="utf-8")
    after = fix(path)
    assert after == before.replace("tags: conference\n", "tags: [conference]\n", 1)
    assert codes_at(fm(path)) == [("NL131", 4, 7)]


def test_corrected_notes_are_clean() -> None:
    assert fm(REPO / "notes") == []


# -- structure errors are findings, never crashes ---------------------------------------------

def test_missing_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text(BODY, encoding="utf-8")
    assert fm(path) == []  # off by default: READMEs live beside notes
    assert codes_at(fm(path, "--extend-select", "NL100")) == [("NL100", 1, 1)]
    assert fm(note(tmp_path, GOOD, "ok.md"), "--extend-select", "missing-front-matter") == []


def test_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_text("---\ntitle: x\ndate: 2024-07-22\n# Montag\n", encoding="utf-8")
    found = fm(path)
    assert codes_at(found) == [("NL101", 1, 1)]
    assert "never closed" in found[0]["message"]


def test_invalid_yaml_uses_the_parsers_line_and_column(tmp_path: Path) -> None:
    path = note(tmp_path, "title: ICML 2024\ntags: [conference\ndate: 2024-07-22\n")
    found = fm(path)
    assert codes_at(found) == [("NL102", 4, 5)]
    assert "expected ',' or ']'" in found[0]["message"]
    assert "while parsing a flow sequence" in found[0]["message"]


@pytest.mark.parametrize(
    ("front", "position", "words"),
    [
        ("title: Keynote: the future\ntags: [c]\n", (2, 15), "put it in quotes"),
        ("title: x\ntags: [a, b\n", (3, 7), "a bracket opened here is never closed"),
        ('title: "ICML 2024\n', (2, 8), "a quote opened here is never closed"),
        ("title: x\n\tdate: 2024-07-22\n", (3, 1), "YAML is indented with spaces only"),
    ],
)
def test_invalid_yaml_is_explained_in_plain_words(tmp_path: Path, front: str, position: tuple[int, int], words: str) -> None:
    found = fm(note(tmp_path, front))
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("NL102", *position)]
    assert words in found[0]["message"]


def test_bad_indentation_is_a_finding(tmp_path: Path) -> None:
    path = note(tmp_path, "title: a\n  date: b\n")
    found = fm(path)
    assert [f["code"] for f in found] == ["NL102"]
    assert found[0]["line"] == 3


def test_duplicate_key_points_at_the_repeat(tmp_path: Path) -> None:
    path = note(tmp_path, GOOD + "date: 2024-07-23\n")
    found = fm(path)
    assert codes_at(found) == [("NL103", 6, 1)]
    assert "first on line 5" in found[0]["message"]


@pytest.mark.parametrize(
    ("front", "expected"),
    [("- a\n- b\n", ("NL104", 2, 1)), ("just text\n", ("NL104", 2, 1)), ("", ("NL104", 1, 1))],
)
def test_front_matter_that_is_not_a_mapping(tmp_path: Path, front: str, expected: tuple[str, int, int]) -> None:
    assert codes_at(fm(note(tmp_path, front))) == [expected]


# -- schema ----------------------------------------------------------------------------------

def test_schema_messages_are_for_humans_and_at_the_value(tmp_path: Path) -> None:
    path = note(tmp_path, 'title: ""\ntags: [conference]\nurl: not a url\nspeakers: 3\n')
    found = fm(path)
    assert [(f["line"], f["column"], f["message"]) for f in found] == [
        (1, 1, "Required key `date` is missing"),
        (2, 8, "`title` must not be empty"),
        (4, 6, "`url` must be a URL like https://example.org, got 'not a url'"),
        (5, 11, "`speakers` must be a list like [a, b], got the number 3"),
    ]
    assert {f["code"] for f in found} == {"NL110"}


def test_schema_reports_bad_dates_and_tags_in_plain_words(tmp_path: Path) -> None:
    path = note(tmp_path, "title: x\ntags: [ok, 7]\ndate: next monday\n")
    messages = [(f["line"], f["message"]) for f in fm(path)]
    assert messages == [
        (3, "`tags[1]` must be text, got the number 7"),
        (4, "`date` must be a date like 2025-04-07, got 'next monday'"),
    ]


def test_required_keys_option(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nrequired-keys = ["location"]\n')
    found = fm(note(tmp_path, GOOD), cwd=tmp_path)
    assert [(f["code"], f["message"]) for f in found] == [("NL110", "Required key `location` is missing")]
    assert fm(note(tmp_path, GOOD + "location: Vienna\n", "b.md"), cwd=tmp_path) == []


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    found = fm(note(tmp_path, GOOD + "locaton: Vienna\nmood: good\n"))
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in found] == [
        ("NL111", 6, 1, "Unknown front matter key `locaton`; did you mean 'location'?"),
        ("NL111", 7, 1, "Unknown front matter key `mood`"),
    ]
    assert found[0]["severity"] == "warning"


SCHEMA = '''
import datetime as dt
from pydantic import BaseModel

class TalkMeta(BaseModel):
    title: str
    date: dt.datetime
    room: int
    tags: list[str] = []
'''


def test_custom_schema_from_a_file_next_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "talk.py").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nschema = "schemas/talk.py:TalkMeta"\n')
    notes = tmp_path / "notes" / "2025"
    notes.mkdir(parents=True)
    path = note(notes, "title: Keynote\ndate: 07.04.2025 09:30\nroom: A1\nspeakr: Ada\n")
    found = fm(path, cwd=tmp_path)
    assert [(f["code"], f["line"], f["message"]) for f in found] == [
        ("NL130", 3, "`date` is written as '07.04.2025 09:30'; write dates in ISO 8601: 2025-04-07T09:30:00"),
        ("NL110", 4, "`room`: Input should be a valid integer, unable to parse string as an integer (got 'A1')"),
        ("NL111", 5, "Unknown front matter key `speakr`"),
    ]
    # the datetime is allowed by this schema, so the fix keeps the time
    assert "date: 2025-04-07T09:30:00\n" in fix(path, cwd=tmp_path)
    # the default schema's required keys do not apply: no finding about missing tags
    assert all("tags" not in f["message"] for f in found)


def test_custom_schema_from_a_module(tmp_path: Path) -> None:
    package = tmp_path / "lib" / "mynotes"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "meta.py").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "notelint.toml").write_text('[frontmatter]\nschema = "mynotes.meta:TalkMeta"\n')
    path = note(tmp_path, "title: Keynote\ndate: 2025-04-07 09:30:00\nroom: 3\n")
    completed = run_notelint("check", "--output-format", "json", "--select", "frontmatter", path,
                             cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "lib")})
    assert json.loads(completed.stdout) == []


def test_a_schema_that_cannot_be_loaded_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nschema = "missing.py:Meta"\n')
    found = fm(note(tmp_path, GOOD), cwd=tmp_path)
    assert [(f["code"], f["line"]) for f in found] == [("NL110", 1)]
    assert "schema file 'missing.py' not found" in found[0]["message"]


def test_a_malformed_schema_option_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nschema = "nocolon"\n')
    completed = run_notelint("check", note(tmp_path, GOOD), cwd=tmp_path)
    assert completed.returncode == 2
    assert "schema" in completed.stderr


# -- tags ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "fixed", "flags"),
    [
        ("conference  # main tag", "[conference]  # main tag", ()),
        ("'conference'", "['conference']", ()),
        ("ml, audio", "[ml, audio]", ("--unsafe-fixes",)),
    ],
)
def test_tags_scalar_becomes_a_list(tmp_path: Path, value: str, fixed: str, flags: tuple[str, ...]) -> None:
    path = note(tmp_path, f"title: x\ntags: {value}\ndate: 2024-07-22\n")
    assert codes_at(fm(path)) == [("NL120", 3, 7)]
    assert fix(path, *flags) == f"---\ntitle: x\ntags: {fixed}\ndate: 2024-07-22\n---\n{BODY}"
    assert fm(path) == []


def test_split_at_commas_is_only_an_unsafe_fix(tmp_path: Path) -> None:
    path = note(tmp_path, "title: x\ntags: ml, audio\ndate: 2024-07-22\n")
    assert fm(path)[0]["fix"]["applicability"] == "unsafe"
    before = path.read_text()
    assert fix(path) == before


def test_duplicate_tags_flow_and_block(tmp_path: Path) -> None:
    flow = note(tmp_path, "title: x\ntags: [ml, 'audio', ml, audio]  # keep\ndate: 2024-07-22\n", "flow.md")
    assert codes_at(fm(flow)) == [("NL121", 3, 21), ("NL121", 3, 25)]
    assert "tags: [ml, 'audio']  # keep\n" in fix(flow)
    block = note(tmp_path, "title: x\ntags:\n  - ml   # first\n  - audio\n  - ml  # again\ndate: 2024-07-22\n", "block.md")
    assert codes_at(fm(block)) == [("NL121", 6, 5)]
    assert fix(block) == f"---\ntitle: x\ntags:\n  - ml   # first\n  - audio\ndate: 2024-07-22\n---\n{BODY}"
    assert fm(block) == []


def test_tag_style(tmp_path: Path) -> None:
    path = note(tmp_path, 'title: x\ntags: [Machine Learning, "#ICML", ok-tag]\ndate: 2024-07-22\n')
    assert fm(path) == []  # as-is by default
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\ntag-style = "kebab-case"\n')
    found = fm(path, cwd=tmp_path)
    assert [(f["code"], f["column"], f["message"]) for f in found] == [
        ("NL122", 8, "Tag 'Machine Learning' is not kebab-case: write 'machine-learning'"),
        ("NL122", 26, "Tag '#ICML' is not kebab-case: write 'icml'"),
    ]
    assert 'tags: [machine-learning, "icml", ok-tag]\n' in fix(path, cwd=tmp_path)


def test_lowercase_tags_then_duplicates_converge(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\ntag-style = "lowercase"\n')
    path = note(tmp_path, "title: x\ntags: [ML, ml]\ndate: 2024-07-22\n")
    assert "tags: [ml]\n" in fix(path, cwd=tmp_path)
    assert fm(path, cwd=tmp_path) == []


def test_allowed_tags(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nallowed-tags = ["conference", "workshop"]\n')
    found = fm(note(tmp_path, "title: x\ntags: [conferene, workshop]\ndate: 2024-07-22\n"), cwd=tmp_path)
    assert [(f["code"], f["column"], f["message"]) for f in found] == [
        ("NL123", 8, "Tag 'conferene' is not an allowed tag; did you mean 'conference'?"),
    ]


# -- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "written", ["07.04.2025", "7.4.2025", "7. April 2025", "April 7, 2025", "7 März 2025".replace("März", "April"), "2025/04/07"]
)
def test_dates_are_fixed_to_iso(tmp_path: Path, written: str) -> None:
    path = note(tmp_path, f"title: ICASSP 2025\ntags: [c]\ndate: {written}  # day one\n")
    found = fm(path)
    assert codes_at(found) == [("NL130", 4, 7)]
    assert found[0]["fix"]["applicability"] == "safe"
    assert fix(path) == f"---\ntitle: ICASSP 2025\ntags: [c]\ndate: 2025-04-07  # day one\n---\n{BODY}"


def test_quoted_date_keeps_its_quotes_and_german_month(tmp_path: Path) -> None:
    path = note(tmp_path, 'title: x\ntags: [c]\ndate: "7. März 2025"\n')
    assert 'date: "2025-03-07"\n' in fix(path)
    assert fm(path) == []


def test_date_with_time_drops_the_time_only_as_unsafe_fix(tmp_path: Path) -> None:
    path = note(tmp_path, "title: x\ntags: [c]\ndate: 2025-04-07T09:00\n")
    found = fm(path)
    assert [(f["code"], f["fix"]["applicability"]) for f in found] == [("NL130", "unsafe")]
    assert "date: 2025-04-07T09:00\n" in fix(path)
    assert "date: 2025-04-07\n" in fix(path, "--unsafe-fixes")


@pytest.mark.parametrize(
    ("written", "got"),
    [("2024", "the year 2024"), ("2024-07", "only the month 2024-07"), ("July 2024", "only the month 2024-07")],
)
def test_incomplete_dates_have_no_fix(tmp_path: Path, written: str, got: str) -> None:
    found = fm(note(tmp_path, f"title: x\ntags: [c]\ndate: {written}\n"))
    assert [(f["code"], f["line"], f["fix"]) for f in found] == [("NL131", 4, None)]
    assert f"got {got}" in found[0]["message"] and "YYYY-MM-DD" in found[0]["message"]


def test_title_year_must_agree_with_the_date(tmp_path: Path) -> None:
    found = fm(note(tmp_path, "title: ICML 2024\ntags: [c]\ndate: 2023-07-23\n"))
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in found] == [
        ("NL132", 2, 8, "The title names 2024 but `date` is 2023-07-23 (2023)"),
    ]
    assert fm(note(tmp_path, "title: ICML 2024\ntags: [c]\ndate: 2024-07-23\n", "ok.md")) == []
    assert fm(note(tmp_path, "title: Retreat\ntags: [c]\ndate: 2023-07-23\n", "none.md")) == []


# -- key order -------------------------------------------------------------------------------

def test_key_order_is_off_by_default_and_fixes_whole_entries(tmp_path: Path) -> None:
    front = "# about this talk\ndate: 2024-07-22  # day 1\nlocation: Wien\n# the name\ntitle: 'ICML 2024'\ntags:\n  - conference\n"
    path = note(tmp_path, front)
    assert fm(path) == []
    found = fm(path, "--extend-select", "NL140")
    assert codes_at(found) == [("NL140", 6, 1)]
    assert fix(path, "--extend-select", "NL140") == (
        "---\n# about this talk\n# the name\ntitle: 'ICML 2024'\ntags:\n  - conference\n"
        f"date: 2024-07-22  # day 1\nlocation: Wien\n---\n{BODY}"
    )
    assert fm(path, "--extend-select", "NL140") == []


# -- every fix keeps everything else byte for byte -------------------------------------------

ODD = (
    "---\n"
    "# notes from the trip\n"
    "title:   \"ICML 2024\"     # keep the spaces\n"
    "tags: 'conference'   # one tag\n"
    "date: '22.07.2024'\n"
    "authors: [ 'Ada',   \"Grace\" ]\n"
    "lang: >-\n"
    "  en\n"
    "---\n"
    "# Montag Vormittag\n"
    "- $`a_1 * b_1`$\n"
)


def test_fixes_touch_only_the_edited_values(tmp_path: Path) -> None:
    path = tmp_path / "odd.md"
    path.write_text(ODD, encoding="utf-8")
    assert codes_at(fm(path)) == [("NL120", 4, 7), ("NL130", 5, 7)]
    after = fix(path)
    assert after == ODD.replace("tags: 'conference'", "tags: ['conference']").replace("'22.07.2024'", "'2024-07-22'")
    assert fm(path) == []


# -- functions ---------------------------------------------------------------------------------

def test_front_matter_is_parsed_once_per_text() -> None:
    from notelint.rules.frontmatter.parse import parse_yaml

    text = "---\ntitle: Unique 1999 text for the cache\ntags: x\ndate: 1999\n---\nbody\n"
    document = Document("n.md", text)
    parse_yaml.cache_clear()
    for rule in RULES:
        options = rule.options_model() if rule.options_model is not None else None
        list(rule.check(document, options))
    info = parse_yaml.cache_info()
    assert (info.misses, info.hits > 0) == (1, True)


def test_read_date_and_partial_date() -> None:
    assert str(read_date("April 7th, 2025").date) == "2025-04-07"  # type: ignore[union-attr]
    assert read_date("31.02.2025") is None
    assert read_date("7. Foo 2025") is None
    assert partial_date("2024") == "the year 2024"
    assert partial_date("2024-13") is None


def test_every_rule_has_docs_the_cli_prints() -> None:
    for rule in RULES:
        completed = run_notelint("rule", rule.code)
        assert completed.returncode == 0, completed.stderr
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
            assert section in completed.stdout, (rule.code, section)


def test_a_number_as_tags_becomes_a_quoted_tag(tmp_path: Path) -> None:
    path = note(tmp_path, "title: x\ntags: 2024\ndate: 2024-07-22\n")
    assert 'tags: ["2024"]\n' in fix(path)
    assert fm(path) == []


# -- properties ------------------------------------------------------------------------------


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_form_reads_back_as_the_same_day(day: dt.date) -> None:
    forms = [
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day}. {_MONTH_NAMES[day.month - 1]} {day.year}",
        f"{_MONTH_NAMES[day.month - 1]} {day.day}, {day.year}",
        f"{day.year}/{day.month}/{day.day}",
        day.isoformat(),
    ]
    for form in forms:
        read = read_date(form)
        assert read is not None and read.date == day, form


_TAG = st.sampled_from(["ml", "ML", "audio", "Machine Learning", "#icml", "dsp"])


@settings(max_examples=60, deadline=None)
@given(tags=st.lists(_TAG, min_size=1, max_size=6), flow=st.booleans(), style=st.sampled_from(["lowercase", "kebab-case"]))
def test_tag_fixes_converge_and_touch_only_the_tags(tags: list[str], flow: bool, style: str) -> None:
    if flow:
        tags_yaml = "tags: [" + ", ".join(f'"{t}"' if t.startswith("#") else t for t in tags) + "]  # keep\n"
    else:
        tags_yaml = "tags:  # keep\n" + "".join(f'  - "{t}"\n' if t.startswith("#") else f"  - {t}\n" for t in tags)
    head = "---\n# top\ntitle: 'ICML 2024'   # odd quoting\n"
    tail = "date: 2024-07-22\nlocation: \"Wien\"\n---\n# Montag\n- $`a*b`$\n"
    options = FrontMatterOptions.from_table({"tag-style": style})
    ruleset = RuleSet(tuple((rule, options if rule.options_model else None) for rule in RULES if rule.default_enabled
                            or rule.code == "NL122"), Registry(tuple(RULES)))
    outcome = fix_document(Document("n.md", head + tags_yaml + tail), lambda d: lint(d, ruleset), False)
    text = outcome.document.text
    assert outcome.not_converged == []
    assert text.startswith(head) and text.endswith(tail)
    assert text.count("# keep") == 1
    assert outcome.result.findings == []
    parsed = front_matter_of(outcome.document)
    assert parsed is not None and parsed.mapping is not None
    fixed = parsed.mapping.to_python()["tags"]
    assert fixed == list(dict.fromkeys(styled(t, style) for t in tags))


def test_tags_as_text_is_fine_when_the_custom_schema_says_so(tmp_path: Path) -> None:
    (tmp_path / "meta.py").write_text("from pydantic import BaseModel\n\nclass Meta(BaseModel):\n    tags: str\n")
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nschema = "meta.py:Meta"\n')
    assert fm(note(tmp_path, "tags: conference\n"), cwd=tmp_path) == []
    found = fm(note(tmp_path, "tags: [conference]\n", "list.md"), cwd=tmp_path)
    assert [(f["code"], f["message"]) for f in found] == [("NL110", "`tags` must be text, got a list")]


@pytest.mark.parametrize(
    "front",
    [
        "title: x\ntags: &t [a, *t]\ndate: 2024-07-22\n",
        "? [a, b]\n: complex key\ntitle: x\ntags: [a]\ndate: 2024-07-22\n",
        "base: &b {lang: en}\n<<: *b\ntitle: x\ntags: [a]\ndate: 2024-07-22\n",
        "title: &a x\ntags: [a]\n? date: &a 1\n",  # an anchor defined twice: ruamel.yaml warns
    ],
)
def test_odd_yaml_gives_findings_not_crashes(tmp_path: Path, front: str) -> None:
    completed = run_notelint("check", "--output-format", "json", "--select", "frontmatter", note(tmp_path, front))
    assert completed.returncode in (0, 1), completed.stderr
    assert completed.stderr == ""  # no internal error, and no parser's warning either


def test_messages_of_a_custom_validator_are_passed_on(tmp_path: Path) -> None:
    (tmp_path / "meta.py").write_text(
        "from pydantic import BaseModel, field_validator\n\n"
        "class Meta(BaseModel):\n    room: int\n\n"
        "    @field_validator('room')\n    @classmethod\n    def positive(cls, value: int) -> int:\n"
        "        if value < 1:\n            raise ValueError('rooms are numbered from 1')\n        return value\n"
    )
    (tmp_path / "pyproject.toml").write_text('[tool.notelint.frontmatter]\nschema = "meta.py:Meta"\n')
    found = fm(note(tmp_path, "room: 0\n"), cwd=tmp_path)
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in found] == [
        ("NL110", 2, 7, "`room`: rooms are numbered from 1 (got the number 0)"),
    ]


class _Text(str):
    """A str subclass, as YAML libraries hand out (ruamel's scalar strings)."""


def _value_strategy() -> st.SearchStrategy[Any]:
    from ruamel.yaml.comments import CommentedSeq

    texts = st.one_of(st.text(max_size=4), st.just(""), st.text(min_size=1, max_size=4).map(_Text))
    scalars = st.one_of(texts, st.integers(-3, 2030), st.booleans(), st.none(), st.floats(allow_nan=False),
                        st.dates(), st.datetimes())
    lists = st.one_of(st.lists(texts, max_size=4), st.lists(scalars, max_size=3),
                      st.lists(texts, max_size=3).map(CommentedSeq), st.lists(st.lists(texts, max_size=2), max_size=2))
    return st.one_of(scalars, lists)


_META_KEYS = ("title", "date", "tags", "location", "url", "speakers", "authors", "lang", "updated")


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_the_quick_default_schema_check_only_passes_what_pydantic_accepts(data: st.DataObject) -> None:
    """NL110 answers "valid" without pydantic only when NoteMeta accepts the same data (but for
    errors on keys the incomplete-date rule claims, which NL110 leaves out either way)."""
    from pydantic import ValidationError

    from notelint.rules.frontmatter.note_meta import NoteMeta
    from notelint.rules.frontmatter.schema import default_schema_surely_accepts

    values = _value_strategy()
    texts, optional_text = st.text(max_size=4), st.one_of(st.none(), st.text(max_size=4))
    good = {"title": st.text(min_size=1, max_size=4), "date": st.dates(),
            "tags": st.lists(st.text(min_size=1, max_size=4), max_size=3, unique=True),
            "location": optional_text, "lang": optional_text, "url": st.none(),
            "speakers": st.one_of(st.none(), st.lists(texts, max_size=3)),
            "authors": st.one_of(st.none(), st.lists(texts, max_size=3)),
            "updated": st.one_of(st.none(), st.dates())}
    front: dict[Any, Any] = {}
    for key in _META_KEYS:  # mostly good values, so that both answers of the quick check come up
        choice = data.draw(st.sampled_from(["absent", "good", "good", "good", "good", "any"]))
        if choice == "good":
            front[key] = data.draw(good[key])
        elif choice == "any":
            front[key] = data.draw(values)
    front.update(data.draw(st.dictionaries(st.one_of(st.text(max_size=3), st.integers(), st.booleans()), values, max_size=2)))
    claimed = set(data.draw(st.sets(st.sampled_from([key for key in ("date", "updated") if key in front] or ["date"]))))
    claimed &= set(front)
    accepted = default_schema_surely_accepts(front, claimed)
    event(f"quick check: {'valid' if accepted else 'ask pydantic'}")
    if accepted:
        try:
            NoteMeta.model_validate(front)
        except ValidationError as error:
            assert {item["loc"][0] for item in error.errors()} <= claimed, error


def test_a_front_matter_the_quick_check_passes_has_no_schema_finding_and_others_do(tmp_path: Path) -> None:
    clean = note(tmp_path, "title: Talk\ndate: 2025-04-07\ntags: [ml]\nspeakers: [Ada]\n", "clean.md")
    wrong = note(tmp_path, "title: Talk\ndate: 2025-04-07\ntags: [ml]\nurl: not a url\n", "wrong.md")
    assert [f["code"] for f in fm(clean) if f["code"] == "NL110"] == []
    assert [(f["code"], f["line"]) for f in fm(wrong) if f["code"] == "NL110"] == [("NL110", 5)]
