"""Speed benchmark: notelint cold and warm against the peers that are installed, in one run.

    python benchmarks/speed.py [--notes 1000] [--repeat 5]

Builds a corpus of N notes from tests/fixtures (copies with small variations), then times, as
medians of --repeat runs: notelint --no-cache (cold), notelint with a warm cache, and when found
on PATH rumdl, mdformat --check and markdownlint-cli2; on one note notelint (without and with a
configuration file) and mdformat --check, run in turns, at least 15 times; and the peak memory
(largest resident set of any notelint process, from the kernel's rusage); and a pre-commit run:
the corpus made a git repository, one note edited before each check of it with the cache warm.
Prints figures and ratios.

It also times what no notelint can go below: a Python that imports notelint's parser
(notelint.parser) and parses the notes into block tokens, without any rule, on one note and over
the corpus on one core.  The corpus time divided by the cores bounds notelint cold from below,
whatever its rules cost.  notelint cold, rumdl and that parse run in turns (a, b, c, a, b, c, ...),
as do the one-note commands: this machine's speed drifts over minutes, and taking turns gives each
the same drift, so that their ratios hold.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


# The parse every notelint run starts with (notelint.parser), and nothing else.
PARSE_ONLY = (
    "import sys\n"
    "from notelint.parser import parse_blocks\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as file:\n"
    "        parse_blocks(file.read())\n"
)


def build_corpus(folder: Path, count: int) -> None:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.md"))]
    for number in range(count):
        text = seeds[number % len(seeds)]
        text = text.replace("title: ", f"title: Copy {number} of ", 1)
        if number % 3 == 0:
            text += f"\n## Extra {number}\n- note {number} with a trailing space \n"
        (folder / f"note-{number:05d}.md").write_text(text, encoding="utf-8")


def timed(command: list[str], cwd: Path, repeat: int, env: dict[str, str] | None = None,
          before: list[str] | None = None) -> float:
    samples = []
    for _ in range(repeat):
        if before:
            subprocess.run(before, cwd=cwd, capture_output=True, env=env, check=False)
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, env=env, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def timed_side_by_side(commands: list[tuple[list[str], Path, dict[str, str] | None]], repeat: int) -> list[float]:
    """Medians of ``repeat`` runs of each command, run in turns (a, b, a, b, ...): a short command's
    time drifts with the machine's load, and taking turns gives every command the same drift."""
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for number, (command, cwd, env) in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, capture_output=True, env=env, check=False)
            samples[number].append(time.perf_counter() - start)
    return [statistics.median(times) for times in samples]


def peak_memory_mb(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Largest resident set of any process the command started (a fresh Python measures it)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, env=env, capture_output=True,
                         text=True, check=True).stdout
    return int(out.strip()) / 1024


def edited_note_in_repository(notelint: list[str], corpus: Path, env: dict[str, str], repeat: int) -> float | None:
    """A pre-commit run: the corpus made a git repository, its cache warm, one note edited before
    each run of ``notelint check`` on that note (the unknown-word judge reads the other notes).
    Median seconds; None without git."""
    if shutil.which("git") is None:
        return None
    subprocess.run(["git", "init", "-q"], cwd=corpus, capture_output=True, check=True)
    subprocess.run([*notelint, "."], cwd=corpus, env=env, capture_output=True, check=False)
    note = corpus / "note-00001.md"
    samples = []
    for number in range(repeat):
        with note.open("a", encoding="utf-8") as stream:
            stream.write(f"- edit number {number} with a Transofromer in it\n")
        start = time.perf_counter()
        subprocess.run([*notelint, note.name], cwd=corpus, env=env, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    notelint = [sys.executable, "-P", "-m", "notelint", "check"]
    # pip compiles an installed package's modules to bytecode; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise compile notelint's sources on every run.
    from importlib.util import find_spec

    spec = find_spec("notelint")
    package = Path(spec.origin).resolve().parent if spec and spec.origin else REPO / "notelint"
    rules = (package / "rules") if (package / "rules").is_dir() else REPO / "rules"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package), str(rules)], capture_output=True,
                   check=False)
    print(f"load average at start: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        corpus = root / "corpus"
        corpus.mkdir()
        build_corpus(corpus, args.notes)
        one = root / "one"
        one.mkdir()
        shutil.copy(FIXTURES / "icml-2024.md", one / "note.md")
        env = {**os.environ, "NOTELINT_CACHE_DIR": str(root / "cache")}
        # builds the word data, and proves the command works: a benchmark of a failing command is worthless
        probe = subprocess.run([*notelint, "--no-cache", str(one)], env=env, capture_output=True, text=True, check=False)
        if probe.returncode != 1 or "NL" not in probe.stdout:  # the seed has findings
            print(f"notelint does not run with {sys.executable}: exit {probe.returncode}\n{probe.stderr.strip()}")
            return 2

        size = sum(path.stat().st_size for path in corpus.iterdir()) / 1e6
        print(f"corpus: {args.notes} notes, {size:.1f} MB; medians of {args.repeat} runs; {os.cpu_count()} cores")
        figures: dict[str, float] = {}
        notes = sorted(path.name for path in corpus.iterdir())
        in_turns: dict[str, tuple[list[str], Path, dict[str, str] | None]] = {
            "notelint cold": ([*notelint, "--no-cache", "."], corpus, env),
            "parse alone": ([sys.executable, "-P", "-c", PARSE_ONLY, *notes], corpus, env),
        }
        if shutil.which("rumdl"):
            in_turns["rumdl"] = (["rumdl", "check", "--no-cache", "."], corpus, None)
        figures.update(zip(in_turns, timed_side_by_side(list(in_turns.values()), args.repeat)))
        subprocess.run([*notelint, "."], cwd=corpus, env=env, capture_output=True, check=False)
        figures["notelint warm"] = timed([*notelint, "."], corpus, args.repeat, env)
        peers = {
            "mdformat --check": ["mdformat", "--check", "."],
            "markdownlint-cli2": ["markdownlint-cli2", "**/*.md"],
        }
        for name, command in peers.items():
            if shutil.which(command[0]):
                figures[name] = timed(command, corpus, max(1, args.repeat // 2))
        parse_only = figures.pop("parse alone")
        for name, seconds in figures.items():
            print(f"  {name:<20} {seconds:8.3f} s")
        if "rumdl" in figures:
            print(f"  cold / rumdl        {figures['notelint cold'] / figures['rumdl']:8.2f}x   (target <= 3; "
                  "notelint cold, rumdl and the parse alone in turns)")
            print(f"  warm / rumdl cold   {figures['notelint warm'] / figures['rumdl']:8.2f}x   (target <= 0.5)")
        cores = os.cpu_count() or 1
        print(f"  notelint's parse alone, one core {parse_only:6.3f} s; on {cores} cores at least "
              f"{parse_only / cores:.3f} s", end="")
        print(f" = {parse_only / cores / figures['rumdl']:.2f}x rumdl" if "rumdl" in figures else "")

        configured = root / "configured"
        configured.mkdir()
        shutil.copy(FIXTURES / "icml-2024.md", configured / "note.md")
        shutil.copy(REPO / "pyproject.toml", configured / "pyproject.toml")
        # one note takes a tenth of a second: more runs, notelint and mdformat in turns
        one_note: list[tuple[list[str], Path, dict[str, str] | None]] = [
            ([*notelint, "--no-cache", "note.md"], one, env),
            ([*notelint, "--no-cache", "note.md"], configured, env),
            ([sys.executable, "-P", "-c", PARSE_ONLY, "note.md"], one, env),
        ]
        if shutil.which("mdformat"):
            one_note.append((["mdformat", "--check", "note.md"], one, None))
        single, with_config, floor, *peer = timed_side_by_side(one_note, max(args.repeat, 15))
        print(f"one note, cold: notelint {single * 1000:.0f} ms; with the repository's pyproject.toml "
              f"{with_config * 1000:.0f} ms (medians of {max(args.repeat, 15)} runs in turns)")
        print(f"  import notelint's parser and parse alone {floor * 1000:.0f} ms")
        if peer:
            print(f"  mdformat --check {peer[0] * 1000:.0f} ms; ratio {single / peer[0]:.2f}x (target <= 0.5); "
                  f"parse alone {floor / peer[0]:.2f}x")
        memory = peak_memory_mb([*notelint, "--no-cache", "."], corpus, env)
        print(f"peak memory (largest process), {args.notes} notes: {memory:.0f} MB (target < 200)")
        edited = edited_note_in_repository(notelint, corpus, env, max(args.repeat, 15))
        if edited is not None:
            print(f"pre-commit: one edited note in a git repository of {args.notes} notes, cache warm: "
                  f"{edited * 1000:.0f} ms (median of {max(args.repeat, 15)})")
        print(f"load average at end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
