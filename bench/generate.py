"""Synthetic facts files for the benchmark: realistic LEPs, the same bytes for the same seed.

Each LEP has a board of 10 to 30 seats and two to four sub-groups, people who
come and go over the years (terms of three years, some reappointed, recruited
in the open), registers of interests with their updates, senior staff, 10 to
12 meetings a year of every body over a history of 1 to 10 years (papers,
minutes, attendance, declarations, decisions, items taken in private, standing
reports), policies and documents with what each covers, an improvement plan,
the yearly cycle of plans, reports, accounts, general meetings, performance
reviews and quarterly returns, projects appraised and decided, scrutiny
sessions, complaints, whistleblowing concerns and attestations: every section
the facts format has, so that every rule of the pack has something to read.
Most facts are on time; a share of them are late or missing, so that every
rule has met and failed items to report, as a real portfolio would.

LEP number ``i`` depends only on the seed and ``i``, so the first 38 LEPs of a
10,000-LEP set are the 38 LEPs of a 38-LEP set.

    python -m bench.generate --count 38 --out bench/out/sample
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench import governance, meetings, records
from bench.lep import Lep

GENERATOR_VERSION = 6  # bump when the output changes, so cached sets are rebuilt


def _text(lep: Lep) -> str:
    sections = [
        [
            f"# {lep.name}: synthetic facts for the govcheck benchmark (seeded; not a real LEP).",
            "format_version: 2",
            f"as_of: {lep.as_of}",
        ],
        governance.organisation(lep),
        governance.bodies(lep),
        governance.people(lep),
        list(meetings.meetings(lep)),
        records.policies_and_documents(lep),
        records.yearly_cycle(lep),
        records.projects_and_cases(lep),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def lep_text(seed: int, index: int, years: int | None = None) -> str:
    """The facts file of LEP number ``index`` of the set seeded with ``seed`` (its history ``years`` long)."""
    return _text(Lep(seed, index, years))


def generate(count: int, out: Path, seed: int = 1) -> list[tuple[Path, int]]:
    """Write LEPs 0 .. count-1 to ``out``, one file each; return each file's path and number of meetings."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        lep = Lep(seed, index)
        path = out / f"lep-{index:05d}.yaml"
        path.write_text(_text(lep), encoding="utf-8")
        written.append((path, lep.meetings))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=38)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "sample")
    arguments = parser.parse_args()
    paths = generate(arguments.count, arguments.out, arguments.seed)
    print(f"wrote {len(paths)} facts files to {arguments.out}")


if __name__ == "__main__":
    main()
