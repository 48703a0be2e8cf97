from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from notelint.diagnostics import Edit, Fix, Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.typos.options import TyposOptions, keep_case, project_words
from notelint.rules.typos.words import prose_vocabulary

if TYPE_CHECKING:
    from notelint.rules.typos.lexicon import Misspelling


@rule(code="NL500", name="known-misspelling", family="typos", severity="error", fixable=True, options=TyposOptions)
def known_misspelling(document: Document, options: TyposOptions | None) -> Iterator[Violation]:
    """## What it does
    Finds words of the prose that are on codespell's list of real-world misspellings
    (`accross`, `Esitmate`), and offers the correction in the case of the original.

    ## Why is this bad?
    A misspelt word makes a note harder to search and looks careless. The list holds only
    spellings that are wrong in English, so the rule almost never flags a correct word. Notes
    mix English and German, and some German words are English misspellings (`als`, `unter`,
    `offen`, `Prozess`): a hit is dropped when the word is common in German (wordfreq zipf ≥ 3)
    or more frequent in German than in English. Only prose is checked: paragraphs, headings,
    list items, tables, link text and image alt text, never code, math, URLs, HTML, front
    matter or link destinations; acronyms, words with digits or underscores and mixed-case
    names (`SAMFormer`) are skipped, and hyphenated words are checked part by part.
    Words listed in `words` or in the `words-file` of `[tool.notelint.typos]` are never flagged.

    ## Example
    ```markdown
    - Across all languages, accross all model sizes
    - QED: Quantitative Esitmate of Drug likeness
    ```

    ## Fix
    Replaces the word with its correction, keeping a leading capital (`Esitmate` →
    `Estimate`). The fix is safe when the list gives exactly one correction, unsafe when it
    gives several (the first is used) or codespell marks the entry as not to be fixed.
    The list is codespell's `dictionary.txt`, read from the installed `codespell` package and
    compiled once into the cache (see `notelint rule unknown-word`).
    """
    vocabulary = prose_vocabulary(document)
    if not vocabulary.counts:
        return
    ignored = project_words(options, document)
    candidates = [word for word in vocabulary.counts if word.casefold() not in ignored] if ignored else list(vocabulary.counts)
    if not candidates:
        return
    from notelint.rules.typos.lexicon import load

    # each distinct word looked up once; only the words reported are located
    lowered = list(map(str.lower, candidates))
    hits = load().misspellings(set(lowered))
    if not hits:
        return
    reported: dict[str, Misspelling] = {}
    for word, key in zip(candidates, lowered):
        found = hits.get(key)
        if found is None:
            continue
        entry, german = found
        if not german:
            reported[word] = entry
    for word in vocabulary.locate(reported):
        entry = reported[word.text]
        corrections = [keep_case(word.text, correction) for correction in entry.corrections]
        shown = ", ".join(f"`{correction}`" for correction in corrections)
        message = f"`{word.text}` is a misspelling of {shown}"
        edit = Edit(word.start, word.end, corrections[0])
        label = f"Replace with `{corrections[0]}`"
        fix = Fix.safe(label, edit) if entry.fixable and len(corrections) == 1 else Fix.unsafe(label, edit)
        yield Violation(word.start, word.end, message, fix)
