"""The ``headings`` family: the outline of a note (day → talk → topic) and the form of its headings."""

from notelint.rules.headings.closed_heading import closed_atx_heading
from notelint.rules.headings.duplicate_heading import duplicate_heading
from notelint.rules.headings.emphasis_as_heading import emphasis_as_heading
from notelint.rules.headings.empty_section import empty_section
from notelint.rules.headings.heading_increment import heading_increment
from notelint.rules.headings.heading_space import heading_space
from notelint.rules.headings.setext_heading import setext_heading
from notelint.rules.headings.talk_at_day_level import talk_at_day_level

RULES = (
    talk_at_day_level,
    empty_section,
    heading_increment,
    duplicate_heading,
    setext_heading,
    heading_space,
    closed_atx_heading,
    emphasis_as_heading,
)
