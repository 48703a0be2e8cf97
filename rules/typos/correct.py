"""Deciding whether an unknown word has a confident correction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from notelint.rules.typos.edits import distance, keys_within
from notelint.rules.typos.lexicon import Lexicon, load

# A correction must be at least this frequent (zipf, English or German).
TARGET_ZIPF = 2.5
# Word lengths from which distance 2 and 3 corrections are searched.
LONG = 8
VERY_LONG = 12
# Parts of a compound must be at least this frequent, and this long unless a known prefix.
PART_ZIPF = 3.0
PART_LENGTH = 4
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
        frequencies = self.lexicon.frequencies(parts)
        return [word for word in unknown if not self._compound(word, frequencies)]

    @staticmethod
    def _compound(word: str, frequencies: dict[str, object]) -> bool:
        def common(part: str) -> bool:
            found = frequencies.get(part)
            return found is not None and found.best >= PART_ZIPF  # type: ignore[attr-defined]

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
            close = [target for target in near if target != word and distance(word, target, reach + 1) <= reach]
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
