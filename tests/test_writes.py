"""What ``--fix`` does to files on disk: only intended bytes change, atomically."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import run_notelint
from notelint.runner import write_atomically

GLUED_CRLF = b"\xef\xbb\xbf- first item.\r\nComment: glued \r\n"


def test_fix_keeps_bom_crlf_and_mode(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_bytes(GLUED_CRLF)
    note.chmod(0o640)
    result = run_notelint("--fix", note)
    assert result.returncode == 0, result.stdout + result.stderr
    assert note.read_bytes() == b"\xef\xbb\xbf- first item.\r\n\r\nComment: glued\r\n"
    assert stat.S_IMODE(note.stat().st_mode) == 0o640


def test_unchanged_file_is_not_written(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_bytes(b"# Montag\n\n- a clean note\n")
    os.utime(note, (1_000_000, 1_000_000))
    assert run_notelint("--fix", note).returncode == 0
    assert note.stat().st_mtime == 1_000_000


def test_symlink_target_is_fixed_and_link_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"x \n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run_notelint("--fix", link).returncode == 0
    assert link.is_symlink()
    assert target.read_bytes() == b"x\n"


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_bytes(b"x \n")
    note.chmod(0o444)
    result = run_notelint("--fix", note)
    assert result.returncode == 2
    assert "a.md: fixes not written: the file is read-only" in result.stderr
    assert note.read_bytes() == b"x \n"


def test_failed_write_leaves_the_original_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    note = tmp_path / "a.md"
    note.write_bytes(b"original\n")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        write_atomically(note, b"new\n")
    assert note.read_bytes() == b"original\n"
    assert [path.name for path in tmp_path.iterdir()] == ["a.md"]
