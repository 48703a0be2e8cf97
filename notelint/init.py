"""``notelint init``: a starting ``[tool.notelint]`` in ./pyproject.toml and a pre-commit hook.

Both files are only appended to (never re-dumped), so their comments and layout stay as they are.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

PYPROJECT_SECTION = """\
[tool.notelint]
# Written by `notelint init`. Every rule: `notelint rules`; one rule's documentation: `notelint rule CODE`.
# Selectors are rule codes (NL001), code prefixes (NL0), rule names or families (markdown, typos, ...).
# select = ["ALL"]     # default: the rules that are on by default
extend-select = []     # rules that are off by default, to turn on
ignore = []            # rules to turn off
exclude = []           # globs (relative to this file's folder) of notes not to check

# [tool.notelint.per-file-ignores]
# "drafts/**" = ["typos"]
"""

HOOK_ID = "notelint"
# A local hook runs the notelint installed next to pre-commit: it needs no published package.
HOOK_LINES = [
    "- repo: local",
    "  hooks:",
    "    - id: notelint",
    "      name: notelint",
    "      entry: notelint check",
    "      language: system",
    "      types: [markdown]",
    "      require_serial: true",
    "      # args: [--fix]   # fix what is safe to fix; pre-commit then reports the changed files",
]


class InitError(Exception):
    """Why ``notelint init`` refused to write anything."""


@dataclass(frozen=True)
class Plan:
    """The new contents of the files ``init`` writes (None: leave the file alone)."""

    pyproject: str
    precommit: str | None
    precommit_note: str


def _existing_table(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InitError(f"{path} is not valid TOML ({error}); fix it first") from None


def plan_pyproject(path: Path) -> str:
    if not path.exists():
        return PYPROJECT_SECTION
    text = path.read_text(encoding="utf-8")
    data = _existing_table(text, path)
    if "notelint" in data.get("tool", {}):
        raise InitError(f"{path} already has a [tool.notelint] section; nothing was written")
    if not text.strip():
        return PYPROJECT_SECTION
    return text.rstrip("\n") + "\n\n" + PYPROJECT_SECTION


def _has_notelint_hook(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    for repo in data.get("repos") or []:
        if isinstance(repo, dict):
            for hook in repo.get("hooks") or []:
                if isinstance(hook, dict) and hook.get("id") == HOOK_ID:
                    return True
    return False


def _load_yaml(text: str, path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        raise InitError(f"{path} is not valid YAML ({error}); fix it first") from None


_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")


def plan_precommit(path: Path) -> tuple[str | None, str]:
    """The new text of ``.pre-commit-config.yaml`` (None to leave it) and what ``init`` did to it."""
    if not path.exists():
        text = "repos:\n" + "".join(f"  {line}\n" for line in HOOK_LINES)
        return text, f"wrote {path.name} with the notelint hook"
    text = path.read_text(encoding="utf-8")
    data = _load_yaml(text, path)
    if _has_notelint_hook(data):
        return None, f"{path.name} already has a notelint hook; left unchanged"
    if data is not None and not isinstance(data, dict):
        raise InitError(f"{path} is not a pre-commit configuration (not a mapping); nothing was written")
    lines = text.splitlines()
    repos_at = next((number for number, line in enumerate(lines) if re.match(r"^repos\s*:\s*(#.*)?$", line)), None)
    if repos_at is None:
        if data and "repos" in data:
            raise InitError(f"{path}: cannot add to a `repos:` written in flow style; add the hook by hand")
        new = text.rstrip("\n") + ("\n" if text.strip() else "") + "repos:\n"
        new += "".join(f"  {line}\n" for line in HOOK_LINES)
    else:
        # the block of `repos:` runs until the next top-level key
        end = len(lines)
        for number in range(repos_at + 1, len(lines)):
            if _TOP_KEY.match(lines[number]):
                end = number
                break
        last = end - 1
        while last > repos_at and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
            last -= 1
        indent = "  "
        for line in lines[repos_at + 1 : end]:
            stripped = line.lstrip()
            if stripped.startswith("- "):
                indent = line[: len(line) - len(stripped)]
                break
        entry = [indent + line for line in HOOK_LINES]
        new_lines = lines[: last + 1] + entry + lines[last + 1 :]
        new = "\n".join(new_lines) + "\n"
    if not _has_notelint_hook(_load_yaml(new, path)):
        raise InitError(f"could not add the notelint hook to {path} safely; add it by hand")
    return new, f"added the notelint hook to {path.name}"


def plan(folder: Path) -> Plan:
    pyproject = plan_pyproject(folder / "pyproject.toml")
    precommit, note = plan_precommit(folder / ".pre-commit-config.yaml")
    return Plan(pyproject, precommit, note)


def run_init(folder: Path, out: TextIO) -> None:
    """Write both files, or nothing (raises :class:`InitError`) when either cannot be written."""
    for name in (".notelint.toml", "notelint.toml"):
        if (folder / name).exists():
            raise InitError(f"{folder / name} already configures notelint; nothing was written")
    result = plan(folder)
    (folder / "pyproject.toml").write_text(result.pyproject, encoding="utf-8")
    out.write("added a [tool.notelint] section to pyproject.toml\n")
    if result.precommit is not None:
        (folder / ".pre-commit-config.yaml").write_text(result.precommit, encoding="utf-8")
    out.write(result.precommit_note + "\n")
