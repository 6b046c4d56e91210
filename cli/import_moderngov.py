"""``govcheck import moderngov``: a committee's meetings from a council's ModernGov web service, as facts."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from govcheck.cli.common import EXIT_INPUT, parse_date, reports_input_errors

if TYPE_CHECKING:
    from govcheck.importers.moderngov.parse import MeetingStub

BODY_KINDS = ("board", "committee", "sub-group", "panel", "joint-committee", "council-committee")
# Fewer meetings than this are read before a progress bar would have drawn itself.
PROGRESS_FROM = 5


@click.command()
@click.argument("base_url")
@click.option("--committee", "committee_id", required=True, help="The committee's id on the site (GetCommittees).")
@click.option("--from", "first", callback=parse_date, help="First meeting date to read [default: a year before --to].")
@click.option("--to", "last", callback=parse_date, help="Last meeting date to read [default: the as-of date].")
@click.option("--as-of", callback=parse_date, help="The facts' date [default: today; with --into, the file's].")
@click.option("-o", "--output", default=None, help="Write the facts here [default: stdout; with --into, that file].")
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path), help="Add the meetings to this facts file.")
@click.option("--body", "body_id", help="The body's id in the facts [default: the body named as the committee].")
@click.option("--kind", type=click.Choice(BODY_KINDS), default="board", show_default=True, help="A new body's kind.")
@click.option("--lep", help="The LEP's name, for a new facts file [default: the committee's name].")
@click.option(
    "--interval", type=click.FloatRange(min=0), default=0.5, show_default=True, help="Seconds between requests."
)
@click.option(
    "--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True, help="Seconds to wait for an answer."
)
@click.option(
    "--retries", type=click.IntRange(0, 10), default=4, show_default=True, help="Retries of a failed request."
)
@reports_input_errors
def moderngov(
    base_url: str,
    committee_id: str,
    first: dt.date | None,
    last: dt.date | None,
    as_of: dt.date | None,
    output: str | None,
    into: Path | None,
    body_id: str | None,
    kind: str,
    lep: str | None,
    interval: float,
    timeout: float,
    retries: int,
) -> None:
    """Read a committee's meetings from BASE_URL's ModernGov web service (mgWebService.asmx) as facts.

    Each meeting's date, attendance (members present, apologies, others in attendance), declarations
    of interest its minutes record, and exempt items with their Schedule 12A paragraph, each with the
    address of the page or document it comes from. What the service cannot tell (when papers were
    published) is left out. With --into, a meeting already typed keeps what was typed; differences
    are reported.
    """
    try:
        import defusedxml  # noqa: F401
        import requests  # noqa: F401
    except ImportError:
        click.echo(
            "error: govcheck import moderngov needs two more packages: pip install 'govcheck[moderngov]'", err=True
        )
        sys.exit(EXIT_INPUT)
    from govcheck.cli.output import write_atomic
    from govcheck.engine.core.identity import identity
    from govcheck.engine.facts.loader import parse_facts
    from govcheck.engine.reading.yamlsource import read_text
    from govcheck.importers.moderngov.attendees import People, slug
    from govcheck.importers.moderngov.client import ModernGovClient
    from govcheck.importers.moderngov.document import body_entry, new_facts
    from govcheck.importers.moderngov.merge import merge_into
    from govcheck.importers.moderngov.pull import pull
    from govcheck.importers.moderngov.to_facts import meetings_as_facts

    typed_text = read_text(into) if into is not None else None
    typed = parse_facts(typed_text, str(into)) if typed_text is not None else None
    as_of = typed.facts.as_of if typed is not None else (as_of or dt.date.today())
    last = last or as_of
    first = first or _year_to(last)
    if first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}", param_hint="--from")

    client = ModernGovClient(base_url, interval=interval, timeout=timeout, retries=retries)
    pulled = pull(client, committee_id, first, last, _progress)
    committee = pulled.committee
    bodies = {b.id: b for b in typed.facts.bodies} if typed is not None else {}
    if body_id is None:
        named = [b.id for b in bodies.values() if identity(b.name) == identity(committee.title)]
        body_id = named[0] if len(named) == 1 else slug(committee.title or f"committee-{committee.id}")
    people = People.of([(p.id, p.name) for p in typed.facts.people] if typed is not None else [])
    imported = meetings_as_facts(
        pulled.meetings,
        body=body_id,
        as_of=as_of,
        people=people,
        meeting_page=lambda cid, mid: client.page("ieListDocuments.aspx", CId=cid, MId=mid),
    )
    page = client.page("mgCommitteeDetails.aspx", ID=committee.id)
    body = None if body_id in bodies else body_entry(body_id, committee.title or body_id, kind, page)
    target = output or (str(into) if into is not None else "-")
    if typed_text is not None and into is not None:
        merged = merge_into(typed_text, str(into), meetings=imported.meetings, people=imported.people, body=body)
        text = merged.text
        messages = [*merged.added, *merged.kept]
    else:
        assert body is not None
        name = target if target != "-" else "meetings.yaml"
        text = new_facts(
            organisation=lep or committee.title or body_id,
            as_of=as_of,
            body=body,
            people=imported.people,
            meetings=imported.meetings,
            source=client.root,
            name=name,
        )
        messages = []
    write_atomic(target, text)
    for note in [*messages, *imported.notes]:
        click.echo(f"note: {note}", err=True)
    shown = "standard output" if target == "-" else target
    click.echo(
        f"read {len(pulled.meetings)} meetings of {committee.title or committee.id} "
        f"({first} to {last}) from {client.root}; wrote {shown}",
        err=True,
    )


def _year_to(last: dt.date) -> dt.date:
    """The first day of the year that ends on ``last``: 2019-04-01 for 2020-03-31."""
    try:
        a_year_before = last.replace(year=last.year - 1)
    except ValueError:  # 29 February
        a_year_before = last.replace(year=last.year - 1, day=28)
    return a_year_before + dt.timedelta(days=1)


def _progress(stubs: list[MeetingStub]) -> Iterator[MeetingStub]:
    """The meetings as they are read, with a progress bar on a terminal when there are more than a few."""
    if len(stubs) < PROGRESS_FROM or not sys.stderr.isatty():
        yield from stubs
        return
    with click.progressbar(stubs, label="reading meetings", file=sys.stderr) as bar:
        yield from bar
