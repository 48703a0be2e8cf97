"""The TeX checker against real KaTeX: the name table and a few hundred formulas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIGURES
from math_katex_corpus import corpus
from math_katex_node import katex_dir, render

from notelint.rules.math.tex import check_tex, katex_version

REPO = Path(__file__).resolve().parent.parent.parent
DATA = REPO / "rules" / "math" / "katex_names.json"


def test_the_name_table_matches_the_installed_katex_package() -> None:
    package = katex_dir()
    script = REPO / "tools" / "extract_katex_names.js"
    fresh = json.loads(subprocess.run(["node", str(script), str(package)], capture_output=True, text=True, check=True).stdout)
    recorded = json.loads(DATA.read_text(encoding="utf-8"))
    if fresh["katex_version"] != recorded["katex_version"]:
        import pytest

        pytest.skip(f"installed KaTeX {fresh['katex_version']} is not the recorded {recorded['katex_version']}")
    assert fresh == recorded


def test_the_checker_agrees_with_katex_on_at_least_99_percent_of_the_corpus() -> None:
    formulas = corpus()
    rendered = render(formulas)
    disagreements = []
    for (tex, display), katex_error in zip(formulas, rendered["results"], strict=True):
        ours = check_tex(tex, display)
        if (katex_error is None) != (ours is None):
            disagreements.append((tex, display, katex_error, ours.message if ours else None))
    agreed = len(formulas) - len(disagreements)
    valid = sum(result is None for result in rendered["results"])
    figure = (f"KaTeX {rendered['version']} (table from {katex_version()}): checker agrees on {agreed} of "
              f"{len(formulas)} formulas ({100 * agreed / len(formulas):.2f}%; {valid} valid, "
              f"{len(formulas) - valid} invalid)")
    print("\n" + figure, file=sys.stderr)
    FIGURES.append(figure)
    for tex, display, katex_error, ours in disagreements:
        line = f"  disagree: {tex!r} display={display} katex={katex_error!r} notelint={ours!r}"
        print(line, file=sys.stderr)
        FIGURES.append(line)
    assert len(formulas) >= 300
    assert 0 < valid < len(formulas)
    assert agreed >= 0.99 * len(formulas)


def test_engine_katex_runs_real_katex_through_node(tmp_path: Path) -> None:
    from conftest import FIGURES, run_notelint

    package = katex_dir()
    (tmp_path / "notelint.toml").write_text('[math]\nengine = "katex"\n')
    note = tmp_path / "n.md"
    note.write_text("- a $`\\rightarrow \\lightning`$ b $`\\newcommand{\\R}{\\mathbb R} \\R`$ c $`x^2`$\n", encoding="utf-8")
    completed = run_notelint("check", "--select", "NL400", "--output-format", "json", note,
                             env={"NODE_PATH": str(package.parent)})
    found = json.loads(completed.stdout)
    assert [f["line"] for f in found] == [1, 1] and found[0]["column"] == 19 and found[1]["column"] >= 35
    assert "\\text{↯}" in found[0]["message"] and "redefine" in found[1]["message"]
    (tmp_path / "notelint.toml").write_text('[math]\nengine = "builtin"\n')
    builtin = json.loads(run_notelint("check", "--select", "NL400", "--output-format", "json", note).stdout)
    assert [(f["line"], f["column"]) for f in builtin] == [(1, 19)]
