"""Options shared by the math rules: ``[tool.notelint.math]``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from notelint.options import DeclaredOptions
from notelint.values import Value

if TYPE_CHECKING:
    from pydantic import BaseModel


class MathOptions(DeclaredOptions, Value):
    """``dialect``: which inline math syntax the notes use.

    - ``gitlab`` (default): ``$`x`$`` (GitLab and GitHub), no bare ``$x$``;
    - ``dollars``: ``$x$`` (Obsidian, pandoc), no ``$`x`$``;
    - ``both``: either is fine.

    ``engine``: ``katex`` checks formulas with the real KaTeX through node when node and the
    ``katex`` package are available (falls back to the built-in checker otherwise).
    """

    _fields = ("dialect", "engine", "config_root")
    dialect: Literal["gitlab", "dollars", "both"]
    engine: Literal["builtin", "katex"]
    config_root: str | None

    def __init__(
        self,
        dialect: Literal["gitlab", "dollars", "both"] = "gitlab",
        engine: Literal["builtin", "katex"] = "builtin",
        config_root: str | None = None,
    ) -> None:
        self._set_fields(dialect, engine, config_root)

    @classmethod
    def pydantic_model(cls) -> type[BaseModel]:
        from notelint.rules.math.options_model import MathOptionsModel

        return MathOptionsModel
