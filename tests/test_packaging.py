"""notelint installs as users install it: a normal (non-editable) install finds its built-in rules."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

from conftest import REPO


def test_every_rule_folder_is_a_listed_package() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())
    packages = set(config["tool"]["setuptools"]["packages"])
    folders = {
        "notelint.rules." + path.parent.name
        for path in (REPO / "rules").glob("*/__init__.py")
    }
    assert folders <= packages, f"add to [tool.setuptools] packages: {sorted(folders - packages)}"


def test_normal_install_runs_on_the_notes(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--target", str(target), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert (target / "notelint" / "rules" / "markdown" / "glued_paragraph.py").is_file()
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-P", "-c", "import notelint.cli, sys; sys.exit(notelint.cli.main(['check', 'notes']))"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    origin = subprocess.run(
        [sys.executable, "-P", "-c", "import notelint.rules; print(notelint.rules.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert origin.stdout.strip().startswith(str(target))
    # the block parser is compiled (setup.py) wherever a C compiler and Python's headers are
    compiled = sorted(str(path.relative_to(target)).split(".")[0] for path in (target / "notelint").rglob("*.so"))
    if can_compile():
        assert compiled == sorted(installed_name(module) for module in compiled_modules())
        assert list(target.glob("notelint__mypyc.*"))


def can_compile() -> bool:
    """Whether this machine can build C extensions: a compiler on PATH and Python's headers."""
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return headers.is_file() and any(shutil.which(name) for name in ("cc", "gcc", "clang"))


def installed_name(source: str) -> str:
    """Where a module of the source tree installs, without its suffix (rules/ as notelint/rules/)."""
    return str(Path("notelint", source) if source.startswith("rules/") else Path(source)).removesuffix(".py")


def compiled_modules() -> list[str]:
    """The modules setup.py compiles (its COMPILED list, read without running it)."""
    tree = ast.parse((REPO / "setup.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED":
            return [element.value for element in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("setup.py has no COMPILED list")


def source_copy(folder: Path) -> Path:
    """The repository's files without what builds leave (``build/`` would hold extensions
    already compiled, which a build reuses)."""
    source = folder / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", "build", "*.egg-info", ".ci-venv", "node_modules", "__pycache__", ".notelint_cache", "*.so"))
    return source


def test_without_a_c_compiler_the_install_is_pure_python_and_works(tmp_path: Path) -> None:
    """A machine that cannot compile C (here: a compiler that always fails) still installs
    notelint, with the parser as Python, and says so."""
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(source_copy(tmp_path))],
        capture_output=True, text=True, check=False, env={**os.environ, "CC": "false", "LDSHARED": "false"},
    )
    assert build.returncode == 0, build.stderr
    assert not list(target.rglob("*.so"))
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONSAFEPATH": "1"}
    checked = subprocess.run(
        [sys.executable, "-P", "-c",
         "import notelint.cli, notelint.parser, sys; print(notelint.parser.__file__); "
         "sys.exit(notelint.cli.main(['check', 'notes']))"],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[0].endswith("parser.py")


def test_the_pure_python_parser_gives_the_installed_parsers_tokens() -> None:
    """The parser's source (what a machine without a C compiler runs) and the installed parser
    (compiled where the install could) make the same tokens of the spec, fixtures and notes."""
    from notelint.parser import parse_blocks

    texts = [example["markdown"] for example in json.loads((REPO / "tests" / "data" / "commonmark" / "commonmark.json").read_text())]
    for folder in (REPO / "tests" / "fixtures", REPO / "notes"):
        texts += [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.md"))]
    dump = (
        "import json, sys\n"
        "import notelint.parser as parser\n"
        "assert parser.__file__.endswith('parser.py'), parser.__file__\n"
        "texts = json.load(sys.stdin)\n"
        "json.dump([[t.as_dict() for t in parser.parse_blocks(text)[0]] for text in texts], sys.stdout)\n"
    )
    pure = subprocess.run(
        [sys.executable, "-c", dump], input=json.dumps(texts), cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, check=True,
    )
    installed = [[token.as_dict() for token in parse_blocks(text)[0]] for text in texts]
    assert json.loads(pure.stdout) == json.loads(json.dumps(installed))


def test_an_editable_install_leaves_the_source_uncompiled(tmp_path: Path) -> None:
    """``pip install -e .`` builds no extension: one would shadow the source a developer edits."""
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    python = tmp_path / "venv" / "bin" / "python"
    source = source_copy(tmp_path)
    build = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(source)],
                           capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr
    assert not list(source.rglob("*.so"))
    origin = subprocess.run([str(python), "-P", "-c", "import notelint.parser; print(notelint.parser.__file__)"],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    assert origin.stdout.strip() == str(source / "notelint" / "parser.py")


def test_rules_doc_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "-P", str(REPO / "tools" / "generate_rules_doc.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
