"""The baseline: read every facts file in a folder with PyYAML's C loader and build the facts models, nothing more.

    python bench/parse_only.py FOLDER [--gc-as-govcheck]

This is the least any checker of these files must do, so the benchmark reports
``govcheck check`` as a multiple of it. ``--gc-as-govcheck`` runs it with the
collector settings ``govcheck`` uses, to show what those settings account for.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import yaml

from govcheck.engine.facts.model import Facts


def main() -> None:
    folder = Path(sys.argv[1])
    if "--gc-as-govcheck" in sys.argv[2:]:
        gc.set_threshold(100_000, 50, 100)  # as govcheck.cli.main.main does
    count = 0
    for path in sorted(folder.glob("*.yaml")):
        Facts.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
        count += 1
    print(f"parsed {count} facts files")


if __name__ == "__main__":
    main()
