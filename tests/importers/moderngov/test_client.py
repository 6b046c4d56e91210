"""Asking the web service: over real HTTP on the loopback address, with its failures as a site shows them."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest

from govcheck import __version__
from govcheck.importers.moderngov.client import ModernGovClient, SourceError, service_root
from tests.support.moderngov import RecordedService, Reply, serve, unused_port


@pytest.fixture
def site() -> Iterator[RecordedService]:
    yield from serve(RecordedService())


def client(url: str, **options: float) -> ModernGovClient:
    settings = {"interval": 0.0, "backoff": 0.0, "timeout": 5.0, **options}
    return ModernGovClient(url, **settings)  # type: ignore[arg-type]


def test_requests_name_govcheck_and_ask_for_dates_as_moderngov_writes_them(site: RecordedService) -> None:
    client(site.url).meetings("412", dt.date(2019, 4, 1), dt.date(2020, 3, 31))
    (request,) = site.requests
    assert request.operation == "GetMeetings"
    assert request.query == {"lCommitteeId": "412", "sFromDate": "01/04/2019", "sToDate": "31/03/2020"}
    assert request.headers["User-Agent"].startswith(f"govcheck/{__version__} (+")


def test_a_server_error_is_retried_and_the_answer_that_follows_is_used(site: RecordedService) -> None:
    site.answer("GetCommittees", Reply(500, b"busy"), Reply(503, b"busy"))
    answer = client(site.url).committees()
    assert b"<committeeid>412</committeeid>" in answer.body
    assert [r.operation for r in site.requests] == ["GetCommittees"] * 3


def test_a_server_that_keeps_failing_is_reported_after_the_retries(site: RecordedService) -> None:
    site.answer("GetCommittees", *[Reply(500, b"down")] * 4)
    with pytest.raises(SourceError) as caught:
        client(site.url, retries=2).committees()
    assert str(caught.value) == (
        f"{site.url}/mgWebService.asmx/GetCommittees: kept answering HTTP 500 after 2 retries "
        "(the site is having trouble; try again later)"
    )
    assert len(site.requests) == 3


def test_a_site_asking_to_wait_an_hour_is_waited_for_no_longer_than_allowed(site: RecordedService) -> None:
    site.answer("GetCommittees", Reply(503, b"busy", headers=(("Retry-After", "3600"),)))
    started = time.monotonic()
    client(site.url, longest_wait=0.2).committees()
    assert 0.2 <= time.monotonic() - started < 10
    assert len(site.requests) == 2


def test_an_unreachable_site_says_so() -> None:
    url = f"http://127.0.0.1:{unused_port()}"
    with pytest.raises(SourceError) as caught:
        client(url, retries=1).committees()
    assert str(caught.value) == (
        f"{url}/mgWebService.asmx/GetCommittees: cannot be reached: connection refused "
        "(check the address and your connection)"
    )


def test_no_web_service_at_the_address_is_a_404(site: RecordedService) -> None:
    site.answer("GetCommittees", Reply(404, b"<html><body>The resource cannot be found.</body></html>", "text/html"))
    with pytest.raises(SourceError, match="not found \\(HTTP 404\\): no ModernGov web service at this address"):
        client(site.url).committees()


def test_a_closed_service_is_told_apart(site: RecordedService) -> None:
    site.answer("GetCommittees", Reply(403, b"Forbidden", "text/plain"))
    with pytest.raises(SourceError, match="closed to the public"):
        client(site.url).committees()


def test_an_answer_larger_than_the_cap_is_refused_unread(site: RecordedService) -> None:
    site.answer("GetMeeting", Reply(200, b"<meeting>" + b" " * 200_000 + b"</meeting>"))
    with pytest.raises(SourceError, match="more than 100,000 bytes"):
        client(site.url, max_bytes=100_000).meeting("2301")


def test_an_answer_sent_too_slowly_is_given_up(site: RecordedService) -> None:
    site.answer("GetMeeting", Reply(200, b"<meeting>" + b" " * 300 + b"</meeting>", drip=0.05))
    with pytest.raises(SourceError, match="took over 1 seconds to send its answer"):
        client(site.url, timeout=0.25).meeting("2301")


def test_requests_keep_the_interval_asked_for(site: RecordedService) -> None:
    polite = client(site.url, interval=0.3)
    started = time.monotonic()
    polite.committees()
    polite.committees()
    polite.committees()
    assert time.monotonic() - started >= 0.6


@pytest.mark.parametrize(
    ("given", "root"),
    [
        ("https://democracy.example.gov.uk", "https://democracy.example.gov.uk"),
        ("https://democracy.example.gov.uk/", "https://democracy.example.gov.uk"),
        ("https://example.gov.uk/moderngov/mgWebService.asmx", "https://example.gov.uk/moderngov"),
        (" https://example.gov.uk/moderngov/mgwebservice.asmx/ ", "https://example.gov.uk/moderngov"),
    ],
)
def test_the_site_is_found_from_its_address_or_its_service_address(given: str, root: str) -> None:
    assert service_root(given) == root


@pytest.mark.parametrize("given", ["democracy.example.gov.uk", "ftp://example.gov.uk", "file:///etc/passwd"])
def test_an_address_that_is_no_web_address_is_refused(given: str) -> None:
    with pytest.raises(SourceError, match="is not a web address"):
        service_root(given)
