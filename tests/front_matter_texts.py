"""Hypothesis strategies for front matter YAML texts: the kinds of values notes hold, YAML's odd
corners (flow and block collections, block scalars, escapes, numbers and dates of both YAML
versions, comments, anchors, tags, directives) and broken texts (tabs, bad indentation, unclosed
brackets and quotes, random characters), for the differential tests of the libyaml fast path."""

from __future__ import annotations

from hypothesis import strategies as st

ODD = ":#-?[]{},&*!|>'\"%@`\\=<~. "
TAME = "abcxyzABZ0189_-.é𝔘Ωß✓😀 \xa0\u3000\u200b\ufffd\ue000\U0010fffd"
PLAIN_VALUES = (
    "true", "True", "TRUE", "false", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "NULL", "~",
    "0", "7", "-3", "+4", "007", "0o17", "0o8", "0b101", "0x1F", "0xg", "1_000", "_", "-_", "0b_",
    "0x_", "1.5", "-1.5", "1.", ".5", "._", "1e3", "1E+3", "1.5e-3", ".inf", "-.Inf", ".nan", "+.nan",
    "190:20:30", "1:20", "12:30:00.5", "2024-05-13", "2024-5-3", "2024-02-30", "2024-13-01",
    "2024-05-13T10:00:00Z", "2024-05-13 10:00:00", "2024-05-13t10:00:00.123456789+02:00",
    "2024-05-13 10:00:00 -5", "2024-05-13T10:00", "0000-00-00", "<<", "=", "!", "&", "*",
    "a b", "a: b", "a:b", "a #b", "a#b", "-a", "- a", "?a", "? a", ":a", "a,b", "[a", "a]", "{a}",
    "%x", "@x", "`x`", "a'b", 'a"b', "Q&A", "50%", "x*y", "!x", "|x", ">x", "a\\b", "ü", "😀 x",
)
ESCAPES = ("\\n", "\\t", "\\\\", '\\"', "\\/", "\\x41", "\\u00e9", "\\U0001F600", "\\N", "\\_",
           "\\L", "\\P", "\\e", "\\ ", "\\0", "\\a", "\\q", "\\x4", "\\\n", "\\ud800",
           "\\U00110000", "\\x85", "\\u2028", "\\ufeff", "\\x09")


# Half of the texts are tame: words without YAML's indicators, and no random edits (so that most
# of them are valid YAML); the others put any indicator anywhere (mostly errors).
_TAME = st.shared(st.booleans(), key="tame")


def _words(min_size: int = 1) -> st.SearchStrategy[str]:
    return _TAME.flatmap(lambda tame: st.text(st.sampled_from(TAME if tame else TAME + ODD),
                                              min_size=min_size, max_size=8))


def plain_scalars() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(PLAIN_VALUES), _words(), st.builds("{} {}".format, _words(), _words()))


def quoted_scalars() -> st.SearchStrategy[str]:
    breaks = st.sampled_from(["\n  ", "\n\n ", "\n", " \n  ", "\n  # not a comment\n  "])
    double = st.lists(st.one_of(_words(), st.sampled_from(ESCAPES), breaks),
                      max_size=4).map(lambda parts: '"' + "".join(parts) + '"')
    single = st.lists(st.one_of(_words(), st.just("''"), st.just("'"), breaks),
                      max_size=4).map(lambda parts: "'" + "".join(parts) + "'")
    return st.one_of(double, single)


def scalars() -> st.SearchStrategy[str]:
    return st.one_of(plain_scalars(), quoted_scalars())


def flow_collections() -> st.SearchStrategy[str]:
    items = st.lists(st.one_of(scalars(), st.just(""), st.just("[a, b]"), st.just("{a: 1}")), max_size=4)
    sequence = st.tuples(items, st.sampled_from([", ", ",", " , ", ",\n  ", ",\n"]), st.booleans()).map(
        lambda parts: "[" + parts[1].join(parts[0]) + ("," if parts[2] else "") + "]")
    entries = st.lists(st.tuples(scalars(), st.sampled_from([": ", ":", " : ", ": \n  "]), scalars()), max_size=3)
    mapping = entries.map(lambda pairs: "{" + ", ".join(key + colon + value for key, colon, value in pairs) + "}")
    return st.one_of(sequence, mapping)


def block_scalars() -> st.SearchStrategy[tuple[str, list[str]]]:
    header = st.tuples(st.sampled_from(["|", ">"]), st.sampled_from(["", "-", "+", "2", "1-", "+4"]),
                       st.sampled_from(["", " # note", "  "]))
    lines = st.lists(st.one_of(_words(0), st.just(""), st.just("   "), st.just("# in the block"),
                               st.builds(" {}".format, _words())), min_size=0, max_size=4)
    return st.tuples(header.map("".join), lines)


def comments() -> st.SearchStrategy[str]:
    return st.sampled_from(["", "", "", " # comment", "  #: odd", " #", "#x"])


@st.composite
def entries(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    """The lines of one mapping entry at ``indent`` spaces."""
    pad = " " * indent
    key = draw(st.one_of(_words(), st.sampled_from(["title", "date", "tags", "<<", "? a", "[a]", '"q k"', "'s'"])))
    colon = draw(st.sampled_from([": ", ": ", ":", ":  ", " : "]))
    kind = draw(st.sampled_from(["plain", "plain", "quoted", "flow", "block", "empty", "map", "seq", "multiline",
                                 "anchor", "tag"] if depth < 3 else ["plain", "quoted", "flow", "empty"]))
    comment = draw(comments())
    if kind == "plain":
        return [f"{pad}{key}{colon}{draw(plain_scalars())}{comment}"]
    if kind == "quoted":
        return [f"{pad}{key}{colon}{draw(quoted_scalars())}{comment}"]
    if kind == "flow":
        return [f"{pad}{key}{colon}{draw(flow_collections())}{comment}"]
    if kind == "empty":
        return [f"{pad}{key}:{comment}"]
    if kind == "anchor":
        return [f"{pad}{key}{colon}{draw(st.sampled_from(['&a x', '*a', '&a [1]', '*b']))}"]
    if kind == "tag":
        return [f"{pad}{key}{colon}{draw(st.sampled_from(['!!str 1', '!x y', '!!int 3', '! z', '!<tag:x> y']))}"]
    if kind == "block":
        header, lines = draw(block_scalars())
        inner = " " * (indent + draw(st.sampled_from([2, 2, 1, 4])))
        return [f"{pad}{key}:{' ' if colon != ':' else ''}{header}", *(inner + line if line else "" for line in lines)]
    if kind == "multiline":
        inner = " " * (indent + draw(st.sampled_from([2, 1, 0])))
        more = draw(st.lists(st.one_of(plain_scalars(), st.just(""), st.just("# comment?")), min_size=1, max_size=3))
        return [f"{pad}{key}{colon}{draw(plain_scalars())}", *(inner + line for line in more)]
    inner_indent = indent + draw(st.sampled_from([2, 2, 4, 1, 0]))
    head = f"{pad}{key}:{comment}"
    if kind == "map":
        body = draw(st.lists(entries(inner_indent, depth + 1), min_size=1, max_size=3))
        return [head, *(line for entry in body for line in entry)]
    dash = " " * inner_indent + draw(st.sampled_from(["- ", "- ", "-  ", "-", "- - "]))
    lines = [head]
    for _ in range(draw(st.integers(1, 3))):
        if depth < 2 and draw(st.integers(0, 3)) == 0:  # a mapping as the item
            first, *rest = draw(entries(0, depth + 1))
            nested = draw(st.lists(entries(len(dash), depth + 1), max_size=2))
            lines += [dash + first, *(" " * len(dash) + line if line else "" for line in rest),
                      *(line for entry in nested for line in entry)]
        else:
            lines.append(dash + draw(st.one_of(scalars(), flow_collections(), st.just(""), comments())))
    return lines


@st.composite
def front_matter_texts(draw: st.DrawFn) -> str:
    """A front matter block's text: mapping entries, sometimes a top-level list or scalar,
    sometimes with blank lines, comment lines, directives or markers, sometimes mutated."""
    shape = draw(st.sampled_from(["map", "map", "map", "map", "seq", "scalar", "comments", "nothing"]))
    if shape == "map":
        lines = [line for entry in draw(st.lists(entries(0, 0), min_size=1, max_size=5)) for line in entry]
    elif shape == "seq":
        lines = ["- " + item for item in draw(st.lists(scalars(), min_size=1, max_size=3))]
    elif shape == "scalar":
        lines = [draw(st.one_of(scalars(), flow_collections()))]
    elif shape == "comments":
        lines = ["# only a comment"]
    else:
        lines = []
    extras = draw(st.lists(st.tuples(st.integers(0, len(lines)), st.sampled_from(
        ["", "# comment", "  # indented comment", "%YAML 1.1", "%TAG ! tag:x,2024:", "---", "...", " ", "\t"]
    )), max_size=2))
    for position, extra in sorted(extras, reverse=True):
        lines.insert(position, extra)
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "", "\n\n", "\n  "]))
    for _ in range(0 if draw(_TAME) else draw(st.sampled_from([0, 1, 2]))):  # random edits: a character put in, taken out or replaced
        if not text:
            break
        position = draw(st.integers(0, len(text) - 1))
        character = draw(st.sampled_from(ODD + "\t\r\n aé😀\x85\u2028\ufeff\x00"))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            text = text[:position] + character + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + 1:]
        else:
            text = text[:position] + character + text[position + 1:]
    return text
