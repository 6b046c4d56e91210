"""How long an editor waits for a facts file's diagnostics after a change, against a whole ``govcheck check``.

    python -m bench.lsp_latency frameworks/lancashire-lep-2019.yaml [--rounds 20]

(from the repository root, with ``govcheck[lsp]`` installed). A real client over stdio
(``bench/lsp_client.py``) starts ``govcheck lsp``, initializes, opens the file and waits
for its first diagnostics (which load the rule pack: a cost paid once per editing
session, not per change); then it sends ``rounds`` changes, each a whole new text with
one more comment line, and times each from sending the change to receiving the
diagnostics published for that version. ``govcheck check FILE`` is timed as a whole
process (start-up, pack, facts, report) the same number of times. Both figures are
medians, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench.lsp_client import LspClient
from bench.measure import govcheck, run

FIRST_CHECK_TIMEOUT = 120  # seconds: the first check of a session loads the pack, on a busy machine


def change_latencies(facts_path: Path, rounds: int) -> list[float]:
    """Milliseconds from each change sent to its diagnostics received, over one server session."""
    text = facts_path.read_text(encoding="utf-8")
    uri = facts_path.resolve().as_uri()
    client = LspClient(govcheck("lsp"))
    timings: list[float] = []
    try:
        client.initialize(facts_path.resolve().parent)
        client.open(uri, text, version=1)
        client.diagnostics(uri, 1, timeout=FIRST_CHECK_TIMEOUT)
        for change in range(rounds):
            version = change + 2
            edited = text + "".join(f"# note {n}\n" for n in range(change + 1))
            start = time.perf_counter()
            client.change(uri, edited, version)
            client.diagnostics(uri, version)
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        client.close()
    return timings


def check_process_timings(facts_path: Path, rounds: int) -> list[float]:
    """Milliseconds of each whole ``govcheck check FILE`` process (its report discarded)."""
    return [run(govcheck("check", str(facts_path))).wall * 1000 for _ in range(rounds)]


def lsp_change_latency(facts_path: Path, rounds: int) -> dict[str, float]:
    """Medians in milliseconds: a change's diagnostics from ``govcheck lsp``, and a whole ``govcheck check``."""
    if rounds < 1:
        raise ValueError("rounds must be at least 1")
    changes = statistics.median(change_latencies(facts_path, rounds))
    checks = statistics.median(check_process_timings(facts_path, rounds))
    return {
        "change_to_diagnostics_ms": round(changes, 1),
        "check_process_ms": round(checks, 1),
        "share_of_check": round(changes / checks, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("facts", type=Path, help="a facts file, e.g. frameworks/lancashire-lep-2019.yaml")
    parser.add_argument("--rounds", type=int, default=20, help="changes sent, and checks run (default 20)")
    arguments = parser.parse_args()
    figures = lsp_change_latency(arguments.facts, arguments.rounds)
    for name, value in figures.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
