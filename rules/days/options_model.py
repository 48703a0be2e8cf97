"""The pydantic model that validates ``[tool.notelint.days]`` (see :class:`DaysOptions`)."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from notelint.options_model import RuleOptions
from notelint.rules.days.common import Style
from notelint.rules.days.recognise import vocabulary


class DaysOptionsModel(RuleOptions):
    """Validates :class:`notelint.rules.days.common.DaysOptions` (the same fields)."""

    language: str = "de"
    level: int = Field(default=1, ge=1, le=6)
    day_parts: tuple[str, ...] | None = None
    style: Style = "weekday-daypart"

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(value)
        except (UnknownLocaleError, ValueError) as error:
            raise ValueError(f"unknown language {value!r} (a Babel locale such as 'de' or 'en')") from error
        return value

    @model_validator(mode="after")
    def _known_day_parts(self) -> DaysOptionsModel:
        if self.day_parts is not None:
            known = vocabulary(self.language).dayparts
            unknown = [part for part in self.day_parts if part not in known]
            if unknown:
                raise ValueError(f"unknown day part {unknown[0]!r} (one of {', '.join(known)})")
        return self
