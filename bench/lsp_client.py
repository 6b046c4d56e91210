"""A Language Server Protocol client over stdio, as small as an editor's: frames, requests, notifications.

Written from the protocol itself (a ``Content-Length`` header, a blank line, a JSON-RPC
body), sharing no code with the server it talks to, so what it sees is what an editor
sees. Used by the latency benchmark and by the tests that drive ``govcheck lsp``.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

Message = dict[str, Any]


class ServerStopped(RuntimeError):
    """The server's output ended (it exited or crashed) while a message was awaited."""


class LspClient:
    """Starts a language server and speaks to it; every message it sends back is kept in order."""

    def __init__(self, command: list[str], cwd: Path | None = None) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd
        )
        self._messages: queue.Queue[Message | None] = queue.Queue()
        self.notifications: list[Message] = []
        self.stderr: list[bytes] = []
        self._next_id = 0
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.process.stderr,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        try:
            while True:
                length = None
                while True:
                    header = stream.readline()
                    if not header:
                        return
                    if header in (b"\r\n", b"\n"):
                        break
                    name, _, value = header.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    raise ValueError("a message without Content-Length")
                self._messages.put(json.loads(stream.read(length)))
        finally:
            self._messages.put(None)

    def _drain(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.stderr.append(line)

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def _next(self, deadline: float) -> Message:
        try:
            message = self._messages.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            raise TimeoutError("no message from the server in time") from None
        if message is None:
            self._messages.put(None)  # every later wait ends the same way
            raise ServerStopped(b"".join(self.stderr).decode("utf-8", "replace"))
        if "id" in message and "method" in message:  # a request from the server: an editor answers every one
            self.send({"id": message["id"], "result": None})
        return message

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        """Send a request and return its result (an error response raises)."""
        self._next_id += 1
        ident = self._next_id
        self.send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == ident and "method" not in message:
                if "error" in message:
                    raise RuntimeError(f"{method} failed: {message['error']}")
                return message.get("result")
            if "method" in message and "id" not in message:
                self.notifications.append(message)

    def wait_for(self, wanted: Callable[[Message], bool], timeout: float = 60) -> Message:
        """The first notification, kept or still to come, that ``wanted`` accepts (removed from those kept)."""
        for index, message in enumerate(self.notifications):
            if wanted(message):
                return self.notifications.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if "method" in message and "id" not in message:
                if wanted(message):
                    return message
                self.notifications.append(message)

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60) -> list[dict[str, Any]]:
        """The diagnostics next published for ``uri`` (for ``version``, if given)."""

        def published(message: Message) -> bool:
            params = message.get("params") or {}
            return (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("uri") == uri
                and (version is None or params.get("version") == version)
            )

        found: list[dict[str, Any]] = self.wait_for(published, timeout)["params"]["diagnostics"]
        return found

    def initialize(self, root: Path) -> Any:
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.resolve().as_uri(),
                "capabilities": {
                    "textDocument": {
                        "publishDiagnostics": {"versionSupport": True, "relatedInformation": True},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": False}},
                    }
                },
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": version, "text": text}},
        )

    def change(self, uri: str, text: str, version: int) -> None:
        """Replace the whole text (a change without a range), as an editor may send any edit."""
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def close(self, timeout: float = 30) -> int:
        """Shut the server down as an editor does, and return its exit code."""
        try:
            self.request("shutdown", None, timeout)
            self.notify("exit", None)
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
