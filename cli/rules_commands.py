"""``govcheck rules ...``: the rules group, listing a pack's rules and running their examples.

The other rule commands live beside it: ``show`` (rules_show), ``docs`` and ``coverage``
(rules_catalogue), ``diff`` (rules_diff).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from govcheck.cli import rules_catalogue, rules_diff, rules_show
from govcheck.cli.common import EXIT_GAPS, EXIT_OK, reports_input_errors
from govcheck.reports import Subject, formats

if TYPE_CHECKING:
    from govcheck.engine.packs.loading import RulePack


@click.group()
def rules() -> None:
    """Work with rule packs: list, show, test and document their rules, and compare editions."""


rules.add_command(rules_show.show)
rules.add_command(rules_catalogue.docs)
rules.add_command(rules_catalogue.coverage)
rules.add_command(rules_diff.diff)


def load_or_latest(pack: str | None) -> RulePack:
    """The pack named, or the latest bundled edition."""
    from govcheck.engine.packs.editions import latest_pack
    from govcheck.engine.packs.loading import load_pack

    return load_pack(pack or latest_pack())


@rules.command("list")
@click.option("--pack", metavar="ID|DIR", help="Rule pack (default: the latest bundled edition).")
@click.option("--topic", help="Only rules of this topic.")
@click.option("--format", "format_", type=click.Choice(formats(Subject.RULE_LIST)), default="text", show_default=True)
@reports_input_errors
def list_rules(pack: str | None, topic: str | None, format_: str) -> None:
    """List the rules of a pack."""
    from govcheck.reports import render
    from govcheck.reports.rule_list import RuleList

    loaded = load_or_latest(pack)
    if topic is not None and topic not in loaded.topics:
        from govcheck.engine.core.suggest import did_you_mean

        raise click.BadParameter(
            f"{topic!r} is not a topic of {loaded.id}{did_you_mean(topic, loaded.topics)}; "
            f"topics: {', '.join(loaded.topics)}",
            param_hint="--topic",
        )
    chosen = tuple(rule for rule in loaded.rules if topic is None or rule.spec.topic == topic)
    click.echo(render(Subject.RULE_LIST, format_, RuleList(loaded, chosen)), nl=False)


@rules.command("test")
@click.option("--pack", metavar="ID|DIR", help="Rule pack (default: every bundled pack).")
@reports_input_errors
def test_rules(pack: str | None) -> None:
    """Run every rule's examples; fail on a wrong verdict or a rule without a passing and a failing example."""
    from govcheck.engine.packs.editions import pack_specs
    from govcheck.engine.packs.examples import run_pack_examples
    from govcheck.engine.packs.loading import load_pack

    names = [pack] if pack else list(pack_specs())
    failures = 0
    for name in names:
        loaded = load_pack(name)
        results, incomplete = run_pack_examples(loaded)
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
