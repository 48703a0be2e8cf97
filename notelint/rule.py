"""The rule interface: a rule is data plus one check function.

Built-in rules and plugins look alike::

    from notelint.rule import rule
    from notelint.diagnostics import Violation

    @rule(code="NL003", name="trailing-whitespace", family="markdown", severity="warning")
    def trailing_whitespace(document, options):
        \"\"\"## What it does
        ...\"\"\"
        yield Violation(start, end, "Trailing whitespace")

Anything that satisfies :class:`RuleLike` (a ``typing.Protocol``) can be registered, so a plugin
may also write its own class.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, overload, runtime_checkable

from notelint.diagnostics import FAMILIES, Family, Severity, Violation
from notelint.values import Value, set_field

if TYPE_CHECKING:
    from pydantic import BaseModel

    from notelint.document import Document
    from notelint.options import DeclaredOptions
    from notelint.project import JudgeFunction

CheckFunction = Callable[["Document", Any], Iterable[Violation]]
_CODE = re.compile(r"^[A-Z]{1,6}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@runtime_checkable
class RuleLike(Protocol):
    """What the engine needs from a rule."""

    code: str
    name: str
    family: Family
    severity: Severity
    default_enabled: bool
    fixable: bool
    options_model: type[BaseModel] | type[DeclaredOptions] | None
    doc: str

    def check(self, document: Document, options: Any) -> Iterable[Violation]: ...


class _FunctionDoc:
    """The ``doc`` of a rule that :func:`rule` made: its function's docstring, cleaned by
    :func:`cleandoc` when first read, then kept on the rule.  A check never reads a rule's
    documentation, and cleaning that of the 46 built-in rules took about a millisecond."""

    @overload
    def __get__(self, made: None, owner: type[Rule] | None = None) -> _FunctionDoc: ...

    @overload
    def __get__(self, made: Rule, owner: type[Rule] | None = None) -> str: ...

    def __get__(self, made: Rule | None, owner: type[Rule] | None = None) -> str | _FunctionDoc:
        if made is None:
            return self
        doc = cleandoc(made.function.__doc__ or "")
        set_field(made, "doc", doc)  # (an instance attribute: this descriptor is not asked again)
        return doc


class Rule(Value):
    """A rule made from a check function; its docstring is the rule's documentation.

    An immutable value, like the frozen dataclass it was (equal when its fields are, hashable,
    printable), written by hand: see :mod:`notelint.values`."""

    _fields = ("code", "name", "family", "severity", "default_enabled", "fixable", "options_model", "doc",
               "function", "judge")
    code: str
    name: str
    family: Family
    severity: Severity
    default_enabled: bool
    fixable: bool
    # a pydantic model, or options declared without pydantic (notelint.options.DeclaredOptions)
    options_model: type[BaseModel] | type[DeclaredOptions] | None
    # set by __init__; a rule made by rule() cleans its function's docstring when first asked
    doc = _FunctionDoc()
    function: CheckFunction
    # Judges the rule's findings across the project after the per-file pass (see notelint.project).
    judge: JudgeFunction | None

    def __init__(
        self,
        code: str,
        name: str,
        family: Family,
        severity: Severity,
        default_enabled: bool,
        fixable: bool,
        options_model: type[BaseModel] | type[DeclaredOptions] | None,
        doc: str,
        function: CheckFunction,
        judge: JudgeFunction | None = None,
    ) -> None:
        self._set_fields(code, name, family, severity, default_enabled, fixable, options_model, doc, function, judge)

    def check(self, document: Document, options: Any) -> Iterable[Violation]:
        return self.function(document, options)

    @property
    def summary(self) -> str:
        return summary_of(self)


_FIELDS_BUT_DOC = tuple(field for field in Rule._fields if field != "doc")


def summary_of(rule: RuleLike) -> str:
    """The first sentence of a rule's *What it does* section."""
    lines = [line.strip() for line in rule.doc.splitlines()]
    text = []
    for line in lines:
        if line.startswith("#") or not line:
            if text:
                break
            continue
        text.append(line)
    sentence = " ".join(text)
    return sentence.split(". ")[0].rstrip(".")


def validate_rule(candidate: object) -> str | None:
    """Why ``candidate`` is not a usable rule, or None when it is."""
    if not isinstance(candidate, RuleLike):
        return "is not a rule (needs code, name, family, severity, default_enabled, fixable, options_model, doc, check)"
    return _field_problem(candidate)


def _field_problem(candidate: RuleLike) -> str | None:
    """What is wrong with a rule's code, name, family or severity (``isinstance`` with a runtime
    protocol costs about 25 µs, so the rules :func:`rule` makes skip that part)."""
    if not _CODE.match(candidate.code):
        return f"has an invalid code {candidate.code!r} (letters then digits, like NL001)"
    if not _NAME.match(candidate.name):
        return f"has an invalid name {candidate.name!r} (kebab-case, like trailing-whitespace)"
    if candidate.family not in FAMILIES:
        return f"has an unknown family {candidate.family!r} (one of {', '.join(FAMILIES)})"
    if candidate.severity not in ("error", "warning"):
        return f"has an invalid severity {candidate.severity!r} (error or warning)"
    return None


def rule(
    *,
    code: str,
    name: str,
    family: Family,
    severity: Severity = "warning",
    default_enabled: bool = True,
    fixable: bool = False,
    options: type[BaseModel] | type[DeclaredOptions] | None = None,
    judge: JudgeFunction | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Turn a check function into a :class:`Rule`; the function's docstring becomes its docs.
    ``judge`` (optional) sees the rule's findings with the project after the per-file pass and
    returns those to keep (:mod:`notelint.project`)."""

    def wrap(function: CheckFunction) -> Rule:
        made = Rule.__new__(Rule)  # Rule's fields but its doc (see _FunctionDoc)
        values = (code, name, family, severity, default_enabled, fixable, options, function, judge)
        for field, value in zip(_FIELDS_BUT_DOC, values, strict=True):
            set_field(made, field, value)
        problem = _field_problem(made)
        if problem is not None:
            raise ValueError(f"rule {code} {problem}")
        return made

    return wrap


def cleandoc(doc: str) -> str:
    """``inspect.cleandoc`` (of Python 3.11), without importing ``inspect`` (with ``ast``, ``dis``
    and ``tokenize``: about 8 ms of every start): tabs expanded, the indentation common to the
    lines after the first removed, the first line's leading whitespace and blank lines at either
    end dropped."""
    lines = doc.expandtabs().split("\n")
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            margin = min(margin, len(line) - content)
    lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)
