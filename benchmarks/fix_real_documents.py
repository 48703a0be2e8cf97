"""Safety on other people's Markdown: `notelint --fix --unsafe-fixes --select ALL` over real files.

    python benchmarks/fix_real_documents.py [ROOT ...] [--limit 1500] [--keep DIR]

Copies the Markdown files found under the given folders (default: the Python installation and
npm's global folder, where packages keep their READMEs, changelogs and docs) into a temporary
folder, runs every rule with unsafe fixes twice through the real command, and prints: how many
files and bytes, how many the first run changed, every internal error (a fix verification that
refused a fix names the rule: each is a bug to look at), whether the second run changed anything
(it must not), and which code blocks and code spans are gone or new after fixing.
"""

from __future__ import annotations

import argparse
from collections import Counter
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

SUFFIXES = (".md", ".markdown")


def default_roots() -> list[Path]:
    roots = [Path(sysconfig.get_paths()["purelib"]), Path(sys.base_prefix)]
    npm = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True, check=False)
    if npm.returncode == 0 and npm.stdout.strip():
        roots.append(Path(npm.stdout.strip()))
    return roots


def collect(roots: list[Path], limit: int, folder: Path) -> dict[Path, bytes]:
    copied: dict[Path, bytes] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if len(copied) >= limit:
                return copied
            if path.suffix.lower() not in SUFFIXES or not path.is_file():
                continue
            data = path.read_bytes()
            if not 500 <= len(data) <= 400_000:
                continue
            target = folder / f"{len(copied):04d}-{path.name}"
            target.write_bytes(data)
            copied[target] = data
    return copied


def code_contents(data: bytes) -> list[tuple[str, str]]:
    """The code of a file's bytes as notelint's parser sees it (none when it is not UTF-8)."""
    from notelint.parser import code_contents as of_text

    try:
        return of_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return []


def run(folder: Path) -> subprocess.CompletedProcess[str]:
    # -P: the installed notelint, never the source folder of the current directory (run from a
    # checkout, that one has no notelint.rules: every file would fail and nothing be tested)
    command = [sys.executable, "-P", "-m", "notelint", "check", "--no-cache", "--fix", "--unsafe-fixes"]
    command += ["--select", "ALL", "--output-format", "concise", str(folder)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it, to look at the files")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if arguments.keep:
            folder = arguments.keep
            folder.mkdir(parents=True)
        originals = collect(arguments.roots or default_roots(), arguments.limit, folder)
        size = sum(len(data) for data in originals.values())
        print(f"files: {len(originals)} ({size / 1e6:.1f} MB)")
        first = run(folder)
        if "Traceback" in first.stderr:  # (exit 2 alone may be a file that is not UTF-8)
            raise SystemExit(f"notelint did not run (exit {first.returncode}):\n{first.stderr[-2000:]}")
        errors = [line for line in first.stderr.splitlines() if "internal error" in line]
        after_first = {path: path.read_bytes() for path in originals}
        changed = sum(after_first[path] != data for path, data in originals.items())
        lost: list[str] = []
        gained: list[str] = []
        for path, data in originals.items():
            before, after = Counter(code_contents(data)), Counter(code_contents(after_first[path]))
            lost += [f"{path.name}: {kind} {content[:60]!r}" for (kind, content) in before - after]
            gained += [f"{path.name}: {kind} {content[:60]!r}" for (kind, content) in after - before]
        second = run(folder)
        changed_again = [path.name for path in originals if path.read_bytes() != after_first[path]]
        print(f"first run: exit {first.returncode}, {changed} files changed by fixes")
        listed("internal errors (fixes refused by verification or crashes)", errors)
        listed("code blocks and spans gone after fixing (unsafe fixes remove empty sections whole)", lost)
        listed("code spans new after fixing (the math rules write GitLab's $`...`$)", gained)
        listed(f"second run: exit {second.returncode}; files changed again (must be 0)", changed_again)


def listed(title: str, lines: list[str]) -> None:
    print(f"{title}: {len(lines)}")
    for line in lines:
        print(f"  {line}")

if __name__ == "__main__":
    main()
