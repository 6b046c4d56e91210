"""The floor: read every facts file in a folder with PyYAML's C loader, and nothing else.

    python bench/yaml_only.py FOLDER

No checker of these files can do less than parse them, so the benchmark reports each
``govcheck check`` format as a multiple of this.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main() -> None:
    count = 0
    for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        count += 1
    print(f"read {count} facts files")


if __name__ == "__main__":
    main()
