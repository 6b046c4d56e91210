"""``govcheck rules docs`` and ``govcheck rules coverage``: the rule catalogue, and what it leaves uncovered."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from govcheck.cli.common import EXIT_GAPS, EXIT_OK, reports_input_errors

if TYPE_CHECKING:
    from govcheck.engine.packs.loading import RulePack
    from govcheck.engine.packs.requirement_coverage import PackCoverage

PACKS_DIR_HELP = "Folder of rule packs to document (default: the packs installed with govcheck)."


def _bundled(packs_dir: Path | None) -> tuple[list[RulePack], Path]:
    """Every pack in the folder, oldest edition first, and the folder."""
    from govcheck.engine.packs.bundled import packs_folder
    from govcheck.engine.packs.editions import pack_specs
    from govcheck.engine.packs.loading import load_pack

    folder = packs_dir or packs_folder()
    return [load_pack(name, folder) for name in pack_specs(folder)], folder


@click.command()
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("docs/rules"),
    show_default=True,
    help="Where the pages go.",
)
@click.option("--packs-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), help=PACKS_DIR_HELP)
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if the pages there are out of date.")
@reports_input_errors
def docs(output_dir: Path, packs_dir: Path | None, check_only: bool) -> None:
    """Write the rule catalogue as Markdown: an index and one page per edition."""
    from govcheck.cli.inputs import FilesRead
    from govcheck.cli.output import write_atomic
    from govcheck.engine.packs.catalogue import catalogue_for, load_catalogue
    from govcheck.engine.packs.docs import GENERATED, pages

    packs, folder = _bundled(packs_dir)
    catalogue = catalogue_for(folder)
    wanted = pages(packs, load_catalogue(catalogue), folder)
    read = FilesRead()  # a page never lands on a rule file or the catalogue, through a link or otherwise
    for pack in packs:
        read.add_pack(pack)
    read.add(catalogue, "catalogue")
    for name in wanted:
        _refuse_what_is_not_a_page(output_dir / name)
    # Pages this command wrote before and no longer writes (an edition removed); others' files are left alone.
    marker = GENERATED.encode("utf-8")
    leftover = sorted(
        path.name
        for path in (output_dir.glob("*.md") if output_dir.is_dir() else [])
        if path.name not in wanted and marker in _start_of(path)
    )
    stale = [name for name, text in wanted.items() if not _holds(output_dir / name, text)]
    if check_only:
        for name in stale:
            click.echo(f"{output_dir / name} is out of date", err=True)
        for name in leftover:
            click.echo(f"{output_dir / name} documents a pack that no longer exists", err=True)
        if stale or leftover:
            click.echo("run `govcheck rules docs` to regenerate the rule catalogue", err=True)
            sys.exit(EXIT_GAPS)
        click.echo(f"{output_dir}: the rule catalogue is current ({len(wanted)} pages)")
        return
    for name in stale:
        write_atomic(output_dir / name, wanted[name], read)
    for name in leftover:
        (output_dir / name).unlink()
    click.echo(f"{output_dir}: {len(stale)} of {len(wanted)} pages written, {len(leftover)} removed")


def _refuse_what_is_not_a_page(path: Path) -> None:
    """An InputError if a page's name is taken by a folder, a pipe or a device: a page is a file."""
    from govcheck.engine.core.errors import InputError

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError.single(path, f"cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(mode):
        what = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
        raise InputError.single(path, f"is {what}; rules docs writes each page as a file", hint="move it away")


def _start_of(path: Path, size: int = 8192) -> bytes:
    """The first bytes of a regular file (where a page says it was generated); nothing for anything else."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe would block, a folder cannot be read
            return b""
        with path.open("rb") as stream:
            return stream.read(size)
    except OSError:
        return b""


def _holds(path: Path, text: str) -> bool:
    """Whether the file at ``path`` holds exactly ``text``, in UTF-8 (a file that is not UTF-8 does not)."""
    expected = text.encode("utf-8")
    try:
        with path.open("rb") as stream:
            return stream.read(len(expected) + 1) == expected
    except OSError:
        return False


@click.command()
@click.option("--pack", metavar="ID|DIR", help="One rule pack (default: every bundled edition).")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_input_errors
def coverage(pack: str | None, format_: str) -> None:
    """For each edition, every catalogue requirement with the rules that encode it, or why none does.

    Exits 1 if a requirement is neither encoded nor explained (the pack's not_encoded), or
    if a rule encodes no requirement of its edition.
    """
    from govcheck.engine.packs.catalogue import load_catalogue
    from govcheck.engine.packs.loading import load_pack
    from govcheck.engine.packs.requirement_coverage import pack_coverage

    packs = [load_pack(pack)] if pack else _bundled(None)[0]
    results = [pack_coverage(loaded, loaded.catalogue or load_catalogue()) for loaded in packs]
    pairs = list(zip(packs, results, strict=True))
    if format_ == "json":
        click.echo(json.dumps({"packs": [_json(loaded, result) for loaded, result in pairs]}, indent=2))
    else:
        click.echo("\n\n".join(_text(loaded, result) for loaded, result in pairs))
    sys.exit(EXIT_OK if all(result.complete for result in results) else EXIT_GAPS)


def _text(pack: RulePack, result: PackCoverage) -> str:
    from govcheck.engine.packs.requirement_coverage import Coverage

    scope = f"edition {result.edition}" if result.edition is not None else "the whole catalogue"
    lines = [
        f"{pack.id} ({pack.spec.title}, {pack.spec.edition}), {scope}: {len(result.requirements)} requirements, "
        f"{result.count(Coverage.ENCODED)} encoded, {result.count(Coverage.EXPLAINED)} explained, "
        f"{result.count(Coverage.NOT_COVERED)} NOT COVERED"
    ]
    for entry in result.requirements:
        if entry.status is Coverage.ENCODED:
            how = ", ".join(entry.rules)
        elif entry.status is Coverage.EXPLAINED:
            how = f"not encoded: {entry.reason}"
        else:
            how = "NOT COVERED"
        level = entry.requirement.level.split()[0]
        lines.append(f"  {entry.requirement.id:<7} {level:<7} {how}")
    for rule_id in result.foreign_rules:
        lines.append(f"  rule {rule_id} encodes no requirement of {scope}: retire it in {pack.id}")
    for requirement_id in result.contradictions:
        lines.append(f"  {requirement_id} is listed under not_encoded but a rule encodes it")
    return "\n".join(lines)


def _json(pack: RulePack, result: PackCoverage) -> dict[str, Any]:
    from govcheck.engine.packs.requirement_coverage import Coverage

    return {
        "pack": pack.id,
        "edition": pack.spec.edition,
        "catalogue_edition": result.edition,
        "complete": result.complete,
        "counts": {status.value: result.count(status) for status in Coverage},
        "requirements": [
            {
                "id": entry.requirement.id,
                "level": entry.requirement.level,
                "confidence": entry.requirement.confidence,
                "status": entry.status.value,
                "rules": list(entry.rules),
                "reason": entry.reason if entry.status is Coverage.EXPLAINED else None,
            }
            for entry in result.requirements
        ],
        "rules_outside_edition": list(result.foreign_rules),
        "not_encoded_but_encoded": list(result.contradictions),
    }
