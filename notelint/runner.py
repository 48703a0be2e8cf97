"""Check (and fix) files: one read, one decode, one parse per pass, atomic writes.

Files whose content and settings are in the cache are answered from it without parsing (and
without importing markdown-it-py, pydantic or the rules); the others are checked in a process pool
sized to the cores when there are enough of them, and reported in the order they were given.
"""

from __future__ import annotations

import gc
import json
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from notelint import __version__
from notelint.cache import Cache, StoredFindings, content_hash, installed_plugins_stamp, stored_findings
from notelint.config import Config, ConfigError, ConfigFinder, PluginError, Selection
from notelint.diagnostics import Finding, Headline
from notelint.discovery import Target

if TYPE_CHECKING:
    from notelint.project import Project, Projects
    from notelint.registry import Registry
    from notelint.ruleset import RuleSet

# A pool only pays for itself when there is enough work to share.
POOL_THRESHOLD = 48


class RunOptions(NamedTuple):
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    selection: Selection = Selection()
    jobs: int = 0  # 0: one per core
    keep_lines: bool = False  # carry the text of finding lines (for the full and gitlab formats)

    @property
    def changes_files(self) -> bool:
        return self.fix or self.diff


class FileReport:
    """Everything a run learned about one file."""

    display: str
    # the findings, or (answered from the cache) their stored rows, built on first use of ``findings``
    found: list[Finding] | StoredFindings
    errors: list[str]
    fixed: int
    diff: str
    fixed_bytes: bytes | None
    from_cache: bool
    # the text of the lines findings point at (1-based), for reporters that show or hash them
    lines: dict[int, str]

    def __init__(
        self,
        display: str,
        found: list[Finding] | StoredFindings | None = None,
        errors: list[str] | None = None,
        fixed: int = 0,
        diff: str = "",
        fixed_bytes: bytes | None = None,
        from_cache: bool = False,
        lines: dict[int, str] | None = None,
    ) -> None:
        self.display = display
        self.found = [] if found is None else found
        self.errors = [] if errors is None else errors
        self.fixed = fixed
        self.diff = diff
        self.fixed_bytes = fixed_bytes
        self.from_cache = from_cache
        self.lines = {} if lines is None else lines

    @property
    def changed(self) -> bool:
        return self.fixed_bytes is not None

    @property
    def findings(self) -> list[Finding]:
        if isinstance(self.found, StoredFindings):
            self.found = self.found.build()
        return self.found

    @findings.setter
    def findings(self, findings: list[Finding]) -> None:
        self.found = findings

    def headlines(self) -> list[Headline]:
        """What the one-line formats show of the findings (built from stored rows without
        building the findings)."""
        if isinstance(self.found, StoredFindings):
            return self.found.headlines()
        return [finding.headline() for finding in self.found]

    def uses_any(self, codes: frozenset[str]) -> bool:
        """Whether a rule with one of these codes made one of the findings."""
        if isinstance(self.found, StoredFindings):
            return self.found.uses_any(codes)
        return any(finding.code in codes for finding in self.found)

    def drop(self, numbers: set[int]) -> None:
        """Leave out the findings at these positions (0-based; others are ignored)."""
        if not numbers:
            return
        if isinstance(self.found, StoredFindings):
            self.found = self.found.without(numbers)
        else:
            self.found = [finding for number, finding in enumerate(self.found) if number not in numbers]


class Runner:
    """Resolves rule sets per configuration and checks files with them."""

    finder: ConfigFinder
    options: RunOptions
    cache: Cache | None
    _rulesets: dict[Path | None, RuleSet]
    _registries: dict[tuple[Path, ...], Registry]
    _settings_keys: dict[tuple[Path | None, tuple[str, ...]], str]
    _settings_key_of_note: dict[str, str]
    _entry_points: str | None
    # the notes discovery found under each folder named on the command line (absolute paths)
    walked: dict[str, frozenset[str]]
    _projects: Projects | None
    _project_of_folder: dict[str, Project]
    _judged_codes: dict[str, frozenset[str]]
    # the bytes of the notes this run read, by absolute path, while they are what is on disk (a
    # run that writes no fixes): the projects judges read take them instead of reading again
    _checked_bytes: dict[str, bytes]

    def __init__(
        self,
        finder: ConfigFinder,
        options: RunOptions,
        cache: Cache | None = None,
        walked: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.finder = finder
        self.options = options
        self.cache = cache
        self.walked = {} if walked is None else walked
        self._rulesets = {}
        self._registries = {}
        self._settings_keys = {}
        self._settings_key_of_note = {}
        self._entry_points = None
        self._projects = None
        self._project_of_folder = {}
        self._judged_codes = {}
        self._checked_bytes = {}

    # -- rules ---------------------------------------------------------------------------------

    def ruleset_for(self, path: Path) -> RuleSet:
        """The rules of a note (``path``: a file, which need not exist), with their options."""
        from notelint.ruleset import RuleSet

        config = self.finder.for_file(path)  # (asked once or twice a note: no stat of the note)
        ruleset = self._rulesets.get(config.source)
        if ruleset is None:
            ruleset = RuleSet.resolve(config, self.registry_for(config), self.options.selection)
            self._rulesets[config.source] = ruleset
            if self.cache is not None:
                self.cache.trust_config(config.digest)
        return ruleset.without(config.ignored_for(path))

    def registry_for(self, config: Config) -> Registry:
        from notelint.registry import Registry

        plugins = tuple(config.plugin_paths())
        registry = self._registries.get(plugins)
        if registry is None:
            registry = Registry.build(plugins)
            self._registries[plugins] = registry
        return registry

    # -- cache keys ----------------------------------------------------------------------------

    def settings_key(self, path: Path) -> str:
        """The cache key of a note's settings (``path``: a note found by discovery, not a folder)."""
        known = self._settings_key_of_note.get(os.fspath(path))
        if known is not None:
            return known
        config, memo = self._settings_of(path)
        ignored = memo[1]
        key = self._settings_keys.get(memo)
        if key is None:
            parts: list[Any] = [
                __version__,
                _source_fingerprint(),
                str(config.source),
                config.digest,
                list(ignored),
                [self.options.selection.select, list(self.options.selection.extend_select),
                 list(self.options.selection.ignore)],
                self._entry_point_key(),
                [_file_digest(plugin) for plugin in config.plugin_paths()],
                [_file_digest(named) for named in _files_named_in(config)],
            ]
            key = content_hash(json.dumps(parts, default=str).encode())
            self._settings_keys[memo] = key
        self._settings_key_of_note[os.fspath(path)] = key  # asked again when judging the note
        return key

    def _settings_of(self, path: Path) -> tuple[Config, tuple[Path | None, tuple[str, ...]]]:
        """A note's configuration, and what tells its settings apart within a run: the
        configuration file and the rules it ignores for the note."""
        config = self.finder.for_file(path)
        return config, (config.source, tuple(config.ignored_for(path)))

    def _settings_memo_key(self, path: Path) -> str:
        """A key that tells notes with the same settings apart within this run, without hashing
        them (no cache to key: the stamps of notelint's sources and of the installed plugins, which
        :meth:`settings_key` reads, stay out of a run without the cache)."""
        return f"run\0{self._settings_of(path)[1]}"

    def _entry_point_key(self) -> str:
        if self._entry_points is None:
            self._entry_points = installed_plugins_stamp()
        return self._entry_points

    # -- running -------------------------------------------------------------------------------

    def run(self, targets: Sequence[Target], progress: Callable[[int], None] | None = None) -> list[FileReport]:
        """Check every target; reports come back in the order of ``targets``.

        ``progress`` (if given) is called with the number of files just finished."""
        tick = progress or (lambda count: None)
        reports: list[FileReport | None] = [None] * len(targets)
        pending: list[tuple[int, Target, bytes, str]] = []
        # reports with findings, the bytes checked and their content hash ("" without a cache)
        with_findings: list[tuple[Target, FileReport, bytes, str]] = []
        for position, target in enumerate(targets):
            try:
                data = target.path.read_bytes()
            except OSError as error:
                reports[position] = FileReport(
                    target.display, errors=[f"{target.display}: cannot be read: {error.strerror or error}"]
                )
                tick(1)
                continue
            if not self.options.changes_files:
                self._checked_bytes[os.path.abspath(target.path)] = data
            digest = content_hash(data) if self.cache is not None else ""
            cached = self._from_cache(target, digest)
            if cached is not None:
                if self.options.keep_lines:
                    attach_lines(cached, data)
                reports[position] = cached
                if cached.found:
                    with_findings.append((target, cached, data, digest))
                tick(1)
            else:
                pending.append((position, target, data, digest))
        # When nothing is written, the notes the judges read stay as they are: a checked note is
        # judged as soon as its report arrives, while the workers check the others (the first
        # judge to ask reads the project). A run that writes fixes judges after the last write.
        judge_at_once = not self.options.changes_files
        checks = self._check_all([(target, data) for _, target, data, _ in pending])
        for (position, target, data, digest), report in zip(pending, checks):
            reports[position] = report
            self._remember(target, data, digest, report)
            if self.options.keep_lines:
                attach_lines(report, data)
            if report.found:
                final_digest = digest if report.fixed_bytes is None else ""
                if judge_at_once:
                    self.judge(report, target.path, data, final_digest)
                else:
                    with_findings.append((target, report, data, final_digest))
            tick(1)
        for target, report, data, digest in with_findings:
            self.judge(report, target.path, data, digest)
        if self.cache is not None:
            self.cache.save()
        return [report for report in reports if report is not None]

    # -- judging across the project (after the per-file pass; verdicts cached per project stamp) --

    def project_for(self, path: Path) -> Project:
        """The project of a note (one per folder of notes: the folder decides it)."""
        from notelint.project import Projects, project_root

        folder = os.path.dirname(path)
        known = self._project_of_folder.get(folder)
        if known is not None:
            return known
        if self._projects is None:
            self._projects = Projects(self.finder, self.walked, self._checked_bytes)
        config = self.finder.for_path(path)
        project = self._projects.for_root(project_root(path, config.source, config.root))
        self._project_of_folder[folder] = project
        return project

    def forget_projects(self) -> None:
        """Read the projects' notes again when a judge next asks (a long-running process, such
        as the editor server, calls this when notes change on disk)."""
        self._projects = None
        self._project_of_folder = {}
        self._checked_bytes.clear()

    def judge(self, report: FileReport, path: Path, data: bytes, digest: str = "") -> None:
        """Let the judges of the note's rules drop findings (``data``: the bytes checked;
        ``digest``: their content hash when known, ``""`` otherwise)."""
        if not report.found:
            return
        try:
            settings_key = self.settings_key(path) if self.cache is not None else self._settings_memo_key(path)
        except ConfigError:
            return
        judged_codes = self._judged_codes_of(path, settings_key)
        if not report.uses_any(judged_codes):
            return
        from notelint.project import apply_judges

        final = report.fixed_bytes if report.fixed_bytes is not None else data
        project = self.project_for(path)
        # A verdict is stored with the note's content and the project's stamp: while neither
        # changes, a warm run neither loads the rules nor reads the other notes.
        verdict_key = None
        if self.cache is not None and not self.options.diff:
            verdict_key = f"verdict:{digest if digest and report.fixed_bytes is None else content_hash(final)}"
            stored = self.cache.get_fact(settings_key, verdict_key)
            if isinstance(stored, dict) and stored.get("stamp") == project.stamp():
                report.drop(set(stored.get("dropped", ())))
                return
        from notelint.document import DecodeError, decode

        try:
            text = decode(final)[0]
            rules = self.ruleset_for(path).rules
        except (DecodeError, ConfigError, PluginError):
            return
        # the findings the judges see, with their positions (rows from a worker or the cache:
        # only the judged rules' findings are built)
        if isinstance(report.found, StoredFindings):
            judged = report.found.build_of(judged_codes)
        else:
            judged = list(enumerate(report.found))
        kept = {id(finding) for finding in apply_judges([finding for _, finding in judged], text, rules, project)}
        dropped_numbers = [number for number, finding in judged if id(finding) not in kept]
        if verdict_key is not None and self.cache is not None:
            self.cache.put_fact(settings_key, verdict_key, {"stamp": project.stamp(), "dropped": dropped_numbers})
        report.drop(set(dropped_numbers))

    def _judged_codes_of(self, path: Path, key: str) -> frozenset[str]:
        """The codes of the note's rules that have a judge (``key``: the note's settings key);
        they are kept in the cache, so a warm run with findings does not load the rules to find
        out."""
        codes = self._judged_codes.get(key)
        if codes is None:
            stored = self.cache.get_fact(key, "judged-codes") if self.cache is not None else None
            if isinstance(stored, list):
                codes = frozenset(stored)
            else:
                from notelint.project import judge_of

                try:
                    rules = self.ruleset_for(path).rules
                except (ConfigError, PluginError):
                    return frozenset()
                codes = frozenset(rule.code for rule, _ in rules if judge_of(rule) is not None)
                if self.cache is not None:
                    self.cache.put_fact(key, "judged-codes", sorted(codes))
            self._judged_codes[key] = codes
        return codes

    def _from_cache(self, target: Target, digest: str) -> FileReport | None:
        """The report of a file whose content (``digest``) the cache knows, its findings unbuilt."""
        if self.cache is None:
            return None
        try:
            stored = self.cache.stored(self.settings_key(target.path), digest, target.display)
        except ConfigError:
            return None
        if stored is None:
            return None
        if self.options.changes_files and stored.any_fixable(self.options.unsafe_fixes):
            return None  # there is something to fix: do the real work
        return FileReport(target.display, stored, from_cache=True)

    def _remember(self, target: Target, data: bytes, digest: str, report: FileReport) -> None:
        """Store a checked file's findings under the hash of its final content (``digest``: the
        hash of ``data``, the content checked)."""
        if self.cache is None or report.errors:
            return
        if report.fixed_bytes is not None and self.options.diff:
            return  # --diff changes nothing on disk: the fixed content is not the file
        final_digest = digest if report.fixed_bytes is None else content_hash(report.fixed_bytes)
        self.cache.put(self.settings_key(target.path), final_digest, report.found)

    def _check_all(self, pending: list[tuple[Target, bytes]]) -> Iterator[FileReport]:
        """Reports in the order of ``pending``, each as soon as it (and those before it) is done."""
        work = [(target.path, target.display, data) for target, data in pending]
        jobs = self.options.jobs or os.cpu_count() or 1
        if jobs < 2 or len(work) < POOL_THRESHOLD:
            for number, item in enumerate(work):
                yield self.check_and_write(*item)
                if number == 0 and len(work) > 1:
                    _freeze_heap()  # the first note loaded the rules and their data
            return
        # Resolve rule sets before forking, so workers inherit them instead of each loading them.
        for path, _, _ in work:
            try:
                self.ruleset_for(path)
            except (ConfigError, PluginError):
                pass
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        _freeze_heap()  # before the fork: workers inherit it without scanning (or copying) it

        with ProcessPoolExecutor(jobs, mp_context=get_context("fork"), initializer=_init_worker,
                                 initargs=(self,)) as pool:
            chunks = [pool.submit(_check_chunk_in_worker, work[start:end]) for start, end in chunk_bounds(len(work), jobs)]
            for chunk in chunks:
                yield from chunk.result()

    def check_and_write(self, path: Path, display: str, data: bytes) -> FileReport:
        report = self.check_bytes(data, path, display)
        if report.fixed_bytes is not None and self.options.fix and not self.options.diff:
            try:
                write_atomically(path, report.fixed_bytes)
            except OSError as error:
                report.errors.append(f"{display}: fixes not written: {error.strerror or error}")
                report.fixed = 0
                report.fixed_bytes = None
        return report

    def check_bytes(self, data: bytes, path: Path, display: str) -> FileReport:
        """Check a note's bytes; with fix or diff, compute the fixed bytes (nothing is written)."""
        from notelint.document import DecodeError, Document
        from notelint.linter import LintResult, lint

        report = FileReport(display)
        try:
            document = Document.from_bytes(display, data)
            ruleset = self.ruleset_for(path)
        except DecodeError as error:
            report.errors.append(f"{display}: {error}")
            return report
        except (ConfigError, PluginError) as error:
            report.errors.append(str(error))
            return report

        # judged results handed to the fixer, with the findings the rules made
        unjudged: list[tuple[LintResult, list[Finding]]] = []

        def run(doc: Document) -> LintResult:
            result = lint(doc, ruleset)
            if not self.options.changes_files or not result.findings:
                return result
            # a finding a judge drops is not fixed either
            from notelint.project import judge_result

            judged = judge_result(result, doc.text, ruleset.rules, self.project_for(path))
            if judged is not result:
                unjudged.append((judged, result.findings))
            return judged

        if self.options.changes_files:
            from notelint.fixer import fix_document  # with the verifier: only when fixing

            outcome = fix_document(document, run, self.options.unsafe_fixes)
            result = outcome.result
            # the cache keeps what the note holds; judging happens again after the pass
            findings = next((made for judged, made in unjudged if judged is result), result.findings)
            result = LintResult(findings, result.crashes)
            if outcome.verification_error is not None:
                report.errors.append(
                    f"{display}: internal error: {outcome.verification_error}; the file was left unchanged"
                )
            if outcome.not_converged:
                report.errors.append(
                    f"{display}: fixes did not converge after {outcome.passes} passes: "
                    + ", ".join(outcome.not_converged)
                )
            if outcome.document.text != document.text and not result.crashes:
                report.fixed = outcome.fixed_count
                report.fixed_bytes = outcome.document.to_bytes()
                if self.options.diff:
                    report.diff = unified_diff(display, document.text, outcome.document.text)
        else:
            result = run(document)
        report.findings = result.findings
        report.errors.extend(
            f"{display}: internal error in rule {crash.code} ({crash.name}): {crash.error}"
            for crash in result.crashes
        )
        return report


# -- the worker side of the pool (one Runner per worker process, inherited through fork) ----------

_worker_runner: list[Runner] = []
_worker_heap_frozen: list[bool] = []


def _init_worker(runner: Runner) -> None:
    _worker_runner[:] = [runner]


def chunk_bounds(count: int, jobs: int) -> list[tuple[int, int]]:
    """How ``count`` notes are handed to ``jobs`` workers: (start, end) of each chunk, in order.

    A chunk costs one round trip between processes, well under a note's check, but while the
    last chunk is checked the other workers idle: chunks of a sixteenth of a worker's share,
    shrinking towards the end so that the workers finish within a note or two of each other."""
    size = max(1, count // (jobs * 16))
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < count:
        end = start + min(size, max(1, (count - start) // (jobs * 2)))
        bounds.append((start, end))
        start = end
    return bounds


def _check_chunk_in_worker(items: list[tuple[Path, str, bytes]]) -> list[FileReport]:
    return [_check_in_worker(item) for item in items]


def _check_in_worker(item: tuple[Path, str, bytes]) -> FileReport:
    report = _worker_runner[0].check_and_write(*item)
    if not _worker_heap_frozen:  # after the worker's first note (it loaded the rules' data)
        _freeze_heap()
        _worker_heap_frozen.append(True)
    if report.found:  # sent back as rows: a fifth of the pickling, and none of the building
        report.found = stored_findings(report.display, report.findings)
    return report


def _freeze_heap() -> None:
    """Move every object alive now (modules, rules, their word data) out of the garbage
    collector's view, so that its collections during a run only scan what the checks allocate:
    scanning the whole imported heap again and again cost about a sixth of a run.  Only speed
    changes (a command-line run ends after checking; the server does not call this).

    The youngest generation is also collected less often: a note's check allocates a few
    thousand objects and frees almost all of them by reference counting (a run over 500 notes
    found about one cycle a note), yet the default threshold of 700 started three or four
    collections a note, about a twentieth of the check."""
    gc.freeze()
    gc.set_threshold(_YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
    gc.enable()  # (the ``notelint`` command starts with it off, see cli.run)


# net allocations of tracked objects between two collections of the youngest generation
_YOUNG_GENERATION_THRESHOLD = 20_000


# -- helpers ----------------------------------------------------------------------------------------


def _source_fingerprint() -> str:
    """Size and modification time of notelint's own files: an edited rule (an editable install
    during development) invalidates the cache even though the version did not change."""
    from importlib.util import find_spec

    stamps: list[str] = []
    for package in ("notelint", "notelint.rules"):
        spec = find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            stamps.extend(_source_stamps(folder))
    return content_hash("\n".join(stamps).encode())


def _source_stamps(folder: str) -> list[str]:
    """``name:size:mtime`` of the ``.py``, ``.json`` and ``.js`` files below ``folder`` (outside
    ``__pycache__``), in the order of their paths; one ``os.scandir`` per folder."""
    found: list[tuple[str, str]] = []
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                for entry in listing:
                    if entry.is_dir():
                        if entry.name != "__pycache__":
                            pending.append(entry.path)
                    elif entry.name.endswith((".py", ".json", ".js")):
                        try:
                            info = entry.stat()
                        except OSError:  # a dangling link
                            continue
                        found.append((entry.path, f"{entry.name}:{info.st_size}:{info.st_mtime_ns}"))
        except OSError:
            continue
    return [stamp for _, stamp in sorted(found)]


def attach_lines(report: FileReport, data: bytes) -> None:
    """Keep the text of the lines the report's findings point at (of the fixed text after --fix)."""
    if not report.findings:
        return
    from notelint.document import DecodeError, LineIndex, decode

    try:
        text = decode(report.fixed_bytes if report.fixed_bytes is not None else data)[0]
    except DecodeError:
        return
    index = LineIndex(text)
    for finding in report.findings:
        last = max(finding.line, min(finding.end_line, finding.line + 20))
        for line in range(finding.line, last + 1):
            if line <= index.line_count and line not in report.lines:
                report.lines[line] = index.line_text(line)


def _file_digest(path: Path) -> str:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return "missing"


def _files_named_in(config: Config) -> list[Path]:
    """Files that rule options name (a word list, a schema file): their content is part of the key."""
    named: list[Path] = []
    for family in sorted(config.settings.families):
        for value in _strings(config.settings.family_table(family)):
            candidate = config.root / value.split(":")[0]
            if ("/" in value or "." in value) and candidate.is_file():
                named.append(candidate)
    return named


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    return []


def unified_diff(display: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{display}",
        tofile=f"b/{display}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder and ``os.replace``; keep the mode.

    A symlink is followed: its target is rewritten, the link stays.  A read-only file is refused.
    """
    import tempfile

    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise PermissionError(13, "the file is read-only")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".notelint-tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
