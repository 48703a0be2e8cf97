"""The headings family on the real seeds and notes, through the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, REPO, findings_json, run_notelint
from notelint.document import Document
from notelint.rules.days.recognise import recognise_day
from notelint.rules.headings.outline import outline

EXPECTED = {
    "icml-2024.md": [
        ("NL200", 65, 1),  # # Transformers for pretraining Universal Forecasts: MOIRAI
        ("NL200", 70, 1),  # # Potential of Transformers for Timeseries prediction: SAMFormer
        ("NL201", 164, 1),  # ## ML4ESM: Towards improved cloud modelling
        ("NL201", 180, 1),  # ## ML4ESM: PDE+phys. Constraints+Spectral
        ("NL201", 216, 1),  # trailing # Posters
    ],
    "icassp-2025.md": [
        ("NL201", 61, 1),  # # Lectures/Orals, followed by # Posters
        ("NL201", 62, 1),  # trailing # Posters
    ],
}


def copy_seeds(tmp_path: Path) -> list[Path]:
    return [Path(shutil.copy(FIXTURES / name, tmp_path / name)) for name in EXPECTED]


def test_every_named_case_is_reported_at_its_line(tmp_path: Path) -> None:
    for path in copy_seeds(tmp_path):
        result = findings_json("--no-cache", path, cwd=tmp_path)
        headings = [(f["code"], f["line"], f["column"]) for f in result if f["family"] == "headings"]
        assert headings == EXPECTED[path.name], path.name


def test_named_headings_are_the_ones_reported() -> None:
    text = (FIXTURES / "icml-2024.md").read_text()
    lines = text.splitlines()
    assert lines[64] == "# Transformers for pretraining Universal Forecasts: MOIRAI"
    assert lines[69] == "# Potential of Transformers for Timeseries prediction: SAMFormer"
    assert lines[163] == "## ML4ESM: Towards improved cloud modelling"
    assert lines[215] == "# Posters"


def test_notes_are_clean_under_the_repo_config() -> None:
    completed = run_notelint("check", "--no-cache", "notes", cwd=REPO)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_notes_are_clean_under_every_headings_rule() -> None:
    completed = run_notelint("check", "--no-cache", "--select", "headings,markdown",
                             "notes", cwd=REPO)
    assert completed.returncode == 0, completed.stdout


def test_unsafe_fixes_turn_the_seeds_into_day_talk_topic_outlines(tmp_path: Path) -> None:
    paths = copy_seeds(tmp_path)
    completed = run_notelint("check", "--no-cache", "--fix", "--unsafe-fixes", *paths, cwd=tmp_path)
    assert completed.returncode in (0, 1), completed.stdout + completed.stderr
    remaining = {line.split()[1] for line in completed.stdout.splitlines() if line.startswith(str(tmp_path))}
    assert remaining <= {"NL131", "NL400"}, completed.stdout  # a bare year and \lightning have no fix
    for path in paths:
        document = Document(path.name, path.read_text())
        headings = outline(document)
        assert headings, path.name
        previous = 0
        for heading in headings:
            if heading.level == 1:
                assert recognise_day(heading.text) is not None, heading.text
            else:
                assert heading.level <= previous + 1, heading.text
            previous = heading.level
        assert headings[-1].text != "Posters"
        assert findings_json("--no-cache", "--select", "headings", path, cwd=tmp_path) == []


def test_fixed_seed_has_the_outline_of_the_corrected_note(tmp_path: Path) -> None:
    paths = copy_seeds(tmp_path)
    run_notelint("check", "--no-cache", "--fix", "--unsafe-fixes", *paths, cwd=tmp_path)
    for path in paths:
        fixed = [(h.level, h.text) for h in outline(Document(path.name, path.read_text()))]
        corrected = [(h.level, h.text) for h in outline(Document(path.name, (REPO / "notes" / path.name).read_text()))]
        assert [level for level, _ in fixed] == [level for level, _ in corrected]
        assert [text for level, text in fixed if level == 1] == [text for level, text in corrected if level == 1]
