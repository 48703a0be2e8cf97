"""Deciding whether an unknown word has a confident correction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from notelint.rules.typos.edits import distance, keys_within
from notelint.rules.typos.lexicon import Frequency, Lexicon, load

# A correction must be at least this frequent (zipf, English or German).
TARGET_ZIPF = 2.5
# Word lengths from which distance 2 and 3 corrections are searched.
LONG = 8
VERY_LONG = 12
# Parts of a compound must be at least this frequent, and this long unless a known prefix.
PART_ZIPF = 3.0
PART_LENGTH = 4
# A word made of a known stem and one of these endings is a derivation, not a typo.
SUFFIXES = tuple(sorted(
    "s es ed d ing er ers or ors ly able ible ably ability ibility ness ment ments ation ations "
    "ize izes ized izing izer izers ise ises ised ising ish ful less al ally ic ity ify ified "
    "ifies ism ist ists y ee ees en".split(),
    key=len, reverse=True,
))
STEM_ZIPF = 1.5
PREFIXES = frozenset(
    "anti auto bi co counter cross de dis down en hyper inter intra meta micro mid mis multi "
    "non out over para post pre pro pseudo re semi socio sub super trans tri un under up "
    "bio geo neuro nano macro mono poly omni".split()
)


@dataclass(frozen=True)
class WordChecker:
    lexicon: Lexicon

    @classmethod
    def load(cls) -> WordChecker:
        return cls(load())

    def unknown(self, words: Iterable[str]) -> list[str]:
        """The lower-cased words that are in no list and no codespell entry, nor compounds."""
        wanted = sorted(set(words))
        known = self.lexicon.frequencies(wanted)
        listed = self.lexicon.misspellings(wanted)
        unknown = [word for word in wanted if word not in known and word not in listed]
        if not unknown:
            return []
        parts = {
            piece
            for word in unknown
            for index in range(2, len(word) - 1)
            for piece in (word[:index], word[index:], word[index + 1 :])
        }
        parts.update(stem for word in unknown for stem in self._stems(word))
        parts.update(
            stem
            for word in unknown
            for prefix in PREFIXES
            if word.startswith(prefix)
            for stem in self._stems(word[len(prefix) :])
        )
        frequencies = self.lexicon.frequencies(parts)
        return [word for word in unknown if not self._derived(word, frequencies)]

    @staticmethod
    def _stems(word: str) -> set[str]:
        """Possible stems of a word with a common ending: pars|eable, commit|t|ish, retri|able."""
        stems = set()
        for suffix in SUFFIXES:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < 3:
                continue
            stems.update((stem, stem + "e"))
            if stem[-1] == stem[-2]:
                stems.add(stem[:-1])
            if stem.endswith("i"):
                stems.add(stem[:-1] + "y")
        return stems

    @classmethod
    def _derived(cls, word: str, frequencies: dict[str, Frequency]) -> bool:
        """A compound of known words, or a known stem with a common prefix or ending."""
        if cls._compound(word, frequencies):
            return True
        # The prefixes and endings are English, so the stem must be an English word.
        for candidate in (word, *(word[len(p) :] for p in PREFIXES if word.startswith(p) and len(word) - len(p) >= 3)):
            if candidate != word:
                found = frequencies.get(candidate)
                if found is not None and found.en >= STEM_ZIPF:
                    return True
            for stem in cls._stems(candidate):
                found = frequencies.get(stem)
                if found is not None and found.en >= STEM_ZIPF:
                    return True
        return False

    @staticmethod
    def _compound(word: str, frequencies: dict[str, Frequency]) -> bool:
        def common(part: str) -> bool:
            found = frequencies.get(part)
            return found is not None and found.best >= PART_ZIPF

        for index in range(2, len(word) - 1):
            head, tail = word[:index], word[index:]
            if head in PREFIXES and len(tail) >= 3 and common(tail):
                return True
            if len(head) >= PART_LENGTH and common(head):
                if len(tail) >= PART_LENGTH and common(tail):
                    return True
                # German linking s: Konferenz+s+tag
                if head.endswith("s") is False and tail.startswith("s") and len(tail) > PART_LENGTH and common(tail[1:]):
                    return True
        return False

    def suggest(self, word: str) -> str | None:
        """The confident correction of an unknown lower-cased word, or None."""
        for reach in (1, 2, 3):
            if reach == 2 and len(word) < LONG:
                return None
            if reach == 3 and len(word) < VERY_LONG:
                return None
            if reach < 3:
                near = self.lexicon.near(keys_within(word, reach))
            else:
                near = self.lexicon.prefixed(word[:3], len(word) - 3, len(word) + 3, TARGET_ZIPF)
            # Typos rarely touch the first letter; names that differ there (Harband, Karrys) do.
            close = [
                target for target in near
                if target != word and target[0] == word[0] and distance(word, target, reach + 1) <= reach
            ]
            if not close:
                continue
            frequencies = self.lexicon.frequencies(close)
            ranked = sorted(
                (target for target in close if frequencies[target].best >= TARGET_ZIPF),
                key=lambda target: (distance(word, target, reach + 1), -frequencies[target].best, target),
            )
            if ranked:
                return ranked[0]
        return None

    def suggest_all(self, words: Iterable[str]) -> dict[str, str]:
        found = {}
        for word in self.unknown(words):
            suggestion = self.suggest(word)
            if suggestion is not None:
                found[word] = suggestion
        return found
