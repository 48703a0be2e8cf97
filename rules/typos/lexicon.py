"""Word data for the typos rules, compiled once into one compact binary file in the cache folder.

The data comes from two installed packages and is never copied into the repository:

- codespell's ``dictionary.txt`` (real-world misspellings and their corrections), read with
  ``importlib.resources``;
- wordfreq's ``large`` English and German frequency lists (zipf values).

Loading wordfreq costs about half a second, so the first run compiles both into one file (about
15 MB, 6-10 s on a busy 2-core machine); later runs map it into memory (``mmap``) and pay a few binary searches per
word.  The file holds sorted tables of fixed-size integers:

- ``words``: every alphabetic word of either list as a 44-bit hash with its English and German zipf
  values (10 bits each), 65,536 buckets by the hash's top 16 bits;
- ``misspellings``: codespell's entries, a sorted hash index into a text block (the key is
  compared, so a hit is exact);
- ``long targets`` and their distance-2 index: frequent long words, and for every string up to two
  deletions away from one of them (a hash of it) the word's number: 65,536 buckets, one byte of
  hash and two bytes of word number per entry;
- ``contexts``: for each pair of letters, the letters that come between them in a frequent word,
  so that the distance-1 search only builds candidate edits that can be words;
- two bitmaps (one bit per crc32 of a word, modulo the bitmap's size) of the frequent words and of
  codespell's keys: most lookups end there for the price of a crc32.

Corrections one edit away are found by building the query's edits (deletions, transpositions,
substitutions, insertions) and looking them up, not by storing an index.

The file lives in ``$NOTELINT_DATA_DIR`` when set, else ``$XDG_CACHE_HOME/notelint`` or
``~/.cache/notelint``.  Its name carries the schema and the identity of the data (size and a
checksum of the end of each source file), not where the packages are installed, so every
environment with the same data shares one file.  Building writes a temporary file and renames it
into place (two processes building at once each rename a complete file); afterwards files of older
schemas and all but the most recently used few are removed.  When the folder cannot be written,
the data is built in the system's temporary folder instead.
"""

from __future__ import annotations

import mmap
import os
import struct
from bisect import bisect_left
from zlib import crc32
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import AnyStr, Generic, NamedTuple, TypeVar
from pathlib import Path

try:  # hashlib's own blake2b, without hashlib loading OpenSSL (about 3 ms of a one-note run)
    from _blake2 import blake2b
except ImportError:  # an interpreter without the module
    from hashlib import blake2b

SCHEMA = 4
MAGIC = b"NLTYPOS4"
# Files of the current schema kept in the cache folder (other environments, other package versions).
KEEP_FILES = 3
# Words at least this frequent (zipf, in English or German) can be offered as corrections.
TARGET_ZIPF = 2.5
TARGET_LENGTH = 3
# Long words this frequent can be offered as corrections two or three edits away; they are
# indexed by (a hash of) every string up to two deletions away.
LONG_TARGET_ZIPF = 3.0
LONG_TARGET_LENGTH = 7
# A codespell hit is a German word (and is never reported) when its German zipf reaches this
# value or exceeds its English one.
GERMAN_ZIPF = 3.0

BUCKET_BITS = 16
WORD_HASH_BITS = 44  # 16 bits of bucket, 28 stored
ZIPF_BITS = 10
SECTIONS = 13
# A bitmap of 2**21 bits: the bit crc32(word) % 2**21 is set for every target word.
TARGET_BITS = 21
# The same for codespell's entries: most words of a note are not on the list.
MISSPELLING_BITS = 20
# Magic, four counts, then (offset, length) of each section.
_HEADER = struct.Struct(f"<8s4Q{2 * SECTIONS}Q")
# The end of a word, in the contexts table.
EDGE = "$"


class Misspelling(NamedTuple):
    """A codespell entry: the corrections in the list's order and whether codespell would fix it."""

    corrections: tuple[str, ...]
    fixable: bool


class Frequency(NamedTuple):
    """Zipf values (0 when the word is not in the list)."""

    en: float
    de: float

    @property
    def best(self) -> float:
        return max(self.en, self.de)


# -- where the file lives -------------------------------------------------------------------------


def cache_dir() -> Path:
    configured = os.environ.get("NOTELINT_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "notelint"


def _sources() -> list[Path]:
    """The data files the cache is compiled from, found without importing their packages."""
    from importlib.util import find_spec

    found: list[Path] = []
    for package, names in (
        ("codespell_lib", ("dictionary.txt",)),
        ("wordfreq", ("large_en.msgpack.gz", "large_de.msgpack.gz")),
    ):
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            raise RuntimeError(f"the typos rules need the {package.split('_')[0]} package")
        found.extend(Path(spec.origin).parent / "data" / name for name in names)
    return found


def data_identity(sources: list[Path]) -> str:
    """What the data is, not where it is: each source file's size and a checksum of its last
    4 KiB (for wordfreq's gzip files that holds the checksum of the whole content; reading the
    whole files would cost milliseconds on every run)."""
    import zlib

    parts = []
    for path in sources:
        with path.open("rb") as stream:
            size = stream.seek(0, os.SEEK_END)
            stream.seek(max(0, size - 4096))
            parts.append(f"{path.name}:{size}:{zlib.crc32(stream.read()):08x}")
    return f"{zlib.crc32(';'.join(parts).encode()):08x}"


def file_name(identity: str) -> str:
    return f"typos-v{SCHEMA}-{identity}.bin"


def database_path() -> Path:
    """The cache file; its name changes when the schema or the data changes."""
    return cache_dir() / file_name(data_identity(_sources()))


# -- hashing and edits ----------------------------------------------------------------------------


def word_hash(word: str) -> int:
    """A 64-bit hash of a word (stable across processes, unlike ``hash``)."""
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


def key_hash(key: str) -> int:
    return crc32(key.encode("utf-8"))


def deletes2(word: AnyStr) -> set[AnyStr]:
    """``word`` and the strings one or two deletions away from it."""
    length = len(word)
    found = {
        word[:first] + word[first + 1 : second] + word[second + 1 :]
        for first in range(length)
        for second in range(first + 1, length)
    }
    found.update([word[:first] + word[first + 1 :] for first in range(length)])
    found.add(word)
    return found


def edits1(word: str, contexts: dict[str, str]) -> set[str]:
    """Strings one edit (deletion, transposition, substitution, insertion) away from ``word``
    that keep its first letter, and whose new letter sits between two letters it sits between in
    some frequent word (``contexts``: left letter + right letter or EDGE -> letters)."""
    found: set[str] = set()
    length = len(word)
    for index in range(1, length):
        head, rest = word[:index], word[index + 1 :]
        found.add(head + rest)
        if rest:
            found.add(head + rest[0] + word[index] + rest[1:])
        right = rest[0] if rest else EDGE
        for letter in contexts.get(word[index - 1] + right, ""):
            found.add(head + letter + rest)
    for index in range(1, length + 1):
        right = word[index] if index < length else EDGE
        for letter in contexts.get(word[index - 1] + right, ""):
            found.add(word[:index] + letter + word[index:])
    found.discard(word)
    return found


# -- building ---------------------------------------------------------------------------------------


def _codespell_entries(path: Path) -> Iterator[tuple[str, Misspelling]]:
    text = path.read_text(encoding="utf-8")
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


def _frequency_list(path: Path) -> Iterator[tuple[int, str]]:
    """(zipf value times 100, word) of the alphabetic words of a wordfreq list.

    wordfreq's "cBpack" files are gzipped msgpack: a header, then one list of words per
    centibel of frequency, the index being minus the centibels; zipf is log10 of the frequency
    per billion words, so zipf * 100 = 900 - index (what ``wordfreq.get_frequency_dict`` gives,
    without importing wordfreq and its language tables).  A word listed twice keeps its last value."""
    import gzip

    import msgpack

    with gzip.open(path, "rb") as stream:
        data = msgpack.load(stream, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack file")
    for index, bucket in enumerate(data[1:]):
        for word in bucket:
            if word.isalpha():
                yield 900 - index, word


def _bucket_offsets(entries: list[int], entry_bits: int) -> bytes:
    """Where each bucket (the top BUCKET_BITS bits) of sorted ``entries`` starts, and the end:
    1 + 2**BUCKET_BITS unsigned 32-bit numbers."""
    from array import array

    shift = entry_bits - BUCKET_BITS
    starts = array("I", (bisect_left(entries, bucket << shift) for bucket in range((1 << BUCKET_BITS) + 1)))
    return starts.tobytes()


def _little_endian(entries: list[int]) -> bytes:
    """Numbers below 2**64 as 8 bytes each, least significant first."""
    import sys
    from array import array

    packed = array("Q", entries)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _byte_columns(raw: bytes, first: int, count: int, kind: str) -> bytes:
    """Bytes ``first`` to ``first + count - 1`` of every 8-byte entry of ``raw`` (see
    :func:`_little_endian`) as native unsigned numbers of ``count`` bytes: cutting a packed table
    into its columns at C speed instead of one Python operation per entry."""
    import sys
    from array import array

    column = bytearray(len(raw) // 8 * count)
    for byte in range(count):
        column[byte::count] = raw[first + byte :: 8]
    if count == 1:
        return bytes(column)
    numbers = array(kind)
    numbers.frombytes(bytes(column))
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tobytes()


def _pad(blob: bytes) -> bytes:
    return blob + b"\0" * (-len(blob) % 8)


def build(path: Path) -> None:
    """Compile the word data into ``path`` (written to a temporary file, then renamed)."""
    import tempfile
    from array import array

    codespell, english, german = _sources()
    rows: dict[str, list[int]] = {}
    for zipf, word in _frequency_list(english):
        rows[word] = [zipf, 0]
    for zipf, word in _frequency_list(german):
        rows.setdefault(word, [0, 0])[1] = zipf

    # words: (hash >> 20) with en and de zipf in the low 20 bits, sorted; split into the top 32
    # bits (searched) and the low 16 bits.
    shift = 64 - WORD_HASH_BITS
    packed = [
        (int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "big") >> shift) << (2 * ZIPF_BITS)
        | en << ZIPF_BITS
        | de
        for word, (en, de) in rows.items()
    ]  # word_hash, inlined: this runs for every word
    packed.sort()
    word_offsets = _bucket_offsets(packed, 64)
    raw = _little_endian(packed)
    word_high = _byte_columns(raw, 2, 4, "I")
    word_low = _byte_columns(raw, 0, 2, "H")

    # misspellings: sorted (40-bit hash << 24 | record offset) over a text block of records
    # "key\tcorrection\ncorrection\tfixable german\x00".
    records = bytearray()
    index: list[int] = []
    entries = dict(_codespell_entries(codespell))
    for key, entry in sorted(entries.items()):
        en, de = rows.get(key, (0, 0))
        is_german = de >= GERMAN_ZIPF * 100 or (de > 0 and de > en)
        index.append((word_hash(key) >> 24) << 24 | len(records))
        records += f"{key}\t{chr(10).join(entry.corrections)}\t{int(entry.fixable)}{int(is_german)}\0".encode()
    misspelling_bitmap = bytearray(1 << (MISSPELLING_BITS - 3))
    for key in entries:
        bit = crc32(key.encode()) & ((1 << MISSPELLING_BITS) - 1)
        misspelling_bitmap[bit >> 3] |= 1 << (bit & 7)
    if len(records) >= 1 << 24:
        raise RuntimeError("codespell's list is too large for the index")
    misspelling_index = array("Q", sorted(index)).tobytes()

    # long targets and their distance-2 index: (crc32 of a key) -> word number, bucketed by the
    # top 16 bits, the next 8 bits stored as a check byte.
    long_words = sorted(
        word
        for word, (en, de) in rows.items()
        if max(en, de) >= LONG_TARGET_ZIPF * 100 and len(word) >= LONG_TARGET_LENGTH
    )
    if len(long_words) >= 1 << 16:
        raise RuntimeError("too many long target words for the index")
    long_blob = "\n".join(long_words).encode()
    starts, position = [], 0
    for word in long_words:
        starts.append(position)
        position += len(word.encode()) + 1
    starts.append(position)
    long_offsets = array("I", starts).tobytes()
    # Sorted as floats (exact below 2**53, and compared much faster than large ints).
    floats = [
        (crc32(key) >> 8) * 65536.0 + number
        for number, word in enumerate(long_words)
        for key in (deletes2(word.encode()) if word.isascii() else [key.encode() for key in deletes2(word)])
    ]
    floats.sort()
    pairs = list(map(int, floats))
    del floats
    delete_offsets = _bucket_offsets(pairs, 40)
    raw = _little_endian(pairs)
    delete_checks = _byte_columns(raw, 2, 1, "B")
    delete_ids = _byte_columns(raw, 0, 2, "H")

    # contexts: left letter + right letter (or EDGE) -> the letters between them in a target.
    trigrams: set[str] = set()
    for word, (en, de) in rows.items():
        if max(en, de) >= TARGET_ZIPF * 100 and len(word) >= TARGET_LENGTH:
            padded = word + EDGE
            trigrams.update(padded[middle - 1 : middle + 2] for middle in range(1, len(word)))
    between: dict[str, set[str]] = {}
    for trigram in trigrams:
        between.setdefault(trigram[0] + trigram[2], set()).add(trigram[1])
    target_bitmap = bytearray(1 << (TARGET_BITS - 3))
    for word, (en, de) in rows.items():
        if max(en, de) >= TARGET_ZIPF * 100 and len(word) >= TARGET_LENGTH:
            bit = crc32(word.encode()) & ((1 << TARGET_BITS) - 1)
            target_bitmap[bit >> 3] |= 1 << (bit & 7)
    contexts = "\n".join(f"{pair}\t{''.join(sorted(letters))}" for pair, letters in sorted(between.items())).encode()

    sections = [
        word_offsets, word_high, word_low, misspelling_index, bytes(records),
        long_offsets, long_blob, delete_offsets, delete_checks, delete_ids, contexts,
        bytes(target_bitmap),
        bytes(misspelling_bitmap),
    ]
    layout: list[int] = []
    position = _HEADER.size
    for section in sections:
        layout.extend((position, len(section)))
        position += len(_pad(section))
    header = _HEADER.pack(MAGIC, len(packed), len(index), len(long_words), len(pairs), *layout)

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o644)  # shared by every environment (mkstemp makes it private)
        with os.fdopen(handle, "wb") as stream:
            stream.write(header)
            for section in sections:
                stream.write(_pad(section))
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def remove_stale(folder: Path, current: Path, keep: int = KEEP_FILES) -> list[Path]:
    """Remove typos files of older schemas, all but the ``keep`` most recently used files of this
    schema (``current`` always stays), and temporary files of builds that died over an hour ago.
    Returns what was removed; a file that cannot be removed is left."""
    import time

    removed: list[Path] = []
    prefix = f"typos-v{SCHEMA}-"
    same_schema = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        try:
            if name.startswith((".typos-v", "typos-v")) and name.endswith(".tmp"):  # older versions: no dot
                stale = entry.stat().st_mtime < time.time() - 3600
            elif name.startswith("typos-v") and name.endswith((".sqlite3", ".bin")):
                if entry == current:
                    continue
                if name.startswith(prefix):
                    same_schema.append((entry.stat().st_atime, entry))
                    continue
                stale = True
            else:
                continue
            if stale:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    same_schema.sort(reverse=True)
    for _, entry in same_schema[max(0, keep - 1) :]:
        try:
            entry.unlink()
            removed.append(entry)
        except OSError:
            continue
    return removed


# -- reading ----------------------------------------------------------------------------------------


class Lexicon:
    """Read-only lookups in the compiled word data (memory-mapped)."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as stream:
            self._map = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        view = memoryview(self._map)
        fields = _HEADER.unpack_from(view)
        if fields[0] != MAGIC:
            raise ValueError(f"{path} is not a notelint typos data file")
        layout = fields[5:]

        def section(number: int, kind: str = "B") -> memoryview:
            offset, length = layout[2 * number], layout[2 * number + 1]
            return view[offset : offset + length].cast(kind)  # type: ignore[call-overload]

        self._word_offsets = section(0, "I")
        self._word_high = section(1, "I")
        self._word_low = section(2, "H")
        self._misspelling_index = section(3, "Q")
        self._records = section(4)
        self._long_offsets = section(5, "I")
        self._long_blob = section(6)
        self._delete_offsets = section(7, "I")
        self._delete_checks = section(8)
        self._delete_ids = section(9, "H")
        self._contexts_blob = section(10)
        self._target_bitmap = section(11)
        self._misspelling_bitmap = section(12)
        self._contexts: dict[str, str] | None = None
        # Answers already looked up in this process: the notes of a repository share most of
        # their words, so a run over many notes looks most words up once, not once per note.
        self._known: Memo[Frequency] = Memo()
        self._listed: Memo[tuple[Misspelling, bool]] = Memo()

    # words

    def _zipf(self, word: str) -> int | None:
        """en << 10 | de, or None when the word is in neither list."""
        key = word_hash(word) >> (64 - WORD_HASH_BITS)
        bucket = key >> (WORD_HASH_BITS - BUCKET_BITS)
        high = key & 0xFFFFFFF
        lo, hi = self._word_offsets[bucket], self._word_offsets[bucket + 1]
        wanted = high << 4
        found = bisect_left(self._word_high, wanted, lo, hi)
        if found < hi and self._word_high[found] >> 4 == high:
            return (self._word_high[found] & 0xF) << 16 | self._word_low[found]
        return None

    def frequencies(self, words: Iterable[str]) -> dict[str, Frequency]:
        """Zipf values of the lower-cased words found in either list."""
        return remembered(self._known, words, self._frequency)

    def _frequency(self, word: str) -> Frequency | None:
        packed = self._zipf(word)
        if packed is None:
            return None
        mask = (1 << ZIPF_BITS) - 1
        return Frequency((packed >> ZIPF_BITS) / 100, (packed & mask) / 100)

    # misspellings

    def misspellings(self, words: Iterable[str]) -> dict[str, tuple[Misspelling, bool]]:
        """codespell entries of the lower-cased words, with whether the word is German."""
        return remembered(self._listed, words, self._misspelling)

    def _misspelling(self, word: str) -> tuple[Misspelling, bool] | None:
        index, records = self._misspelling_index, self._records
        bit = crc32(word.encode()) & ((1 << MISSPELLING_BITS) - 1)
        if not self._misspelling_bitmap[bit >> 3] >> (bit & 7) & 1:
            return None  # not on the list, for the price of a crc32
        key = word_hash(word) >> 24
        position = bisect_left(index, key << 24)
        while position < len(index) and index[position] >> 24 == key:
            start = index[position] & 0xFFFFFF
            end = bytes(records[start : start + 4096]).index(b"\0")
            name, corrections, flags = bytes(records[start : start + end]).decode().split("\t")
            if name == word:
                return Misspelling(tuple(corrections.split("\n")), flags[0] == "1"), flags[1] == "1"
            position += 1
        return None

    # corrections

    def near(self, word: str) -> set[str]:
        """Target words (zipf >= TARGET_ZIPF, TARGET_LENGTH letters or more) one edit away from
        ``word`` that keep its first letter."""
        if self._contexts is None:
            self._contexts = dict(
                line.split("\t") for line in bytes(self._contexts_blob).decode().split("\n") if line
            )
        threshold = round(TARGET_ZIPF * 100)
        mask = (1 << ZIPF_BITS) - 1
        bitmap, bits = self._target_bitmap, (1 << TARGET_BITS) - 1
        found = set()
        for candidate in edits1(word, self._contexts):
            # the bitmap rules out most candidates for the price of a crc32
            bit = crc32(candidate.encode()) & bits
            if not bitmap[bit >> 3] >> (bit & 7) & 1 or len(candidate) < TARGET_LENGTH:
                continue
            packed = self._zipf(candidate)
            if packed is not None and max(packed >> ZIPF_BITS, packed & mask) >= threshold:
                found.add(candidate)
        return found

    def long_word(self, number: int) -> str:
        start, end = self._long_offsets[number], self._long_offsets[number + 1] - 1
        return bytes(self._long_blob[start:end]).decode()

    def near_long(self, word: str, first: str | None = None) -> set[str]:
        """Long frequent words that share a string up to two deletions away with ``word``
        (every word within Damerau–Levenshtein distance 2, and some at 3 or 4); with ``first``,
        only those starting with it."""
        keys = deletes2(word)
        numbers: set[int] = set()
        offsets, checks, ids = self._delete_offsets, self._delete_checks, self._delete_ids
        for key in keys:
            hashed = key_hash(key)
            bucket, check = hashed >> 16, hashed >> 8 & 0xFF
            lo, hi = offsets[bucket], offsets[bucket + 1]
            position = bisect_left(checks, check, lo, hi)
            while position < hi and checks[position] == check:
                numbers.add(ids[position])
                position += 1
        found = set()
        for number in numbers:
            target = self.long_word(number)
            if first is not None and not target.startswith(first):
                continue
            # the index holds hashes: keep only true matches
            if not keys.isdisjoint(deletes2(target)):
                found.add(target)
        return found


MEMO_LIMIT = 200_000


Answer = TypeVar("Answer")


class Memo(Generic[Answer]):
    """Answers already looked up in this process: the words that have one and the words that
    have none, kept apart so that a note's words are sorted into known and new with set
    operations rather than one step per word.  Emptied when it holds MEMO_LIMIT words (a run over
    a huge corpus keeps its memory bounded; the answers do not change, so emptying only costs
    lookups)."""

    def __init__(self) -> None:
        self.found: dict[str, Answer] = {}
        self.missing: set[str] = set()

    def answers(self, words: Iterable[str], look_up: Callable[[set[str]], dict[str, Answer]]) -> dict[str, Answer]:
        """The answers for the words that have one; ``look_up`` gets the words not asked about
        before and returns the answers of those that have one."""
        wanted = words if isinstance(words, set) else set(words)
        if len(self.found) + len(self.missing) >= MEMO_LIMIT:
            self.found.clear()
            self.missing.clear()
        # (difference, not difference_update: that walks the whole argument)
        new = wanted.difference(self.found).difference(self.missing)
        if new:
            answered = look_up(new)
            self.found.update(answered)
            self.missing.update(new.difference(answered))
        return {word: self.found[word] for word in self.found.keys() & wanted}


def remembered(memo: Memo[Answer], words: Iterable[str], look_up: Callable[[str], Answer | None]) -> dict[str, Answer]:
    """The answers of ``look_up`` for the words that have one, each word looked up once per
    process (``memo`` keeps the answers)."""

    def look_up_each(new: set[str]) -> dict[str, Answer]:
        return {word: answer for word in new if (answer := look_up(word)) is not None}

    return memo.answers(words, look_up_each)


def _open_or_build(path: Path) -> Lexicon:
    if not path.exists():
        build(path)
        remove_stale(path.parent, path)
    try:
        return Lexicon(path)
    except (ValueError, TypeError, struct.error):  # a damaged file: build it again
        build(path)
        return Lexicon(path)


@cache
def load() -> Lexicon:
    """The compiled word data, built on first use."""
    path = database_path()
    try:
        return _open_or_build(path)
    except OSError:
        import tempfile

        user = os.getuid() if hasattr(os, "getuid") else "user"
        return _open_or_build(Path(tempfile.gettempdir()) / f"notelint-{user}" / path.name)
