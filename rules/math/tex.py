"""A small TeX checker that knows KaTeX's commands, environments and argument counts.

It reads a formula the way KaTeX's parser does (tokens, groups, arguments, ``^``/``_``,
``\\left``/``\\right``, environments, text mode) and reports the first error KaTeX would raise,
with its position inside the formula.  The names come from ``katex_names.json``, which
``tools/extract_katex_names.py`` extracts from the ``katex`` npm package.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple
from functools import cache
from pathlib import Path

from notelint.patterns import lazy

_DATA = Path(__file__).with_name("katex_names.json")
_TOKEN = re.compile(r"[ \r\n\t]+|\\[a-zA-Z@]+|\\[^\ud800-\udfff]|%[^\n]*\n?|[\ud800-\udbff][\udc00-\udfff]|.", re.S)
_SPACE = frozenset(" \r\n\t")
_PARSER_COMMANDS = frozenset({"\\cr", "\\begingroup", "\\endgroup", "\\limits", "\\nolimits"})
_END_OF_EXPRESSION = frozenset({"}", "\\endgroup", "\\end", "\\right", "&"})
_ARRAY_BREAKS = frozenset({"\\\\", "\\cr"})
_NO_BREAKS: frozenset[str] = frozenset()
_DOLLAR_BREAK = frozenset({"$"})
_PAREN_BREAK = frozenset({"\\)"})
_BRACKET_BREAK = frozenset({"]"})
_MIDDLE_BREAK = frozenset({"\\middle"})
_ROW_BREAKS = frozenset({"\\\\", "\\cr", "\\hline", "\\hdashline"})
_COLOR = lazy(r"(?:#[a-f0-9]{3,4}|#[a-f0-9]{6}|#[a-f0-9]{8}|[a-f0-9]{6}|[a-z]+)\Z", re.I)
_COLUMN_SPEC_ENVIRONMENTS = frozenset({"array", "darray"})
_COLUMN_TYPES = frozenset("lcr|: \t\n")
SUGGESTIONS = {
    "\\lightning": "KaTeX has no \\lightning; use \\text{↯} (or \\bot) for a contradiction",
}


class TexError(Exception):
    """The first error in a formula: ``start``/``end`` are positions inside the formula."""

    def __init__(self, start: int, end: int, message: str) -> None:
        super().__init__(message)
        self.start = start
        self.end = end
        self.message = message


class Command(NamedTuple):
    args: int
    optional: int
    types: tuple[str | None, ...]
    in_math: bool
    in_text: bool
    infix: bool
    argument: bool
    macro: bool


class Tables(NamedTuple):
    version: str
    commands: dict[str, Command]
    environments: dict[str, tuple[int, bool]]
    infix: frozenset[str]


@cache
def tables() -> Tables:
    """KaTeX's names, read once from the data file."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    commands: dict[str, Command] = {}
    # symbols take no arguments: three shared (immutable) commands describe them all, instead of
    # one object per symbol (about 2000 of them, a tenth of a one-note run's check)
    math_symbol = Command(0, 0, (), True, False, False, True, False)
    text_symbol = Command(0, 0, (), False, True, False, True, False)
    both_symbol = Command(0, 0, (), True, True, False, True, False)
    symbols_text = set(data["symbols_text"])
    for name in data["symbols_math"]:
        commands[name] = both_symbol if name in symbols_text else math_symbol
    for name in data["symbols_text"]:
        if name not in commands:
            commands[name] = text_symbol
    for name, args in data["macros"].items():
        commands[name] = Command(max(args, 0), 0, (), True, True, False, True, True)
    for name, spec in data["functions"].items():
        types = tuple(spec.get("types") or ())
        commands[name] = Command(
            spec["args"], spec.get("opt", 0), types, spec.get("math", True), spec.get("text", False),
            spec.get("infix", False), spec.get("argument", False), False,
        )
    for name in (*data["implicit"], *_PARSER_COMMANDS):
        commands.setdefault(name, both_symbol)
    environments = {name: (spec["args"], spec["display_only"]) for name, spec in data["environments"].items()}
    infix = frozenset(name for name, command in commands.items() if command.infix)
    return Tables(data["katex_version"], commands, environments, infix)


def katex_version() -> str:
    return tables().version


def check_tex(tex: str, display: bool = False) -> TexError | None:
    """The first KaTeX error in ``tex``, or None when KaTeX would render it."""
    tokens: list[tuple[str, int]] = []
    position = 0
    for text in _TOKEN.findall(tex):
        first = text[0]
        if first not in _SPACE and first != "%":
            tokens.append((text, position))
        position += len(text)
    length = len(tokens)
    tokens.append(("EOF", len(tex)))
    parser = _Parser(tex, tokens, length, display, tables())
    try:
        parser.parse()
    except TexError as error:
        return error
    except RecursionError:
        # groups nested some hundreds deep: KaTeX renders them up to about a thousand (and
        # then overflows its own stack); the parser here cannot tell, and finds no error
        return None
    return None


class _Parser:
    __slots__ = ("commands", "display", "environments", "infix", "length", "position", "tex", "tokens")

    def __init__(self, tex: str, tokens: list[tuple[str, int]], length: int, display: bool, data: Tables) -> None:
        self.tex = tex
        self.tokens = tokens  # ends with an ("EOF", len(tex)) sentinel that is never consumed
        self.position = 0
        self.length = length
        self.infix = data.infix
        self.display = display
        self.commands = data.commands
        self.environments = data.environments

    # -- tokens ------------------------------------------------------------------------------

    def peek(self) -> tuple[str, int]:
        """The next token (whitespace and comments were dropped when tokenizing: KaTeX ignores
        them in math, and in text mode they cannot make a formula invalid)."""
        return self.tokens[self.position]

    def error(self, at: int, message: str, end: int | None = None) -> TexError:
        return TexError(at, end if end is not None else min(len(self.tex), at + 1), message)

    def expect(self, text: str, opened_at: int | None = None) -> None:
        token, at = self.peek()
        if token != text:
            if opened_at is not None:
                return self._unclosed(text, opened_at, token, at)
            raise self.error(at, f"Expected '{text}', got '{token}'")
        self.position += 1
        return None

    def _unclosed(self, text: str, opened_at: int, token: str, at: int) -> None:
        got = "the end of the formula" if token == "EOF" else f"'{token}'"
        raise self.error(opened_at, f"'{self.tex[opened_at]}' is never closed: expected '{text}', got {got}")

    # -- structure ---------------------------------------------------------------------------

    def parse(self) -> None:
        self.expression(math=True, breaks=_NO_BREAKS)
        token, at = self.peek()
        if token == "EOF":
            return
        if token in ("\\right", "\\end", "\\endgroup"):
            raise self.error(at, f"{token} without a matching opener", at + len(token))
        if token == "&":
            raise self.error(at, "'&' outside an environment (write \\& for the sign)")
        raise self.error(at, f"Unexpected '{token}'" + (" (no matching '{')" if token == "}" else ""), at + len(token))

    def expression(self, math: bool, breaks: frozenset[str]) -> None:
        infix_seen = False
        while True:
            token, at = self.peek()
            if token == "EOF" or token in breaks or token in _END_OF_EXPRESSION:
                return
            if math and token in self.infix:
                if infix_seen:
                    raise self.error(at, "Only one infix operator (\\over, \\choose, …) per group", at + len(token))
                infix_seen = True
                self.position += 1
                self.arguments(token, at, self.commands[token], math)
                continue
            if math:
                self.atom()
            else:
                self.group(math=False, argument_of=None)

    def atom(self) -> None:
        self.group(math=True, argument_of=None)
        superscript = subscript = False
        while True:
            token, at = self.peek()
            if token in ("^", "_"):
                if (superscript if token == "^" else subscript):
                    kind = "superscript" if token == "^" else "subscript"
                    raise self.error(at, f"Double {kind}: use braces, like x^{{a^b}}")
                if token == "^":
                    superscript = True
                else:
                    subscript = True
                self.position += 1
                self.group(math=True, argument_of=token, required_at=at)
            elif token == "'":
                if superscript:
                    raise self.error(at, "Double superscript: a prime after a superscript")
                while self.peek()[0] == "'":
                    self.position += 1
            elif token in ("\\limits", "\\nolimits"):
                self.position += 1
            else:
                return

    def group(self, math: bool, argument_of: str | None, required_at: int | None = None) -> None:
        """One group: a braced group, a symbol or a command with its arguments."""
        token, at = self.peek()
        if argument_of is not None and (token == "EOF" or token in _END_OF_EXPRESSION or token in "^_" or token in _ARRAY_BREAKS):
            where = required_at if required_at is not None else at
            raise self.error(where, f"Missing argument after '{argument_of}'", where + len(argument_of))
        if token == "{":
            self.position += 1
            self.expression(math, _NO_BREAKS)
            self.expect("}", opened_at=at)
            return
        if token == "\\begingroup":
            self.position += 1
            self.expression(math, _NO_BREAKS)
            token_end, at_end = self.peek()
            if token_end != "\\endgroup":
                raise self.error(at, "\\begingroup is never closed by \\endgroup", at + len(token))
            self.position += 1
            return
        self.position += 1
        if token == "$":
            if math:
                raise self.error(at, "'$' cannot be used inside math (write \\$ for a dollar sign)")
            self.expression(math=True, breaks=_DOLLAR_BREAK)
            self.expect("$", opened_at=at)
            return
        if token == "\\(":
            if math:
                raise self.error(at, "'\\(' cannot be used inside math", at + 2)
            self.expression(math=True, breaks=_PAREN_BREAK)
            self.expect("\\)", opened_at=at)
            return
        if token[0] == "\\" and len(token) > 1:
            self.command(token, at, math, argument_of)
        elif token in ("^", "_") and not math:
            raise self.error(at, f"'{token}' cannot be used in text mode")
        elif token == "#":
            raise self.error(at, "'#' is a macro parameter; write \\# for the sign")
        elif token == "\\":
            raise self.error(at, "A lone backslash at the end of the formula")

    def command(self, name: str, at: int, math: bool, argument_of: str | None) -> None:
        spec = self.commands.get(name)
        end = at + len(name)
        if spec is None:
            message = SUGGESTIONS.get(name, f"Undefined control sequence: KaTeX has no {name}")
            raise self.error(at, message, end)
        if math and not spec.in_math:
            raise self.error(at, f"{name} can only be used in text mode", end)
        if not math and not spec.in_text:
            raise self.error(at, f"{name} can only be used in math mode (not inside \\text)", end)
        if argument_of is not None and spec.args and not spec.argument and not spec.macro:
            raise self.error(at, f"{name} needs its own arguments: put it in braces after '{argument_of}'", end)
        if name == "\\left":
            self.left(at)
        elif name == "\\begin":
            self.environment(at)
        elif name in ("\\right", "\\middle", "\\end"):
            raise self.error(at, f"{name} without a matching opener", end)
        elif name in ("\\verb", "\\verb*"):
            self.verb(at, end)
        elif name in ("\\tag", "\\tag*") and not self.display:
            raise self.error(at, "\\tag works only in display math", end)
        else:
            self.arguments(name, at, spec, math)

    def arguments(self, name: str, at: int, spec: Command, math: bool) -> None:
        if spec.optional:
            token, _ = self.peek()
            if token == "[":
                self.position += 1
                self.expression(math, _BRACKET_BREAK)
                self.expect("]")
        for index in range(spec.args):
            kind = spec.types[index] if index < len(spec.types) else None
            if kind == "color":
                color, color_at = self.raw_argument(name, at)
                if not _COLOR.match(color):
                    raise self.error(color_at, f"Invalid color: '{color}'", color_at + max(len(color), 1))
            elif kind in ("size", "url", "raw"):
                self.raw_argument(name, at)
            elif kind in ("text", "hbox"):
                self.group(math=False, argument_of=name, required_at=at)
            else:
                self.group(math=math, argument_of=name, required_at=at)

    def verb(self, at: int, end: int) -> None:
        """``\\verb|text|``: everything up to the next delimiter is literal."""
        start = end + 1 if self.tex.startswith("*", end) else end
        if start >= len(self.tex) or self.tex[start].isalpha() or self.tex[start] in " *":
            raise self.error(at, "\\verb needs a delimiter, like \\verb|text|", end)
        close = self.tex.find(self.tex[start], start + 1)
        if close == -1:
            raise self.error(at, f"\\verb is never closed by '{self.tex[start]}'", end)
        while self.position < self.length and self.tokens[self.position][1] <= close:
            self.position += 1

    def raw_argument(self, name: str, at: int) -> tuple[str, int]:
        """An argument read as text (colors, sizes, URLs, column specs): its text and position."""
        token, token_at = self.peek()
        if token == "EOF" or token == "}":
            raise self.error(at, f"Missing argument after '{name}'", at + len(name))
        self.position += 1
        if token != "{":
            return token, token_at
        depth = 1
        while self.position < self.length:
            text, text_at = self.tokens[self.position]
            self.position += 1
            if text == "{":
                depth += 1
            elif text == "}":
                depth -= 1
                if depth == 0:
                    return self.tex[token_at + 1 : text_at], token_at + 1
        raise self.error(token_at, "'{' is never closed: expected '}', got the end of the formula")

    def delimiter(self, after: str, at: int) -> None:
        token, token_at = self.peek()
        if token == "\\":
            raise self.error(token_at, "A lone backslash at the end of the formula")
        if token == "EOF" or token in ("{", "}", "^", "_", "&"):
            raise self.error(at, f"Missing delimiter after '{after}'", at + len(after))
        self.position += 1

    def left(self, at: int) -> None:
        self.delimiter("\\left", at)
        while True:
            self.expression(math=True, breaks=_MIDDLE_BREAK)
            token, token_at = self.peek()
            if token == "\\middle":
                self.position += 1
                self.delimiter("\\middle", token_at)
                continue
            if token != "\\right":
                raise self.error(at, "\\left without a matching \\right", at + 5)
            self.position += 1
            self.delimiter("\\right", token_at)
            return

    def environment_name(self, at: int, command: str) -> tuple[str, int]:
        token, token_at = self.peek()
        if token != "{":
            raise self.error(at, f"Missing environment name after '{command}'", at + len(command))
        close = self.tex.find("}", token_at)
        if close == -1:
            raise self.error(token_at, "'{' is never closed: expected '}', got the end of the formula")
        name = self.tex[token_at + 1 : close]
        while self.position < self.length and self.tokens[self.position][1] <= close:
            self.position += 1
        return name, token_at + 1

    def environment(self, at: int) -> None:
        name, name_at = self.environment_name(at, "\\begin")
        found = self.environments.get(name)
        if found is None:
            raise self.error(name_at, f"No such environment in KaTeX: {name}", name_at + len(name))
        args, display_only = found
        if display_only and not self.display:
            raise self.error(at, f"{{{name}}} can only be used in display math (use {{aligned}} or a math block)", name_at + len(name) + 1)
        for _ in range(args):
            spec, spec_at = self.raw_argument("\\begin{" + name + "}", at)
            if name in _COLUMN_SPEC_ENVIRONMENTS:
                for offset, char in enumerate(spec):
                    if char not in _COLUMN_TYPES:
                        raise self.error(spec_at + offset, f"Unknown column alignment: {char}")
        breaks = _ROW_BREAKS
        while True:
            self.expression(math=True, breaks=breaks)
            token, token_at = self.peek()
            if token == "&" or token in ("\\hline", "\\hdashline"):
                self.position += 1
                continue
            if token in _ARRAY_BREAKS:
                self.position += 1
                if self.peek()[0] == "[":
                    self.position += 1
                    self.expression(math=True, breaks=_BRACKET_BREAK)
                    self.expect("]")
                continue
            if token != "\\end":
                raise self.error(at, f"\\begin{{{name}}} without \\end{{{name}}}", name_at + len(name) + 1)
            self.position += 1
            end_name, end_at = self.environment_name(token_at, "\\end")
            if end_name != name:
                raise self.error(end_at, f"\\begin{{{name}}} is closed by \\end{{{end_name}}}", end_at + len(end_name))
            return

