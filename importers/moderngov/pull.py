"""One pull: the committee (``GetCommittees``), its meetings (``GetMeetings``), each in full (``GetMeeting``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from govcheck.engine.core.suggest import did_you_mean
from govcheck.importers.moderngov import parse
from govcheck.importers.moderngov.client import ModernGovClient, SourceError
from govcheck.importers.moderngov.parse import Committee, MeetingRecord, MeetingStub

# A committee meets a dozen times a year: far more in one pull is a broken or hostile list, each a request.
MAX_MEETINGS = 1000
# Given the meetings to read, yields each as it is read: a progress bar wraps it, or it is left as it is.
Progress = Callable[[list[MeetingStub]], Iterable[MeetingStub]]


@dataclass(frozen=True)
class Pulled:
    committee: Committee
    meetings: list[MeetingRecord]


def find_committee(client: ModernGovClient, committee_id: str) -> Committee:
    answer = client.committees()
    committees = parse.committees(answer)
    for committee in committees:
        if committee.id == committee_id.strip():
            return committee
    listed = ", ".join(f"{c.id} {c.title}" for c in committees[:8])
    more = f" ... ({len(committees)} in all)" if len(committees) > 8 else ""
    raise SourceError.at(
        answer.url,
        f"has no committee {committee_id!r}{did_you_mean(committee_id, [c.id for c in committees])}",
        f"committees: {listed}{more}" if committees else "the site lists no committees",
    )


def pull(
    client: ModernGovClient, committee_id: str, first: dt.date, last: dt.date, progress: Progress | None = None
) -> Pulled:
    """The committee and every meeting of it from ``first`` to ``last``, each read in full."""
    committee = find_committee(client, committee_id)
    answer = client.meetings(committee.id, first, last)
    stubs = [
        stub
        for stub in parse.meeting_stubs(answer)
        if first <= stub.held_on <= last and stub.committee_id in ("", committee.id)
    ]
    if len(stubs) > MAX_MEETINGS:
        raise SourceError.at(
            answer.url,
            f"lists {len(stubs):,} meetings from {first} to {last}, more than a committee holds in decades",
            f"narrow --from and --to; govcheck reads at most {MAX_MEETINGS:,} meetings at a time",
        )
    return Pulled(committee, list(_read(client, committee, stubs, progress)))


def _read(
    client: ModernGovClient, committee: Committee, stubs: list[MeetingStub], progress: Progress | None
) -> Iterator[MeetingRecord]:
    for stub in progress(stubs) if progress is not None else stubs:
        record = parse.meeting(client.meeting(stub.id))
        if record.id != stub.id:
            raise SourceError.at(record.source, f"answered with meeting {record.id}, not {stub.id}")
        # GetMeeting does not always repeat the committee; the list it came from says it.
        yield MeetingRecord(
            id=record.id,
            committee_id=record.committee_id or committee.id,
            committee_title=record.committee_title or committee.title,
            held_on=record.held_on,
            status=record.status or stub.status,
            attendees=record.attendees,
            items=record.items,
            documents=record.documents,
            source=record.source,
        )
