"""argparse's parser of the command line (:mod:`notelint.cli`): made when a run needs it, for
help, ``--version``, a command other than ``check`` or a command line that
:func:`notelint.cli.plain_check` leaves to argparse.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from notelint import __version__
from notelint.cli import CHECK_OPTIONS


def _terminal_columns() -> int:
    """The width ``shutil.get_terminal_size()`` reports ($COLUMNS, else the terminal's, else 80),
    found without importing shutil, which imports zlib, bz2 and lzma: about 2.5 ms of every start,
    as argparse makes a help formatter for each argument it adds."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``command`` (the one this run names), only that command's
    parser: a subcommand's parser costs about a millisecond (argparse looks up translations of
    its texts). Nothing else can be parsed then: :func:`notelint.cli.main` names the command
    (``check`` when none is given), and only the top-level help, built without ``command``,
    lists the commands."""
    parser = argparse.ArgumentParser(prog="notelint", description="Lint and fix Markdown notes.",
                                     formatter_class=_HelpFormatter)
    parser.add_argument("--version", action="version", version=f"notelint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text, add_arguments in _SUBCOMMANDS:
        if command is None or command == name:
            add_arguments(commands.add_parser(name, help=help_text, formatter_class=_HelpFormatter))
    return parser


def _add_rule_arguments(one: argparse.ArgumentParser) -> None:
    one.add_argument("rule", metavar="CODE_OR_NAME")
    one.add_argument("--output-format", choices=("text", "json"), default="text")


def _add_rules_arguments(every: argparse.ArgumentParser) -> None:
    every.add_argument("--output-format", choices=("text", "json"), default="text")


def _add_no_arguments(command: argparse.ArgumentParser) -> None:
    pass


def _add_words_arguments(words: argparse.ArgumentParser) -> None:
    words_commands = words.add_subparsers(dest="words_command", metavar="ACTION", required=True)
    add = words_commands.add_parser("add", help="add words to the words-file of [tool.notelint.typos]",
                                    formatter_class=_HelpFormatter)
    add.add_argument("words", nargs="*", metavar="WORD")
    add.add_argument("--from-notes", nargs="+", type=Path, metavar="PATH", default=[],
                     help="also add the unknown words that at least --min-notes of these notes use")
    add.add_argument("--min-notes", type=int, default=2, metavar="N")
    add.add_argument("--file", type=Path, metavar="PATH", help="this words file instead of the configured one")


def _add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - reads stdin")
    for flags, settings in CHECK_OPTIONS:
        check.add_argument(*flags, **settings)
    check.add_argument("--version", action="version", version=f"notelint {__version__}")


# The commands in the order the top-level help lists them: name, help, what adds its arguments.
_SUBCOMMANDS: tuple[tuple[str, str, Callable[[argparse.ArgumentParser], None]], ...] = (
    ("check", "check notes (the default command)", _add_check_arguments),
    ("rule", "print the documentation of one rule", _add_rule_arguments),
    ("rules", "list every rule", _add_rules_arguments),
    ("clean", "remove the cache (.notelint_cache/ or $NOTELINT_CACHE_DIR)", _add_no_arguments),
    ("init", "add a starting [tool.notelint] to ./pyproject.toml and a pre-commit hook", _add_no_arguments),
    ("server", "run the language server (LSP over stdin/stdout) for editors", _add_no_arguments),
    ("words", "manage the project's words (typos rules)", _add_words_arguments),
)
