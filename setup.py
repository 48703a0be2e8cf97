"""Build notelint, its block parser compiled to C by mypyc where this machine can.

Everything else is in pyproject.toml.  The modules in ``COMPILED`` (the block parser and the
helpers of the rules that every check runs most) are plain, type-checked Python; mypyc turns them into C extensions
that parse a note about three times as fast, as black and mypy ship themselves.  The ``.py``
files are installed too, and Python prefers the extension next to them.

The build stays pure Python, with the same behaviour, when:

- ``NOTELINT_PURE_PYTHON`` is set to anything but ``""`` or ``0``;
- the install is editable (``pip install -e .``): an extension would shadow the source a
  developer edits;
- mypyc cannot compile the modules, or the C compiler or Python's headers are missing: the build
  says so on stderr and goes on without the extensions (all of them or none, since they share
  one runtime library).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Container

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = [
    "notelint/block_state.py",
    "notelint/block_rules.py",
    "notelint/parser.py",
    "notelint/list_blocks.py",
    "notelint/paragraphs.py",
    "notelint/atx_headings.py",
    "notelint/spans.py",
    "notelint/zones.py",
    # helpers of the built-in rules (rules/ installs as notelint.rules)
    "rules/markdown/lists.py",
    "rules/math/scanner.py",
    "rules/typos/words.py",
]
# mypyc names a module after its place in the tree: it compiles copies of notelint/ and rules/
# laid out as installed (rules/ as notelint/rules/)
STAGE = os.path.join("build", "mypyc-src")


def _warn(message: str) -> None:
    print(f"notelint: {message}; installing the pure-Python parser (same results, slower)", file=sys.stderr)


def _wants_pure_python() -> bool:
    if os.environ.get("NOTELINT_PURE_PYTHON", "") not in ("", "0"):
        return True
    # setuptools runs this file with the command it builds: ``editable_wheel`` for ``pip install -e``
    return any(command in sys.argv for command in ("editable_wheel", "develop"))


def _extensions() -> list[object]:
    if _wants_pure_python():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        # (the build environment has none of notelint's dependencies: their types are Any)
        # (only the compiled modules must type-check: the others are read for their types)
        options = ["--ignore-missing-imports", "--follow-imports=silent"]
        return list(mypycify([*options, *_staged(COMPILED)], opt_level="3", group_name="notelint"))
    except (Exception, SystemExit) as error:  # mypyc exits on a type error
        _warn(f"mypyc could not compile the parser ({error})")
        return []


def _staged(paths: list[str]) -> list[str]:
    """``paths`` in a copy of the sources laid out as installed (see ``STAGE``)."""
    shutil.rmtree(STAGE, ignore_errors=True)
    skipped = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    shutil.copytree("notelint", os.path.join(STAGE, "notelint"), ignore=skipped)
    shutil.copytree("rules", os.path.join(STAGE, "notelint", "rules"), ignore=skipped)
    return [os.path.join(STAGE, "notelint", path) if path.startswith("rules/") else os.path.join(STAGE, path)
            for path in paths]


class BuildAllOrNone(build_ext):
    """Build every extension or none: a module without its shared runtime would not import."""

    def run(self) -> None:
        self._remove_built(keep=set(self.get_outputs()))  # (of modules no longer compiled)
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 (any compiler or linker failure)
            _warn(f"the C extensions could not be built ({type(error).__name__}: {error})")
            self.extensions = []
            self._remove_built()

    def _remove_built(self, keep: Container[str] = ()) -> None:
        for root, _, files in os.walk(self.build_lib):
            for name in files:
                path = os.path.join(root, name)
                if name.endswith((".so", ".pyd")) and path not in keep:
                    os.remove(path)


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildAllOrNone})
