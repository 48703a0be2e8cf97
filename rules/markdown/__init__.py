"""The ``markdown`` family: Markdown structure that renders differently from what was meant, and
opt-in normalisers (NL010-NL014, off by default) that tidy the source without changing the HTML."""

from notelint.rules.markdown.blank_lines_around_headings import blank_lines_around_headings
from notelint.rules.markdown.blank_lines_around_lists import blank_lines_around_lists
from notelint.rules.markdown.doubled_list_marker import doubled_list_marker
from notelint.rules.markdown.final_newline import missing_final_newline
from notelint.rules.markdown.glued_paragraph import glued_paragraph
from notelint.rules.markdown.list_indentation import list_indentation
from notelint.rules.markdown.list_marker_style import list_marker_style
from notelint.rules.markdown.ordered_list_spacing import ordered_list_spacing
from notelint.rules.markdown.trailing_whitespace import trailing_whitespace

RULES = (
    glued_paragraph,
    doubled_list_marker,
    trailing_whitespace,
    missing_final_newline,
    blank_lines_around_headings,
    blank_lines_around_lists,
    list_marker_style,
    list_indentation,
    ordered_list_spacing,
)
