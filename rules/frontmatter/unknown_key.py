from __future__ import annotations

from collections.abc import Iterator

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import front_matter_mapping
from notelint.rules.frontmatter.schema import (
    DefaultSchema,
    FrontMatterOptions,
    SchemaError,
    allows_extra,
    field_names,
    model_for,
)
from notelint.suggest import did_you_mean


@rule(code="NL111", name="unknown-key", family="frontmatter", severity="warning", options=FrontMatterOptions)
def unknown_key(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Finds a top-level front matter key that the schema does not know, and suggests the closest
    known key.

    ## Why is this bad?
    A misspelt key (`locaton`) is silently ignored by every tool that reads the note: the value
    is there, but nothing ever shows it.

    ## Example
    ```yaml
    locaton: Vienna
    ```

    Use instead:
    ```yaml
    location: Vienna
    ```

    ## Options
    Keys come from the schema (`schema = ...`) plus `required-keys`. A custom model with
    `extra="allow"` accepts any key, and this rule stays silent for it.

    ## Fix
    None: renaming a key is easy, but only the author knows whether it was a slip.
    """
    found = front_matter_mapping(document)
    if found is None:
        return
    parsed, mapping = found
    try:
        model = model_for(document, options)
    except SchemaError:
        model = DefaultSchema
    if allows_extra(model):
        return
    known = set(field_names(model)) | set(options.required_keys)
    for key, _ in mapping.pairs:
        if key.kind != "scalar" or key.value in known or key.tag.endswith(":merge"):
            continue
        start, end = parsed.span(key)
        yield Violation(start, end, f"Unknown front matter key `{key.value}`{did_you_mean(key.value, sorted(known))}")
