"""Options shared by the math rules: ``[tool.notelint.math]``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from notelint.options import DeclaredOptions

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class MathOptions(DeclaredOptions):
    """``dialect``: which inline math syntax the notes use.

    - ``gitlab`` (default): ``$`x`$`` (GitLab and GitHub), no bare ``$x$``;
    - ``dollars``: ``$x$`` (Obsidian, pandoc), no ``$`x`$``;
    - ``both``: either is fine.

    ``engine``: ``katex`` checks formulas with the real KaTeX through node when node and the
    ``katex`` package are available (falls back to the built-in checker otherwise).
    """

    dialect: Literal["gitlab", "dollars", "both"] = "gitlab"
    engine: Literal["builtin", "katex"] = "builtin"
    config_root: str | None = None

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.math.options_model import MathOptionsModel

        return MathOptionsModel
