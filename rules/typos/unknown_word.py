from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from notelint.diagnostics import Edit, Finding, Fix, Violation
from notelint.document import Document
from notelint.patterns import lazy
from notelint.rule import rule
from notelint.rules.typos.options import TyposOptions, keep_case, project_words
from notelint.rules.typos.words import prose_vocabulary

if TYPE_CHECKING:
    from notelint.project import Project, Subject  # imported only when a finding is judged

# A word used this often in one note is taken as the note's vocabulary, not as a typo.
REPEATED = 2
# Shorter words are too often abbreviations, commands or names (npx, yml, spdx).
SHORTEST = 5
# Longer runs of letters are not words people type (a DNA sequence, a run of a key held down);
# the search for a correction grows with the square of a word's length.
LONGEST = 50
_LETTERS = lazy(r"[^\W\d_]+")


def _appears_elsewhere(document: Document, words: set[str]) -> set[str]:
    """Words (case-folded) that occur more than once anywhere in the note (in a URL, a code
    span, a link destination, front matter): names of tools and people, handles, identifiers."""
    text = document.text
    # Case folding goes character by character: a word that two letter runs spell occurs twice
    # in the case-folded text.  In ASCII text it is lowering, and keeps every offset.
    ascii = text.isascii()
    folded = text.lower() if ascii else text.casefold()
    possible = {word for word in words if folded.count(word) > 1}
    if not possible:
        return set()
    if ascii:  # the letter runs that spell a word: the word with no letter on either side
        return {word for word in possible if len(re.findall(rf"(?<![a-z]){re.escape(word)}(?![a-z])", folded)) > 1}
    counts = Counter([word.casefold() for word in _LETTERS.findall(text)])
    return {word for word in possible if counts[word] > 1}


def vocabulary(subjects: Sequence[Subject], project: Project, options: TyposOptions | None) -> Iterator[Finding]:
    """Keep the findings whose word fewer than ``vocabulary-min-notes`` of the project's notes use
    (the note of the finding counts even when it is not one of the project's notes)."""
    least = TyposOptions().vocabulary_min_notes if options is None else options.vocabulary_min_notes
    if least == 0:
        yield from (subject.finding for subject in subjects)
        return
    counts = project.notes_using({subject.text for subject in subjects}, enough=least)
    outside = {path: not project.contains(path) for path in {subject.finding.path for subject in subjects}}
    for subject in subjects:
        notes = counts[subject.text] + outside[subject.finding.path]
        if notes < least:
            yield subject.finding


@rule(
    code="NL501",
    name="unknown-word",
    family="typos",
    severity="warning",
    fixable=True,
    options=TyposOptions,
    judge=vocabulary,
)
def unknown_word(document: Document, options: TyposOptions | None) -> Iterator[Violation]:
    """## What it does
    Finds words of the prose that are neither English nor German and that look like a slip of
    the keyboard on a much more frequent word (`Transofromer` → `Transformer`).

    ## Why is this bad?
    Most typos are not on any list of known misspellings. A plain dictionary check finds them
    but also flags names, jargon and German, so this rule reports a word only when all of these
    hold:

    - it is in neither wordfreq's English nor its German list (case-folded, umlauts and ß
      kept), nor in the project's words (`words`, `words-file`);
    - it is not a known word after a common prefix (`pre`, `multi`, `de`…) or a compound of two
      known words (`Kaffee` + `pause`);
    - it has at least five letters (shorter ones are mostly commands, abbreviations and names)
      and at most fifty (longer runs of letters are sequences or keys held down, not words);
    - it is not derived from a known English word by a common ending or prefix (`parseable`,
      `unhoisted`, `committish`);
    - it occurs only once in the whole note, code, links and front matter included (a word a
      note uses again, or that also appears in a URL or code, is its vocabulary: a tool, a
      person, a handle);
    - a correction exists that is far more frequent: at Damerau–Levenshtein distance 1 (zipf
      ≥ 2.5), or 2 for words of 8 letters or more, or 3 for words of 12 letters or more (zipf
      ≥ 3); the first letter must agree (typos rarely touch it, names often differ there), and
      a word that wordfreq knows but rarely sees (zipf < 1.2) needs a correction 3 zipf more
      frequent. The closest candidate wins, then one that adds a letter, then the most
      frequent.

    A word that several notes of the project use is more likely vocabulary than a typo (a
    method, a dataset, a person). After every note of a run has been checked, each finding of
    this rule is judged against the project's notes: when at least `vocabulary-min-notes` of
    them (default 3; 0 turns this off) use the word, anywhere in the note and in any case, it is
    taken as vocabulary and neither reported nor fixed. The project's notes are the Markdown
    files that `notelint check` would find under the folder of the configuration file (without
    one: the git repository, else the note's folder), excludes honoured, whatever files the
    command line names: a pre-commit run over the staged notes and a run over the whole
    repository give the same answer. The notes are read only when this rule has findings, once
    per run. The findings cache keeps each note's own findings and the judgement beside them,
    reused only while no note of the project has changed (paths, sizes, modification times), so
    editing one note can change what another reports. A typo repeated in that many notes is
    taken as vocabulary too; `notelint words add --from-notes notes/` lists the words this
    rule flags in two or more notes (`--min-notes N`) and adds them to the `words-file`.

    Words on codespell's list are left to `known-misspelling`. Only prose is checked, with the
    same word rules as `known-misspelling`.

    ## Example
    ```markdown
    - GAT: Graph Transofromer: attend on neighbors
    ```

    ## Fix
    Replaces the word with the suggestion, keeping a leading capital (unsafe: the word may be a
    name or a term the lists do not know; add it to `words` or `words-file` instead). A word
    taken as the project's vocabulary is not fixed (`--fix --unsafe-fixes` leaves it alone).

    ```toml
    [tool.notelint.typos]
    words-file = "notes/.words"
    vocabulary-min-notes = 3   # 0: judge every note on its own
    ```

    The word data is compiled on first use from the installed `wordfreq` (English and German,
    `large` lists) and `codespell` packages into one file (about 15 MB, 6-10 s once) in
    `$NOTELINT_DATA_DIR`, else `$XDG_CACHE_HOME/notelint` or `~/.cache/notelint` (the system's
    temporary folder when that cannot be written); later runs only look words up in it. The
    file is named after the data (the schema and the packages' data files), so every
    environment with the same packages shares it; files of older schemas are removed and at
    most three are kept.
    """
    vocabulary = prose_vocabulary(document)
    counts = vocabulary.counts
    if not counts:
        return
    ignored = project_words(options, document)
    folded = list(map(str.casefold, counts))
    # A word the note spells in more than one way (The, the) occurs at least once per spelling:
    # the occurrences of all its spellings are added up only when that could stay below REPEATED.
    spellings = Counter(folded)
    totals: Counter[str] = Counter()

    def total(key: str) -> int:
        if not totals:
            for key_of_text, number in zip(folded, counts.values()):
                totals[key_of_text] += number
        return totals[key]

    candidates = [
        text
        for (text, number), key in zip(counts.items(), folded)
        if number < REPEATED
        and SHORTEST <= len(text) <= LONGEST
        and key not in ignored
        and (spellings[key] == 1 or (number + spellings[key] - 1 < REPEATED and total(key) < REPEATED))
    ]
    if not candidates:
        return
    from notelint.rules.typos.correct import WordChecker

    checker = WordChecker.load()
    lowered = list(map(str.lower, candidates))
    suggestions = checker.suggest_all(set(lowered))
    if not suggestions:
        return
    # (a word's suggestion does not depend on the other words: the note's other occurrences of
    # the few words with one are counted only for them)
    suggested = [text for text, key in zip(candidates, lowered) if key in suggestions]
    elsewhere = _appears_elsewhere(document, {text.casefold() for text in suggested})
    reported = {text for text in suggested if text.casefold() not in elsewhere}
    for word in vocabulary.locate(reported):
        fixed = keep_case(word.text, suggestions[word.text.lower()])
        yield Violation(
            word.start,
            word.end,
            f"Unknown word `{word.text}`; did you mean `{fixed}`?",
            Fix.unsafe(f"Replace with `{fixed}`", Edit(word.start, word.end, fixed)),
        )
