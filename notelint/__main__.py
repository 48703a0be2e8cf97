from notelint.cli import run

raise SystemExit(run())
