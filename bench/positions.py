"""What file positions cost: reading and assessing the same facts with positions recorded and looked up, and without.

    python -m bench.positions [FOLDER] [--limit N]

govcheck records the line and column of every key and value it reads (for error
messages and for the evidence lines in reports) and looks them up for every
fact a finding cites. This measures both in one process, on the same files.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.reading import yamlsource


@contextmanager
def _replaced(owner: Any, name: str, value: Any) -> Iterator[None]:
    kept = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, kept)


def _best(action: Callable[[], object], times: int = 5) -> float:
    timings = []
    for _ in range(times):
        start = time.process_time()
        action()
        timings.append(time.process_time() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path(__file__).parent / "out" / "sets" / "1000")
    parser.add_argument("--limit", type=int, default=300)
    arguments = parser.parse_args()
    gc.set_threshold(100_000, 50, 100)  # as govcheck runs
    files = sorted(arguments.folder.glob("*.yaml"))[: arguments.limit]
    texts = [(path.read_text(encoding="utf-8"), str(path)) for path in files]
    per_lep = 1000 / len(texts)

    def read_all() -> list[Any]:
        return [parse_facts(text, name) for text, name in texts]

    reading = _best(read_all)
    facts = read_all()
    recorded = [(list(f.source.keys.items()), list(f.source.values.items())) for f in facts]

    def record_again() -> None:
        # What recording costs the reader: a path for every key and value, built from its
        # parent's path as the reader builds it, and its line and column stored under it.
        for keys, values in recorded:
            key_map: dict[Any, Any] = {}
            value_map: dict[Any, Any] = {}
            for path, (line, column) in keys:
                key_map[(*path[:-1], path[-1])] = (line + 0, column + 0)
            for path, (line, column) in values:
                value_map.setdefault((*path[:-1], path[-1]) if path else path, (line + 0, column + 0))

    recording = _best(record_again)
    assessor = Assessor()

    def assess_all() -> None:
        for facts_file in facts:
            assessor.assess_file(facts_file, outcomes=False)

    assess_all()  # loads the pack and the bank holidays once
    with_lookups = _best(assess_all)
    with _replaced(yamlsource.SourceMap, "line_of", lambda self, path: None):
        without_lookups = _best(assess_all)
    lookups = with_lookups - without_lookups
    print(f"{len(texts)} facts files from {arguments.folder}, CPU time per LEP:")
    print(f"  reading (parse, positions, validation):  {reading * per_lep:6.2f} ms")
    print(f"    of which recording positions:          {recording * per_lep:6.2f} ms")
    print(f"  assessing:                               {with_lookups * per_lep:6.2f} ms")
    print(f"    of which looking up evidence lines:    {lookups * per_lep:6.2f} ms")
    share = (recording + lookups) / (reading + with_lookups)
    print(f"  positions: {(recording + lookups) * per_lep:.2f} ms per LEP, {share:.0%} of reading and assessing")


if __name__ == "__main__":
    main()
