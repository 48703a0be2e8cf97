"""Regenerate rules/days/day_names.json from the installed Babel (CLDR data).

usage: python tools/extract_day_names.py [LANGUAGE ...]   (default: the languages already stored)

The days rules read the weekday, day period and month names of these languages from the file
instead of loading Babel's locale data on every run; other languages still come from Babel.
tests/test_days_rules.py checks that the file agrees with the installed Babel.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import babel

from notelint.rules.days.recognise import vocabulary_from_cldr, vocabulary_to_json

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "days" / "day_names.json"
DEFAULT_LANGUAGES = ("de", "en")


def extract(languages: list[str]) -> dict[str, object]:
    return {
        "babel_version": babel.__version__,
        "languages": {language: vocabulary_to_json(vocabulary_from_cldr(language)) for language in languages},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", help="Babel locales (default: those already stored)")
    arguments = parser.parse_args()
    languages = arguments.languages
    if not languages:
        languages = list(json.loads(DATA.read_text(encoding="utf-8"))["languages"]) if DATA.exists() else list(DEFAULT_LANGUAGES)
    data = extract(languages)
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DATA.relative_to(ROOT)} from Babel {data['babel_version']}: {', '.join(languages)}")


if __name__ == "__main__":
    main()
