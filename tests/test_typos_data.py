"""The compiled word data of the typos family: its name, sharing, cleanup, atomic builds and the
fallback to the temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES
from notelint.rules.typos import lexicon
from notelint.rules.typos.edits import distance


def test_the_file_is_named_after_the_data_not_after_where_the_packages_are(tmp_path: Path) -> None:
    sources = lexicon._sources()
    copies = []
    for source in sources:
        copy = tmp_path / "elsewhere" / "data" / source.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        copies.append(copy)
    assert lexicon.data_identity(copies) == lexicon.data_identity(sources)
    with copies[0].open("ab") as stream:
        stream.write(b"\nnewword->new word\n")
    assert lexicon.data_identity(copies) != lexicon.data_identity(sources)
    name = lexicon.database_path().name
    assert name == lexicon.file_name(lexicon.data_identity(sources))
    assert name.startswith(f"typos-v{lexicon.SCHEMA}-")
    assert str(tmp_path) not in name


def test_stale_files_are_removed_and_only_a_few_are_kept(tmp_path: Path) -> None:
    current = tmp_path / lexicon.file_name("cafecafe")
    current.write_bytes(b"x")
    old_schema = [tmp_path / "typos-v2-08f6c940.sqlite3", tmp_path / "typos-v1-1234abcd.sqlite3"]
    same_schema = [tmp_path / lexicon.file_name(f"0000000{number}") for number in range(5)]
    unrelated = tmp_path / "something-else.bin"
    fresh_temporary = tmp_path / f".{current.stem}.abc.tmp"
    dead_temporary = tmp_path / f".{current.stem}.def.tmp"
    dead_old_temporary = tmp_path / "typos-v2-32c0d5d9.5534.tmp"  # how version 2 named them
    for path in (*old_schema, *same_schema, unrelated, fresh_temporary, dead_temporary, dead_old_temporary):
        path.write_bytes(b"x")
    for age, path in enumerate(same_schema):  # the last one was used most recently
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    os.utime(dead_temporary, (1_000_000, 1_000_000))
    os.utime(dead_old_temporary, (1_000_000, 1_000_000))
    removed = lexicon.remove_stale(tmp_path, current)
    left = sorted(path.name for path in tmp_path.iterdir())
    assert sorted(path.name for path in removed) == sorted(
        path.name for path in (*old_schema, *same_schema[:3], dead_temporary, dead_old_temporary)
    )
    assert left == sorted(path.name for path in (current, *same_schema[3:], unrelated, fresh_temporary))
    assert len([name for name in left if name.startswith("typos-v")]) == lexicon.KEEP_FILES


BUILD = """
import sys
from pathlib import Path
from notelint.rules.typos.lexicon import Lexicon, build
build(Path(sys.argv[1]))
lexicon = Lexicon(Path(sys.argv[1]))
print(sorted(lexicon.frequencies(["vormittag"])), lexicon.misspellings(["accross"])["accross"][0].corrections)
"""


def test_two_processes_building_at_once_leave_one_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "data" / lexicon.file_name("12345678")
    processes = [
        subprocess.Popen([sys.executable, "-P", "-c", BUILD, str(target)], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate()[0] for process in processes]
    assert [process.returncode for process in processes] == [0, 0]
    assert outputs == ["['vormittag'] ('across',)\n"] * 2
    assert sorted(path.name for path in target.parent.iterdir()) == [target.name]  # no temporary files left
    assert target.read_bytes() == lexicon.load()._map[:]  # the same data as the shared file


def test_an_unwritable_cache_folder_falls_back_to_the_temporary_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be\n")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "NOTELINT_DATA_DIR": str(blocker / "notelint"), "TMPDIR": str(temporary)}
    completed = subprocess.run(
        [sys.executable, "-P", "-m", "notelint", "check", "--no-cache", "--select", "typos", "--output-format",
         "concise", str(FIXTURES / "icml-2024.md")],
        capture_output=True, text=True, env=environment, check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert "Transofromer" in completed.stdout
    built = list(temporary.rglob("typos-v*"))
    assert [path.name for path in built] == [lexicon.database_path().name]


def test_distance_one_candidates_are_every_frequent_word_one_edit_away() -> None:
    """The edits built for a query (with the letter-context filter) find exactly what a scan of
    the frequent words of wordfreq's lists finds."""
    _, english, german = lexicon._sources()
    best: dict[str, int] = {}
    for path in (english, german):
        for zipf, word in lexicon._frequency_list(path):
            best[word] = max(best.get(word, 0), zipf)
    targets = [word for word, zipf in best.items() if zipf >= lexicon.TARGET_ZIPF * 100 and len(word) >= 3]
    data = lexicon.load()
    for word in ("influnce", "compresion", "exaustive", "tanks", "ganz", "straße", "mögen", "unwantend", "ähnlch"):
        scanned = {
            target
            for target in targets
            if target != word and target[0] == word[0] and distance(word, target, 2) <= 1
        }
        assert data.near(word) == scanned, word
    assert "influence" in data.near("influnce")
    assert "vormittag" in data.near("vormitag")
    assert "transformer" in data.near_long("transofromer", first="t")


def test_a_damaged_file_is_built_again(tmp_path: Path) -> None:
    target = tmp_path / lexicon.file_name("0badf11e")
    target.write_bytes(lexicon.MAGIC + b"\0" * 40)
    data = lexicon._open_or_build(target)
    assert data.misspellings(["accross"])["accross"][0].corrections == ("across",)
