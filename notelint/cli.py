"""The command line: ``notelint [check] [PATHS...]``, ``notelint rule CODE``, ``notelint rules``,
``notelint words add WORD...``, ``notelint init``, ``notelint server`` (the language server).

Exit codes: 0 no findings left, 1 findings left, 2 usage errors, missing paths, unreadable files or
internal errors (the other files are still checked and reported).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import argparse

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rule", "rules", "clean", "words", "init", "server")
CHECK_FORMATS = ("text", "concise", "full", "json", "github", "gitlab", "sarif")


class UsageError(Exception):
    pass


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


# The options of ``check``, in the order its help lists them (after its paths): their option
# strings and what argparse is told of them (notelint.command_line). :func:`plain_check` reads
# the same table.
CHECK_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (("--fix",), {"action": "store_true", "help": "apply safe fixes"}),
    (("--unsafe-fixes",), {"action": "store_true", "help": "also apply (and offer) unsafe fixes"}),
    (("--diff",), {"action": "store_true", "help": "print the diff --fix would make; change nothing"}),
    (("--select",), {"action": "extend", "type": _codes, "metavar": "RULES",
                     "help": "only these rules (codes, code prefixes, rule names or families; comma-separated)"}),
    (("--extend-select",), {"action": "extend", "type": _codes, "metavar": "RULES",
                            "help": "these rules in addition to the selected ones"}),
    (("--ignore",), {"action": "extend", "type": _codes, "metavar": "RULES", "help": "not these rules"}),
    (("--output-format",), {"choices": CHECK_FORMATS, "default": None,
                            "help": "how to report findings (default: full on a terminal, text otherwise)"}),
    (("--statistics",), {"action": "store_true", "help": "count findings per rule"}),
    (("--exit-zero",), {"action": "store_true", "help": "exit 0 even when findings remain"}),
    (("--config",), {"type": Path, "metavar": "PATH", "help": "use this configuration file for every note"}),
    (("--no-cache",), {"action": "store_true", "help": "do not read or write the cache"}),
    (("--jobs", "-j"), {"type": int, "default": 0, "metavar": "N",
                        "help": "check files in N processes (default: one per core; 1: no pool)"}),
    (("--stdin-filename",), {"metavar": "PATH", "help": "the name of the note read from stdin"}),
)


def plain_check(arguments: Sequence[str]) -> SimpleNamespace | None:
    """What argparse makes of ``notelint check ARGUMENTS...`` when the command line is plain:
    paths in one run (none starting with ``-``, but ``-`` itself), and options of ``check``
    written out in full, with a value after ``=`` or in the next argument (not starting with
    ``-``).  None for anything else (help, ``--version``, an abbreviated or unknown option,
    ``--``, a value argparse refuses, paths on both sides of an option): argparse reads those
    and answers or names the error, as always.  Importing argparse and making its parser (with
    gettext's look-ups of its texts, which import locale) cost a one-note run about 7 ms."""
    values: dict[str, Any] = {"command": "check", "paths": []}
    options: dict[str, tuple[str, dict[str, Any]]] = {}
    for flags, settings in CHECK_OPTIONS:
        dest = flags[0].removeprefix("--").replace("-", "_")
        values[dest] = settings.get("default", False if settings.get("action") == "store_true" else None)
        options.update(dict.fromkeys(flags, (dest, settings)))
    paths_started = paths_ended = False
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        position += 1
        if argument == "-" or not argument.startswith("-"):
            if paths_ended:
                return None  # (argparse takes only the first run of paths)
            paths_started = True
            values["paths"].append(argument)
            continue
        paths_ended = paths_started
        flag, equals, value = argument.partition("=") if argument.startswith("--") else (argument, "", "")
        if flag not in options:
            return None
        dest, settings = options[flag]
        action = settings.get("action")
        if action == "store_true":
            if equals:
                return None
            values[dest] = True
            continue
        if not equals:
            if position == len(arguments) or arguments[position].startswith("-"):
                return None
            value = arguments[position]
            position += 1
        try:
            converted = settings.get("type", str)(value)
        except (TypeError, ValueError):
            return None
        choices = settings.get("choices")
        if choices is not None and converted not in choices:
            return None
        values[dest] = [*(values[dest] or ()), *converted] if action == "extend" else converted
    return SimpleNamespace(**values)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and arguments[0] not in ("-h", "--help", "--version")):
        arguments.insert(0, "check")
    namespace: argparse.Namespace | SimpleNamespace | None = (
        plain_check(arguments[1:]) if arguments[0] == "check" else None
    )
    if namespace is None:
        from notelint.command_line import build_parser

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
    A caller of :func:`main` in its own process is left alone.

    Once the output is flushed, the process ends at once (``os._exit``), without the
    interpreter's tear-down, which frees every module, rule and table one by one: about 2 ms of
    a 60 ms one-note run.  Nothing of notelint's is left to do by then: files are written and closed, the
    cache is saved and the worker processes have ended.  The interpreter ends as usual when
    something else waits for the exit (an exit handler, a profiler or a tracer such as coverage)
    and when the output cannot be flushed (a closed pipe), which it then reports."""
    import gc
    import os
    import warnings

    warnings.filterwarnings("ignore", module=r"ruamel\.yaml")
    gc.disable()
    try:
        code = main()
    finally:
        gc.freeze()
    if not _nothing_left_at_exit():
        return code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # (no stream, a closed one or a closed pipe)
        return code
    os._exit(code)


def _nothing_left_at_exit() -> bool:
    """Whether the interpreter's exit would only free memory: no exit handler is registered (a
    plugin's, logging's, multiprocessing's) and no profiler or tracer (cProfile, coverage) waits
    to write its report."""
    import atexit

    count = getattr(atexit, "_ncallbacks", None)  # (CPython's; elsewhere, exit as usual)
    return count is not None and count() == 0 and sys.getprofile() is None and sys.gettrace() is None


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


def add_words(namespace: argparse.Namespace | SimpleNamespace, out: TextIO) -> int:
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
