"""The ``frontmatter`` family: the YAML block at the top of a note, parsed with positions
(ruamel.yaml), checked against a pydantic schema and fixed one value at a time."""

from notelint.rules.frontmatter.date_format import date_format
from notelint.rules.frontmatter.duplicate_key import duplicate_key
from notelint.rules.frontmatter.duplicate_tags import duplicate_tags
from notelint.rules.frontmatter.incomplete_date import incomplete_date
from notelint.rules.frontmatter.invalid_yaml import invalid_yaml
from notelint.rules.frontmatter.key_order import key_order
from notelint.rules.frontmatter.missing import missing_front_matter
from notelint.rules.frontmatter.not_mapping import front_matter_not_mapping
from notelint.rules.frontmatter.schema_violation import schema_violation
from notelint.rules.frontmatter.tag_not_allowed import tag_not_allowed
from notelint.rules.frontmatter.tag_style import tag_style
from notelint.rules.frontmatter.tags_not_list import tags_not_list
from notelint.rules.frontmatter.title_year import title_year_mismatch
from notelint.rules.frontmatter.unclosed import unclosed_front_matter
from notelint.rules.frontmatter.unknown_key import unknown_key

RULES = (
    missing_front_matter,
    unclosed_front_matter,
    invalid_yaml,
    duplicate_key,
    front_matter_not_mapping,
    schema_violation,
    unknown_key,
    tags_not_list,
    duplicate_tags,
    tag_style,
    tag_not_allowed,
    date_format,
    incomplete_date,
    title_year_mismatch,
    key_order,
)
