"""The ``typos`` family: misspelt words in the prose of English and German notes."""

from notelint.rules.typos.known_misspelling import known_misspelling
from notelint.rules.typos.unknown_word import unknown_word

RULES = (known_misspelling, unknown_word)
