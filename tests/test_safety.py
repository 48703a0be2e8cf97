"""Safety: the CommonMark spec examples, random notes (hypothesis) and bad or odd files.

No input crashes notelint, fixes never change code, and a second ``--fix`` changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FIGURES, REPO, run_notelint
from notelint.api import check_text, default_ruleset
from notelint.parser import code_contents
from notelint.ruleset import RuleSet

SPEC = json.loads((REPO / "tests" / "data" / "commonmark" / "commonmark.json").read_text())


def test_commonmark_spec_examples_fix_safely_and_idempotently(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    originals = {}
    for example in SPEC:
        path = folder / f"example-{example['example']:03d}.md"
        path.write_bytes(example["markdown"].encode("utf-8"))
        originals[path] = example["markdown"]
    assert len(originals) == 652

    first = run_notelint("--fix", "--output-format", "json", folder)
    assert first.returncode in (0, 1), first.stderr
    assert "Traceback" not in first.stderr and "internal error" not in first.stderr
    json.loads(first.stdout)
    changed = 0
    for path, before in originals.items():
        after = path.read_bytes().decode("utf-8")
        changed += after != before
        assert code_contents(after) == code_contents(before), path.name
    assert changed > 0  # the fixes did run on some examples
    FIGURES.append(f"CommonMark spec: {len(originals)} examples fixed; {changed} changed by safe fixes, code kept")

    # Unsafe fixes may remove empty sections (headings with their code spans): no crash, no
    # failed verification, and a second run changes nothing.
    unsafe = run_notelint("--fix", "--unsafe-fixes", folder)
    assert unsafe.returncode in (0, 1), unsafe.stderr
    assert "Traceback" not in unsafe.stderr and "internal error" not in unsafe.stderr
    snapshot = {path: path.read_bytes() for path in originals}
    second = run_notelint("--fix", "--unsafe-fixes", folder)
    assert second.returncode in (0, 1), second.stderr
    assert " fixed" not in second.stdout
    assert {path: path.read_bytes() for path in originals} == snapshot


# -- property tests ---------------------------------------------------------------------------------

DAYS = ["Montag Vormittag", "Dienstag Nachmittag", "Mittwoch", "freitag vormittag", "Mitwoch", "Posters"]
WORDS = ["notes", "the", "results", "were", "seperate", "exaustive", "Transformer", "Vormittag", "SAMFormer"]
INLINE = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(["$`x_1`$", "$`\\lightning`$", "`code *x*`", "$x$", "**bold**", "*em*", "<!-- -->", "\\*"]),
        st.text(alphabet=" *_`$\\-#>[]()!:.\t", min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=8,
).map(" ".join)

BLOCK = st.one_of(
    INLINE,
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 4), st.sampled_from(DAYS) | INLINE),
    st.builds(lambda indent, marker, text: " " * indent + marker + " " + text, st.sampled_from([0, 2, 4]),
              st.sampled_from(["-", "*", "+", "- -", "1.", "1. ", "2)"]), INLINE),
    st.builds(lambda info, body: f"```{info}\n{body}\n```", st.sampled_from(["", "math", " math", "python"]), INLINE),
    st.builds(lambda text: "> " + text, INLINE),
    st.builds(lambda text: text + "\n===", INLINE),
    st.builds(lambda a, b: f"| {a} | b |\n|---|:-:|\n| {b} | d |", INLINE, INLINE),
    st.sampled_from(["[ref]: https://example.org", "see [ref] and [teh]", "$$\na = b\n\n$$", "---", "<div>\nx\n</div>"]),
    st.just(""),
    st.just("   "),
)
FRONT = st.sampled_from(
    [
        "",
        "---\ntitle: x\ntags: conference\ndate: 2024\n---\n",
        "---\ntitle: x  # keep\ntags: [ml, ml, Audio]\ndate: 24.7.2024\nextra: &a 1\nagain: *a\n---\n",
        "---\ntitle: [\n---\n",
        "---\nunclosed: yes\n",
    ]
)
NOTE = st.builds(
    lambda front, blocks, end: front + "\n".join(blocks) + end,
    FRONT,
    st.lists(BLOCK, max_size=14),
    st.sampled_from(["", "\n", "  \n"]),
)
# The default rules, and every rule (the layout normalisers this repository turns on included).
RULESETS = {"default": default_ruleset(), "all": default_ruleset(["ALL"])}


def test_random_notes_never_crash_and_fixes_converge() -> None:
    """No crash, no failed fix verification (code, math, structure and front matter data outside
    the edits unchanged), and a second --fix changes nothing, for random notes of headings, German
    day names, lists, tables, quotes, code, math, front matter and typos."""
    notes: list[str] = []
    fixed: list[str] = []

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(NOTE, st.sampled_from(sorted(RULESETS)))
    # found by runs of 20,000 examples: fixes the verifier had to refuse (NL001, NL002, NL201)
    @example("notes\n- notes\n[ref]: https://example.org\nnotes\n# Montag Vormittag\nnotes\n[ref]: https://example.org\n",
             "all")
    @example("notes\n- - notes\n  - notes\n", "all")
    @example("notes\n  1. notes\n\t:", "all")
    @example("---\nunclosed: yes\n[ref]: https://example.org\n> notes\n# Montag Vormittag\n[ref]: https://example.org",
             "all")
    @example("notes\n- - > \t:", "all")
    @example("- - notes\nnotes\n\n- - notes", "all")
    def fixes_are_safe(note: str, which: str) -> None:
        notes.append(note)
        rules = RULESETS[which]
        checked = check_text(note, ruleset=rules)
        assert checked.errors == []
        safe = check_text(note, fix=True, ruleset=rules)
        assert safe.errors == []
        if not any(finding.family == "math" for finding in checked.findings):
            assert code_contents(safe.text) == code_contents(note)
        for unsafe in (False, True):
            once = check_text(note, fix=True, unsafe_fixes=unsafe, ruleset=rules)
            assert once.errors == []
            if once.text != note:
                fixed.append(note)
            twice = check_text(once.text, fix=True, unsafe_fixes=unsafe, ruleset=rules)
            assert twice.errors == []
            assert twice.text == once.text
            assert twice.fixed == 0

    fixes_are_safe()
    FIGURES.append(
        f"hypothesis: {len(notes)} random notes checked and fixed ({len(set(notes))} distinct, "
        f"{len(set(fixed))} changed by fixes), all verified and idempotent"
    )


# Lines of any block marker at any indentation (tabs too), in any order: the combinations a
# note's author never meant (a definition glued to a list, a fence never closed, a tab after a
# quote marker) are where a fix can change more than it means to.
TOKEN = st.sampled_from(
    ["notes", "Transofromer", "teh", "Montag", "the model", "Comment:", "x_1", "a*b*c", "[ref]", "<span>", "&amp;",
     "\\", "http://x.org", "$x$", "$`a`$", "`c`", "**b**", "_i_", "1.", "2)", "-", "*", "#", ">", "|", ":", "---",
     "===", "```", "<!--", "-->", "\t", "  ", "\xa0", "ß", "😀"]
)
MARKER = st.sampled_from(
    ["", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "- - ", "> ", "> - ", "# ", "## ", "### ", "[r]: ", "[ref]: /u ",
     "<div>", "<!-- ", "```math", "``` math", "```", "~~~", "$$", "| ", "|---|---|", "===", "---", "***"]
)
INDENT = st.sampled_from(["", " ", "  ", "   ", "    ", "\t", " \t", "      "])
WIDE_LINE = st.builds(lambda indent, marker, words: indent + marker + " ".join(words), INDENT, MARKER,
                      st.lists(TOKEN, max_size=6))
WIDE_FRONT = st.sampled_from(["", "---\ntitle: x\ntags: [a, b]\ndate: 2024-07-22\n---\n", "---\ntitle: [\n---\n",
                              "---\nunclosed: yes\n", "---\n---\n", "---\ntitle: 'a # b'  # c\n---\n"])
WIDE_NOTE = st.builds(lambda front, lines, end: front + "\n".join(lines) + end, WIDE_FRONT,
                      st.lists(WIDE_LINE, max_size=16), st.sampled_from(["", "\n", "\n\n", " \n", "\r\n"]))


def assert_fixes_converge(note: str, rules: RuleSet) -> None:
    """Checking ``note`` reports no error; fixing it (safe fixes, then unsafe ones too) reports
    none, and fixing the result again changes nothing."""
    assert check_text(note, ruleset=rules).errors == []
    for unsafe in (False, True):
        once = check_text(note, fix=True, unsafe_fixes=unsafe, ruleset=rules)
        assert once.errors == [], (note, unsafe)
        twice = check_text(once.text, fix=True, unsafe_fixes=unsafe, ruleset=rules)
        assert (twice.errors, twice.text, twice.fixed) == ([], once.text, 0), (note, unsafe)


def test_notes_of_any_lines_never_crash_and_fixes_converge() -> None:
    """The same promise for notes made of arbitrary lines: no crash, no fix the verifier refuses,
    and a second --fix changes nothing."""
    count: list[str] = []

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(WIDE_NOTE, st.sampled_from(sorted(RULESETS)))
    # found by runs of 2,000 to 15,000 examples
    @example("```math\nnotes", "all")
    @example("- \n - - notes\n  1.\n", "all")
    @example("  - - ```\n    - - notes", "all")
    @example("```math\t notes\n\nnotes", "all")
    @example("   - - notes\n    1.", "all")
    @example("```math\n\n\n", "all")
    @example("```math\n- ", "all")
    @example("- notes\n## \n  $$\n    ```math\n- \nnotes", "all")
    @example("- ```\n\n# ", "all")
    @example("- - <span>\n- - notes\n  - notes\n", "all")
    @example("- - ```\n   \n", "all")
    @example("\\begin{matrix}`$`\\end{matrix}", "all")
    @example("$$`\n```math$$``\n```math``$x$", "all")
    @example("- \\begin{matrix}\\end{matrix}\n- $\n", "all")
    @example("```math\n    ```", "all")
    @example("- ```\n## \nnotes\n- ", "all")
    @example("> ```\n> ", "all")
    # found by a fuzzer over seed lines and npm packages' Markdown (session 12)
    @example("* * (\n\n    \xa0\n", "all")  # a line of no-break spaces is not blank
    @example("$$\n`\n\n$$\n`b`", "all")  # joining the paragraphs would pair the backticks
    @example("$$\r\n\n$$", "all")  # a CRLF before the blank line a fix removes
    @example("* )\n##\n\n##\nß\n*\n-\n`", "all")  # two empty sections removed at once
    @example("1. o\n\n   \\begin{align}\n\\end{align}", "all")  # a lazy line would end the fence
    @example("- s\n\n- - * -", "all")  # without the `*`, the line is a thematic break
    @example("+ s\n<r>\xa0\n- n\n", "all")  # an HTML tag and a no-break space: an HTML block's start
    @example("|-\n=\n-|-\n<div", "all")  # `# |-` over `-|-` is a table's header
    @example("* * e\n|*\n      --\n", "all")  # the delimiter row counts from the item's content
    @example("s\r\t\n*\r", "all")  # a blank line between a CR and an LF: emptied, one CRLF
    @example("-\n  - y\n  -\n- - y\n\n  -", "all")  # the item's blank line would loosen the list above
    @example("- **\n##\n##\ntehmodel\n---\n#\ns", "all")  # another fix keeps the heading below
    @example(">- <!--\n>", "all")  # markdown-it-py's IndexError at the end of a quote
    @example("- \t\n   - $$\n-```\n- ```\n```", "all")  # an outer item with a tab: the list's end unknown
    @example("- $$\n\t\n\t$$\n  ><s>\n  b", "all")  # the blank line made the list loose
    def fixes_are_safe(note: str, which: str) -> None:
        count.append(note)
        assert_fixes_converge(note, RULESETS[which])

    fixes_are_safe()
    FIGURES.append(f"hypothesis: {len(count)} notes of arbitrary lines checked and fixed, all verified and idempotent")


# Fences inside quotes and list items, lines of only blanks or a bare `>`, and every kind of last
# line: where this session's random runs found fixes whose blank line or line break a fence took
# as content.
CONTAINER = st.sampled_from(["", "> ", ">", "> > ", "- ", "  ", "   ", "    ", "1. ", "   - ", "\t", "> - ", "-"])
CONTAINED = st.sampled_from(["```", "~~~", "```math", "``` math", "````", "    ```", "$$", "\\begin{align}",
                             "\\end{align}", "", " ", "\t", "text", "Transofromer notes", "## ", "# Montag", "---",
                             "===", "| a |", "|-|", "[r]: /u", "<div>", "<!-- x -->", "$`x`$", "- item", "x_1 $a$"])
FENCED_NOTE = st.builds(lambda rows, end: "\n".join(rows) + end,
                        st.lists(st.builds(str.__add__, CONTAINER, CONTAINED), min_size=1, max_size=10),
                        st.sampled_from(["", "\n", "\n ", "\n> ", "\n>", "\n  ", "\n\n", "\n\t", "\n- ", "\n```"]))


def test_fences_in_containers_never_crash_and_fixes_converge() -> None:
    count: list[str] = []

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(FENCED_NOTE, st.sampled_from(sorted(RULESETS)))
    @example("- $$\n$$\n\n\t[r]: /u", "all")  # (found by this test: NL001)
    def fixes_are_safe(note: str, which: str) -> None:
        count.append(note)
        assert_fixes_converge(note, RULESETS[which])

    fixes_are_safe()
    FIGURES.append(f"hypothesis: {len(count)} notes of fences in containers checked and fixed, all verified and idempotent")


# -- bad and odd files, through the real command -----------------------------------------------------


def test_odd_files_are_checked_one_by_one(tmp_path: Path) -> None:
    files = {
        "empty.md": b"",
        "only-newlines.md": b"\n\n\n",
        "unclosed-front-matter.md": b"---\ntitle: x\n# Montag\n",
        "crlf.md": b"# Montag\r\n\r\n- a \r\n",
        "bom.md": b"\xef\xbb\xbf# Montag\n\n- a \n",
        "deep-quotes.md": (">" * 5000 + " x\n").encode(),
        "deep-lists.md": "".join("  " * depth + "- x\n" for depth in range(5000)).encode(),
        "nul.md": b"# x\x00\n",
        "latin1.md": b"# Gr\xfc\xdfe\n",
        "invalid-yaml.md": b"---\ntitle: [\n---\n# Montag\n\nText.\n",
        "duplicate-keys.md": b"---\ntitle: a\ntags: [x]\ntitle: b\ndate: 2024-01-01\n---\n# Montag\n\nText. \n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "crlf.md").chmod(0o640)
    result = run_notelint("--fix", "--output-format", "concise", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert sorted(line.split(":")[1].strip() for line in errors) == ["latin1.md", "nul.md"]
    assert (tmp_path / "crlf.md").read_bytes() == b"# Montag\r\n\r\n- a\r\n"
    assert (tmp_path / "bom.md").read_bytes() == b"\xef\xbb\xbf# Montag\n\n- a\n"
    assert (tmp_path / "nul.md").read_bytes() == files["nul.md"]
    assert (tmp_path / "latin1.md").read_bytes() == files["latin1.md"]
    assert (tmp_path / "empty.md").read_bytes() == b""
    assert (tmp_path / "crlf.md").stat().st_mode & 0o777 == 0o640
    # front matter the frontmatter rules cannot read is reported and left as it is
    assert "invalid-yaml.md:3:1: NL102 Invalid YAML in the front matter" in result.stdout
    assert (tmp_path / "invalid-yaml.md").read_bytes() == files["invalid-yaml.md"]
    assert "duplicate-keys.md:4:1: NL103 Duplicate key `title` (first on line 2)" in result.stdout
    assert (tmp_path / "duplicate-keys.md").read_bytes() == files["duplicate-keys.md"].replace(b". \n", b".\n")
    for deep in ("deep-quotes.md", "deep-lists.md"):  # checked without a finding, left as they are
        assert (tmp_path / deep).read_bytes() == files[deep]
        assert deep not in result.stdout


def test_a_five_megabyte_note(tmp_path: Path) -> None:
    seed = (REPO / "tests" / "fixtures" / "icml-2024.md").read_text()
    body = seed.split("---\n", 2)[2]
    big = tmp_path / "big.md"
    big.write_text(seed + body * (5_000_000 // len(body)))
    assert big.stat().st_size > 5_000_000
    result = run_notelint("--fix", big)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_notes_made_to_be_slow_are_checked_and_fixed_without_an_error(tmp_path: Path) -> None:
    """The notes of benchmarks/pathological.py, small: each once crashed, was quadratic or did not
    converge (braces nested deeply were an internal error, twelve doubled list markers in a row
    made --fix exit 2). Checked, fixed (unsafe fixes too), and fixed again without a change."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pathological", REPO / "benchmarks" / "pathological.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, make in module.CASES.items():
        (tmp_path / f"{name}.md").write_text(make(3_000), encoding="utf-8")
    checked = run_notelint("check", "--no-cache", "--select", "ALL", tmp_path)
    assert checked.returncode == 1 and "error" not in checked.stderr, checked.stderr[-2000:]
    fixed = run_notelint("check", "--no-cache", "--select", "ALL", "--fix", "--unsafe-fixes", tmp_path)
    assert fixed.returncode in (0, 1) and "error" not in fixed.stderr, fixed.stderr[-2000:]
    after = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    again = run_notelint("check", "--no-cache", "--select", "ALL", "--fix", "--unsafe-fixes", tmp_path)
    assert "error" not in again.stderr, again.stderr[-2000:]
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == after
