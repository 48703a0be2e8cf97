"""The ``days`` family: German day headings recognised, spelled one way, in order, true to the calendar."""

from __future__ import annotations

from notelint.rules.days.canonical import day_heading_form
from notelint.rules.days.duplicate import duplicate_day
from notelint.rules.days.front_matter import front_matter_day
from notelint.rules.days.order import day_order
from notelint.rules.days.weekday_date import weekday_date_mismatch

RULES = (day_heading_form, weekday_date_mismatch, day_order, duplicate_day, front_matter_day)
