"""``notelint server``: a language server (LSP over stdio, built on pygls).

* diagnostics when a note is opened, changed (full sync) or saved; cleared when it is closed;
* a quick fix per fixable finding (unsafe fixes are offered too, titled "(unsafe)") and
  "Fix all (notelint)" (kind ``source.fixAll.notelint``: every safe fix, one whole-document edit);
* hover over a finding: the rule's documentation (Markdown).

The configuration of each note is resolved exactly as on the command line (the nearest
``pyproject.toml`` / ``notelint.toml`` above the note, per-file ignores, plugins), through
:class:`notelint.runner.Runner`.  Saving a configuration file the editor has open, or a
``workspace/didChangeWatchedFiles`` notification, makes the server forget what it resolved.
The rules' judges work as in ``notelint check``: an unknown word that enough of the project's notes
use is vocabulary.  The notes are read from disk when a judge first asks, and again after a note is
saved or a watched note changes, and then the open notes are checked again.

Positions: notelint counts 1-based lines and columns in characters; LSP counts 0-based lines and
columns in code units of the negotiated position encoding (UTF-16 unless the client offers another).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from notelint import __version__
from notelint.config import CONFIG_FILES, ConfigError, ConfigFinder
from notelint.diagnostics import Applicability, Finding
from notelint.discovery import SUFFIXES
from notelint.document import DecodeError, Newline, decode, encode
from notelint.registry import PluginError
from notelint.runner import Runner, RunOptions

SOURCE = "notelint"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.notelint"
FIX_ALL_TITLE = "Fix all (notelint)"

log = logging.getLogger(__name__)


def code_units(text: str, encoding: str) -> int:
    """Length of ``text`` in code units of an LSP position encoding."""
    if encoding == types.PositionEncodingKind.Utf8.value:
        return len(text.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32.value:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def split_lines(text: str) -> list[str]:
    """Lines without their breaks; ``\\r\\n``, ``\\r`` and ``\\n`` end a line (LSP and notelint agree)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@dataclass
class Checked:
    """One open note as the editor sees it, and what notelint found in it."""

    uri: str
    path: Path
    version: int | None
    text: str  # the editor's text
    has_bom: bool
    newline: Newline
    lines: list[str]  # the editor's lines (the BOM, if any, still at the start of line 0)
    findings: list[Finding]
    encoding: str

    def position(self, line: int, column: int) -> types.Position:
        """LSP position of a notelint 1-based line and character column (clamped to the text)."""
        row = line - 1
        if row >= len(self.lines):
            return self.end()
        shift = 1 if self.has_bom and row == 0 else 0
        prefix = self.lines[row][: column - 1 + shift]
        return types.Position(line=row, character=code_units(prefix, self.encoding))

    def end(self) -> types.Position:
        return types.Position(line=len(self.lines) - 1, character=code_units(self.lines[-1], self.encoding))

    def range_of(self, finding: Finding) -> types.Range:
        return types.Range(
            start=self.position(finding.line, finding.column),
            end=self.position(finding.end_line, finding.end_column),
        )

    def from_lsp(self, text: str) -> str:
        """Text as the editor must receive it (newline style of the note)."""
        return text.replace("\n", self.newline) if self.newline != "\n" else text


def _contains(outer: types.Range, position: types.Position) -> bool:
    start = (outer.start.line, outer.start.character)
    end = (outer.end.line, outer.end.character)
    return start <= (position.line, position.character) <= end


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)


class NotelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("notelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.runner = self._new_runner()
        self.checked: dict[str, Checked] = {}
        self._reported_errors: set[str] = set()

    @staticmethod
    def _new_runner() -> Runner:
        return Runner(ConfigFinder(), RunOptions())

    def reload_config(self) -> None:
        self.runner = self._new_runner()
        self._reported_errors.clear()
        for uri in list(self.checked):
            self.check(uri)

    def notes_changed(self) -> None:
        """Notes were saved, created or deleted: the judges read the project's notes again, and
        the open notes are checked again (a word another note now uses may be vocabulary)."""
        self.runner.forget_projects()
        for uri in list(self.checked):
            self.check(uri)

    def _error(self, message: str) -> None:
        if message in self._reported_errors:
            return
        self._reported_errors.add(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"notelint: {message}"))

    def position_encoding(self) -> str:
        """The negotiated encoding as its LSP name ("utf-8", "utf-16" or "utf-32")."""
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return str(getattr(encoding, "value", encoding))

    @staticmethod
    def is_note(uri: str, language_id: str | None) -> bool:
        path = to_fs_path(uri) or uri
        return language_id == "markdown" or Path(path).suffix.lower() in SUFFIXES

    def path_of(self, uri: str) -> Path:
        fs_path = to_fs_path(uri)
        if fs_path and uri.startswith("file:"):
            return Path(fs_path)
        root = self.workspace.root_path
        return Path(root or Path.cwd()) / "untitled.md"

    def check(self, uri: str) -> None:
        """Lint the editor's text of ``uri`` and publish the diagnostics."""
        from notelint.api import check_text

        document = self.workspace.get_text_document(uri)
        path = self.path_of(uri)
        source = document.source
        findings: list[Finding] = []
        has_bom, newline = False, "\n"
        try:
            text, has_bom, newline = decode(source.encode("utf-8", "surrogatepass"))
            config = self.runner.finder.for_path(path)
            if not config.is_excluded(path):
                result = check_text(
                    text, path=str(path), ruleset=self.runner.ruleset_for(path), project=self.runner.project_for(path)
                )
                findings = result.findings
                for error in result.errors:
                    self._error(f"{path}: {error}")
        except DecodeError as error:
            self._error(f"{path}: {error}")
        except (ConfigError, PluginError) as error:
            self._error(str(error))
        checked = Checked(
            uri, path, document.version, source, has_bom, newline, split_lines(source), findings,
            self.position_encoding(),
        )
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=document.version, diagnostics=[self.diagnostic(checked, f) for f in findings]
            )
        )

    @staticmethod
    def diagnostic(checked: Checked, finding: Finding) -> types.Diagnostic:
        fixable = finding.fix is not None
        return types.Diagnostic(
            range=checked.range_of(finding),
            message=finding.message,
            severity=types.DiagnosticSeverity.Error if finding.severity == "error" else types.DiagnosticSeverity.Warning,
            code=finding.code,
            source=SOURCE,
            data={
                "name": finding.name,
                "fixable": fixable,
                "unsafe": fixable and finding.fix.applicability is Applicability.UNSAFE,  # type: ignore[union-attr]
            },
        )

    def forget(self, uri: str) -> None:
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- code actions ------------------------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        checked = self.checked.get(params.text_document.uri)
        if checked is None:
            return []
        only = params.context.only

        def wanted(kind: str) -> bool:
            return only is None or any(kind == str(k) or kind.startswith(f"{k}.") for k in only)

        actions: list[types.CodeAction] = []
        if wanted(types.CodeActionKind.QuickFix.value):
            for finding in checked.findings:
                if finding.fix is None or not _overlaps(checked.range_of(finding), params.range):
                    continue
                safe = finding.fix.applicability is Applicability.SAFE
                edits = [
                    types.TextEdit(
                        range=types.Range(
                            start=checked.position(edit.line, edit.column),
                            end=checked.position(edit.end_line, edit.end_column),
                        ),
                        new_text=checked.from_lsp(edit.content),
                    )
                    for edit in finding.fix_edits
                ]
                actions.append(
                    types.CodeAction(
                        title=f"{finding.fix.message} ({finding.code})" + ("" if safe else " (unsafe)"),
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[self.diagnostic(checked, finding)],
                        is_preferred=safe,
                        edit=types.WorkspaceEdit(changes={checked.uri: edits}),
                    )
                )
        if wanted(FIX_ALL_KIND) and any(f.is_fixable(unsafe_fixes=False) for f in checked.findings):
            fixed = self.fix_all(checked)
            if fixed is not None:
                actions.append(
                    types.CodeAction(
                        title=FIX_ALL_TITLE,
                        kind=FIX_ALL_KIND,
                        edit=types.WorkspaceEdit(
                            changes={
                                checked.uri: [
                                    types.TextEdit(
                                        range=types.Range(start=types.Position(line=0, character=0), end=checked.end()),
                                        new_text=fixed,
                                    )
                                ]
                            }
                        ),
                    )
                )
        return actions

    def fix_all(self, checked: Checked) -> str | None:
        """The editor's text with every safe fix applied, or None when nothing changes (or fixing failed)."""
        from notelint.api import check_text

        try:
            text, has_bom, newline = decode(checked.text.encode("utf-8", "surrogatepass"))
            result = check_text(
                text,
                path=str(checked.path),
                fix=True,
                ruleset=self.runner.ruleset_for(checked.path),
                project=self.runner.project_for(checked.path),
            )
        except (DecodeError, ConfigError, PluginError) as error:
            self._error(str(error))
            return None
        if result.errors:
            for error in result.errors:
                self._error(f"{checked.path}: {error}")
            return None
        fixed = encode(result.text, has_bom, newline).decode("utf-8", "surrogatepass")
        return None if fixed == checked.text else fixed

    # -- hover -------------------------------------------------------------------------------

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        checked = self.checked.get(params.text_document.uri)
        if checked is None:
            return None
        hits = [f for f in checked.findings if _contains(checked.range_of(f), params.position)]
        if not hits:
            return None
        try:
            registry = self.runner.registry_for(self.runner.finder.for_path(checked.path))
        except (ConfigError, PluginError):
            return None
        parts: list[str] = []
        for code in dict.fromkeys(f.code for f in hits):
            finding = next(f for f in hits if f.code == code)
            rule = registry.lookup(code)
            doc = rule.doc if rule is not None else ""
            parts.append(f"**{finding.code}** `{finding.name}`: {finding.message}\n\n{doc}".rstrip())
        ranges = [checked.range_of(f) for f in hits]  # all contain the position: they intersect
        start = max((r.start for r in ranges), key=lambda p: (p.line, p.character))
        end = min((r.end for r in ranges), key=lambda p: (p.line, p.character))
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=types.Range(start=start, end=end),
        )


def build_server() -> NotelintServer:
    server = NotelintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NotelintServer, params: types.DidOpenTextDocumentParams) -> None:
        if ls.is_note(params.text_document.uri, params.text_document.language_id):
            ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NotelintServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.checked:
            ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NotelintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = Path(to_fs_path(uri) or uri)
        if path.name in CONFIG_FILES:
            ls.reload_config()
        elif path.suffix.lower() in SUFFIXES:
            ls.notes_changed()
        elif uri in ls.checked:
            ls.check(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NotelintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: NotelintServer, params: types.DidChangeWatchedFilesParams) -> None:
        changed = [Path(to_fs_path(change.uri) or change.uri) for change in params.changes]
        if any(path.name in CONFIG_FILES for path in changed):
            ls.reload_config()
        elif any(path.suffix.lower() in SUFFIXES for path in changed):
            ls.notes_changed()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def code_action(ls: NotelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NotelintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def serve() -> int:
    """Run the server on stdin/stdout until the client says exit."""
    import gc

    gc.enable()  # (``notelint`` starts with it off: a long-running process needs it)
    build_server().start_io()
    return 0
