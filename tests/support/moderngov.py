"""A ModernGov web service on the loopback address, answering with the recorded responses in tests/fixtures/moderngov.

A real ``http.server`` on 127.0.0.1 and an ephemeral port, in a thread: requests go through
the whole HTTP stack (retries, timeouts, size caps) as they would to a council's site. Tests
may put other answers in front of the recorded ones (``answer``), and read the requests made.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "moderngov"
XML = "text/xml; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = XML
    headers: tuple[tuple[str, str], ...] = ()
    drip: float = 0.0  # seconds between pieces of ten bytes: a site sending its answer very slowly


@dataclass
class Request:
    operation: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class RecordedService:
    """The recorded site; ``url`` is its address, ``requests`` what was asked of it."""

    url: str = ""
    requests: list[Request] = field(default_factory=list)
    _queued: dict[str, list[Reply]] = field(default_factory=dict)

    def answer(self, operation: str, *replies: Reply) -> None:
        """Answer the next requests of ``operation`` (``GetMeeting``, or ``GetMeeting:2301`` for one meeting) so."""
        self._queued.setdefault(operation, []).extend(replies)

    def reply(self, operation: str, query: dict[str, str]) -> Reply:
        key = f"{operation}:{query.get('lMeetingId') or query.get('lCommitteeId') or ''}"
        for name in (key, operation):
            if self._queued.get(name):
                return self._queued[name].pop(0)
        if operation == "GetCommittees":
            return _recorded("committees.xml")
        if operation == "GetMeetings":
            return _recorded(f"meetings-{query.get('lCommitteeId', '')}.xml")
        if operation == "GetMeeting":
            return _recorded(f"meeting-{query.get('lMeetingId', '')}.xml")
        return Reply(404, b"<html><body>Not found</body></html>", "text/html")


def _recorded(name: str) -> Reply:
    path = FIXTURES / name
    if not name.replace("-", "").replace(".", "").isalnum() or not path.is_file():
        # The service answers an unknown id with an empty document of the operation's kind.
        return Reply(200, b'<?xml version="1.0" encoding="utf-8"?><getmeetings><meetings /></getmeetings>')
    return Reply(200, path.read_bytes())


def serve(service: RecordedService) -> Iterator[RecordedService]:
    """Run ``service`` until the generator is closed (a pytest fixture's body)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            operation = parts.path.rsplit("/", 1)[-1]
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            service.requests.append(Request(operation, query, dict(self.headers.items())))
            if "/mgWebService.asmx/" not in parts.path:
                reply = Reply(404, b"<html><body>Not found</body></html>", "text/html")
            else:
                reply = service.reply(operation, query)
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            # The client may stop reading part way: an oversize answer, refused.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                if not reply.drip:
                    self.wfile.write(reply.body)
                for start in range(0, len(reply.body), 10) if reply.drip else ():
                    self.wfile.write(reply.body[start : start + 10])
                    self.wfile.flush()
                    time.sleep(reply.drip)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def unused_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
