"""The latency benchmark runs end to end: a real client times changes to diagnostics, and whole checks."""

from __future__ import annotations

from bench.lsp_latency import lsp_change_latency
from tests.support.facts import REPO


def test_the_benchmark_gives_both_medians() -> None:
    # Timings are the benchmark's to judge (python -m bench.lsp_latency), never a test's: only their shape here.
    figures = lsp_change_latency(REPO / "frameworks" / "exemplar-lep.yaml", rounds=1)
    assert set(figures) == {"change_to_diagnostics_ms", "check_process_ms", "share_of_check"}
    assert all(value > 0 for value in figures.values())
