"""Judging findings across the project, after the per-file pass.

A rule may declare a *judge* (``@rule(..., judge=function)``): after every file of a run has been
checked (or answered from the cache), the engine hands the judge that rule's findings together
with the text each one points at, and the :class:`Project` the notes belong to; the judge returns
the findings to keep.  The cache stores what the per-file pass found, so a file's cached findings
stay valid whatever happens to the other notes; a judge's verdict on a note is stored beside them
with a stamp of the project's notes (paths, sizes, modification times) and reused only while the
stamp is the same, so a warm run over an unchanged project loads no rule.  With ``--fix`` the judge
also sees every fixing pass, so a finding it drops is not fixed either.

The project of a note is the folder of its configuration file; without one, the git repository
the note is in (the folder holding ``.git``), else the note's own folder.  Its notes are the
files discovery finds there (hidden and excluded folders skipped), whatever files the command
line named, so a pre-commit run over a few staged notes and a whole-repository run judge alike.
Nothing is read until a judge asks.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from notelint.config import ConfigFinder
from notelint.diagnostics import Finding
from notelint.patterns import lazy

if TYPE_CHECKING:
    from notelint.linter import LintResult

_LETTERS = lazy(r"[^\W\d_]+")


class Subject(NamedTuple):
    """A finding and the text it points at (``finding.line:column`` to ``end_line:end_column``)."""

    finding: Finding
    text: str


JudgeFunction = Callable[[Sequence[Subject], "Project", Any], Iterable[Finding]]


# Looking a few words up in the notes' text is fastest; past this many words, one index of every
# word of every note is.
INDEX_AFTER = 64


class Project:
    """The notes under ``root``, read once, on first use."""

    root: Path
    finder: ConfigFinder
    _notes: frozenset[str] | None
    _known: Mapping[str, bytes]  # notes' bytes the run already read, by absolute path (not read again)
    _data: list[bytes] | None  # the notes' bytes, in the order of their paths
    _ascii_folded: list[bytes] | None  # the same, ASCII case-folded (see ascii_folded)
    _texts: dict[int, str]  # case-folded texts, by number, those asked so far
    _counts: dict[str, int]
    _partly_counted: set[str]  # words whose count stopped at a caller's ``enough``
    _index: Counter[str] | None
    _stamp: str | None

    def __init__(
        self,
        root: Path,
        finder: ConfigFinder,
        notes: frozenset[str] | None = None,
        known: Mapping[str, bytes] | None = None,
    ) -> None:
        self.root = root
        self.finder = finder
        self._notes = notes
        self._known = {} if known is None else known
        self._data = None
        self._ascii_folded = None
        self._texts = {}
        self._counts = {}
        self._partly_counted = set()
        self._index = None
        self._stamp = None

    def notes(self) -> frozenset[str]:
        """Absolute paths of the project's notes."""
        if self._notes is None:
            from notelint.discovery import discover

            found = discover([str(self.root)], self.finder).targets
            self._notes = frozenset(os.path.abspath(target.path) for target in found)
        return self._notes

    def contains(self, path: str) -> bool:
        return os.path.abspath(path) in self.notes()

    def stamp(self) -> str:
        """A fingerprint of the project's notes (paths, sizes, modification times): a judge's
        verdict stored with it stays right while it does not change."""
        if self._stamp is None:
            import hashlib

            lines = []
            for path in sorted(self.notes()):
                try:
                    status = os.stat(path)
                except OSError:
                    continue
                lines.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n")
            joined = "".join(lines).encode("utf-8", "surrogateescape")  # hashed at once, not line by line
            self._stamp = hashlib.blake2b(joined, digest_size=16).hexdigest()
        return self._stamp

    def notes_using(self, words: Iterable[str], enough: int | None = None) -> dict[str, int]:
        """For each word, the number of the project's notes that use it anywhere (prose, code,
        links, front matter), case-insensitively and as a whole word (no letter on either side).
        With ``enough``, counting a word stops at that many notes: a word more notes use counts
        ``enough`` (a judge that only asks whether a word is used often enough need not look at
        every note that uses it)."""
        asked = {word: word.casefold() for word in words}
        missing = {word for word in asked.values() if not self._counted(word, enough)}
        if missing:
            if self._index is None and len(self._counts) + len(missing) > INDEX_AFTER:
                self._index = Counter()
                for number in range(len(self._read())):
                    self._index.update(set(_LETTERS.findall(self._text(number))))
            for word in missing:
                if self._index is not None:
                    self._counts[word] = self._index[word]
                    self._partly_counted.discard(word)
                else:
                    self._counts[word] = self._count_notes_using(word, enough)
        counts = {word: self._counts[folded] for word, folded in asked.items()}
        return counts if enough is None else {word: min(count, enough) for word, count in counts.items()}

    def _counted(self, word: str, enough: int | None) -> bool:
        """Whether the count of ``word`` is known well enough: exactly, or to be at least ``enough``."""
        count = self._counts.get(word)
        if count is None:
            return False
        return word not in self._partly_counted or (enough is not None and count >= enough)

    def _count_notes_using(self, word: str, enough: int | None) -> int:
        """How many notes use ``word`` (case-folded), up to ``enough``: a word of ASCII letters
        is first looked for in the notes' bytes, folded at C speed (:func:`ascii_folded`), and
        only the notes that hold it are decoded and case-folded to tell whether they use it as a
        word."""
        notes: Iterable[int] = range(len(self._read()))
        if word.isascii():
            needle = word.encode()
            if self._ascii_folded is None:
                self._ascii_folded = [ascii_folded(data) for data in self._read()]
            notes = [number for number in notes if needle in self._ascii_folded[number]]
        count = 0
        for number in notes:
            if _uses(self._text(number), word):
                count += 1
                if count == enough:
                    self._partly_counted.add(word)
                    break
        else:
            self._partly_counted.discard(word)
        return count

    def _read(self) -> list[bytes]:
        if self._data is None:
            data = []
            known = self._known
            for path in sorted(self.notes()):
                read = known.get(path)
                if read is not None:
                    data.append(read)
                    continue
                try:
                    data.append(Path(path).read_bytes())
                except OSError:
                    continue
            self._data = data
        return self._data

    def _text(self, number: int) -> str:
        """The case-folded text of a note (decoded once, when first asked)."""
        text = self._texts.get(number)
        if text is None:
            text = self._texts[number] = self._read()[number].decode("utf-8", errors="replace").casefold()
        return text


# The characters beyond ASCII whose case folding holds ASCII letters (ß → ss, ﬁ → fi, the Kelvin
# sign → k), as UTF-8 with their folding; tests/test_plugins.py checks the list against Python's
# Unicode data.
_FOLDING_TO_ASCII = tuple(
    (char.encode(), char.casefold().encode())
    for char in "\u00df\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
_ASCII = bytes(range(128))


def ascii_folded(data: bytes) -> bytes:
    """UTF-8 ``data`` (invalid sequences allowed) with its ASCII letters lowered and each
    character of :data:`_FOLDING_TO_ASCII` replaced by its folding: every run of ASCII characters
    of the case-folded text is in it.  (The other characters fold to characters beyond ASCII; the
    search for them runs over the note's non-ASCII bytes only, usually a few hundred.)"""
    beyond_ascii = data.translate(None, _ASCII)
    for char, folded in _FOLDING_TO_ASCII:
        if char in beyond_ascii:
            data = data.replace(char, folded)
    return data.lower()


def _uses(text: str, word: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no letter right before or after it."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        start = text.find(word, start + 1)
    return False


class Projects:
    """One :class:`Project` per root, for the whole run; ``walked`` holds the notes the run's
    discovery already found under the folders it was given (a project rooted there needs no second
    walk)."""

    finder: ConfigFinder
    walked: dict[str, frozenset[str]]
    known: Mapping[str, bytes]
    _by_root: dict[Path, Project]

    def __init__(
        self,
        finder: ConfigFinder,
        walked: dict[str, frozenset[str]] | None = None,
        known: Mapping[str, bytes] | None = None,
    ) -> None:
        self.finder = finder
        self.walked = {} if walked is None else walked
        self.known = {} if known is None else known
        self._by_root = {}

    def for_root(self, root: Path) -> Project:
        root = Path(os.path.abspath(root))
        project = self._by_root.get(root)
        if project is None:
            project = self._by_root[root] = Project(root, self.finder, self.walked.get(str(root)), self.known)
        return project


def project_root(note: Path, config_file: Path | None, config_root: Path) -> Path:
    """The folder whose notes make up the project of ``note`` (see the module's docstring)."""
    if config_file is not None:
        return config_root
    folder = Path(os.path.dirname(os.path.abspath(note)))
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def judge_of(rule: Any) -> JudgeFunction | None:
    """A rule's judge; rules (and plugin classes) without one have none."""
    return getattr(rule, "judge", None)


def apply_judges(
    findings: list[Finding],
    text: str,
    rules: Sequence[tuple[Any, Any]],
    project: Project,
) -> list[Finding]:
    """The findings of one note that its rules' judges keep (``text``: the note's text;
    ``rules``: the note's (rule, options) pairs)."""
    codes = {finding.code for finding in findings}
    judged = {
        rule.code: (judge, options) for rule, options in rules
        if rule.code in codes and (judge := judge_of(rule)) is not None
    }
    if not judged:
        return findings
    from notelint.document import LineIndex

    index = LineIndex(text)
    dropped: set[int] = set()
    for code, (judge, options) in judged.items():
        mine = [finding for finding in findings if finding.code == code]
        if not mine:
            continue
        subjects = [
            Subject(
                finding,
                text[index.offset(finding.line, finding.column) : index.offset(finding.end_line, finding.end_column)],
            )
            for finding in mine
        ]
        kept = {id(finding) for finding in judge(subjects, project, options)}
        dropped.update(id(finding) for finding in mine if id(finding) not in kept)
    return [finding for finding in findings if id(finding) not in dropped]


def judge_result(result: LintResult, text: str, rules: Sequence[tuple[Any, Any]], project: Project) -> LintResult:
    """``result`` (of one lint pass over ``text``) without the findings its rules' judges drop:
    ``result`` itself when they drop none, so a caller can tell."""
    from notelint.linter import LintResult

    if not result.findings:
        return result
    kept = apply_judges(result.findings, text, rules, project)
    return result if len(kept) == len(result.findings) else LintResult(kept, result.crashes)
