"""The ``math`` family: GitLab math found exactly as GitLab's parser finds it, checked as KaTeX
parses it, and fixed where the fix cannot change what GitLab renders."""

from notelint.rules.math.bare_environment import math_bare_environment
from notelint.rules.math.blank_line import math_blank_line
from notelint.rules.math.comment_artefact import math_comment_artefact
from notelint.rules.math.dialect import math_dialect
from notelint.rules.math.fence_info import math_fence_info
from notelint.rules.math.invalid_tex import math_invalid_tex
from notelint.rules.math.padding import math_padding

RULES = (
    math_invalid_tex,
    math_fence_info,
    math_comment_artefact,
    math_padding,
    math_dialect,
    math_blank_line,
    math_bare_environment,
)
