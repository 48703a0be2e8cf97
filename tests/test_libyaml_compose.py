"""The libyaml fast path for front matter gives exactly what ruamel gives, or steps aside.

Differential tests: for generated texts and for every front matter found in the seeds, the notes
and the Markdown files of the Python installation, the fast path's node tree, error-or-not and
the days rules' front matter date equal ruamel's whenever the fast path takes the text; texts it
does not prove go to ruamel unchanged.
"""

from __future__ import annotations

import datetime as dt
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from front_matter_texts import front_matter_texts, plain_scalars
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from conftest import main_in_fresh_process, modules_loaded_by_a_check

from notelint.document import Document
from notelint.rules.days.common import _date_in_yaml, _date_in_yaml_with_ruamel
from notelint.rules.frontmatter import libyaml_compose
from notelint.rules.frontmatter.libyaml_compose import (
    RESOLVERS_1_2, _libyaml, compose_proven, compose_with_libyaml, resolve_plain,
)
from notelint.rules.frontmatter.parse import Node, compose_yaml, parse_yaml, parse_yaml_with_ruamel
from notelint.rules.frontmatter.safe_data import NotConstructed, Unproven, safe_data
from notelint.rules.frontmatter.simple_compose import compose_simple

ROOT = Path(__file__).resolve().parent.parent


def outcome(function: Any, raw: str) -> tuple[str, Any]:
    """What ``function(raw)`` gives: its value, or the type of what it raised."""
    try:
        return "value", function(raw)
    except Exception as error:  # noqa: BLE001 - a crash must be the same crash
        return "raised", type(error).__name__


def assert_same_as_ruamel(raw: str) -> bool:
    """The fast paths' answers for ``raw`` equal ruamel's; returns whether one took the text."""
    simple = compose_simple(raw)
    if simple is not None:
        assert parse_yaml_with_ruamel(raw) == (simple, None)
    by_libyaml = compose_with_libyaml(raw)
    if by_libyaml is not None:
        assert parse_yaml_with_ruamel(raw) == (by_libyaml.root, None)
    fast = compose_proven.__wrapped__(raw)
    assert outcome(parse_yaml.__wrapped__, raw) == outcome(parse_yaml_with_ruamel, raw)
    assert outcome(_date_in_yaml.__wrapped__, raw) == outcome(_date_in_yaml_with_ruamel, raw)
    if fast is None:
        return False
    assert parse_yaml_with_ruamel(raw) == (fast.root, None)
    if fast.root is not None:
        assert safe_data_outcome(fast.root) in (None, ruamel_safe_data_outcome(raw))
    return True


def safe_data_outcome(root: Node) -> tuple[str, ...] | None:
    """What safe_data makes of a tree (repr: NaN is not equal to itself); None when unproven."""
    try:
        return "value", repr(safe_data(root))
    except Unproven:
        return None
    except NotConstructed:
        return ("fails",)


def ruamel_safe_data_outcome(raw: str) -> tuple[str, ...]:
    """What ruamel's safe constructor makes of ruamel's tree of ``raw``."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        node = compose_yaml.__wrapped__(raw)[0]
        return "value", repr(YAML(typ="safe", pure=True).constructor.construct_document(node))
    except (YAMLError, ValueError, TypeError):
        return ("fails",)


def test_the_resolver_table_is_ruamels_for_yaml_1_2() -> None:
    from ruamel.yaml.resolver import implicit_resolvers

    theirs = [
        (tag, regexp.pattern, bool(regexp.flags & 64), "".join(first))  # 64: re.VERBOSE
        for versions, tag, regexp, first in implicit_resolvers
        if (1, 2) in versions
    ]
    assert [(tag, pattern, verbose, first) for tag, pattern, verbose, first in RESOLVERS_1_2] == [
        (tag, pattern, verbose, first) for tag, pattern, verbose, first in theirs
    ]


@settings(max_examples=300, deadline=None)
@given(st.one_of(plain_scalars(), st.text(st.sampled_from("0123456789-+._:eExXoObB TtFfNnYy~<=!&*"), max_size=12)))
def test_plain_scalars_get_ruamels_tags(value: str) -> None:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    assert resolve_plain(value) == str(VersionedResolver().resolve(ScalarNode, value, (True, False)))


@pytest.mark.parametrize("value", ["2024", "0", "007", "99999999999999999999", "2024-07-24", "1234-56-78",
                                   "2024-7-24", "2024-07-2x", "2024_07_24", "٢٠٢٤", "2024-07-2٤", "2²"])
def test_digits_and_dates_get_ruamels_tags(value: str) -> None:
    test_plain_scalars_get_ruamels_tags.hypothesis.inner_test(value)  # type: ignore[attr-defined]


def test_yaml_1_1_values_keep_their_yaml_1_2_meaning() -> None:
    root = parse_yaml("a: yes\nb: on\nc: 1:20\nd: 010\ne: 0o10\nf: 2024-07-24\ng: ~\n")[0]
    assert root is not None
    assert [(key.value, value.tag.rsplit(":", 1)[1]) for key, value in root.pairs] == [
        ("a", "str"), ("b", "str"), ("c", "str"), ("d", "int"), ("e", "int"), ("f", "timestamp"), ("g", "null"),
    ]


# (a generated text may define an anchor twice: legal YAML, which ruamel reads with a warning)
@pytest.mark.filterwarnings("ignore:\\nfound duplicate anchor")
@settings(max_examples=int(__import__("os").environ.get("LIBYAML_EXAMPLES", "400")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter_texts())
def test_generated_front_matter_reads_as_ruamel_reads_it(raw: str) -> None:
    assert_same_as_ruamel(raw)


@pytest.mark.parametrize("raw", [
    "title: Notes\ndate: 2024-07-24\ntags: [ml, conference]\n",
    "title: 'It''s'\ndate: \"2024-07-24\"\ntags:\n  - a\n  - b\nabstract: |\n  one\n  two\n",
    "date: 2024-02-30\n",  # not a date: ruamel's constructor fails, no date
    "date: 2024-07-24\ndate: 2024-05-14\n",  # a duplicate key: no date
    "x:\n  a: 1\n  a: 2\ndate: 2024-07-24\n",  # a duplicate key further in
    "date: 2024-07-24T10:00:00\n",  # a datetime: left to ruamel
    "date: 2024-07-24\nn: 0x1F\n",  # a hexadecimal number: left to ruamel
    "date: 2024-07-24\nn: _\n",  # ruamel's constructor crashes on this number: still its crash
    "date: 2024-07-24\nn: [0b101, -0o17, +0x1F, 0, -7, 1.5, -.5e3, .inf, -.INF, .nan, 1e3, true, FALSE, ~, null]\n",
    "date: 2024-07-24\n<<: {a: 1}\n",  # a merge key: left to ruamel
    "- date: 2024-07-24\n",
    "date: [2024-07-24]\n",
    "date: ' 2024-07-24 '\n",
    "date: 2024-5-3\n",
    "%YAML 1.1\n---\ndate: 2024-07-24\nyes: on\n",
    "date: &d 2024-07-24\nagain: *d\n",
    "date: !!str 2024-07-24\n",
    "date: 2024-07-24\t\n",
    "date: 2024-07-24 # when\n",
    "date: # when\n 0:|\n\n",  # ruamel's round-trip scanner fails here (comment overlap)
    "date:\n",
    "key: >\n  folded\n  text\n",
    "key: |#x\n  a\n",
    "t: [', ':0]\n",  # a quoted key and its adjacent value in a flow sequence: ruamel refuses it
    "t: ['a':0]\n",
    't: ["a":b]\n',
    "t: {'a':0}\n",
    "t: ['a': 0]\n",
    "title: |\n \n     \n0: true\n",  # blank lines indented deeper than the first: ruamel refuses them
    "title: |\n \n   x\n",
    "title: |2\n \n   x\n",
    "title: |\n\n   x\n \n",
    "a: [b, {c: d}]\ne: {f: [g]}\n",
    "ä: 😀 ✓\nö: \"\\U0001F600 \\u00e9\"\n",
    "a: 'x\n\n  y'\nb: \"p\n  q\"\n",
    "a: b\n  c\n\n  d\n",
    "",
    "\n\n",
    "just a scalar",
    "[unclosed\n",
    "a: b: c\n",
    "a:\n- 1\n - 2\n",
    "k" * 1100 + ": v\n",  # a simple key longer than YAML allows
    "a:" + " [" * 40 + "x" + "]" * 40 + "\n",  # deeper than the fast path goes
])
def test_texts_at_the_edges_read_as_ruamel_reads_them(raw: str) -> None:
    assert_same_as_ruamel(raw)


SIMPLE_TEXTS = [
    "title: ICML 2024\ntags: conference\ndate: 2024\n",
    "title: Notes\ndate: 2024-07-24\ntags: [ml, conference]\n",
    "tags:\n  - ml\n  - conference\ndate: 2024-07-24\n",
    "tags:\n- ml\n- conference\n",
    "tags: []\ntitle: It's (x/y) 5 + 3, more_words\n",
    "tags: [ a ,b,c  ]\nx: a   b\n",
    "true: 1\nnull: Null\nyes: on\nn1: 0x1F\nf: 1.5\nd: 2024-5-3\n",
    "date: 2024-07-24\ndate: 2024-05-14\n",
    "title: Grüße aus Köln\n",
    "a: b",
]
NOT_SIMPLE_TEXTS = [
    "title: a \n", "title:  \n", "title:\n", "tags: [a,,b]\n", "tags: [a,]\n", "tags: [a, [b]]\n",
    "tags:\n  - a\n - b\n", "tags:\n  - a \n", "a: b\n\nc: d\n", "a: b\n  c\n", "- a\n", "a: 'b'\n",
    'a: "b"\n', "a: b # c\n", "a: b: c\n", "a: -b\n", "a: _b\n", "a:b\n", "a : b\n", "a: 😀\n",
    "a: 12:30\n", "a:\tb\n", "a: [b]c\n", "", "\n",
]


def _plainest_texts() -> st.SearchStrategy[str]:
    """``key: value`` lines, flow and block lists of the characters the plain reader takes, and a
    few it does not (so that both sides of its border are tried)."""
    word = st.text(st.sampled_from("aZ09_.,/()+'- é:#\"[]x"), min_size=0, max_size=6)
    value = st.one_of(word, st.sampled_from(["true", "Null", "0x1F", "1.5", "2024-05-13", "2024", "on"]))
    key = st.sampled_from(["title", "date", "tags", "a-b", "_x", "true", "null", "k1"])
    entry = st.one_of(
        st.builds("{}:{}{}".format, key, st.sampled_from([" ", "  ", "", " \t"]), value),
        st.builds(lambda k, items, gap: f"{k}: [{gap.join(items)}]", key, st.lists(value, max_size=3),
                  st.sampled_from([", ", ",", " , "])),
        st.builds(lambda k, items, pad: f"{k}:" + "".join(f"\n{pad}- {item}" for item in items), key,
                  st.lists(value, min_size=0, max_size=3), st.sampled_from(["", "  ", " "])),
    )
    return st.builds(lambda lines, end: "\n".join(lines) + end, st.lists(entry, min_size=1, max_size=4),
                     st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=int(__import__("os").environ.get("LIBYAML_EXAMPLES", "400")), deadline=None)
@given(_plainest_texts())
@example("title: 0\ntitle: [[]:0]\n")  # (found by this test: a flow sequence as a key with an adjacent value)
def test_generated_plain_front_matter_reads_as_ruamel_reads_it(raw: str) -> None:
    assert_same_as_ruamel(raw)


@pytest.mark.parametrize("raw", SIMPLE_TEXTS + NOT_SIMPLE_TEXTS)
def test_the_plainest_texts_read_without_a_yaml_library_as_ruamel_reads_them(raw: str) -> None:
    assert (compose_simple(raw) is not None) == (raw in SIMPLE_TEXTS)
    assert_same_as_ruamel(raw)


def test_the_usual_front_matter_takes_the_fast_path() -> None:
    assert compose_proven("title: Notes\ndate: 2024-07-24\ntags: [ml, conference]\n") is not None
    assert compose_with_libyaml("title: Notes\ndate: 2024-07-24\ntags: [ml, conference]\n") is not None
    assert compose_proven('title: "Notes"\ndate: 2024-07-24 # when\n') is None  # a comment
    assert compose_proven('title: "Notes: more"\ndate: 2024-07-24\n') is not None  # libyaml
    assert _date_in_yaml.__wrapped__("title: Notes\ndate: 2024-07-24\n") == dt.date(2024, 7, 24)
    assert _date_in_yaml.__wrapped__("title: 'Notes'\ndate: 2024-07-24\n") == dt.date(2024, 7, 24)


def test_without_libyaml_ruamel_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml._yaml", None)  # `import yaml._yaml` fails
    _libyaml.cache_clear()
    try:
        raw = "title: 'Notes'\ndate: 2024-07-24\n"
        assert compose_proven.__wrapped__(raw) is None
        assert compose_proven.__wrapped__("title: Notes\n") is not None  # needs no YAML library
        assert parse_yaml.__wrapped__(raw) == parse_yaml_with_ruamel(raw)
        assert _date_in_yaml.__wrapped__(raw) == dt.date(2024, 7, 24)
    finally:
        _libyaml.cache_clear()


def test_another_libyaml_version_is_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libyaml_compose, "PROVEN_LIBYAML", frozenset({(0, 2, 4)}))
    _libyaml.cache_clear()
    try:
        assert compose_proven.__wrapped__("title: 'Notes'\n") is None
    finally:
        _libyaml.cache_clear()


def front_matters(roots: list[Path]) -> dict[str, Path]:
    """The closed front matter blocks of the Markdown files under ``roots``, each text once."""
    found: dict[str, Path] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() not in (".md", ".markdown") or not path.is_file():
                continue
            try:
                block = Document.from_bytes(str(path), path.read_bytes()).front_matter
            except (UnicodeDecodeError, ValueError):
                continue
            if block is not None and block.closed:
                found.setdefault(block.raw, path)
    return found


def test_the_front_matter_of_the_seeds_and_notes_takes_the_fast_path_and_reads_the_same() -> None:
    texts = front_matters([ROOT / "tests" / "fixtures", ROOT / "notes"])
    assert texts
    assert {str(path): assert_same_as_ruamel(raw) for raw, path in texts.items()} == {
        str(path): True for path in texts.values()
    }


def test_the_front_matter_of_the_installed_packages_reads_the_same() -> None:
    roots = sorted({Path(sysconfig.get_paths()["purelib"]), Path(sys.base_prefix)})
    for raw in front_matters(roots):
        assert_same_as_ruamel(raw)


def test_a_note_with_a_plain_front_matter_does_not_load_ruamel(tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text(
        "---\ntitle: Notes\ndate: 2024-07-24\ntags: [ml]\n---\n\n# Montag\n\nText.\n", encoding="utf-8"
    )
    assert modules_loaded_by_a_check(tmp_path, ("ruamel", "yaml")) == "0 []"
    # a quoted value is read by libyaml
    (tmp_path / "note.md").write_text("---\ntitle: 'Notes: more'\ndate: 2024-07-24\n---\n\nText.\n", encoding="utf-8")
    assert modules_loaded_by_a_check(tmp_path, ("ruamel", "yaml")).endswith(" ['yaml']")
    # a comment is left to ruamel (before libyaml is even imported)
    (tmp_path / "note.md").write_text("---\ntitle: Notes # a comment\n---\n\nText.\n", encoding="utf-8")
    assert modules_loaded_by_a_check(tmp_path, ("ruamel", "yaml")) == "1 ['ruamel']"


def check_json(folder: Path, *, libyaml: bool) -> str:
    """`notelint check --no-cache --output-format json --unsafe-fixes` on ``folder`` in a fresh
    process, with or without libyaml importable."""
    arguments = ["check", "--no-cache", "--output-format", "json", "--unsafe-fixes", "--select", "ALL", "."]
    return main_in_fresh_process(folder, arguments, "out.getvalue()",
                                 before="" if libyaml else "sys.modules['yaml._yaml'] = None")


NOTES_AT_THE_EDGES = {
    "plain.md": "title: Notes\ndate: 2024-07-24\ntags: [ml, conference]\n",
    "yaml11.md": "title: Notes\ndate: 2024-07-24\ntags: yes\nagain: on\n",
    "broken.md": "title: [Notes\ndate: 2024-07-24\n",
    "duplicate.md": "title: Notes\ntitle: Again\ndate: 2024-05-1\n",
    "bad-date.md": "title: Notes\ndate: 2024-02-30\n",
    "list.md": "- title\n- 2024-07-24\n",
    "block.md": "title: |\n  Notes\n  more\ndate: '2024-07-24'\ntags:\n  - ML\n  - ml\n",
    "unicode.md": "title: Grüße 😀 ✓\ndate: 2024-07-24\ntags: [Ä, ö]\n",
    "empty.md": "title:\ndate: 2024-07-24\n",
}


def test_findings_are_the_same_with_and_without_libyaml(tmp_path: Path) -> None:
    for name, front_matter in NOTES_AT_THE_EDGES.items():
        (tmp_path / name).write_text(f"---\n{front_matter}---\n\n# Montag Vormittag\n\nText.\n\n# Mittwoch Vormittag\n\nMore.\n", encoding="utf-8")
    for seed in (ROOT / "tests" / "fixtures").glob("*.md"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    with_libyaml = check_json(tmp_path, libyaml=True)
    assert '"NL1' in with_libyaml and '"NL3' in with_libyaml  # front matter and days findings
    assert with_libyaml == check_json(tmp_path, libyaml=False)
