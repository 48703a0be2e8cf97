"""Deciding whether an unknown word has a confident correction."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from notelint.rules.typos.edits import distance
from notelint.rules.typos.lexicon import Frequency, Lexicon, Memo, load

# A correction must be at least this frequent (zipf, English or German).
TARGET_ZIPF = 2.5
# Word lengths from which distance 2 and 3 corrections are searched.
LONG = 8
VERY_LONG = 12
# wordfreq is built from web text and lists common misspellings too (accross: 2.23): a word
# rarer than this counts as unknown, but a correction must then be RARER_GAP more frequent.
RARE_ZIPF = 1.2
RARE_GAP = 3.0
# German compounds: both parts at least this frequent in German and this long.
PART_ZIPF = 3.0
PART_LENGTH = 4
# English endings.  A stem is found by spelling rules: a dropped e (pars|ing), a doubled
# consonant (commit|t|ish), y turned into i (retri|able); endings that start with a vowel never
# follow an e (challengeing is a typo), "es" follows only s, x, z, ch, sh or o.
VOWEL_SUFFIXES = (
    "ed",
    "er",
    "ers",
    "ing",
    "ings",
    "able",
    "ible",
    "ably",
    "ability",
    "ibility",
    "ation",
    "ations",
    "ize",
    "izes",
    "ized",
    "izing",
    "izer",
    "izers",
    "ise",
    "ised",
    "ising",
    "ish",
    "ist",
    "ists",
    "ism",
    "isms",
    "al",
    "ally",
    "ic",
    "ity",
    "ee",
    "ees",
    "or",
    "ors",
)
CONSONANT_SUFFIXES = ("s", "ly", "ness", "ment", "ments", "ful", "less", "d")
Y_TO_I = frozenset({"es", "ed", "er", "ers", "able", "ability", "ly", "ness", "ful", "ment", "ments"})
STEM_ZIPF = 1.5
PREFIX_ZIPF = 2.5
PREFIXES = frozenset(
    "anti auto bi co counter cross de dis down en hyper inter intra meta micro mid mis multi "
    "non out over para post pre pro pseudo re semi socio sub super trans un under up "
    "bio geo neuro nano macro mono poly omni".split()
)


def stems(word: str) -> set[str]:
    """Possible English stems of a word with a common ending: pars|eable, commit|t|ish, retri|able."""
    found: set[str] = set()
    if word.endswith("y") and len(word) > 4 and not word.endswith("ly"):
        found.update((word[:-1], word[:-1] + "e"))  # truthy, falsy, noisy
    for suffix in (*VOWEL_SUFFIXES, *CONSONANT_SUFFIXES, "es"):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        if suffix == "es":
            if stem.endswith(("s", "x", "z", "ch", "sh", "o")):
                found.add(stem)
        elif suffix == "d":
            if stem.endswith("e"):
                found.add(stem)
        elif suffix in VOWEL_SUFFIXES:
            if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")) and suffix != "able":
                continue
            found.update((stem, stem + "e"))
            if stem[-1] == stem[-2] and stem[-1] not in "aeiouy" and stem[-3] in "aeiou":
                found.add(stem[:-1])
        else:
            found.add(stem)
        if suffix in Y_TO_I and stem.endswith("i"):
            found.add(stem[:-1] + "y")
    return found


def _prefixed(word: str) -> list[str]:
    return [word[len(prefix) :] for prefix in PREFIXES if word.startswith(prefix) and len(word) - len(prefix) >= 4]


class WordChecker:
    __slots__ = ("lexicon", "answers")

    lexicon: Lexicon
    # The answers of suggest_all already worked out in this process: a word's answer depends on
    # the word alone, and the notes of a repository share most of their words.
    answers: Memo[str]

    def __init__(self, lexicon: Lexicon, answers: Memo[str] | None = None) -> None:
        self.lexicon = lexicon
        self.answers = Memo() if answers is None else answers

    @classmethod
    def load(cls) -> WordChecker:
        return _checker()

    def unknown(self, words: Iterable[str]) -> list[str]:
        """The lower-cased words in no list and no codespell entry, and not derived from a word."""
        wanted = sorted(set(words))
        known = self.lexicon.frequencies(wanted)
        listed = self.lexicon.misspellings(wanted)
        unknown = [
            word for word in wanted if word not in listed and (word not in known or known[word].best < RARE_ZIPF)
        ]
        if not unknown:
            return []
        parts: set[str] = set()
        for word in unknown:
            parts.update(word[:index] for index in range(PART_LENGTH, len(word) - PART_LENGTH + 1))
            parts.update(word[index:] for index in range(PART_LENGTH, len(word) - PART_LENGTH + 1))
            parts.update(word[index + 1 :] for index in range(PART_LENGTH, len(word) - PART_LENGTH))
            for candidate in (word, *_prefixed(word)):
                parts.add(candidate)
                parts.update(stems(candidate))
        frequencies = self.lexicon.frequencies(parts)
        return [word for word in unknown if not self._derived(word, frequencies)]

    @staticmethod
    def _derived(word: str, frequencies: dict[str, Frequency]) -> bool:
        """A German compound of two common words, or a known English stem with a common prefix
        or ending (parseable, unhoisted, committish, gzipped)."""

        def german(part: str) -> bool:
            found = frequencies.get(part)
            return found is not None and found.de >= PART_ZIPF

        def english(part: str, zipf: float) -> bool:
            found = frequencies.get(part)
            return found is not None and found.en >= zipf

        for index in range(PART_LENGTH, len(word) - PART_LENGTH + 1):
            head, tail = word[:index], word[index:]
            if german(head) and (german(tail) or (tail.startswith("s") and german(tail[1:]))):
                return True
        for candidate in (word, *_prefixed(word)):
            if candidate != word and english(candidate, PREFIX_ZIPF):
                return True
            if any(english(stem, STEM_ZIPF) for stem in stems(candidate)):
                return True
        return False

    def suggest(self, word: str) -> str | None:
        """The confident correction of an unknown lower-cased word, or None."""
        own = self.lexicon.frequencies([word]).get(word)
        floor = TARGET_ZIPF if own is None else max(TARGET_ZIPF, own.best + RARE_GAP)
        long_near: set[str] = set()
        for reach in (1, 2, 3):
            if reach == 2 and len(word) < LONG:
                return None
            if reach == 3 and len(word) < VERY_LONG:
                return None
            if reach == 1:
                near = self.lexicon.near(word)
            elif reach == 2:
                near = long_near = self.lexicon.near_long(word, first=word[0])
            else:
                near = long_near
            # Typos rarely touch the first letter; names that differ there (Harband, Karrys) do.
            close = [
                target
                for target in near
                if target != word and target[0] == word[0] and distance(word, target, reach + 1) <= reach
            ]
            if not close:
                continue
            frequencies = self.lexicon.frequencies(close)
            misspelt = self.lexicon.misspellings(close)
            # Closest first; then corrections that add a letter (typists drop letters more often
            # than they add them); then the most frequent.
            ranked = sorted(
                (target for target in close if frequencies[target].best >= floor and target not in misspelt),
                key=lambda target: (
                    distance(word, target, reach + 1),
                    len(target) < len(word),
                    -frequencies[target].best,
                    target,
                ),
            )
            if ranked:
                return ranked[0]
        return None

    def suggest_all(self, words: Iterable[str]) -> dict[str, str]:
        """The confident corrections of the unknown words among the lower-cased ``words``."""
        return self.answers.answers(words, self._suggest_new)

    def _suggest_new(self, words: set[str]) -> dict[str, str]:
        unknown = self.unknown(words)
        return {word: suggestion for word in unknown if (suggestion := self.suggest(word)) is not None}


@cache
def _checker() -> WordChecker:
    return WordChecker(load())
