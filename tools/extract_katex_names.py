"""Regenerate rules/math/katex_names.json from the `katex` npm package.

usage: python tools/extract_katex_names.py [--katex DIR] [--version 0.19.1]

Without --katex, installs ``katex@VERSION`` (default: the version recorded in the data file) with
``npm install`` into a temporary folder, then runs tools/extract_katex_names.js with node.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "math" / "katex_names.json"
SCRIPT = ROOT / "tools" / "extract_katex_names.js"


def extract(katex_dir: Path) -> dict[str, object]:
    completed = subprocess.run(["node", str(SCRIPT), str(katex_dir)], capture_output=True, text=True, check=True)
    data: dict[str, object] = json.loads(completed.stdout)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--katex", type=Path, help="an installed node_modules/katex folder")
    parser.add_argument("--version", help="katex version to install (default: the recorded one)")
    arguments = parser.parse_args()
    if arguments.katex is not None:
        data = extract(arguments.katex)
    else:
        version = arguments.version or json.loads(DATA.read_text())["katex_version"]
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(["npm", "install", "--silent", "--prefix", folder, f"katex@{version}"], check=True)
            data = extract(Path(folder) / "node_modules" / "katex")
    DATA.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {DATA.relative_to(ROOT)} from KaTeX {data['katex_version']}")


if __name__ == "__main__":
    main()
