"""Edit distance for corrections (Damerau–Levenshtein, optimal string alignment)."""

from __future__ import annotations


def distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau–Levenshtein distance (optimal string alignment), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)

