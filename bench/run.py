"""The benchmark: ``govcheck check`` over 1, 38, 1,000 and 10,000 synthetic LEPs, against parsing alone.

    python -m bench.run                      # everything, about 30 minutes on 2 cores
    python -m bench.run --sizes 1,38,1000    # a quicker look

(from the repository root, with govcheck installed).

For each size it runs, on the same files and taking turns in alternating order
round after round, ``govcheck check`` (whole process, text report written to a
file) and ``--format json``, each with one process and with ``--jobs 2`` (whose
report must be the same bytes), the parse-only baseline (``bench/parse_only.py``)
and the floor (``bench/yaml_only.py``: the YAML C loader alone); each figure is
the mean of its rounds. It also times ``govcheck --help`` and ``govcheck check``
on a single LEP, against a process that only reads that LEP with the YAML C
loader, and runs the peer (``bench/peer.py``: eight rules in Rego, their verdicts
checked against govcheck's before anything is timed). Facts are
generated once under ``bench/out/facts`` (seeded, so the same every time) and
reused; results go to ``bench/out/results.json`` and a
Markdown table to ``bench/out/results.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from bench.generate import GENERATOR_VERSION, generate
from bench.measure import Run, best_of, govcheck, machine, mean_of, run

OUT = Path(__file__).parent / "out"
PARSE_ONLY = str(Path(__file__).parent / "parse_only.py")
YAML_ONLY = str(Path(__file__).parent / "yaml_only.py")


def facts_sets(sizes: list[int], seed: int) -> tuple[dict[int, Path], list[tuple[str, int, int]]]:
    """A folder per size holding the first N LEPs of one pool, and each pooled file's name, bytes and meetings."""
    pool = OUT / "facts"
    manifest = pool / "manifest.json"
    wanted = {"seed": seed, "generator": GENERATOR_VERSION}
    known = json.loads(manifest.read_text()) if manifest.is_file() else {}
    if {key: known.get(key) for key in wanted} != wanted or len(known["files"]) < max(sizes):
        print(f"generating {max(sizes):,} LEPs in {pool} ...", flush=True)
        written = generate(max(sizes), pool, seed)
        files = [(path.name, path.stat().st_size, meetings) for path, meetings in written]
        manifest.write_text(json.dumps({**wanted, "files": files}))
        known = {**wanted, "files": files}
    files = [tuple(entry) for entry in known["files"]]
    folders = {}
    for size in sizes:
        folder = OUT / "sets" / str(size)
        names = [name for name, _, _ in files[:size]]
        if sorted(p.name for p in folder.glob("*.yaml")) != names:
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.yaml"):
                stale.unlink()
            for name in names:
                os.link(pool / name, folder / name)  # the same bytes as the pool, without copying them
        folders[size] = folder
    return folders, files  # type: ignore[return-value]


def digest(path: Path) -> str:
    hashed = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            hashed.update(block)
    return hashed.hexdigest()


def measure_size(size: int, folder: Path, same_gc: bool, rounds: int | None = None) -> dict[str, object]:
    reports = OUT / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    one, two = reports / f"{size}-jobs1.txt", reports / f"{size}-jobs2.txt"
    json_one, json_two = reports / f"{size}-jobs1.json", reports / f"{size}-jobs2.json"

    # The machine's speed drifts over minutes (a virtual machine shares its host), so the
    # commands take turns, in the opposite order each round (A B C, then C B A), and each
    # figure is the mean of its rounds: a drift that slows the later runs of one round
    # slows the earlier ones of the next, and the ratios measure govcheck, not the drift.
    rounds = rounds or (5 if size <= 38 else 2 if size <= 1000 else 1)
    commands = {
        "check": (govcheck("check", str(folder)), one),
        "parse_only": ([sys.executable, PARSE_ONLY, str(folder)], None),
        "jobs2": (govcheck("check", str(folder), "--jobs", "2"), two),
        "json": (govcheck("check", str(folder), "--format", "json"), json_one),
        "yaml_only": ([sys.executable, YAML_ONLY, str(folder)], None),
        "json_jobs2": (govcheck("check", str(folder), "--format", "json", "--jobs", "2"), json_two),
    }
    if same_gc:
        commands["parse_only_same_gc"] = ([sys.executable, PARSE_ONLY, str(folder), "--gc-as-govcheck"], None)
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for number in range(rounds):
        print(f"{size:>6,} LEPs, round {number + 1} of {rounds}:", end="", flush=True)
        order = list(commands) if number % 2 == 0 else list(reversed(commands))
        for name in order:
            command, stdout = commands[name]
            runs[name].append(run(command, stdout))
            print(f" {name} {runs[name][-1].wall:.2f}s", end="", flush=True)
        print(flush=True)
    check, parse, jobs = (mean_of(runs[name]) for name in ("check", "parse_only", "jobs2"))
    parse_same_gc = mean_of(runs["parse_only_same_gc"]) if same_gc else None
    return {
        "check": asdict(check),
        "parse_only": asdict(parse),
        "parse_only_same_gc": asdict(parse_same_gc) if parse_same_gc else None,
        "jobs2": asdict(jobs),
        "json": asdict(mean_of(runs["json"])),
        "json_jobs2": asdict(mean_of(runs["json_jobs2"])),
        "yaml_only": asdict(mean_of(runs["yaml_only"])),
        "same_report": digest(one) == digest(two),
        "same_json": digest(json_one) == digest(json_two),
        "json_bytes": json_one.stat().st_size,
        "rounds": rounds,
        # How far apart the slowest and fastest rounds of each command were: the noise in the figures.
        "spread": {name: max(r.wall for r in done) / min(r.wall for r in done) for name, done in runs.items()},
        "report_bytes": one.stat().st_size,
    }


def single_lep(files: list[tuple[str, int, int]], repeats: int) -> dict[str, object]:
    """``govcheck --help`` and ``govcheck check`` on one LEP: what a terminal or a pre-commit hook waits for."""
    sizes = sorted(size for _, size, _ in files[:1000])
    median = sizes[len(sizes) // 2]
    name, size, meetings = min(files[:1000], key=lambda f: abs(f[1] - median))
    typical = OUT / "facts" / name
    from govcheck.engine.assess.assessor import bundled_frameworks  # the installed package's own examples

    bundled = bundled_frameworks() / "exemplar-lep.yaml"
    return {
        "python": asdict(best_of([sys.executable, "-c", "pass"], repeats)),
        "help": asdict(best_of(govcheck("--help"), repeats)),
        "typical": {
            "file": name,
            "bytes": size,
            "meetings": meetings,
            **asdict(best_of(govcheck("check", str(typical)), repeats)),
        },
        "bundled": {"file": bundled.name, **asdict(best_of(govcheck("check", str(bundled)), repeats))},
        # What the one-LEP start is measured against: a process that only reads the same file.
        "bundled_yaml_only": {"file": bundled.name, **asdict(best_of(_read_one(bundled), repeats))},
        # The first run after installing govcheck or changing a rule: nothing kept yet (engine/cache.py).
        "bundled_cold": {"file": bundled.name, **asdict(_cold(govcheck("check", str(bundled)), repeats))},
    }


def _read_one(path: Path) -> list[str]:
    program = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
    return [sys.executable, "-c", program, str(path)]


def one_lep_start(path: Path, rounds: int = 20) -> dict[str, float]:
    """``govcheck check`` on one LEP, report to a file, against a process reading it with the YAML C loader:
    the two take turns, in alternating order, and each figure is the median of its runs."""
    with tempfile.TemporaryDirectory() as folder:
        commands = {
            "check": govcheck("check", str(path), "-o", str(Path(folder) / "report.txt")),
            "yaml_only": _read_one(path),
        }
        walls: dict[str, list[float]] = {name: [] for name in commands}
        for number in range(rounds):
            for name in commands if number % 2 == 0 else reversed(commands):
                walls[name].append(run(commands[name]).wall)
    check, floor = (statistics.median(walls[name]) for name in ("check", "yaml_only"))
    return {"check": check, "yaml_only": floor, "ratio": check / floor, "rounds": rounds}


def _cold(command: list[str], times: int) -> Run:
    """The fastest of several runs, each with an empty cache folder."""
    runs = []
    for _ in range(times):
        with tempfile.TemporaryDirectory() as empty:
            runs.append(run(command, env={**os.environ, "GOVCHECK_CACHE_DIR": empty}))
    return min(runs, key=lambda r: r.wall)


def single_table(single: dict[str, dict[str, object]]) -> str:
    meetings = single["typical"]["meetings"]
    rows = [
        ("`python -c pass`", single["python"]),
        ("`govcheck --help`", single["help"]),
        (f"`govcheck check` on one typical generated LEP ({meetings} meetings)", single["typical"]),
        ("`govcheck check` on one bundled LEP", single["bundled"]),
        ("the same with an empty cache (first run after installing or changing a rule)", single["bundled_cold"]),
        ("a process that only reads that LEP with the YAML C loader", single["bundled_yaml_only"]),
    ]
    lines = ["| single run, fastest of 10 | wall | peak memory |", "| --- | ---: | ---: |"]
    for label, entry in rows:
        lines.append(f"| {label} | {float(entry['wall']):.2f} s | {int(entry['peak_kib']) / 1024:.0f} MiB |")  # type: ignore[call-overload]
    return "\n".join(lines) + "\n"


def _disturbed(*runs: Run) -> str:
    """How much of a core other processes (and the virtual machine's host) took during each run."""
    return " / ".join(f"{(r.others + r.stolen) / r.wall:.2f}" for r in runs)


def table(results: dict[str, object]) -> str:
    sizes: dict[str, dict[str, object]] = results["sizes"]  # type: ignore[assignment]
    lines = [
        "| LEPs | facts | meetings | govcheck | parse-only | ratio | ratio, same GC | peak memory | LEPs/s"
        " | `--jobs 2` | speed-up | same bytes | rounds | spread | others' CPU |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: |",
    ]
    for size, entry in sizes.items():
        check, parse, jobs = (Run(**entry[key]) for key in ("check", "parse_only", "jobs2"))  # type: ignore[arg-type]
        same_gc = entry["parse_only_same_gc"]
        same_gc_ratio = f"{check.wall / Run(**same_gc).wall:.2f}" if same_gc else "–"  # type: ignore[arg-type]
        lines.append(
            f"| {int(size):,} | {entry['megabytes']:.1f} MB | {entry['meetings']:,} | {check.wall:.2f} s"
            f" | {parse.wall:.2f} s | {check.wall / parse.wall:.2f} | {same_gc_ratio} | {check.peak_kib / 1024:.0f} MiB"
            f" | {int(size) / check.wall:.1f} | {jobs.wall:.2f} s | {check.wall / jobs.wall:.2f}x"
            f" | {'yes' if entry['same_report'] else 'NO'} | {entry['rounds']}"
            f" | {max(entry['spread'].values()):.2f} | {_disturbed(check, parse, jobs)} |"  # type: ignore[attr-defined]
        )
    return "\n".join(lines) + "\n"


def floor_table(results: dict[str, object]) -> str:
    """Each format against the floor (the YAML C loader reading the same files), and what two workers give."""
    sizes: dict[str, dict[str, object]] = results["sizes"]  # type: ignore[assignment]
    lines = [
        "| LEPs | YAML C loader | text | / floor | `--jobs 2` | speed-up | JSON | / floor | `--jobs 2` | speed-up"
        " | same bytes | JSON bytes per LEP |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |",
    ]
    for size, entry in sizes.items():
        floor, text, text2, json1, json2 = (
            Run(**entry[key])  # type: ignore[arg-type]
            for key in ("yaml_only", "check", "jobs2", "json", "json_jobs2")
        )
        lines.append(
            f"| {int(size):,} | {floor.wall:.2f} s | {text.wall:.2f} s | {text.wall / floor.wall:.2f}"
            f" | {text2.wall:.2f} s | {text.wall / text2.wall:.2f}x"
            f" | {json1.wall:.2f} s | {json1.wall / floor.wall:.2f}"
            f" | {json2.wall:.2f} s | {json1.wall / json2.wall:.2f}x"
            f" | {'yes' if entry['same_report'] and entry['same_json'] else 'NO'}"
            f" | {int(entry['json_bytes']) / int(size) / 1024:,.0f} KiB |"  # type: ignore[call-overload]
        )
    return "\n".join(lines) + "\n"


def start_table(start: dict[str, float]) -> str:
    return (
        f"| one bundled LEP, median of {int(start['rounds'])} alternating runs | wall |\n| --- | ---: |\n"
        f"| `govcheck check exemplar-lep.yaml -o report.txt` | {start['check'] * 1000:.0f} ms |\n"
        f"| a process reading it with the YAML C loader | {start['yaml_only'] * 1000:.0f} ms |\n"
        f"| ratio | {start['ratio']:.2f} |\n"
    )


def peer_table(found: dict[str, object]) -> str:
    low, high = (float(ms) for ms in found["rego_ms_range"])  # type: ignore[attr-defined]
    return (
        f"| evaluation only, median per LEP over {found['leps']} LEPs | ms |\n| --- | ---: |\n"
        f"| Rego (regopy), 8 rules | {found['rego_8_rules_ms']:.1f} (from {low:.0f} to {high:.0f}) |\n"
        f"| govcheck, the same 8 rules | {found['govcheck_8_rules_ms']:.1f} |\n"
        f"| govcheck, every rule of the pack | {found['govcheck_every_rule_ms']:.1f} |\n"
        f"\nVerdicts compared before timing: {found['verdicts_compared']:,} over {found['files']} LEPs, all the same.\n"
    )


def lsp_table(found: dict[str, float]) -> str:
    return (
        "| one bundled LEP, median of 20 | ms |\n| --- | ---: |\n"
        f"| a change to its diagnostics, `govcheck lsp` | {found['change_to_diagnostics_ms']:.1f} |\n"
        f"| a whole `govcheck check` process | {found['check_process_ms']:.1f} |\n"
        f"| share (target: at most 0.25) | {found['share_of_check']:.3f} |\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,38,1000,10000", help="comma-separated numbers of LEPs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, help="rounds per size (default 5 up to 38 LEPs, 2 at 1,000, 1 above)")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    # A cache folder of the benchmark's own: another govcheck (another checkout, another version)
    # sharing the user's would replace the kept packs with its own, and each run would rebuild them.
    os.environ.setdefault("GOVCHECK_CACHE_DIR", str(OUT / "cache"))
    started = time.perf_counter()
    folders, files = facts_sets(sizes, arguments.seed)
    results: dict[str, object] = {"machine": machine(), "seed": arguments.seed, "sizes": {}}
    print(json.dumps(results["machine"]), flush=True)
    results["single"] = single_lep(files, repeats=10)
    from govcheck.engine.assess.assessor import bundled_frameworks

    results["start"] = one_lep_start(bundled_frameworks() / "exemplar-lep.yaml")
    print(start_table(results["start"]), flush=True)  # type: ignore[arg-type]
    # The peer: its verdicts checked against govcheck's over the 38-LEP set before it is timed.
    from bench.peer import peer

    peer_set = min((size for size in sizes if size >= 38), default=max(sizes))
    results["peer"] = peer(folders[peer_set])
    print(peer_table(results["peer"]), flush=True)  # type: ignore[arg-type]
    # The language server: a change's diagnostics from a running `govcheck lsp`, by a real client
    # over stdio, against a whole `govcheck check` of the same file, alternating.
    from bench.lsp_latency import lsp_change_latency

    results["lsp"] = lsp_change_latency(bundled_frameworks() / "exemplar-lep.yaml", rounds=20)
    print(lsp_table(results["lsp"]), flush=True)  # type: ignore[arg-type]
    for size in sizes:
        entry = measure_size(size, folders[size], same_gc=size <= 38, rounds=arguments.rounds)
        chosen = files[:size]
        entry["megabytes"] = sum(f[1] for f in chosen) / 1e6
        entry["meetings"] = sum(f[2] for f in chosen)
        results["sizes"][str(size)] = entry  # type: ignore[index]
    results["minutes"] = (time.perf_counter() - started) / 60
    results["mean_facts_kib"] = statistics.mean(f[1] for f in files) / 1024
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    markdown = "\n".join(
        (
            table(results),
            floor_table(results),
            single_table(results["single"]),  # type: ignore[arg-type]
            start_table(results["start"]),  # type: ignore[arg-type]
            peer_table(results["peer"]),  # type: ignore[arg-type]
            lsp_table(results["lsp"]),  # type: ignore[arg-type]
        )
    )
    (OUT / "results.md").write_text(markdown)
    print(markdown)
    print(json.dumps(results["single"], indent=2))
    print(f"took {results['minutes']:.1f} minutes")


if __name__ == "__main__":
    main()
