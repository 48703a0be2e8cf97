"""The command line: ``notelint [check] [PATHS...]``, ``notelint rule CODE``, ``notelint rules``,
``notelint words add WORD...``, ``notelint init``, ``notelint server`` (the language server).

Exit codes: 0 no findings left, 1 findings left, 2 usage errors, missing paths, unreadable files or
internal errors (the other files are still checked and reported).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from notelint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rule", "rules", "clean", "words", "init", "server")
CHECK_FORMATS = ("text", "concise", "full", "json", "github", "gitlab", "sarif")


class UsageError(Exception):
    pass


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _add_selection(parser: argparse.ArgumentParser) -> None:
    for flag, help_text in (
        ("--select", "only these rules (codes, code prefixes, rule names or families; comma-separated)"),
        ("--extend-select", "these rules in addition to the selected ones"),
        ("--ignore", "not these rules"),
    ):
        parser.add_argument(flag, action="extend", type=_codes, metavar="RULES", help=help_text)


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
    parser: the parser is built on every start, and a subcommand's parser costs about a
    millisecond (argparse looks up translations of its texts). Nothing else can be parsed then:
    :func:`main` names the command (``check`` when none is given), and only the top-level help,
    built without ``command``, lists the commands."""
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
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply (and offer) unsafe fixes")
    check.add_argument("--diff", action="store_true", help="print the diff --fix would make; change nothing")
    _add_selection(check)
    check.add_argument("--output-format", choices=CHECK_FORMATS, default=None,
                       help="how to report findings (default: full on a terminal, text otherwise)")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    check.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file for every note")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    check.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                       help="check files in N processes (default: one per core; 1: no pool)")
    check.add_argument("--stdin-filename", metavar="PATH", help="the name of the note read from stdin")
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


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")):
        arguments.insert(0, "check")
    parser = build_parser(arguments[0] if arguments[0] in COMMANDS else None)
    try:
        namespace = parser.parse_args(arguments)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_CLEAN
    try:
        if namespace.command == "rule":
            return show_rule(namespace.rule, namespace.output_format, sys.stdout)
        if namespace.command == "rules":
            return list_rules(namespace.output_format, sys.stdout)
        if namespace.command == "clean":
            from notelint.cache import cache_folder, clean

            folder = cache_folder()
            print(f"Removed {folder}" if clean(folder) else f"No cache at {folder}")
            return EXIT_CLEAN
        if namespace.command == "words":
            return add_words(namespace, sys.stdout)
        if namespace.command == "init":
            from notelint.init import InitError, run_init

            try:
                run_init(Path.cwd(), sys.stdout)
            except InitError as error:
                raise UsageError(str(error)) from error
            return EXIT_CLEAN
        if namespace.command == "server":
            try:
                from notelint.server import serve
            except ImportError as error:
                raise UsageError(f"the server needs pygls ({error}): pip install 'notelint[server]'") from error
            return serve()
        from notelint.commands import run_check

        return run_check(namespace, sys.stdout, sys.stderr)
    except UsageError as error:
        print(f"notelint: error: {error}", file=sys.stderr)
        return EXIT_ERROR


def run() -> int:
    """:func:`main` as a program (the ``notelint`` command, ``python -m notelint``): the process
    ends right after it.  The garbage collector is off while modules, rules and tables load (its
    collections scanned that growing heap again and again: about a seventh of a one-note run);
    the runner turns it on again, the loaded heap frozen out of its view, once a run goes on to a
    second note, and the editor server turns it on when it starts.  The objects are frozen before
    the process ends, so that the interpreter's last collection does not scan them either.
    ruamel.yaml's warnings (an anchor defined twice, legal YAML) are not shown: a note's
    problems are reported as findings, and a traceback-like warning on stderr is none.
    A caller of :func:`main` in its own process is left alone."""
    import gc
    import warnings

    warnings.filterwarnings("ignore", module=r"ruamel\.yaml")
    gc.disable()
    try:
        code = main()
    finally:
        gc.freeze()
    return code


def _default_registry():  # type: ignore[no-untyped-def]
    from notelint.config import ConfigError, ConfigFinder
    from notelint.registry import PluginError, Registry

    try:
        config = ConfigFinder().for_folder(Path.cwd())
        return Registry.build(config.plugin_paths())
    except (ConfigError, PluginError) as error:
        raise UsageError(str(error)) from error


def rule_json(rule) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from notelint.rule import summary_of

    return {
        "code": rule.code,
        "name": rule.name,
        "family": rule.family,
        "severity": rule.severity,
        "fixable": rule.fixable,
        "default_enabled": rule.default_enabled,
        "summary": summary_of(rule),
        "doc": rule.doc,
    }


def show_rule(wanted: str, output_format: str, out: TextIO) -> int:
    registry = _default_registry()
    rule = registry.lookup(wanted)
    if rule is None:
        raise UsageError(registry.explain_unknown(wanted))
    if output_format == "json":
        out.write(json.dumps(rule_json(rule), indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    flags = [rule.family, rule.severity, "fixable" if rule.fixable else "not fixable"]
    flags.append("on by default" if rule.default_enabled else "off by default")
    out.write(f"# {rule.name} ({rule.code})\n\n{', '.join(flags)}\n\n{rule.doc}\n")
    return EXIT_CLEAN


def list_rules(output_format: str, out: TextIO) -> int:
    registry = _default_registry()
    if output_format == "json":
        out.write(json.dumps([rule_json(rule) for rule in registry.rules], indent=2, ensure_ascii=False) + "\n")
        return EXIT_CLEAN
    out.write(f"{'code':<7} {'name':<32} {'family':<12} {'fixable':<8} default\n")
    for rule in registry.rules:
        fixable = "yes" if rule.fixable else "no"
        default = "on" if rule.default_enabled else "off"
        out.write(f"{rule.code:<7} {rule.name:<32} {rule.family:<12} {fixable:<8} {default}\n")
    return EXIT_CLEAN


def add_words(namespace: argparse.Namespace, out: TextIO) -> int:
    """``notelint words add``: append words to the typos words file (sorted, case-insensitive)."""
    from notelint.config import ConfigError, ConfigFinder
    from notelint.rules.typos.options import add_words as add_to_file
    from notelint.rules.typos.options import shared_unknown_words

    words, file = list(namespace.words), namespace.file
    if namespace.from_notes:
        notes = [
            note
            for path in namespace.from_notes
            for note in (sorted(path.rglob("*.md")) if path.is_dir() else [path])
        ]
        shared = shared_unknown_words(notes, namespace.min_notes)
        for word, count in shared.items():
            out.write(f"{word}: in {count} notes\n")
        words.extend(shared)
    if not words and not namespace.from_notes:
        raise UsageError("words add: give words or --from-notes PATH")
    if file is None:
        try:
            config = ConfigFinder().for_folder(Path.cwd())
        except ConfigError as error:
            raise UsageError(str(error)) from error
        configured = config.settings.family_table("typos").get("words-file")
        if not configured:
            raise UsageError(f"no words-file in [tool.notelint.typos] of {config.label}; pass --file PATH")
        file = config.root / configured
    added = add_to_file(file, words)
    out.write(f"added {len(added)} word(s) to {file}\n")
    return EXIT_CLEAN
