"""Helpers shared by the rules of the family: the parsed mapping and the model for a note."""

from __future__ import annotations

from notelint.document import Document
from notelint.rules.frontmatter.parse import Node, Parsed, front_matter_of
from notelint.rules.frontmatter.schema import (
    DefaultSchema,
    FrontMatterOptions,
    SchemaError,
    date_fields,
    is_list_field,
    model_for,
)


def front_matter_mapping(document: Document) -> tuple[Parsed, Node] | None:
    """The parsed front matter when it is a mapping (errors are other rules' findings)."""
    parsed = front_matter_of(document)
    if parsed is None or parsed.mapping is None:
        return None
    return parsed, parsed.mapping


def tag_list(document: Document) -> tuple[Parsed, Node] | None:
    """The parsed front matter and its ``tags`` when they are a list (a scalar is another rule's)."""
    found = front_matter_mapping(document)
    if found is None:
        return None
    parsed, mapping = found
    tags = mapping.get("tags")
    if tags is None or tags.kind != "seq":
        return None
    return parsed, tags


def date_keys(document: Document, options: FrontMatterOptions | None) -> dict[str, bool]:
    """Keys holding dates in the note's schema (key -> datetimes allowed); the default model's when
    the user's schema cannot be loaded (the schema rule reports that)."""
    if options is None:
        return date_fields(DefaultSchema)
    try:
        return date_fields(model_for(document, options))
    except SchemaError:
        return date_fields(DefaultSchema)


def opening_span(document: Document) -> tuple[int, int]:
    """Offsets of the opening ``---`` line, where findings about the whole block point."""
    return 0, len(document.line_text(1))


def describe(document: Document, parsed: Parsed, node: Node | None) -> str:
    """How a value reads to a human: ``the number 17``, ``'conference'``, ``a list``."""
    if node is None:
        return "nothing"
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "a mapping"
    if node.tag.endswith(":null"):
        return "nothing"
    if node.tag.endswith((":int", ":float")):
        return f"the number {node.value}"
    if node.tag.endswith(":bool"):
        return f"the boolean {node.value}"
    if node.tag.endswith(":timestamp"):
        return f"the timestamp {node.value}"
    return repr(node.value)


def tags_are_a_list(document: Document, options: FrontMatterOptions) -> bool:
    """Whether the note's schema wants ``tags`` as a list (the default schema does)."""
    try:
        return is_list_field(model_for(document, options), "tags")
    except SchemaError:
        return is_list_field(DefaultSchema, "tags")
