"""The findings cache (ruff's model): ``.notelint_cache/`` or ``$NOTELINT_CACHE_DIR``.

Findings are stored per *settings key* (notelint's version, the configuration file's bytes, the
command-line selection, plugin files, installed entry points and files the options name) and per
file content hash.  A warm run reads one JSON file per settings key and never imports
markdown-it-py, pydantic or the rules.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notelint import __version__
from notelint.diagnostics import Applicability, Edit, EditReport, Finding, Fix

CACHE_ENV = "NOTELINT_CACHE_DIR"
DEFAULT_FOLDER = ".notelint_cache"


def cache_folder(cwd: Path | None = None) -> Path:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else (cwd or Path.cwd()) / DEFAULT_FOLDER


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def finding_to_json(finding: Finding) -> list[Any]:
    fix = None
    if finding.fix is not None:
        fix = [
            finding.fix.applicability.value,
            finding.fix.message,
            [[edit.start, edit.end, edit.content] for edit in finding.fix.edits],
        ]
    return [
        finding.line, finding.column, finding.end_line, finding.end_column, finding.code, finding.name,
        finding.family, finding.severity, finding.message, fix,
        [[e.line, e.column, e.end_line, e.end_column, e.content] for e in finding.fix_edits],
    ]


def finding_from_json(path: str, data: list[Any]) -> Finding:
    line, column, end_line, end_column, code, name, family, severity, message, fix_data, edit_reports = data
    fix = None
    if fix_data is not None:
        applicability, fix_message, edits = fix_data
        fix = Fix(fix_message, tuple(Edit(*edit) for edit in edits), Applicability(applicability))
    return Finding(
        path, line, column, end_line, end_column, code, name, family, severity, message, fix,
        tuple(EditReport(*report) for report in edit_reports),
    )


@dataclass
class Cache:
    """Reads each settings key's file once, writes the changed ones at the end of a run."""

    folder: Path
    _loaded: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    _dirty: set[str] = field(default_factory=set)

    @property
    def root(self) -> Path:
        return self.folder / __version__

    # -- configuration files that validated before --------------------------------------------

    def is_trusted_config(self, digest: str) -> bool:
        return (self.root / "configs" / digest).exists()

    def trust_config(self, digest: str) -> None:
        if not digest:
            return
        try:
            (self.root / "configs").mkdir(parents=True, exist_ok=True)
            (self.root / "configs" / digest).touch()
        except OSError:
            pass  # a read-only cache only costs speed

    # -- findings ------------------------------------------------------------------------------

    def _entries(self, settings_key: str) -> dict[str, list[Any]]:
        entries = self._loaded.get(settings_key)
        if entries is None:
            try:
                entries = json.loads((self.root / "findings" / f"{settings_key}.json").read_text("utf-8"))
            except (OSError, ValueError):
                entries = {}
            self._loaded[settings_key] = entries
        return entries

    def get(self, settings_key: str, file_key: str, path: str) -> list[Finding] | None:
        stored = self._entries(settings_key).get(file_key)
        if stored is None:
            return None
        return [finding_from_json(path, item) for item in stored]

    def put(self, settings_key: str, file_key: str, findings: list[Finding]) -> None:
        self._entries(settings_key)[file_key] = [finding_to_json(finding) for finding in findings]
        self._dirty.add(settings_key)

    # -- small facts about a settings key (kept next to its findings) -------------------------

    def get_fact(self, settings_key: str, name: str) -> Any:
        return self._entries(settings_key).get(f"fact:{name}")

    def put_fact(self, settings_key: str, name: str, value: Any) -> None:
        self._entries(settings_key)[f"fact:{name}"] = value
        self._dirty.add(settings_key)

    def save(self) -> None:
        folder = self.root / "findings"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# Automatically created by notelint.\n*\n")
            for settings_key in self._dirty:
                handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(self._loaded[settings_key], stream, separators=(",", ":"))
                os.replace(temporary, folder / f"{settings_key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs speed
        self._dirty.clear()


def clean(folder: Path) -> bool:
    """Remove the cache folder; True when there was one."""
    if folder.is_dir():
        shutil.rmtree(folder)
        return True
    return False
