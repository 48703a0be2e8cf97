"""``notelint server``: the language server, driven over stdio with real LSP JSON-RPC messages.

The test is its own client: it starts ``python -P -m notelint server``, writes Content-Length
framed messages to its stdin and reads framed messages from its stdout (a reader thread and a
queue, so a hung server fails the test after a timeout instead of hanging the run).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

pytest.importorskip("pygls")

TIMEOUT = 30.0  # seconds for any one answer; generous for a cold start on a slow CI machine


class LspClient:
    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "notelint", "server"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1"},
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.pending: list[dict[str, Any]] = []
        self.next_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = stream.read(int(headers["content-length"]))
                self.messages.put(json.loads(body.decode("utf-8")))
        finally:
            self.messages.put(None)

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        self.send({"method": method, "params": params or {}})

    def _next(self) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=TIMEOUT)
        except queue.Empty:
            pytest.fail(f"the server sent nothing for {TIMEOUT} s")
        if message is None:
            stderr = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
            pytest.fail(f"the server closed its output; stderr:\n{stderr}")
        return message

    def wait_for(self, predicate: Any) -> dict[str, Any]:
        for index, message in enumerate(self.pending):
            if predicate(message):
                return self.pending.pop(index)
        while True:
            message = self._next()
            if predicate(message):
                return message
            self.pending.append(message)

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        answer = self.wait_for(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in answer, answer
        return answer["result"]

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        message = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
        )
        return message["params"]["diagnostics"]

    def close(self) -> int:
        try:
            return self.process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail("the server did not exit after shutdown/exit")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[LspClient]:
    lsp = LspClient(tmp_path)
    try:
        yield lsp
    finally:
        if lsp.process.poll() is None:
            lsp.process.kill()
            lsp.process.wait()


def start(client: LspClient, root: Path) -> dict[str, Any]:
    result = client.request(
        "initialize",
        {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}},
    )
    client.notify("initialized")
    return result


def stop(client: LspClient) -> None:
    assert client.request("shutdown", {}) is None
    client.notify("exit")
    assert client.close() == 0


def open_note(client: LspClient, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
    )
    return uri


def rng(line: int, character: int, end_line: int, end_character: int) -> dict[str, Any]:
    return {"start": {"line": line, "character": character}, "end": {"line": end_line, "character": end_character}}


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text`` as an editor would."""
    lines = text.split("\n")

    def offset(position: dict[str, int]) -> int:
        before = sum(len(line) + 1 for line in lines[: position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units = line.encode("utf-16-le")[: 2 * position["character"]].decode("utf-16-le")
        return before + len(units)

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


# A list item with a paragraph glued under it (NL001) and trailing whitespace after an emoji
# (NL003): 😀 is one character for notelint but two UTF-16 code units for the editor.
NOTE = "# Talk\n\n- Doppler correction 😀 by hand\nComment: manual 😀  \n"
CLEAN = "# Talk\n\n- Doppler correction 😀 by hand\n\nComment: manual 😀\n"


def test_diagnostics_code_actions_hover_and_change(client: LspClient, tmp_path: Path) -> None:
    capabilities = start(client, tmp_path)["capabilities"]
    assert capabilities["hoverProvider"]
    assert "quickfix" in capabilities["codeActionProvider"]["codeActionKinds"]
    assert capabilities["textDocumentSync"]["change"] == 1  # full

    note = tmp_path / "talk.md"
    uri = open_note(client, note, NOTE)
    diagnostics = sorted(client.diagnostics(uri), key=lambda d: d["code"])
    assert [(d["code"], d["source"], d["severity"], d["range"], d["message"]) for d in diagnostics] == [
        # the glued line "Comment: manual 😀  ": 19 characters, 20 UTF-16 code units
        ("NL001", "notelint", 2, rng(3, 0, 3, 20), diagnostics[0]["message"]),
        # the two spaces after the emoji: characters 17-19, UTF-16 code units 18-20
        ("NL003", "notelint", 2, rng(3, 18, 3, 20), "Trailing whitespace"),
    ]

    # a cursor at the start of the glued line: its quick fix only
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": rng(3, 2, 3, 2),
         "context": {"diagnostics": [], "only": ["quickfix"]}},
    )
    assert [(a["title"], a["kind"], a["isPreferred"]) for a in actions] == [
        ("Insert a blank line before it (NL001)", "quickfix", True)
    ]
    assert actions[0]["edit"]["changes"][uri] == [{"range": rng(3, 0, 3, 0), "newText": "\n"}]
    assert actions[0]["diagnostics"][0]["code"] == "NL001"

    # a cursor in the trailing whitespace: both quick fixes, and "Fix all" applying every safe fix
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": rng(3, 19, 3, 19), "context": {"diagnostics": []}},
    )
    assert [(a["title"], a["kind"]) for a in actions] == [
        ("Insert a blank line before it (NL001)", "quickfix"),
        ("Remove trailing whitespace (NL003)", "quickfix"),
        ("Fix all (notelint)", "source.fixAll.notelint"),
    ]
    assert actions[1]["edit"]["changes"][uri] == [{"range": rng(3, 18, 3, 20), "newText": ""}]
    assert apply_edits(NOTE, actions[1]["edit"]["changes"][uri]) == NOTE.replace("😀  \n", "😀\n")
    assert actions[2]["edit"]["changes"][uri] == [{"range": rng(0, 0, 4, 0), "newText": CLEAN}]

    # only the fix-all kind, as an editor asks on save
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": rng(0, 0, 0, 0), "context": {"diagnostics": [], "only": ["source.fixAll"]}},
    )
    assert [a["title"] for a in actions] == ["Fix all (notelint)"]

    # hover: the documentation of the rules whose findings lie under the cursor
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}})
    assert hover["contents"]["kind"] == "markdown"
    text = hover["contents"]["value"]
    assert text.startswith("**NL001** `glued-paragraph`")
    assert "*lazy continuation*" in text and "## Why is this bad?" in text  # from the rule's docstring
    assert "NL003" not in text
    assert hover["range"] == rng(3, 0, 3, 20)
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 19}})
    text = hover["contents"]["value"]
    assert "**NL001**" in text and "**NL003** `trailing-whitespace`: Trailing whitespace" in text
    assert hover["range"] == rng(3, 18, 3, 20)
    # and nothing where there is no finding
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}) is None

    # the editor changes the note to a clean text: the diagnostics go away
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": CLEAN}]},
    )
    assert client.diagnostics(uri) == []
    assert client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": rng(0, 0, 4, 0), "context": {"diagnostics": []}},
    ) == []

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    stop(client)


def test_config_is_resolved_per_file_and_unsafe_fixes_are_marked(client: LspClient, tmp_path: Path) -> None:
    # notes under quiet/ follow their own configuration, as on the command line
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet" / "notelint.toml").write_text('ignore = ["trailing-whitespace"]\n', encoding="utf-8")
    start(client, tmp_path)
    text = "---\ntitle: ICML 2024\ndate: 2024-07-22\ntags: ml, audio\n---\nSome text  \n"
    loud = open_note(client, tmp_path / "loud.md", text)
    assert sorted(d["code"] for d in client.diagnostics(loud)) == ["NL003", "NL120"]
    quiet = open_note(client, tmp_path / "quiet" / "talk.md", text)
    assert [d["code"] for d in client.diagnostics(quiet)] == ["NL120"]

    # the tags fix is unsafe: offered, titled so, never preferred and never part of "Fix all"
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": quiet}, "range": rng(3, 7, 3, 7), "context": {"diagnostics": []}},
    )
    assert [(a["title"], a["kind"], a["isPreferred"]) for a in actions] == [
        ("Split `tags` at the commas into a list (NL120) (unsafe)", "quickfix", False)
    ]
    assert apply_edits(text, actions[0]["edit"]["changes"][quiet]) == text.replace("ml, audio", "[ml, audio]")

    # saving re-checks the note (the editor sends the text it saved when asked to; here it does not)
    client.notify("textDocument/didSave", {"textDocument": {"uri": loud}})
    assert sorted(d["code"] for d in client.diagnostics(loud)) == ["NL003", "NL120"]
    stop(client)


def test_crlf_notes_keep_their_line_endings(client: LspClient, tmp_path: Path) -> None:
    start(client, tmp_path)
    text = "# Talk\r\n\r\n- item\r\nComment: glued \r\n"
    uri = open_note(client, tmp_path / "crlf.md", text)
    assert sorted((d["code"], json.dumps(d["range"])) for d in client.diagnostics(uri)) == sorted([
        ("NL001", json.dumps(rng(3, 0, 3, 15))),
        ("NL003", json.dumps(rng(3, 14, 3, 15))),
    ])
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": rng(3, 0, 3, 0), "context": {"diagnostics": []}},
    )
    assert actions[0]["edit"]["changes"][uri] == [{"range": rng(3, 0, 3, 0), "newText": "\r\n"}]
    assert actions[-1]["title"] == "Fix all (notelint)"
    assert actions[-1]["edit"]["changes"][uri][0]["newText"] == "# Talk\r\n\r\n- item\r\n\r\nComment: glued\r\n"
    stop(client)


def test_utf8_positions_when_the_client_prefers_them(client: LspClient, tmp_path: Path) -> None:
    result = client.request(
        "initialize",
        {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
         "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}},
    )
    client.notify("initialized")
    assert result["capabilities"]["positionEncoding"] == "utf-8"
    uri = open_note(client, tmp_path / "talk.md", "Hello über 😀  \n")
    [diagnostic] = client.diagnostics(uri)
    # "Hello über 😀" is 12 characters, 13 UTF-16 code units and 16 UTF-8 bytes
    assert (diagnostic["code"], diagnostic["range"]) == ("NL003", rng(0, 16, 0, 18))
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 17}})
    assert "trailing-whitespace" in hover["contents"]["value"]
    stop(client)


def test_a_broken_configuration_is_shown_and_reloaded_on_save(client: LspClient, tmp_path: Path) -> None:
    config = tmp_path / "notelint.toml"
    config.write_text("ignore = [\n", encoding="utf-8")
    start(client, tmp_path)
    uri = open_note(client, tmp_path / "talk.md", "Some text  \n")
    message = client.wait_for(lambda m: m.get("method") == "window/showMessage")["params"]
    assert message["type"] == 1 and "invalid TOML" in message["message"] and str(config) in message["message"]
    assert client.diagnostics(uri) == []

    # the user repairs the configuration in the editor and saves it: the open notes are checked again
    config.write_text('ignore = ["glued-paragraph"]\n', encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert [d["code"] for d in client.diagnostics(uri)] == ["NL003"]
    stop(client)


def test_the_projects_vocabulary_is_judged_as_on_the_command_line(client: LspClient, tmp_path: Path) -> None:
    """An unknown word that enough of the project's notes use (vocabulary-min-notes, 3) is not
    reported in the editor either; a saved or deleted note makes the server read the notes again."""
    (tmp_path / "pyproject.toml").write_text('[tool.notelint]\nselect = ["typos"]\n', encoding="utf-8")
    jargon = "# Talk\n\nWe train the model with backprop on the data.\n"
    note = "# Talk\n\nWe train the Transofromer with backprop on the data.\n"
    (tmp_path / "talk-0.md").write_text(note, encoding="utf-8")
    (tmp_path / "talk-1.md").write_text(jargon, encoding="utf-8")

    def words(diagnostics: list[dict[str, Any]]) -> list[str]:
        return sorted(d["message"].split("`")[1] for d in diagnostics if d["code"] == "NL501")

    def command_line_words() -> list[str]:
        completed = subprocess.run(
            [sys.executable, "-P", "-m", "notelint", "check", "--no-cache", "--output-format", "json", "talk-0.md"],
            cwd=tmp_path, capture_output=True, text=True,
        )
        return sorted(f["message"].split("`")[1] for f in json.loads(completed.stdout) if f["code"] == "NL501")

    start(client, tmp_path)
    uri = open_note(client, tmp_path / "talk-0.md", note)
    assert words(client.diagnostics(uri)) == command_line_words() == ["Transofromer", "backprop"]

    # a third note using the word is saved: the open note is checked again, and backprop is vocabulary
    third = tmp_path / "talk-2.md"
    third.write_text(jargon, encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": third.as_uri()}})
    assert words(client.diagnostics(uri)) == command_line_words() == ["Transofromer"]
    # a quick fix is offered for the typo only
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": rng(2, 0, 2, 60), "context": {"diagnostics": []}},
    )
    assert [a["title"] for a in actions if a["kind"] == "quickfix"] == ["Replace with `Transformer` (NL501) (unsafe)"]

    # the note is deleted outside the editor and the client says so
    third.unlink()
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": third.as_uri(), "type": 3}]})
    assert words(client.diagnostics(uri)) == command_line_words() == ["Transofromer", "backprop"]
    stop(client)
