"""The ``markdown`` family: Markdown structure that renders differently from what was meant."""

from notelint.rules.markdown.doubled_list_marker import doubled_list_marker
from notelint.rules.markdown.final_newline import missing_final_newline
from notelint.rules.markdown.glued_paragraph import glued_paragraph
from notelint.rules.markdown.trailing_whitespace import trailing_whitespace

RULES = (glued_paragraph, doubled_list_marker, trailing_whitespace, missing_final_newline)
