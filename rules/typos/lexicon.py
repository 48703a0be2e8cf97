"""Word data for the typos rules, compiled once into an SQLite file in the cache folder.

The data comes from two installed packages and is never copied into the repository:

- codespell's ``dictionary.txt`` (real-world misspellings and their corrections), read with
  ``importlib.resources``;
- wordfreq's ``large`` English and German frequency lists (zipf values).

Loading wordfreq costs about half a second, so the first run compiles both into one SQLite file
(about 85 MB, 30-60 s on a busy 2-core machine); later runs open it and pay a few indexed
lookups per note.  The file lives in
``$NOTELINT_DATA_DIR`` when set, else ``$XDG_CACHE_HOME/notelint`` or ``~/.cache/notelint``; its
name carries the schema version and a hash of the source files' paths, sizes and times, so
upgrading either package builds a new file (old ones are left for other environments that
share the folder; delete them by hand).  When the folder cannot be written, the data is built in
the system's temporary folder instead.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SCHEMA = 2
# Words at least this frequent (zipf, in English or German) can be offered as corrections.
TARGET_ZIPF = 2.5
# Long words this frequent can be offered as corrections two or three edits away; they are
# indexed by (a 32-bit hash of) every string up to two deletions away.
LONG_TARGET_ZIPF = 3.0
LONG_TARGET_LENGTH = 7
# A codespell hit is a German word (and is never reported) when its German zipf reaches this
# value or exceeds its English one.
GERMAN_ZIPF = 3.0


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A codespell entry: the corrections in the list's order and whether codespell would fix it."""

    corrections: tuple[str, ...]
    fixable: bool


def cache_dir() -> Path:
    configured = os.environ.get("NOTELINT_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "notelint"


def _sources() -> list[Path]:
    """The data files the cache is compiled from, found without importing their packages."""
    from importlib.util import find_spec

    found = []
    for package, names in (
        ("codespell_lib", ("dictionary.txt",)),
        ("wordfreq", ("large_en.msgpack.gz", "large_de.msgpack.gz")),
    ):
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            raise RuntimeError(f"the typos rules need the {package.split('_')[0]} package")
        found.extend(Path(spec.origin).parent / "data" / name for name in names)
    return found


def database_path() -> Path:
    """The cache file; its name changes when the schema or any source file changes
    (importlib.metadata would cost 15-25 ms per run)."""
    import zlib

    stamp = ";".join(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in _sources())
    return cache_dir() / f"typos-v{SCHEMA}-{zlib.crc32(stamp.encode()):08x}.sqlite3"


def deletes(word: str) -> Iterator[str]:
    """The strings one deletion away from ``word``."""
    for index in range(len(word)):
        yield word[:index] + word[index + 1 :]


def deletes2(word: str) -> set[str]:
    """``word`` and the strings one or two deletions away from it."""
    found = {word}
    for once in deletes(word):
        found.add(once)
        found.update(deletes(once))
    return found


def key_hash(key: str) -> int:
    import zlib

    return zlib.crc32(key.encode("utf-8"))


def _codespell_entries() -> Iterator[tuple[str, Misspelling]]:
    from importlib.resources import files

    text = files("codespell_lib").joinpath("data", "dictionary.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "->" not in line:
            continue
        key, data = line.split("->", 1)
        data = data.strip()
        fixable = "," not in data
        if not fixable:
            data, _reason = data.rsplit(",", 1)
        corrections = tuple(part.strip() for part in data.split(",") if part.strip())
        if corrections:
            yield key.strip().lower(), Misspelling(corrections, fixable)


def _zipf(frequency: float) -> int:
    """A zipf value times 100, as a small integer."""
    import math

    return round((math.log10(frequency) + 9) * 100)


def build(path: Path) -> None:
    """Compile the word data into ``path`` (written to a temporary file, then renamed)."""
    from wordfreq import get_frequency_dict

    english = get_frequency_dict("en", "large")
    german = get_frequency_dict("de", "large")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE words (word TEXT PRIMARY KEY, en INTEGER NOT NULL, de INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE misspellings (word TEXT PRIMARY KEY, corrections TEXT NOT NULL,
                                       fixable INTEGER NOT NULL, german INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE deletes (key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (key, word)) WITHOUT ROWID;
            CREATE TABLE long_targets (id INTEGER PRIMARY KEY, word TEXT NOT NULL);
            CREATE TABLE long_deletes (hash INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (hash, id)) WITHOUT ROWID;
            """
        )
        rows = {}
        for word, frequency in english.items():
            rows[word] = [_zipf(frequency), 0]
        for word, frequency in german.items():
            rows.setdefault(word, [0, 0])[1] = _zipf(frequency)
        connection.executemany("INSERT INTO words VALUES (?, ?, ?)", ((w, en, de) for w, (en, de) in rows.items()))
        misspellings = []
        for key, entry in _codespell_entries():
            en, de = rows.get(key, (0, 0))
            german = de >= GERMAN_ZIPF * 100 or (de > 0 and de > en)
            misspellings.append((key, "\n".join(entry.corrections), int(entry.fixable), int(german)))
        connection.executemany("INSERT OR REPLACE INTO misspellings VALUES (?, ?, ?, ?)", misspellings)
        keys: set[tuple[str, str]] = set()
        threshold = TARGET_ZIPF * 100
        for word, (en, de) in rows.items():
            if max(en, de) < threshold or not word.isalpha() or len(word) < 3:
                continue
            keys.add((word, word))
            keys.update((key, word) for key in deletes(word))
        connection.executemany("INSERT INTO deletes VALUES (?, ?)", sorted(keys))
        long_threshold = LONG_TARGET_ZIPF * 100
        long_words = sorted(
            word
            for word, (en, de) in rows.items()
            if max(en, de) >= long_threshold and word.isalpha() and len(word) >= LONG_TARGET_LENGTH
        )
        connection.executemany("INSERT INTO long_targets VALUES (?, ?)", enumerate(long_words))
        hashed = sorted({(key_hash(key), index) for index, word in enumerate(long_words) for key in deletes2(word)})
        connection.executemany("INSERT INTO long_deletes VALUES (?, ?)", hashed)
        connection.commit()
    finally:
        connection.close()
    os.replace(temporary, path)


@dataclass(frozen=True, slots=True)
class Frequency:
    """Zipf values (0 when the word is not in the list)."""

    en: float
    de: float

    @property
    def best(self) -> float:
        return max(self.en, self.de)


class Lexicon:
    """Read-only lookups in the compiled word data."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)

    def _query(self, sql: str, values: list[str]) -> list[tuple]:  # type: ignore[type-arg]
        found: list[tuple] = []  # type: ignore[type-arg]
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.extend(self._connection.execute(sql.format(marks=marks), chunk).fetchall())
        return found

    def frequencies(self, words: Iterable[str]) -> dict[str, Frequency]:
        """Zipf values of the lower-cased words found in either list."""
        wanted = sorted(set(words))
        rows = self._query("SELECT word, en, de FROM words WHERE word IN ({marks})", wanted)
        return {word: Frequency(en / 100, de / 100) for word, en, de in rows}

    def misspellings(self, words: Iterable[str]) -> dict[str, tuple[Misspelling, bool]]:
        """codespell entries of the lower-cased words, with whether the word is German."""
        wanted = sorted(set(words))
        rows = self._query(
            "SELECT word, corrections, fixable, german FROM misspellings WHERE word IN ({marks})", wanted
        )
        return {
            word: (Misspelling(tuple(corrections.split("\n")), bool(fixable)), bool(german))
            for word, corrections, fixable, german in rows
        }

    def near_long(self, word: str) -> set[str]:
        """Long frequent words that share a string up to two deletions away with ``word``
        (every word within Damerau–Levenshtein distance 2, and some at 3 or 4)."""
        hashes = sorted({key_hash(key) for key in deletes2(word)})
        marks = ",".join("?" * len(hashes))
        rows = self._connection.execute(
            f"SELECT word FROM long_targets WHERE id IN (SELECT id FROM long_deletes WHERE hash IN ({marks}))",
            hashes,
        ).fetchall()
        return {found for (found,) in rows}

    def near(self, keys: Iterable[str]) -> set[str]:
        """Target words that are, or have a deletion equal to, one of ``keys``."""
        rows = self._query("SELECT DISTINCT word FROM deletes WHERE key IN ({marks})", sorted(set(keys)))
        return {word for (word,) in rows}


@cache
def load() -> Lexicon:
    """The compiled word data, built on first use."""
    path = database_path()
    if not path.exists():
        try:
            build(path)
        except OSError:
            import tempfile

            path = (
                Path(tempfile.gettempdir()) / f"notelint-{os.getuid() if hasattr(os, 'getuid') else 'user'}" / path.name
            )
            if not path.exists():
                build(path)
    return Lexicon(path)
