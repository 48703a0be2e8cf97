"""TEMPORARY stand-in for the ``days`` family package (owned by the days family branch).

Only :mod:`notelint.rules.days.recognise` is provided, so the headings family can import the day
recogniser. Drop this package from the headings branch when merging the real days family.
"""

RULES = ()
