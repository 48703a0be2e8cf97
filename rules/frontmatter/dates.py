"""Reading the date formats people write by hand, to rewrite them as ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from notelint.patterns import lazy

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "januar", "jänner", "jän"),
            ("february", "feb", "februar"),
            ("march", "mar", "märz", "mär", "maerz"),
            ("april", "apr"),
            ("may", "mai"),
            ("june", "jun", "juni"),
            ("july", "jul", "juli"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct", "oktober", "okt"),
            ("november", "nov"),
            ("december", "dec", "dezember", "dez"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month_name>[A-Za-zÄäÖöÜü]+)\.?"
_TIME = r"(?:[T ](?P<hour>\d\d?):(?P<minute>\d\d)(?::(?P<second>\d\d))?)?"
# tried in order: an ISO date (the usual case) never compiles the others
_PATTERNS = (
    lazy(rf"^(?P<year>\d{{4}})-(?P<month>\d\d?)-(?P<day>\d\d?){_TIME}$"),
    lazy(rf"^(?P<year>\d{{4}})/(?P<month>\d\d?)/(?P<day>\d\d?){_TIME}$"),
    lazy(rf"^(?P<day>\d\d?)\.\s?(?P<month>\d\d?)\.\s?(?P<year>\d{{4}}){_TIME}$"),
    lazy(rf"^(?P<day>\d\d?)\.?\s+{_MONTH}\s+(?P<year>\d{{4}})$"),
    lazy(rf"^{_MONTH}\s+(?P<day>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
)
_YEAR = re.compile(r"^(?P<year>\d{4})$")
_YEAR_MONTH = lazy(rf"^(?:(?P<year>\d{{4}})[-/.](?P<month>\d\d?)|(?P<month2>\d\d?)[./](?P<year2>\d{{4}})|{_MONTH}\s+(?P<year3>\d{{4}}))$")


class ReadDate(NamedTuple):
    """A date read from text, with the time when one was written."""

    date: dt.date
    time: dt.time | None

    def iso(self, keep_time: bool) -> str:
        if keep_time and self.time is not None:
            return dt.datetime.combine(self.date, self.time).isoformat()
        return self.date.isoformat()


def read_date(text: str) -> ReadDate | None:
    """A full date in one of the known formats (ISO included), or None."""
    text = text.strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("month_name") is not None:
            month = MONTHS.get(groups["month_name"].lower())
        else:
            month = int(groups["month"])
        if month is None:
            return None
        try:
            day = dt.date(int(groups["year"]), month, int(groups["day"]))
            time = None
            if groups.get("hour") is not None:
                time = dt.time(int(groups["hour"]), int(groups["minute"]), int(groups["second"] or 0))
        except ValueError:
            return None
        return ReadDate(day, time)
    return None


def partial_date(text: str) -> str | None:
    """``"the year 2024"`` / ``"only the month 2024-07"`` for a date without a day, else None."""
    text = text.strip()
    if _YEAR.match(text):
        return f"the year {text}"
    match = _YEAR_MONTH.match(text)
    if match is None:
        return None
    groups = match.groupdict()
    if groups["year3"] is not None:
        month = MONTHS.get(groups["month_name"].lower())
        year = groups["year3"]
    else:
        month = int(groups["month"] or groups["month2"])
        year = groups["year"] or groups["year2"]
    if month is None or not 1 <= month <= 12:
        return None
    return f"only the month {year}-{month:02d}"
