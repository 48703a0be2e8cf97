"""Start-up budget of ``notelint check --no-cache note.md`` on one seed: import time per package.

Run it with the interpreter of a NON-editable install (an editable one compiles every module on
each start)::

    python benchmarks/startup.py --repeat 10

Each measuring process runs the check in-process with a loader wrapper that times every module's
own import (``time.perf_counter``, less the imports it makes; ``python -X importtime`` inflates
them): printed are medians over the runs per top-level package (notelint's rule families apart),
the rest of the run (the check itself), and whole-process wall times of the command and of a bare
``python -c pass`` (the interpreter's own start).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "icml-2024.md"
COMMAND = ["check", "--no-cache", "note.md"]

PROBE = """
import contextlib, io, json, sys, time

self_time, stack = {}, []


class Timed:
    # wraps a module's loader: its own time, less the time of the imports it makes
    def __init__(self, loader, name):
        self.loader, self.name = loader, name

    def __getattr__(self, attribute):
        return getattr(self.loader, attribute)

    def create_module(self, spec):
        return self.timed(self.loader.create_module, spec)

    def exec_module(self, module):
        return self.timed(self.loader.exec_module, module)

    def timed(self, function, argument):
        stack.append(0.0)
        start = time.perf_counter()
        try:
            return function(argument)
        finally:
            elapsed = time.perf_counter() - start
            inner = stack.pop()
            self_time[self.name] = self_time.get(self.name, 0.0) + elapsed - inner
            if stack:
                stack[-1] += elapsed


class Finder:
    @classmethod
    def find_spec(cls, name, path, target=None):
        for finder in sys.meta_path:
            if finder is not cls and hasattr(finder, "find_spec"):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                        spec.loader = Timed(spec.loader, name)
                    return spec
        return None


sys.meta_path.insert(0, Finder)
start = time.perf_counter()
from notelint.cli import main

with contextlib.redirect_stdout(io.StringIO()):
    main(json.loads(sys.argv[1]))
total = time.perf_counter() - start
self_time["(the rest: the check itself)"] = total - sum(self_time.values())
print(json.dumps(self_time))
"""


def group(module: str) -> str:
    parts = module.split(".")
    if parts[:2] == ["notelint", "rules"] and len(parts) > 2:
        return ".".join(parts[:3])
    return parts[0]


def wall(command: list[str], folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=folder, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--top", type=int, default=20, help="packages to list (the rest are summed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        shutil.copy(SEED, folder / "note.md")
        per_group: dict[str, list[float]] = {}
        for _ in range(args.repeat):
            probe = subprocess.run([sys.executable, "-c", PROBE, json.dumps(COMMAND)], cwd=folder,
                                   capture_output=True, text=True, check=True)
            totals: dict[str, float] = {}
            for module, seconds in json.loads(probe.stdout).items():
                totals[group(module)] = totals.get(group(module), 0.0) + seconds
            for name, seconds in totals.items():
                per_group.setdefault(name, []).append(seconds)
        medians = sorted(((statistics.median(values), name) for name, values in per_group.items()), reverse=True)
        command = [sys.executable, "-m", "notelint", *COMMAND]
        whole = statistics.median(wall(command, folder) for _ in range(args.repeat))
        bare = statistics.median(wall([sys.executable, "-c", "pass"], folder) for _ in range(args.repeat))
    print(f"load average at end: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    print(f"one note ({SEED.name}), medians of {args.repeat} runs, in-process ms")
    for seconds, name in medians[: args.top]:
        print(f"  {name:40} {seconds * 1000:7.1f}")
    rest = sum(seconds for seconds, _ in medians[args.top :])
    print(f"  {'(the other ' + str(len(medians) - args.top) + ' packages)':40} {rest * 1000:7.1f}")
    print(f"  {'sum':40} {sum(seconds for seconds, _ in medians) * 1000:7.1f}")
    print(f"whole process: notelint {whole * 1000:.0f} ms; python -c pass {bare * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
