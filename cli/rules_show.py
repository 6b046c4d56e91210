"""``govcheck rules show ID``: one rule in full, its check in words and its examples."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import click

from govcheck.cli.common import reports_input_errors

if TYPE_CHECKING:
    from govcheck.engine.packs.catalogue import Catalogue
    from govcheck.engine.packs.loading import Rule, RulePack

WIDTH = 100


@click.command()
@click.argument("rule_id")
@click.option("--pack", metavar="ID|DIR", help="Rule pack (default: the latest bundled edition that has the rule).")
@reports_input_errors
def show(rule_id: str, pack: str | None) -> None:
    """Show one rule: its citation, its check in plain English, and its examples."""
    from govcheck.engine.core.errors import InputError
    from govcheck.engine.core.suggest import did_you_mean
    from govcheck.engine.packs.editions import pack_specs
    from govcheck.engine.packs.loading import load_pack

    loaded = [load_pack(pack)] if pack else [load_pack(name) for name in reversed(pack_specs())]
    having = [candidate for candidate in loaded if any(rule.id == rule_id for rule in candidate.rules)]
    if not having:
        known = {rule.id for candidate in loaded for rule in candidate.rules}
        where = loaded[0].id if pack else "any bundled edition"
        raise InputError.single(
            loaded[0].folder if pack else "rules",
            f"no rule {rule_id!r} in {where}{did_you_mean(rule_id, known)}",
            hint="`govcheck rules list` lists them",
        )
    chosen = having[0]
    click.echo(card(chosen.rule(rule_id), chosen, [p.id for p in reversed(having)] if not pack else []), nl=False)


def _wrapped(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent)


def _requirements(rule: Rule, catalogue: Catalogue | None) -> list[str]:
    lines = []
    for requirement_id in rule.spec.requirements:
        found = catalogue.get(requirement_id) if catalogue else None
        text = f"{requirement_id} ({found.level}, {found.confidence}): {found.requirement}" if found else requirement_id
        lines += textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="    ")
    return lines


def _inherited(rule: Rule, pack: RulePack) -> str:
    from pathlib import Path

    home = Path(rule.file).parent
    return "" if home == Path(pack.folder) else f" (inherited from {home.name})"


def card(rule: Rule, pack: RulePack, editions: list[str]) -> str:
    """The rule as text: metadata, citation, rationale, check in words, remediation, examples."""
    from govcheck.engine.packs.catalogue import BASIS_WORDS
    from govcheck.engine.packs.describe import describe_check, sentence_case

    spec = rule.spec
    lines = [rule.id, *textwrap.wrap(spec.title, WIDTH), ""]
    fields = [
        ("Pack", f"{pack.id} ({pack.spec.title}, {pack.spec.edition})"),
        ("Topic", f"{pack.topics.get(spec.topic, spec.topic)} ({spec.topic})"),
        ("Citation", str(spec.cite) + (f" <{spec.cite.url}>" if spec.cite.url else "")),
        ("Basis", f"{spec.basis}: {BASIS_WORDS[spec.basis]}"),
        ("Obligation", spec.obligation),
        ("Severity", spec.severity),
        ("Defined in", f"{rule.file}:{rule.line}" + _inherited(rule, pack)),
    ]
    if len(editions) > 1:
        fields.insert(1, ("Editions", ", ".join(editions)))
    lines += [f"{name + ':':<12} {value}" for name, value in fields]
    lines += ["", "Requirements:", *_requirements(rule, pack.catalogue)]
    if spec.rationale:
        lines += ["", "Why:", *_wrapped(spec.rationale)]
    if rule.applies_when is not None:
        lines += ["", "Applies when:"]
        lines += [line for text in describe_check(rule.applies_when).lines() for line in _wrapped(text, "  ")]
    lines += ["", "Check:"]
    said = describe_check(rule.check).lines(indent="  ", bullet="- ")
    for text in [sentence_case(said[0]), *said[1:]]:
        depth = len(text) - len(text.lstrip(" "))
        lines += textwrap.wrap(
            text.lstrip(" "), WIDTH, initial_indent="  " + " " * depth, subsequent_indent="    " + " " * depth
        )
    lines += ["", "Remediation:", *_wrapped(spec.remediation), "", "Examples:"]
    lines += [f"  {example.expect.value:<17} {example.name}" for example, _ in rule.examples]
    return "\n".join(lines) + "\n"
