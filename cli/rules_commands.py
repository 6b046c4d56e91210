"""``govcheck rules ...``: listing the rules of a pack and running their examples."""

from __future__ import annotations

import json
import sys

import click

from govcheck.cli.common import EXIT_GAPS, EXIT_OK, reports_input_errors


@click.group()
def rules() -> None:
    """Work with rule packs: list their rules and test them against their examples."""


def _pack(pack: str | None):  # type: ignore[no-untyped-def]
    from govcheck.engine.rules import available_packs, load_pack

    return load_pack(pack or sorted(available_packs())[-1])


@rules.command("list")
@click.option("--pack", metavar="ID|DIR", help="Rule pack (default: the latest bundled edition).")
@click.option("--topic", help="Only rules of this topic.")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_input_errors
def list_rules(pack: str | None, topic: str | None, format_: str) -> None:
    """List the rules of a pack."""
    loaded = _pack(pack)
    chosen = [rule for rule in loaded.rules if topic is None or rule.spec.topic == topic]
    if format_ == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "title": r.spec.title,
                        "topic": r.spec.topic,
                        "severity": r.spec.severity,
                        "obligation": r.spec.obligation,
                        "basis": r.spec.basis,
                        "requirements": r.spec.requirements,
                        "citation": str(r.spec.cite),
                    }
                    for r in chosen
                ],
                indent=2,
            )
        )
        return
    for rule in chosen:
        click.echo(
            f"{rule.id:<62} {rule.spec.severity:<6} {rule.spec.obligation:<6} {','.join(rule.spec.requirements)}"
        )
    click.echo(f"{len(chosen)} rules in {loaded.id}")


@rules.command("test")
@click.option("--pack", metavar="ID|DIR", help="Rule pack (default: every bundled pack).")
@reports_input_errors
def test_rules(pack: str | None) -> None:
    """Run every rule's examples; fail on a wrong verdict or a rule without a passing and a failing example."""
    from govcheck.engine.examples import test_pack
    from govcheck.engine.rules import available_packs, load_pack

    names = [pack] if pack else list(available_packs())
    failures = 0
    for name in names:
        loaded = load_pack(name)
        results, incomplete = test_pack(loaded)
        for result in results:
            if not result.ok:
                failures += 1
                click.echo(
                    f"FAIL {loaded.id} {result.rule_id}: example {result.name!r}: expected "
                    f"{result.expected.value}, got {result.got.value} ({result.reason})"
                )
        for rule_id, problems in incomplete.items():
            failures += 1
            click.echo(f"FAIL {loaded.id} {rule_id}: {'; '.join(problems)}")
        passed = sum(r.ok for r in results)
        click.echo(
            f"{loaded.id}: {passed} of {len(results)} examples give their expected verdict; "
            f"{len(loaded.rules) - len(incomplete)} of {len(loaded.rules)} rules have passing and failing examples"
        )
    sys.exit(EXIT_GAPS if failures else EXIT_OK)
