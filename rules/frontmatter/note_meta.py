"""The default front matter schema, a pydantic model (imported only when a note's front matter
needs it: see ``schema_violation``'s quick check)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

NonEmpty = Annotated[str, Field(min_length=1)]


class NoteMeta(BaseModel):
    """The front matter of a conference note."""

    model_config = ConfigDict(extra="ignore")

    title: NonEmpty
    date: dt.date
    tags: list[NonEmpty]
    location: str | None = None
    url: HttpUrl | None = None
    speakers: list[str] | None = None
    authors: list[str] | None = None
    lang: str | None = None
    updated: dt.date | None = None

    @field_validator("date", "updated", mode="before")
    @classmethod
    def _no_datetime(cls, value: Any) -> Any:
        # pydantic accepts a datetime at midnight as a date; a note's date is a calendar day
        if isinstance(value, dt.datetime):
            raise ValueError("must be a calendar date without a time")  # noqa: TRY004 (pydantic wants ValueError)
        return value

    @field_validator("tags")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("must not repeat a tag")
        return value
