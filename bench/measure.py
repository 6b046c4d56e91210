"""Measuring one command: wall time, CPU time and peak memory of the whole process, and the machine it ran on."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One run of a command, as the operating system saw it."""

    wall: float  # seconds
    cpu: float  # user + system seconds, the process and every worker it waited for
    peak_kib: int  # largest resident set of the process or of any one of its workers
    exit_code: int
    others: float  # CPU seconds that other processes on the machine used meanwhile
    stolen: float  # CPU seconds the virtual machine's host took meanwhile


def run(command: list[str], stdout: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to completion, its output to ``stdout`` (or discarded), in ``env`` if given."""
    with open(stdout or os.devnull, "wb") as sink:
        busy_before, stolen_before = _cpu_counters()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        busy_after, stolen_after = _cpu_counters()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(
        wall,
        cpu,
        usage.ru_maxrss,
        os.waitstatus_to_exitcode(status),
        max(busy_after - busy_before - cpu, 0.0),
        stolen_after - stolen_before,
    )


def _cpu_counters() -> tuple[float, float]:
    """CPU seconds the whole machine has spent busy, and those its host has stolen (Linux; zeros elsewhere)."""
    stat = Path("/proc/stat")
    if not stat.is_file():
        return 0.0, 0.0
    fields = [int(n) for n in stat.read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    ticks = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / ticks, steal / ticks


def best_of(command: list[str], times: int, stdout: Path | None = None) -> Run:
    """The fastest of several runs: the one least disturbed by whatever else the machine was doing."""
    return min((run(command, stdout) for _ in range(times)), key=lambda r: r.wall)


def mean_of(runs: list[Run]) -> Run:
    """Several runs of one command as one: mean times, the largest memory, the first exit code."""
    count = len(runs)
    return Run(
        sum(r.wall for r in runs) / count,
        sum(r.cpu for r in runs) / count,
        max(r.peak_kib for r in runs),
        runs[0].exit_code,
        sum(r.others for r in runs) / count,
        sum(r.stolen for r in runs) / count,
    )


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        lines = cpuinfo.read_text().splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        total = next(line for line in meminfo.read_text().splitlines() if line.startswith("MemTotal"))
        memory = f"{int(total.split()[1]) / 1024 / 1024:.1f} GiB"
    import yaml

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyyaml": f"{yaml.__version__} ({'libyaml' if yaml.__with_libyaml__ else 'no libyaml'})",
        "pydantic": metadata.version("pydantic"),
        "govcheck": metadata.version("govcheck"),
        "commit": _commit(),
    }


def _commit() -> str:
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return found.stdout.strip()


def govcheck(*arguments: str) -> list[str]:
    """The installed ``govcheck`` command beside the interpreter running the benchmark, as a user runs it."""
    script = Path(sys.executable).parent / "govcheck"
    if script.is_file():
        return [str(script), *arguments]
    return [sys.executable, "-c", "from govcheck.cli.main import main; main()", *arguments]
