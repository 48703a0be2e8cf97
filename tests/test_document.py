"""The document model: decoding, front matter, positions, token maps, code spans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REPO, run_notelint
from notelint.document import DecodeError, Document, LineIndex, Position, fence_is_closed


def test_bom_and_crlf_are_remembered_and_written_back() -> None:
    data = "\ufeff---\r\ntitle: x\r\n---\r\n# Montag\r\n".encode()
    document = Document.from_bytes("a.md", data)
    assert document.has_bom and document.newline == "\r\n"
    assert document.text == "---\ntitle: x\n---\n# Montag\n"
    assert document.to_bytes() == data
    assert document.with_text(document.text + "more\n").to_bytes() == data + b"more\r\n"


def test_lone_carriage_returns_are_remembered_and_written_back() -> None:
    data = b"# Montag\r- a\r\r## Empty\r## Talk\r- b\r"
    document = Document.from_bytes("a.md", data)
    assert document.newline == "\r" and document.text == data.decode().replace("\r", "\n")
    assert document.to_bytes() == data
    assert document.with_text(document.text + "more\n").to_bytes() == data + b"more\r"


def test_a_fix_that_leaves_a_blank_line_in_a_note_of_carriage_returns_leaves_one(tmp_path: Path) -> None:
    # (inserted as \n right after a lone \r, the two made one CRLF: no blank line, and the verifier
    # refused the fix; found by a fuzzer)
    note = tmp_path / "note.md"
    note.write_bytes(b"* i\r##\r{\r}\r-\r`\r")
    result = run_notelint("check", "--fix", "--unsafe-fixes", "--no-cache", "--select", "NL201", str(note), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert note.read_bytes() == b"* i\r\r{\r}\r-\r`\r"


def test_mixed_line_endings_are_kept_as_they_are() -> None:
    data = b"a\r\nb\nc\rd\n"
    document = Document.from_bytes("a.md", data)
    assert document.newline == "\n" and document.to_bytes() == data
    assert [document.line_text(line) for line in range(1, 5)] == ["a", "b", "c", "d"]
    assert document.line_count == 4


def test_not_utf8_names_the_byte_offset() -> None:
    with pytest.raises(DecodeError, match=r"not valid UTF-8 \(byte 0xfc at offset 4\)"):
        Document.from_bytes("a.md", "# Gr\u00fc\u00dfe".encode("latin-1"))
    with pytest.raises(DecodeError, match="NUL byte at offset 1"):
        Document.from_bytes("a.md", b"a\x00b")


def test_positions_count_characters_and_are_one_based() -> None:
    index = LineIndex("ab\nümlaut €x\n")
    assert index.position(0) == Position(1, 1)
    x_offset = "ab\nümlaut €x\n".index("x")
    assert index.position(x_offset) == Position(2, 9)
    assert index.offset(2, 9) == x_offset
    assert index.line_count == 2
    assert index.line_text(2) == "ümlaut €x"


def test_front_matter_span_and_absolute_token_maps() -> None:
    document = Document("a.md", "---\ntitle: x\ntags: [a]\n---\n# Montag\n\ntext\n")
    front = document.front_matter
    assert front is not None and front.closed
    assert (front.start_line, front.end_line) == (1, 4)
    assert front.raw == "title: x\ntags: [a]\n"
    assert document.text[front.content_start : front.content_end] == front.raw
    heading = next(token for token in document.tokens if token.type == "heading_open")
    assert heading.map == [4, 5]
    assert not any(token.type == "hr" for token in document.tokens)


def test_unclosed_and_missing_front_matter() -> None:
    unclosed = Document("a.md", "---\ntitle: x\n# Montag\n")
    assert unclosed.front_matter is not None and not unclosed.front_matter.closed
    assert Document("a.md", "# x\n---\n").front_matter is None
    assert Document("a.md", "").front_matter is None
    assert Document("a.md", "---").front_matter is None


def test_code_spans_include_gitlab_math_and_respect_escapes() -> None:
    text = "a $`x_1`$ and ``co`de`` and \\`not code` here\n"
    document = Document("a.md", text)
    spans = [text[start:end] for start, end in document.code_spans]
    assert spans == ["`x_1`", "``co`de``"]


def test_code_spans_of_a_table_row_are_found_once() -> None:
    text = "| a | b |\n|---|---|\n| `x` teh | `y` recieve |\n"
    spans = [text[start:end] for start, end in Document("a.md", text).code_spans]
    assert spans == ["`x`", "`y`"]


def _code_spans_walking_to_the_end(text: str) -> list[tuple[int, int]]:
    """Code spans as the first version of notelint.spans.code_spans found them (quadratic: each
    run of backticks looked for a closer among all the runs after it), kept as the reference."""
    runs = [match.span() for match in re.finditer("`+", text)]  # (each whole run)
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        if text[position] != "`":
            position += 2 if text[position] == "\\" else 1
            continue
        opener_end = next(end for start, end in runs if start <= position < end)
        width = opener_end - position
        closer = next((start for start, end in runs if start >= opener_end and end - start == width), None)
        if closer is None:
            position = opener_end
        else:
            spans.append((position, closer + width))
            position = closer + width
    return spans


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "`", "``", "```", "\\", "\\`", "$", "\n"]), max_size=80))
def test_code_spans_are_those_of_a_walk_to_the_end_from_every_run(pieces: list[str]) -> None:
    from notelint.spans import code_spans

    text = "".join(pieces)
    assert code_spans(text) == _code_spans_walking_to_the_end(text)
    assert code_spans(text, 2, len(text) - 1) == [
        (start + 2, end + 2) for start, end in _code_spans_walking_to_the_end(text[2 : len(text) - 1])
    ]


def test_code_lines_cover_fences_and_indented_code() -> None:
    document = Document("a.md", "text\n\n```math\nx\n```\n\n    code\n")
    assert document.code_lines == frozenset({3, 4, 5, 7})


@pytest.mark.parametrize("name", ["icassp-2025.md", "icml-2024.md"])
def test_spans_and_positions_of_some_types_are_those_of_every_block(name: str) -> None:
    document = Document(name, (FIXTURES / name).read_text(encoding="utf-8"))
    tokens = document.block_tokens
    for types in [("inline",), ("fence", "code_block"), ("heading_open", "bullet_list_open", "fence")]:
        assert list(document.spans(*types)) == [span for span in document.blocks if span.token.type in types]
        assert list(document.positions(*types)) == [
            position for position, token in enumerate(tokens) if token.type in types
        ]
    assert len(document.spans("inline")) > 50 and len(document.spans("heading_open")) > 5
    assert document.spans("no-such-type") == () and document.positions("no-such-type") == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "`", "``", "\n", "| x |", "- ", "$", "\n\n"]), max_size=60))
def test_in_code_span_answers_as_a_walk_over_every_span_does(pieces: list[str]) -> None:
    """The binary search behind ``in_code_span`` agrees with checking every code span."""
    document = Document("a.md", "".join(pieces))
    for offset in range(len(document.text) + 2):
        expected = any(start < offset < end for start, end in document.code_spans)
        assert document.in_code_span(offset) is expected, offset


def test_derived_values_are_computed_once_per_document() -> None:
    calls: list[str] = []

    def first_line(document: Document, suffix: str) -> str:
        calls.append(suffix)
        return document.line_text(1) + suffix

    document = Document("a.md", "# Title\n\ntext\n")
    assert document.derived(first_line, "!") == "# Title!"
    assert document.derived(first_line, "!") == "# Title!"
    assert document.derived(first_line, "?") == "# Title?"
    assert calls == ["!", "?"]
    assert document.with_text("# Other\n").derived(first_line, "!") == "# Other!"  # a new text, a new value


def _as_dicts(tokens: list) -> list[dict]:
    return [token.as_dict() for token in tokens]


def test_inline_content_parsed_on_demand_is_the_full_parse() -> None:
    """Rules read the block tokens and ask for the children of the inline tokens they need; a
    token's children, and the whole token list, are exactly what markdown-it's full parse gives,
    whatever was asked for first: on every CommonMark spec example (with a front matter block in
    front of it too, for the line numbers), the seeds and the notes."""
    import json

    from notelint.parser import parse

    spec = json.loads((REPO / "tests" / "data" / "commonmark" / "commonmark.json").read_text())
    texts = [example["markdown"] for example in spec]
    texts += ["---\ntitle: x\n---\n" + text for text in texts[::7]]
    texts += [path.read_text(encoding="utf-8") for path in [*FIXTURES.glob("*.md"), *(REPO / "notes").glob("*.md")]]
    with_children = 0
    for text in texts:
        document = Document("note.md", text)
        expected = Document("note.md", text)
        full = parse(_hidden_front_matter(expected))
        inline = [token for token in document.block_tokens if token.type == "inline"]
        assert all(not token.children for token in inline)  # nothing parsed before it is asked for
        for token in inline[1::2]:  # some first, one by one
            with_children += bool(document.inline_children(token))
        assert _as_dicts(document.tokens) == _as_dicts(full), text
    assert with_children > 300


def _hidden_front_matter(document: Document) -> str:
    """The text the parser sees: a closed front matter block as empty lines."""
    if document.front_matter is None or not document.front_matter.closed:
        return document.text
    body = document.text[document.index.line_start(document.body_start_line) :]
    if document.body_start_line > document.index.line_count and not body:
        return ""
    return "\n" * (document.body_start_line - 1) + body


@given(st.text(alphabet="ab é\n\r", max_size=40))
@settings(max_examples=300, deadline=None)
def test_line_index_positions_agree_with_counting_line_breaks(text: str) -> None:
    """Every offset maps to the line and column a reader counts (\\r\\n, \\r and \\n each end a
    line, as in markdown-it), and back."""
    import re

    index = LineIndex(text)
    for offset in range(len(text) + 1):
        before = text[:offset]
        breaks = list(re.finditer(r"\r\n?|\n", before))
        # an offset between \r and \n still belongs to the line the \r ends
        if breaks and breaks[-1].group() == "\r" and breaks[-1].end() == offset and text[offset:offset + 1] == "\n":
            breaks.pop()
        line_start = breaks[-1].end() if breaks else 0
        assert index.position(offset) == Position(len(breaks) + 1, offset - line_start + 1)
        assert index.offset(len(breaks) + 1, offset - line_start + 1) == offset


@pytest.mark.parametrize(("text", "closed"), [
    ("```\na\n```", True),
    ("```\na\n```\n", True),
    ("```\n```", True),
    ("```\n\n\n```", True),
    ("  ```\n  a\n   ```\n", True),  # a closing fence may be indented up to three columns
    ("- ```\n  a\n  ```\n- b", True),
    ("> ```\n> a\n> ```", True),
    ("```math\n    ```", False),  # four columns: content that looks like a closing fence
    ("````\na\n```", False),  # shorter than the opening fence
    ("```\na", False),  # the note's last line, without a line break
    ("```\na\n", False),
    ("```\na\n\n\n", False),
    ("```\n\n", False),
    ("```", False),
    ("- ```\n  a\n- b", False),  # ends with its list item
    ("> ```\n> a\n\nb", False),  # ends with its quote
    ("- ```\n  a\n\n  b\n", False),
])
def test_a_fence_is_closed_only_by_a_closing_fence_line(text: str, closed: bool) -> None:
    [fence] = [token for token in Document("a.md", text).block_tokens if token.type == "fence"]
    assert fence_is_closed(fence) is closed
