"""The libyaml fast path for front matter against ruamel on real files: same answers, and how fast.

    python benchmarks/front_matter_parsers.py [ROOT ...] [--files LIST]

Reads the closed front matter of every Markdown file under the given folders (default: this
repository's seeds and notes, the Python installation and npm's global folder) and of the files
listed one a line in LIST, each distinct text once, and prints: how many texts the fast path
takes, why it leaves the others to ruamel, every text where the fast path's node tree or the
days rules' date differs from ruamel's (there must be none), and the time per text of both.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections import Counter
from pathlib import Path

from fix_real_documents import default_roots

from notelint.document import Document
from notelint.rules.days.common import _date_in_yaml, _date_in_yaml_with_ruamel
from notelint.rules.frontmatter import libyaml_compose
from notelint.rules.frontmatter.parse import _convert, compose_yaml, parse_yaml, parse_yaml_with_ruamel

REPOSITORY = Path(__file__).resolve().parent.parent


def front_matters(paths: list[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in paths:
        try:
            block = Document.from_bytes(str(path), path.read_bytes()).front_matter
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if block is not None and block.closed:
            found.setdefault(block.raw, path)
    return found


def markdown_files(roots: list[Path]) -> list[Path]:
    return [path for root in roots for path in sorted(root.rglob("*"))
            if path.suffix.lower() in (".md", ".markdown") and path.is_file()]


def why_not(raw: str) -> str:
    """Why the fast path leaves a text to ruamel."""
    if not libyaml_compose.UNPROVEN_CHARACTERS.isdisjoint(raw):
        return "a character not proven"
    if raw.startswith("#") or " #" in raw or "\n#" in raw:
        return "a comment"
    libyaml = libyaml_compose._libyaml()
    if libyaml is None:
        return "no libyaml"
    try:
        libyaml_compose._compose(libyaml, raw)
    except UnicodeEncodeError:
        return "a character not proven"
    except libyaml[1]:
        return "a libyaml error"
    except libyaml_compose._Unproven as unproven:
        return str(unproven)
    return "?"


def per_text(function: object, texts: list[str], repeat: int = 5) -> float:
    """Median seconds per text of ``function`` (uncached) over ``texts``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for raw in texts:
            function(raw)  # type: ignore[operator]
        times.append((time.perf_counter() - start) / len(texts))
    return statistics.median(times)


def _ruamel_tree(raw: str) -> object:
    node = compose_yaml.__wrapped__(raw)[0]
    return None if node is None else _convert(node)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="*", type=Path)
    parser.add_argument("--files", type=Path, help="a file listing Markdown files, one a line")
    args = parser.parse_args()
    roots = args.roots or [REPOSITORY / "tests" / "fixtures", REPOSITORY / "notes", *default_roots()]
    paths = markdown_files(roots)
    if args.files:
        paths += [Path(line) for line in args.files.read_text(encoding="utf-8").splitlines() if line]
    warnings.simplefilter("ignore")  # ruamel warns about reused anchors
    texts = front_matters(paths)
    proven = [raw for raw in texts if libyaml_compose.compose_proven.__wrapped__(raw) is not None]
    print(f"{len(paths)} Markdown files, {len(texts)} distinct closed front matters; "
          f"the fast path takes {len(proven)}")
    for reason, count in Counter(why_not(raw) for raw in texts if raw not in set(proven)).most_common():
        print(f"  left to ruamel: {count:5}  {reason}")
    differ = [path for raw, path in texts.items()
              if parse_yaml.__wrapped__(raw) != parse_yaml_with_ruamel(raw)
              or _date_in_yaml.__wrapped__(raw) != _date_in_yaml_with_ruamel(raw)]
    print(f"different from ruamel: {len(differ)}", *(f"  {path}" for path in differ), sep="\n")
    if proven:
        fast = per_text(libyaml_compose.compose_proven.__wrapped__, proven)
        slow = per_text(_ruamel_tree, proven, repeat=1)
        print(f"per text the fast path takes: libyaml {fast * 1e3:.3f} ms, ruamel {slow * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
