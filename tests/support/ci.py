"""What the CI-format tests share: the Riverside before/after facts, running the CLI, saving results."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from govcheck.cli.main import cli
from govcheck.engine.assess.assessor import Assessor
from govcheck.engine.assess.waivers import parse_waivers
from govcheck.engine.core.results import Assessment

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ci"
BEFORE = FIXTURES / "riverside-2020-03.yaml"
AFTER = FIXTURES / "riverside-2020-09.yaml"
# A frozen pack, so the expected gap lists do not move whenever a bundled pack gains a rule.
PACK = FIXTURES / "packs" / "ci-core"
LEP = "riverside-lep"
JSMITH = "J. Smith (Riverside LEP Board member)"
KLEE = "K. Lee (Riverside LEP Board member)"


def run(*args: str) -> Result:
    """The govcheck command; ``check`` uses the frozen pack unless the arguments name one or replay a result."""
    arguments = list(args)
    if arguments[:1] == ["check"] and "--pack" not in arguments and "--replay" not in arguments:
        arguments += ["--pack", str(PACK)]
    return CliRunner().invoke(cli, arguments, catch_exceptions=False)


def copy_fixture(source: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or source.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def save_result(facts: Path, out: Path, *extra: str) -> dict[str, Any]:
    """Run ``govcheck check`` on ``facts`` writing a JSON result to ``out``; return it parsed."""
    result = run("check", str(facts), "--format", "json", "-o", str(out), *extra)
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


def waiver_yaml(*entries: str) -> str:
    body = "\n".join(
        textwrap.indent(textwrap.dedent(entry).strip(), "    ").replace("    ", "  - ", 1) for entry in entries
    )
    return "format_version: 1\nwaivers:\n" + body + "\n"


def waiver(
    rule: str,
    item: str | None = None,
    granted: str = "2020-01-10",
    expires: str = "2020-12-31",
    lep: str = LEP,
    requested_by: str = "A. Clerk",
    approved_by: str = "S. Officer",
) -> str:
    scope = f"{{lep: {lep}" + (f', item: "{item}"' if item else "") + "}"
    return textwrap.dedent(f"""\
        rule: {rule}
        scope: {scope}
        justification: A new member's register is being prepared
        requested_by: {requested_by}
        approved_by: {approved_by}
        granted_on: {granted}
        expires_on: {expires}
        """)


def assess(facts: Path, waivers_text: str | None = None, as_of: Any = None) -> Assessment:
    waivers = parse_waivers(waivers_text, "waivers.yaml") if waivers_text else None
    return Assessor(str(PACK), as_of, waivers).assess(facts)


def statuses(assessment: Assessment) -> dict[str, str]:
    return {f.rule_id: f.status.value for f in assessment.findings}
