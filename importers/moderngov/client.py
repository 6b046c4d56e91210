"""Asking a ModernGov web service: one address per operation, retried with back-off, at a polite pace, size-capped.

requests with urllib3's ``Retry`` does what a long pull needs: exponential back-off on 5xx
answers and dropped connections, honouring a server's ``Retry-After``; it is already what most
Python HTTP code uses. Every failure that is the site's, not govcheck's, is a ``SourceError``
(exit 2) that says what happened and what to try.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from govcheck import __version__
from govcheck.engine.core.errors import InputError, Problem

SERVICE = "mgWebService.asmx"
USER_AGENT = f"govcheck/{__version__} (+https://pypi.org/project/govcheck/)"
# ModernGov writes and reads dates as dd/MM/yyyy.
SERVICE_DATE = "%d/%m/%Y"
# A year of a busy committee's meeting is a few hundred kilobytes; far past this is not a meeting.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
RETRIED_STATUSES = (429, 500, 502, 503, 504)


class SourceError(InputError):
    """A site that could not be used: unreachable, refusing, or answering with something that is not ModernGov's."""

    @classmethod
    def at(cls, url: str, message: str, hint: str | None = None) -> SourceError:
        return cls([Problem(url, message, hint=hint)])


@dataclass(frozen=True)
class Answer:
    """What one request brought back."""

    url: str
    body: bytes
    content_type: str


def service_root(base_url: str) -> str:
    """The site's address without the service or a trailing slash: ``https://democracy.example.gov.uk``."""
    address = base_url.strip()
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceError.at(
            base_url,
            "is not a web address",
            "give the committee system's address, e.g. https://democracy.example.gov.uk",
        )
    path = parts.path.rstrip("/")
    if path.lower().endswith(f"/{SERVICE}".lower()):  # the service's own address given: the site is above it
        path = path[: -len(SERVICE) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


@dataclass
class ModernGovClient:
    """One site's web service. ``interval`` is the least time between two requests, in seconds."""

    base_url: str
    interval: float = 0.5
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 1.0
    max_bytes: int = DEFAULT_MAX_BYTES
    longest_wait: float = 60.0  # the most a site's Retry-After may make a request wait
    _last: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        import requests
        from requests.adapters import HTTPAdapter

        self.root = service_root(self.base_url)
        retry = _retry_within(self.longest_wait)(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            backoff_factor=self.backoff,
            status_forcelist=RETRIED_STATUSES,
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        self._session = requests.Session()
        self._session.headers.update({"User-Agent": USER_AGENT, "Accept": "text/xml, application/xml"})
        adapter = HTTPAdapter(max_retries=retry)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def operation_url(self, operation: str, **parameters: str) -> str:
        query = f"?{urlencode(parameters)}" if parameters else ""
        return f"{self.root}/{SERVICE}/{operation}{query}"

    def committees(self) -> Answer:
        return self.get(self.operation_url("GetCommittees"))

    def meetings(self, committee_id: str, first: dt.date, last: dt.date) -> Answer:
        return self.get(
            self.operation_url(
                "GetMeetings",
                lCommitteeId=committee_id,
                sFromDate=first.strftime(SERVICE_DATE),
                sToDate=last.strftime(SERVICE_DATE),
            )
        )

    def meeting(self, meeting_id: str) -> Answer:
        return self.get(self.operation_url("GetMeeting", lMeetingId=meeting_id))

    def page(self, path: str, **parameters: str) -> str:
        """The address of one of the site's own pages (``ieListDocuments.aspx``), as evidence."""
        query = f"?{urlencode(parameters)}" if parameters else ""
        return f"{self.root}/{path}{query}"

    def get(self, url: str) -> Answer:
        import requests

        self._wait()
        try:
            with self._session.get(url, timeout=(min(self.timeout, 10.0), self.timeout), stream=True) as response:
                self._refuse_status(url, response.status_code)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise self._too_big(url)
                body = bytearray()
                # The timeout bounds each wait for bytes; this bounds the whole answer, sent however slowly.
                deadline = time.monotonic() + 4 * self.timeout
                for chunk in response.iter_content(chunk_size=65536):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise self._too_big(url)
                    if time.monotonic() > deadline:
                        raise SourceError.at(
                            url, f"took over {4 * self.timeout:g} seconds to send its answer", "try again later"
                        )
                return Answer(url, bytes(body), response.headers.get("Content-Type", ""))
        except requests.exceptions.RetryError:
            raise SourceError.at(
                url, f"kept failing after {self.retries} retries", "the site is having trouble; try again later"
            ) from None
        except requests.exceptions.Timeout:
            raise SourceError.at(
                url, f"did not answer within {self.timeout:g} seconds", "try again later, or raise --timeout"
            ) from None
        except requests.exceptions.ConnectionError as error:
            raise SourceError.at(
                url, f"cannot be reached: {_reason(error)}", "check the address and your connection"
            ) from None
        except requests.exceptions.RequestException as error:
            raise SourceError.at(url, f"could not be read: {_reason(error)}") from None
        finally:
            self._last = time.monotonic()

    def _wait(self) -> None:
        if self._last and self.interval > 0:
            pause = self.interval - (time.monotonic() - self._last)
            if pause > 0:
                time.sleep(pause)

    def _too_big(self, url: str) -> SourceError:
        return SourceError.at(
            url,
            f"answered with more than {self.max_bytes:,} bytes, far more than a ModernGov answer",
            "check the address; narrow --from and --to if this is a very long list",
        )

    def _refuse_status(self, url: str, status: int) -> None:
        if status < 400:
            return
        if status == 404:
            raise SourceError.at(
                url, "not found (HTTP 404): no ModernGov web service at this address", "check the address"
            )
        if status in (401, 403):
            raise SourceError.at(
                url,
                f"refused (HTTP {status}): the web service is closed to the public on this site",
                "ask the council's democratic services to open mgWebService.asmx, or key the meetings by hand",
            )
        if status in RETRIED_STATUSES:
            raise SourceError.at(
                url,
                f"kept answering HTTP {status} after {self.retries} retries",
                "the site is having trouble; try again later",
            )
        raise SourceError.at(url, f"answered HTTP {status}", "check the address")


def _retry_within(longest_wait: float) -> Any:
    """urllib3's Retry, waiting no longer than ``longest_wait`` seconds however long a site's Retry-After asks."""
    from urllib3.response import BaseHTTPResponse
    from urllib3.util.retry import Retry

    class RetryWithin(Retry):
        def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
            asked = super().get_retry_after(response)
            return None if asked is None else min(asked, longest_wait)

    return RetryWithin


def _reason(error: Exception) -> str:
    text = str(error)
    for known, plain in (
        ("Connection refused", "connection refused"),
        ("Name or service not known", "no such host"),
        ("nodename nor servname", "no such host"),
        ("Temporary failure in name resolution", "no such host"),
        ("CERTIFICATE_VERIFY_FAILED", "its certificate could not be verified"),
        ("RemoteDisconnected", "the connection was closed without an answer"),
    ):
        if known in text:
            return plain
    return text.splitlines()[0][:200] if text else type(error).__name__
