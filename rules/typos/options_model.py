"""The pydantic model that validates ``[tool.notelint.typos]`` (see :class:`TyposOptions`)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, PrivateAttr, model_validator

from notelint.options_model import RuleOptions
from notelint.rules.typos.options import read_words_file, locate_words_file


class TyposOptionsModel(RuleOptions):
    """Validates :class:`notelint.rules.typos.options.TyposOptions` (the same fields)."""

    words: list[str] = Field(default_factory=list)
    words_file: str | None = None
    vocabulary_min_notes: int = Field(default=3, ge=0, strict=True)
    _file_words: frozenset[str] = PrivateAttr(default=frozenset())

    @model_validator(mode="after")
    def _read_words_file(self) -> TyposOptionsModel:
        """Read the words file once, when the options are resolved (rules never read files).
        Relative to the configuration file's folder; a missing file means no extra words."""
        if self.words_file and self.config_root:
            path = locate_words_file(self.words_file, "", Path(self.config_root))
            if path is not None:
                self._file_words = read_words_file(str(path), os.stat(path).st_mtime_ns)
        return self
