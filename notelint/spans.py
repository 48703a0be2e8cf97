"""Find inline code spans in raw Markdown text, the way CommonMark matches backtick strings.

Used by the document model so that rules can stay out of code (and GitLab's ``$`…`$`` math,
which is a code span wrapped in dollars).
"""

from __future__ import annotations


def code_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of code spans (backticks included) in ``text[start:end]``.

    A backslash escapes a backtick outside code; a run of n backticks opens a span that the next
    run of exactly n backticks closes; a run with no closer is literal text.

    Linear in the text, as markdown-it-py 4's rule is: a run is looked for a closer only when a
    run of its length occurs later (the last place of each length is known from one pass), and
    the next backslash is looked for again only once it is passed (each search from every run of
    backticks to the end took the square of the note's length).
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    last_runs = _last_runs(text, start, stop)
    position = start
    next_escape = text.find("\\", position, stop)
    while position < stop:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char != "`":
            if -1 < next_escape < position:
                next_escape = text.find("\\", position, stop)
            next_tick = text.find("`", position, stop)
            candidates = [index for index in (next_tick, next_escape) if index != -1]
            if not candidates:
                break
            position = min(candidates)
            continue
        run_end = position
        while run_end < stop and text[run_end] == "`":
            run_end += 1
        length = run_end - position
        closer = _find_run(text, run_end, stop, length) if last_runs.get(length, -1) >= run_end else None
        if closer is None:
            position = run_end
            continue
        spans.append((position, closer + length))
        position = closer + length
    return spans


def _last_runs(text: str, start: int, stop: int) -> dict[int, int]:
    """Where the last run of backticks of each length begins in ``text[start:stop]``."""
    last: dict[int, int] = {}
    position = start
    while (found := text.find("`", position, stop)) != -1:
        position = found + 1
        while position < stop and text[position] == "`":
            position += 1
        last[position - found] = found
    return last


def _find_run(text: str, position: int, stop: int, length: int) -> int | None:
    while True:
        found = text.find("`", position, stop)
        if found == -1:
            return None
        run_end = found
        while run_end < stop and text[run_end] == "`":
            run_end += 1
        if run_end - found == length:
            return found
        position = run_end
