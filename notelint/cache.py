"""The findings cache (ruff's model): ``.notelint_cache/`` or ``$NOTELINT_CACHE_DIR``.

Findings are stored per *settings key* (notelint's version, the configuration file's bytes, the
command-line selection, plugin files, installed entry points and files the options name) and per
file content hash, in sixteen JSON files per settings key (by the hash's first digit) and one for
the facts about the notes: a pre-commit run over one note reads and writes a sixteenth of the
findings.  A warm run never imports markdown-it-py, pydantic or the rules.

Every edit of a note adds the findings of its new content, so the cache forgets what no run has
used for :data:`UNUSED_DAYS` days: each entry keeps the day it was last used, and the entries
(and findings files) older than that are dropped when a findings file is written.  A run marks
what it uses, which writes a findings file at most once a day for that alone.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from notelint import __version__
from notelint.diagnostics import Applicability, Edit, EditReport, Finding, Fix, Headline

CACHE_ENV = "NOTELINT_CACHE_DIR"
DEFAULT_FOLDER = ".notelint_cache"


def cache_folder(cwd: Path | None = None) -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else (cwd or Path.cwd()) / DEFAULT_FOLDER


def content_hash(data: bytes) -> str:
    """128 bits of SHA-256: OpenSSL's uses the CPU's SHA instructions where there are some (measured
    on the benchmark machine: 5 ms for 1000 seed-sized notes, blake2b 12 ms, a twentieth of a warm run).
    hashlib is imported here, on first use: loading OpenSSL costs a run without the cache about 3 ms."""
    import hashlib

    return hashlib.sha256(data).hexdigest()[:32]


def installed_plugins_stamp() -> str:
    """Size and modification time of every installed distribution's ``entry_points.txt``:
    installing, upgrading or removing a plugin changes it (and so the cache key)."""
    from notelint.installed import entry_point_files

    stamps = []
    for path in entry_point_files():
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return content_hash("\n".join(stamps).encode())


# Version of the layout of a findings file (a file in another layout is ignored).
FORMAT = 5

_HEX_DIGITS = frozenset("0123456789abcdef")

# An entry of the cache (a content's findings, a fact) that no run used for this many days is
# dropped, and so is a findings file that was not written for as long.
UNUSED_DAYS = 30

# A rule as a findings file stores it once: code, name, family, severity.
RuleRow = tuple[str, str, str, str]


def finding_to_json(finding: Finding, rule_index: Callable[[RuleRow], int]) -> tuple[list[Any], list[Any]]:
    """Two compact rows: the *head* (what the one-line formats show: line, column, the rule's
    index in the file's rule table, the message, the fix's applicability) and the *detail* (the end
    position, the fix's message and edits, the positions of the edits, whose text is the edits'
    text, stored once)."""
    fix = None
    reports: list[list[Any]] = [
        [e.line, e.column, e.end_line, e.end_column, e.content] for e in finding.fix_edits
    ]
    if finding.fix is not None:
        edits = finding.fix.edits
        fix = [finding.fix.message, [[e.start, e.end, e.content] for e in edits]]
        if len(edits) == len(reports) and all(edit.content == report[4] for edit, report in zip(edits, reports)):
            reports = [report[:4] for report in reports]
    rule = rule_index((finding.code, finding.name, finding.family, finding.severity))
    applicability = None if finding.fix is None else finding.fix.applicability.value
    return (
        [finding.line, finding.column, rule, finding.message, applicability],
        [finding.end_line, finding.end_column, fix, reports],
    )


_APPLICABILITY = {member.value: member for member in Applicability}


def finding_from_json(path: str, head: list[Any], detail: list[Any], rules: Sequence[RuleRow]) -> Finding:
    line, column, rule, message, applicability = head
    end_line, end_column, fix_data, reports = detail
    code, name, family, severity = rules[rule]
    if fix_data is None and not reports:  # no fix to rebuild
        return Finding(path, line, column, end_line, end_column, code, name, family, severity, message)  # type: ignore[arg-type]
    fix = None
    edit_rows: list[list[Any]] = []
    if fix_data is not None:
        fix_message, edit_rows = fix_data
        fix = Fix(fix_message, tuple([Edit(*edit) for edit in edit_rows]), _APPLICABILITY[applicability])
    return Finding(
        path, line, column, end_line, end_column, code, name, family, severity, message, fix,  # type: ignore[arg-type]
        tuple([
            EditReport(*report) if len(report) == 5 else EditReport(*report, edit_rows[index][2])
            for index, report in enumerate(reports)
        ]),
    )


class StoredFindings:
    """One file's findings as its findings file keeps them (see :func:`finding_to_json`): the
    heads, the details as JSON text (decoded only to build :class:`Finding` objects) and the rule
    table.  A warm run reports the one-line formats from the heads alone."""

    __slots__ = ("path", "heads", "details", "rules", "positions")

    path: str
    heads: Sequence[list[Any]]
    details: str
    rules: Sequence[RuleRow]
    # the positions in ``details`` of the findings of ``heads`` (None: all of them, in order)
    positions: Sequence[int] | None

    def __init__(
        self,
        path: str,
        heads: Sequence[list[Any]],
        details: str,
        rules: Sequence[RuleRow],
        positions: Sequence[int] | None = None,
    ) -> None:
        self.path = path
        self.heads = heads
        self.details = details
        self.rules = rules
        self.positions = positions

    def __len__(self) -> int:
        return len(self.heads)

    def build(self) -> list[Finding]:
        path, rules = self.path, self.rules
        details = json.loads(self.details)
        if self.positions is not None:
            details = [details[position] for position in self.positions]
        return [finding_from_json(path, head, detail, rules) for head, detail in zip(self.heads, details)]

    def headlines(self) -> list[Headline]:
        path, rules = self.path, self.rules
        return [
            (path, line, column, (rule := rules[index])[0], rule[3], message, applicability)
            for line, column, index, message, applicability in self.heads
        ]

    def uses_any(self, codes: frozenset[str]) -> bool:
        """Whether a rule with one of these codes made one of the findings."""
        rules = self.rules
        return any(rules[head[2]][0] in codes for head in self.heads)

    def any_fixable(self, unsafe_fixes: bool) -> bool:
        return any(head[4] is not None and (unsafe_fixes or head[4] == "safe") for head in self.heads)

    def build_of(self, codes: frozenset[str]) -> list[tuple[int, Finding]]:
        """The findings made by rules with these codes, with their positions (0-based), built
        without building the others."""
        path, rules = self.path, self.rules
        wanted = [number for number, head in enumerate(self.heads) if rules[head[2]][0] in codes]
        if not wanted:
            return []
        details = json.loads(self.details)
        positions = range(len(self.heads)) if self.positions is None else self.positions
        return [
            (number, finding_from_json(path, self.heads[number], details[positions[number]], rules))
            for number in wanted
        ]

    def without(self, numbers: set[int]) -> StoredFindings:
        """The same without the findings at these positions (0-based; others are ignored)."""
        heads = list(self.heads)
        positions = list(range(len(heads)) if self.positions is None else self.positions)
        for number in sorted((n for n in numbers if type(n) is int and 0 <= n < len(heads)), reverse=True):
            del heads[number]
            del positions[number]
        return StoredFindings(self.path, heads, self.details, self.rules, positions)


def stored_findings(path: str, findings: Sequence[Finding]) -> StoredFindings:
    """``findings`` (of the file shown as ``path``) as a findings file keeps them: how a pool
    worker sends them back, as a few lists and one string, which pickle about five times faster
    than the objects (and whose one-line formats need no object at all)."""
    rules: list[RuleRow] = []
    numbers: dict[RuleRow, int] = {}

    def rule_index(rule: RuleRow) -> int:
        number = numbers.get(rule)
        if number is None:
            number = numbers[rule] = len(rules)
            rules.append(rule)
        return number

    rows = [finding_to_json(finding, rule_index) for finding in findings]
    details = json.dumps([detail for _, detail in rows], separators=(",", ":"), ensure_ascii=False)
    return StoredFindings(path, [head for head, _ in rows], details, rules)


def _load_without_collecting(text: str) -> Any:
    """``json.loads`` of a findings file with the garbage collector paused, its result then moved
    out of the collector's view (``gc.freeze``): it lives until the run ends and holds no cycles,
    yet building it triggered hundreds of collections that rescanned it (a third of a warm run)."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        data = json.loads(text)
    finally:
        if was_enabled:
            gc.enable()
    gc.freeze()
    return data


class Cache:
    """Reads each settings key's file once, writes the changed ones at the end of a run."""

    folder: Path
    today: int
    _loaded: dict[str, dict[str, Any]]
    _rules: dict[str, list[RuleRow]]
    _dirty: set[str]

    def __init__(self, folder: Path, today: int | None = None) -> None:
        """``today``: the day of the run, in days since 1970 (now, unless a test says)."""
        self.folder = folder
        self.today = int(time.time() // 86400) if today is None else today
        self._loaded = {}
        self._rules = {}
        self._dirty = set()

    @property
    def root(self) -> Path:
        return self.folder / __version__

    # -- configuration files that validated before --------------------------------------------

    def is_trusted_config(self, digest: str) -> bool:
        return (self.root / "configs" / digest).exists()

    def trust_config(self, digest: str) -> None:
        if not digest:
            return
        try:
            (self.root / "configs").mkdir(parents=True, exist_ok=True)
            (self.root / "configs" / digest).touch()
        except OSError:
            pass  # a read-only cache only costs speed

    # -- findings ------------------------------------------------------------------------------

    def _entries(self, name: str) -> dict[str, Any]:
        """A findings file (``name``: a settings key, for its facts, or :func:`_part` of one):
        ``rules`` (the rule table), ``files`` (rows per content hash), ``used`` (the day each file
        entry and fact was last used) and the facts."""
        entries = self._loaded.get(name)
        if entries is None:
            try:
                entries = _load_without_collecting((self.root / "findings" / f"{name}.json").read_text("utf-8"))
            except (OSError, ValueError):
                entries = None
            if (
                not isinstance(entries, dict)
                or entries.get("format") != FORMAT
                or not isinstance(entries.get("files"), dict)
                or not isinstance(entries.get("used"), dict)
            ):
                entries = {"format": FORMAT, "rules": [], "files": {}, "used": {}}
            self._loaded[name] = entries
        return entries

    def _mark_used(self, name: str, entries: dict[str, Any], key: str) -> None:
        used = entries["used"]
        if used.get(key) != self.today:
            used[key] = self.today
            self._dirty.add(name)

    def _rule_rows(self, name: str) -> list[RuleRow]:
        rows = self._rules.get(name)
        if rows is None:
            rows = self._rules[name] = [tuple(rule) for rule in self._entries(name)["rules"]]  # type: ignore[misc]
        return rows

    def get(self, settings_key: str, file_key: str, path: str) -> list[Finding] | None:
        stored = self.stored(settings_key, file_key, path)
        return None if stored is None else stored.build()

    def stored(self, settings_key: str, file_key: str, path: str) -> StoredFindings | None:
        """The findings stored for a file's content (``path``: what they report), unbuilt."""
        name = _part(settings_key, file_key)
        entries = self._entries(name)
        stored = entries["files"].get(file_key)
        if stored is None:
            return None
        self._mark_used(name, entries, file_key)
        heads, details = stored
        return StoredFindings(path, heads, details, self._rule_rows(name))

    def put(self, settings_key: str, file_key: str, findings: list[Finding] | StoredFindings) -> None:
        name = _part(settings_key, file_key)
        entries = self._entries(name)
        rules = self._rule_rows(name)

        def rule_index(rule: RuleRow) -> int:
            if rule not in rules:
                rules.append(rule)
                entries["rules"].append(list(rule))
            return rules.index(rule)

        if isinstance(findings, StoredFindings) and findings.positions is None:
            # rows as a pool worker sent them: only their rule numbers change
            numbers = [rule_index(tuple(rule)) for rule in findings.rules]  # type: ignore[arg-type]
            heads = [[line, column, numbers[rule], message, applicability]
                     for line, column, rule, message, applicability in findings.heads]
            entries["files"][file_key] = [heads, findings.details]
        else:
            found = findings.build() if isinstance(findings, StoredFindings) else findings
            rows = [finding_to_json(finding, rule_index) for finding in found]
            details = json.dumps([detail for _, detail in rows], separators=(",", ":"), ensure_ascii=False)
            entries["files"][file_key] = [[head for head, _ in rows], details]
        self._dirty.add(name)
        self._mark_used(name, entries, file_key)

    # -- small facts about a settings key (kept next to its findings) -------------------------

    def get_fact(self, settings_key: str, name: str) -> Any:
        entries = self._entries(settings_key)
        value = entries.get(f"fact:{name}")
        if value is not None:
            self._mark_used(settings_key, entries, f"fact:{name}")
        return value

    def put_fact(self, settings_key: str, name: str, value: Any) -> None:
        entries = self._entries(settings_key)
        entries[f"fact:{name}"] = value
        self._dirty.add(settings_key)
        self._mark_used(settings_key, entries, f"fact:{name}")

    # -- forgetting --------------------------------------------------------------------------

    def _forget_unused(self, entries: dict[str, Any]) -> None:
        """Drop the file entries and facts no run used for :data:`UNUSED_DAYS` days (and any that
        has no day: it cannot be told apart from one that was never used)."""
        oldest = self.today - UNUSED_DAYS
        used = {key: day for key, day in entries["used"].items() if type(day) is int and day >= oldest}
        files = entries["files"]
        for key in [key for key in files if key not in used]:
            del files[key]
        for key in [key for key in entries if key.startswith("fact:") and key not in used]:
            del entries[key]
        entries["used"] = {key: day for key, day in used.items() if key in files or key in entries}

    def _forget_unused_files(self, folder: Path) -> None:
        """Remove the findings files of settings no run used for :data:`UNUSED_DAYS` days (a
        changed configuration, another selection): a run that uses one writes it once a day."""
        oldest = (self.today - UNUSED_DAYS) * 86400
        try:
            names = os.listdir(folder)
        except OSError:
            return
        for name in names:
            stem, suffix = os.path.splitext(name)
            if suffix not in (".json", ".tmp") or stem in self._loaded:
                continue
            try:
                if os.stat(folder / name).st_mtime < oldest:
                    os.remove(folder / name)
            except OSError:
                pass

    def save(self) -> None:
        folder = self.root / "findings"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# Automatically created by notelint.\n*\n")
            if self._dirty:
                import tempfile

                self._forget_unused_files(folder)
            for name in self._dirty:  # (a settings key's facts, or a part of its findings)
                self._forget_unused(self._loaded[name])
                handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(json.dumps(self._loaded[name], separators=(",", ":")))  # C encoder
                os.replace(temporary, folder / f"{name}.json")
        except OSError:
            pass  # a cache that cannot be written only costs speed
        self._dirty.clear()


def _part(settings_key: str, file_key: str) -> str:
    """The findings file of a content hash: one of sixteen per settings key, by its first digit
    (each holds its own rule table, so that it stays whole when two runs write different parts)."""
    first = file_key[:1]
    return f"{settings_key}.{first if first in _HEX_DIGITS else format(ord(first or '0') % 16, 'x')}"


def clean(folder: Path) -> bool:
    """Remove the cache folder; True when there was one."""
    if folder.is_dir():
        import shutil

        shutil.rmtree(folder)
        return True
    return False
