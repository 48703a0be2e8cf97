"""Did-you-mean suggestions for unknown names (config keys, selectors)."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    pool = list(candidates)
    lowered = {candidate.lower(): candidate for candidate in pool}
    import difflib

    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` or an empty string."""
    match = closest(word, candidates)
    return f"; did you mean {match!r}?" if match else ""
