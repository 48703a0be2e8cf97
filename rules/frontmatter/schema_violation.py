from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from notelint.diagnostics import Violation
from notelint.document import Document
from notelint.rule import rule
from notelint.rules.frontmatter.common import (
    describe,
    front_matter_mapping,
    opening_span,
)
from notelint.rules.frontmatter.dates import partial_date, read_date
from notelint.rules.frontmatter.parse import Node, Parsed
from notelint.rules.frontmatter.schema import (
    DefaultSchema,
    FrontMatterOptions,
    SchemaError,
    date_fields,
    default_schema_surely_accepts,
    is_list_field,
    model_for,
    pydantic_model,
)

if TYPE_CHECKING:
    from pydantic import ValidationError

_DATE_TYPES = ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_future", "date_past")
_DATETIME_TYPES = ("datetime_type", "datetime_parsing", "datetime_from_date_parsing", "datetime_object_invalid")


def _normalised(data: dict[str, Any], dates: dict[str, bool], tags_list: bool) -> tuple[dict[str, Any], set[str]]:
    """The data as the fixable rules will leave it, and the date keys the incomplete-date rule
    reports, so that one mistake gives one finding."""
    data = dict(data)
    claimed: set[str] = set()
    tags = data.get("tags") if tags_list else None
    if isinstance(tags, str) and tags:
        data["tags"] = [tags]
    elif isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        data["tags"] = list(dict.fromkeys(tags))
    for key, allows_time in dates.items():
        value = data.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and partial_date(str(value)):
            claimed.add(key)
        elif isinstance(value, str):
            if partial_date(value):
                claimed.add(key)
            elif (read := read_date(value)) is not None:
                data[key] = dt.datetime.combine(read.date, read.time) if allows_time and read.time else read.date
        elif isinstance(value, dt.datetime) and not allows_time:
            data[key] = value.date()
    return data, claimed


def _node_at(mapping: Node, loc: tuple[int | str, ...]) -> Node | None:
    node: Node | None = mapping
    for part in loc:
        if node is None:
            return None
        if isinstance(part, str) and node.kind == "map":
            node = node.get(part)
        elif isinstance(part, int) and node.kind == "seq" and part < len(node.items):
            node = node.items[part]
        else:
            return node
    return node


def _name(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _message(error: Mapping[str, Any], name: str, got: str) -> str:
    kind = error["type"]
    if kind == "missing":
        return f"Required key `{name}` is missing"
    if kind == "string_too_short":
        return f"`{name}` must not be empty"
    if kind == "too_short":
        return f"`{name}` must not be an empty list"
    if kind == "string_type":
        return f"`{name}` must be text, got {got}"
    if kind == "list_type":
        return f"`{name}` must be a list like [a, b], got {got}"
    if kind in _DATE_TYPES:
        return f"`{name}` must be a date like 2025-04-07, got {got}"
    if kind in _DATETIME_TYPES:
        return f"`{name}` must be a date and time like 2025-04-07T09:00:00, got {got}"
    if kind.startswith("url"):
        return f"`{name}` must be a URL like https://example.org, got {got}"
    if kind in ("value_error", "assertion_error"):
        text = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return f"`{name}` {text}, got {got}" if text.startswith("must ") else f"`{name}`: {text} (got {got})"
    return f"`{name}`: {error['msg']} (got {got})"


@rule(code="NL110", name="schema-violation", family="frontmatter", severity="error", options=FrontMatterOptions)
def schema_violation(document: Document, options: FrontMatterOptions) -> Iterator[Violation]:
    """## What it does
    Checks the front matter against a typed schema (a pydantic model) and reports every missing
    key and every value of the wrong type, in plain words, at the line of the value.

    The default schema `NoteMeta` requires `title` (non-empty text), `date` (a calendar date) and
    `tags` (a list of unique, non-empty strings) and knows the optional keys `location`, `url`,
    `speakers`, `authors`, `lang` and `updated`. Mistakes that other rules of this family report
    and fix (`tags` as a single word, dates in other formats, a bare year) are left to them.

    ## Why is this bad?
    A note with a missing date or a malformed URL drops out of every listing built from the front
    matter, and nobody notices until the page is missing.

    ## Example
    ```yaml
    title: ""
    date: 2025-04-07
    tags: [conference]
    url: not a url
    ```

    ## Options
    ```toml
    [tool.notelint.frontmatter]
    schema = "my_notes.schema:Meta"   # or "schemas/meta.py:Meta", relative to the config file
    required-keys = ["location"]       # required on top of the schema
    ```
    A file path is looked up from the note's folder upwards, which finds it next to the
    configuration file.

    ## Fix
    None: the right value is for the author to write.
    """
    found = front_matter_mapping(document)
    if found is None:
        return
    parsed, mapping = found
    try:
        model = model_for(document, options)
    except SchemaError as error:
        start, end = opening_span(document)
        yield Violation(start, end, f"Cannot load the front matter schema {options.schema_!r}: {error}")
        return
    raw = mapping.to_python()
    data, claimed = _normalised(raw, date_fields(model), is_list_field(model, "tags"))
    for key in options.required_keys:
        if key not in raw:
            start, end = opening_span(document)
            yield Violation(start, end, f"Required key `{key}` is missing")
    if model is DefaultSchema and default_schema_surely_accepts(data, claimed):
        return  # the common case, answered without importing pydantic
    from pydantic import ValidationError

    try:
        pydantic_model(model).model_validate(data)
    except ValidationError as error:
        yield from _violations(document, parsed, mapping, error, claimed)


def _violations(document: Document, parsed: Parsed, mapping: Node, error: ValidationError, claimed: set[str]) -> Iterator[Violation]:
    for item in error.errors():
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden" or (loc and loc[0] in claimed):
            continue
        name = _name(loc) or "front matter"
        node = _node_at(mapping, loc) if item["type"] != "missing" else None
        if node is None or node is mapping:
            start, end = opening_span(document)
        else:
            start, end = parsed.span(node)
        yield Violation(start, end, _message(item, name, describe(document, parsed, node)))
