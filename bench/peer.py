"""The peer: eight of govcheck's rules written in Rego (``bench/rego/``), evaluated by regopy on the same facts.

    python -m bench.peer FOLDER [--limit N]

Before anything is timed, every verdict of the eight rules is checked to be the same from both
over every file given: a Rego rule that reads the facts differently from govcheck would make
the timing compare two different things. Then each LEP's facts are evaluated by both, in one
process, evaluation only: the facts are read and validated beforehand, as Rego's input (JSON)
and as govcheck's facts models. govcheck is timed twice: the same eight rules, and the whole pack.

regopy (PyPI ``regopy``, the Python binding of Microsoft's Rego interpreter) is a benchmark-only
dependency: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

REGO = Path(__file__).parent / "rego"
# The rules written in Rego: chosen to cover each kind of check Rego expresses over the same facts
# (a count, a share, a choice, an annual deadline, a document kept current, a deadline after each
# appointment, working days before each meeting, a property of any body).
RULES = (
    "board.at-most-20-members",
    "board.two-thirds-private-sector",
    "board.chair-from-private-sector",
    "risk.audit-committee-in-place",
    "accountable-body.s151-letter-by-28-february",
    "assurance-framework.reviewed-yearly",
    "registers.published-within-28-days",
    "transparency.papers-5-clear-working-days-before",
)
QUERY = "verdict = data.govcheck.rules.verdict"


@dataclass(frozen=True)
class Disagreement:
    file: str
    rule_id: str
    govcheck: str
    rego: str


def holidays(first: int = 1990, last: int = 2060) -> list[str]:
    """England and Wales bank holidays as govcheck's calendar has them: weekdays that are not working days."""
    from govcheck.engine.calendar import WorkingCalendar

    calendar = WorkingCalendar()
    day, end, found = dt.date(first, 1, 1), dt.date(last, 12, 31), []
    while day <= end:
        if day.weekday() < 5 and not calendar.is_working_day(day):
            found.append(day.isoformat())
        day += dt.timedelta(days=1)
    return found


def interpreter() -> Any:
    import regopy

    rego = regopy.Interpreter()
    for module in sorted(REGO.glob("*.rego")):
        rego.add_module(module.stem, module.read_text(encoding="utf-8"))
    rego.add_data_json(json.dumps({"holidays": holidays()}))
    return rego


def rego_input(path: Path) -> str:
    """The facts as Rego reads them: the YAML as JSON, dates as ISO strings, with the assessment date."""
    facts = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return json.dumps({"facts": facts, "as_of": facts["as_of"].isoformat()}, default=dt.date.isoformat)


def rego_verdicts(rego: Any, document: str) -> dict[str, str]:
    rego.set_input_term(document)
    output = json.loads(str(rego.query(QUERY)))
    verdicts: dict[str, str] = output["bindings"]["verdict"]
    return verdicts


def govcheck_verdicts(paths: Sequence[Path]) -> dict[str, dict[str, str]]:
    from govcheck.engine.assess.assessor import Assessor
    from govcheck.engine.core.results import Assessment

    found = {}
    for path, result in zip(paths, Assessor().assess_many(paths), strict=True):
        if isinstance(result, Assessment):
            found[str(path)] = {f.rule_id: f.status.value for f in result.findings if f.rule_id in RULES}
    return found


def disagreements(paths: Sequence[Path]) -> tuple[int, list[Disagreement]]:
    """How many verdicts were compared, and every one on which Rego and govcheck differ."""
    rego = interpreter()
    expected = govcheck_verdicts(paths)
    compared, different = 0, []
    for path in paths:
        if str(path) not in expected:
            continue  # a file govcheck refuses (exit 2) has no verdicts to compare
        got = rego_verdicts(rego, rego_input(path))
        for rule_id in RULES:
            compared += 1
            theirs = got.get(rule_id, "(none)")
            if theirs != expected[str(path)][rule_id]:
                different.append(Disagreement(str(path), rule_id, expected[str(path)][rule_id], theirs))
    return compared, different


def timed(paths: Sequence[Path]) -> dict[str, object]:
    """Milliseconds per LEP to evaluate, facts already read: Rego (8 rules), govcheck (8 rules, every rule)."""
    from govcheck.engine.assess.evaluate import Context, evaluate
    from govcheck.engine.calendar import WorkingCalendar
    from govcheck.engine.facts.loader import load_facts
    from govcheck.engine.packs.editions import pack_specs
    from govcheck.engine.packs.loading import load_pack, pack_in_force

    rego = interpreter()
    calendar = WorkingCalendar()
    specs = pack_specs()
    rego_ms, eight_ms, every_ms = [], [], []
    for path in paths:
        document = rego_input(path)
        facts = load_facts(path)
        pack = load_pack(pack_in_force(facts.facts.as_of, specs=specs))
        eight = replace(pack, rules=tuple(rule for rule in pack.rules if rule.id in RULES))
        context = Context(facts.facts.as_of, calendar, (), outcomes=False)
        start = time.perf_counter()
        rego_verdicts(rego, document)
        rego_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        evaluate(eight, facts, context)
        eight_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        evaluate(pack, facts, context)
        every_ms.append((time.perf_counter() - start) * 1000)
    return {
        "leps": len(paths),
        "rego_8_rules_ms": statistics.median(rego_ms),
        "govcheck_8_rules_ms": statistics.median(eight_ms),
        "govcheck_every_rule_ms": statistics.median(every_ms),
        "rego_ms_range": [min(rego_ms), max(rego_ms)],
    }


def peer(folder: Path, limit: int | None = None, timed_leps: int = 30) -> dict[str, object]:
    """Verdicts compared over every file, then evaluation timed over the first ``timed_leps``."""
    paths = sorted(folder.glob("*.yaml"))[:limit]
    compared, different = disagreements(paths)
    if different:
        shown = "\n".join(f"  {d.file}: {d.rule_id}: govcheck {d.govcheck}, Rego {d.rego}" for d in different[:20])
        raise SystemExit(f"Rego and govcheck differ on {len(different)} of {compared} verdicts:\n{shown}")
    return {"verdicts_compared": compared, "files": len(paths), **timed(paths[:timed_leps])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, help="compare verdicts over the first N files only")
    arguments = parser.parse_args()
    print(json.dumps(peer(arguments.folder, arguments.limit), indent=2))


if __name__ == "__main__":
    main()
