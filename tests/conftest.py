"""Shared test helpers: run the real command line in a subprocess, on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

try:
    import notelint.rules  # noqa: F401  (installed as notelint.rules from the folder rules/)
except ModuleNotFoundError as error:  # pragma: no cover - a set-up problem, not a test result
    raise SystemExit(
        "notelint is not installed (or the source folder shadows it): run `pip install -e '.[test]'` "
        f"and start the tests with `pytest`, not `python -m pytest` ({error})"
    ) from error

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent

# In CI (the CI variable set, as .ci/run does) the random tests draw the same examples on every
# run: a red CI must mean that a change broke something, not that a run drew a rare note an
# earlier change had left broken. A run elsewhere draws new examples each time and may find one
# (then it becomes an explicit example of its test). Loaded here, before any test module
# makes its settings.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


#: Figures tests measure (agreement rates, example counts): printed at the end of every run.
FIGURES: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FIGURES:
        terminalreporter.section("figures measured by the tests")
        for line in FIGURES:
            terminalreporter.write_line(line)


def run_notelint(*args: str | Path, cwd: Path | None = None, stdin: bytes | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m notelint ARGS`` as a user would, and return its exit code and output."""
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    completed = subprocess.run(
        # -P: never import the source folder from the current directory; test the installed notelint
        [sys.executable, "-P", "-m", "notelint", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )


def main_in_fresh_process(folder: Path, arguments: Sequence[str], report: str, *, before: str = "") -> str:
    """Run ``notelint.cli.main(arguments)`` in a fresh interpreter in ``folder``, with its output
    captured in ``out``, and return what ``print(code, REPORT)`` prints after it: what a test
    cannot see in its own process, such as the modules a run loaded (``before``: code to run
    first, such as hiding a module)."""
    probe = (
        "import sys, io, contextlib\n"
        f"{before}\n"
        "from notelint.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main({list(arguments)!r})\n"
        f"print(code, {report})\n"
    )
    return subprocess.run([sys.executable, "-P", "-c", probe], cwd=folder, capture_output=True, text=True,
                          check=True).stdout


def modules_loaded_by_a_check(folder: Path, names: tuple[str, ...], arguments: Sequence[str] = ("check", ".")) -> str:
    """Exit code of a check (``notelint check .`` unless ``arguments`` say otherwise) in
    ``folder``, run in a fresh process, and which of the modules ``names`` it loaded."""
    return main_in_fresh_process(folder, arguments, f"sorted(m for m in {names!r} if m in sys.modules)").strip()


def findings_json(*args: str | Path, cwd: Path | None = None) -> list[dict[str, Any]]:
    """Run a check with ``--output-format json`` and return the parsed findings."""
    completed = run_notelint("check", "--output-format", "json", *args, cwd=cwd)
    assert completed.returncode in (0, 1), completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_notelint


@pytest.fixture
def write_note(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a note (text, exact bytes as UTF-8) under tmp_path and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return path

    return write
