"""Safe fixes must not change what GitLab renders: on random notes, GitLab's parser (comrak) finds
the same formulas before and after each safe fix of the fence, artefact, padding and dialect rules."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("comrak")

from math_comrak_oracle import comrak_math  # noqa: E402

from notelint.diagnostics import Applicability  # noqa: E402
from notelint.document import Document  # noqa: E402
from notelint.rules.math import RULES  # noqa: E402
from notelint.rules.math.options import MathOptions  # noqa: E402

PIECES = ["$", "$`", "`$", "`", "```math\n", "``` math\n", "~~~ math\n", "```\n", "x", " ", "\\", "\n", "\n\n", "1",
          "- ", "> ", "  ", "<!-- -->", "a b", "|", "[", "]", "(", ")", "<", ">"]
CHECKED = {"NL401", "NL402", "NL403", "NL404"}


def _formulas(text: str) -> list[tuple[str, str]]:
    return [(found[0], found[5].strip()) for found in comrak_math(text)]


@pytest.mark.parametrize("dialect", ["gitlab", "dollars"])
def test_safe_fixes_keep_gitlabs_formulas(dialect: str) -> None:
    rng = random.Random(11)
    checked = 0
    changed = []
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))
        document = Document("n.md", text)
        for rule in RULES:
            if rule.code not in CHECKED:
                continue
            for violation in rule.check(document, MathOptions(dialect=dialect)):
                if violation.fix is None or violation.fix.applicability is not Applicability.SAFE:
                    continue
                fixed = text
                for edit in sorted(violation.fix.edits, key=lambda edit: -edit.start):
                    fixed = fixed[: edit.start] + edit.content + fixed[edit.end :]
                checked += 1
                if _formulas(fixed) != _formulas(text):
                    changed.append((rule.code, text, fixed))
    assert checked > 300
    assert changed == []
