"""Time the TeX checker: microseconds per formula over the KaTeX agreement corpus and the seeds' formulas.

usage: python benchmarks/math_checker.py [--repeat 5]
Target (issue 5): under 20 µs per formula.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "math"))

from math_katex_corpus import corpus  # noqa: E402

from notelint.document import Document  # noqa: E402
from notelint.rules.math.scanner import find_math  # noqa: E402
from notelint.rules.math.tex import check_tex, tables  # noqa: E402


def per_formula(formulas: list[tuple[str, bool]], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for tex, display in formulas:
            check_tex(tex, display)
        runs.append((time.perf_counter() - start) / len(formulas) * 1e6)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    start = time.perf_counter()
    tables()
    print(f"load the KaTeX name table: {(time.perf_counter() - start) * 1e3:.1f} ms (once per process)")
    formulas = corpus()
    runs = per_formula(formulas, repeat)
    print(f"corpus ({len(formulas)} formulas, mean {statistics.mean(len(t) for t, _ in formulas):.0f} characters): "
          f"median {statistics.median(runs):.1f} µs/formula, best {min(runs):.1f} (runs: "
          + ", ".join(f"{run:.1f}" for run in runs) + ")")
    seeds = []
    for name in ("icml-2024.md", "icassp-2025.md"):
        document = Document(name, (ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
        seeds.extend((span.tex, span.display) for span in find_math(document))
    runs = per_formula(seeds, repeat * 20)
    print(f"seed notes ({len(seeds)} formulas): median {statistics.median(runs):.1f} µs/formula")
    start = time.perf_counter()
    for _ in range(1_000_000):
        pass
    print(f"machine reference: an empty Python loop takes {(time.perf_counter() - start) * 1e3:.0f} ns per iteration "
          "(about 10-20 on an idle modern core; scale the figures above accordingly)")


if __name__ == "__main__":
    main()
