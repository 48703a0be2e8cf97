"""Options of the typos family: ``[tool.notelint.typos]``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from notelint.document import Document
from notelint.options import DeclaredOptions
from notelint.values import Value

if TYPE_CHECKING:
    from pydantic import BaseModel


class TyposOptions(DeclaredOptions, Value):
    """``words``: the project's own words; ``words-file``: a file with one word a line (``#``
    starts a comment).  Both are case-insensitive.  A relative ``words-file`` starts at the folder
    of the configuration file; it is read once when the options are resolved (by the pydantic
    model, which fills ``_file_words``).
    ``vocabulary-min-notes``: an unknown word that this many of the project's notes use is taken
    as the project's vocabulary (0 turns the signal off)."""

    _fields = ("words", "words_file", "vocabulary_min_notes", "config_root", "_file_words")
    _shown = _fields[:-1]
    words: list[str]
    words_file: str | None
    vocabulary_min_notes: int
    config_root: str | None
    _file_words: frozenset[str]

    def __init__(
        self,
        words: list[str] | None = None,  # None: a new empty list
        words_file: str | None = None,
        vocabulary_min_notes: int = 3,
        config_root: str | None = None,
        _file_words: frozenset[str] = frozenset(),
    ) -> None:
        self._set_fields(
            [] if words is None else words,
            words_file,
            vocabulary_min_notes,
            config_root,
            _file_words,
        )

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.typos.options_model import TyposOptionsModel

        return TyposOptionsModel


def read_words(text: str) -> frozenset[str]:
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.casefold())
    return frozenset(words)


@cache
def read_words_file(path: str, stamp: int) -> frozenset[str]:
    try:
        return read_words(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return frozenset()


def locate_words_file(words_file: str, note_path: str, config_root: Path | None = None) -> Path | None:
    """The words file a note uses: an absolute path; relative to the configuration file's folder
    when the options came from one; else the first ``folder/words_file`` that exists from the
    note's folder upwards, or the path relative to the current directory."""
    candidate = Path(words_file).expanduser()
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    if config_root is not None:
        return config_root / candidate if (config_root / candidate).is_file() else None
    if note_path and note_path != "-":
        for folder in Path(note_path).resolve().parents:
            if (folder / candidate).is_file():
                return folder / candidate
    return candidate.resolve() if candidate.is_file() else None


def project_words(options: TyposOptions | None, document: Document) -> frozenset[str]:
    """The project's words, case-folded."""
    if options is None:
        return frozenset()
    return frozenset({word.casefold() for word in options.words}) | options._file_words


def keep_case(original: str, correction: str) -> str:
    """``Esitmate`` → ``Estimate``: a capitalised word gets a capitalised correction."""
    if original[:1].isupper() and correction:
        return correction[0].upper() + correction[1:]
    return correction


def add_words(path: Path, new_words: list[str]) -> list[str]:
    """Add words to a words file: comment lines first, then every word once (case-insensitive),
    sorted.  Returns the words that were not there yet."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    comments = [line for line in lines if line.strip().startswith("#")]
    entries = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    known = {entry.split("#", 1)[0].strip().casefold() for entry in entries}
    added = []
    for word in new_words:
        word = word.strip()
        if word and word.casefold() not in known:
            known.add(word.casefold())
            entries.append(word)
            added.append(word)
    entries.sort(key=lambda entry: (entry.casefold(), entry))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in [*comments, *entries]), encoding="utf-8")
    return added


def shared_unknown_words(paths: list[Path], min_notes: int = 2) -> dict[str, int]:
    """Words the unknown-word rule would flag that several notes use: more likely the project's
    vocabulary than a typo.  Returns each such word (as first seen) with its number of notes."""
    from notelint.rules.typos.correct import WordChecker
    from notelint.rules.typos.words import prose_words

    checker = WordChecker.load()
    notes_per_word: dict[str, set[Path]] = {}
    spelling: dict[str, str] = {}
    for path in paths:
        try:
            document = Document.from_bytes(str(path), path.read_bytes())
        except (OSError, ValueError):
            continue
        words = prose_words(document)
        flagged = checker.suggest_all(word.text.lower() for word in words)
        for word in words:
            key = word.text.lower()
            if key in flagged:
                notes_per_word.setdefault(key, set()).add(path)
                spelling.setdefault(key, word.text)
    return {
        spelling[key]: len(notes)
        for key, notes in sorted(notes_per_word.items())
        if len(notes) >= min_notes
    }
