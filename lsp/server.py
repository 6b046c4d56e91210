"""The language server's wiring: which LSP message calls what, over standard input and output.

Each open or change of a facts file is checked at once, whole, and its diagnostics are
published with the version they describe. A request about a file (hover, completion, a
fix) that fails for a reason govcheck did not foresee answers with nothing and is logged
to standard error: an editor's server is never stopped by what is typed into it.
"""

from __future__ import annotations

import functools
import logging
import sys
import typing
from collections.abc import Callable
from typing import Any, BinaryIO, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from govcheck import __version__
from govcheck.engine.assess.assessor import Assessor
from govcheck.lsp.actions import code_actions
from govcheck.lsp.completion import complete
from govcheck.lsp.diagnostics import diagnostics
from govcheck.lsp.documents import Checked, Checker
from govcheck.lsp.hover import hover
from govcheck.lsp.units import actions_for_client, completion_for_client, diagnostics_for_client, from_client

log = logging.getLogger("govcheck.lsp")
R = TypeVar("R")

# Typing a key's colon, the space after it, or a list item's dash is when a completion helps.
TRIGGERS = [":", " ", "-"]


def answers_nothing_on_failure(handler: Callable[..., R | None]) -> Callable[..., R | None]:
    @functools.wraps(handler)
    def guarded(*args: Any) -> R | None:
        try:
            return handler(*args)
        except Exception:
            log.exception("govcheck lsp: %s failed", handler.__name__)
            return None

    return guarded


class FactsServer(LanguageServer):
    """A language server whose checker keeps the rule packs and calendar between changes."""

    def __init__(self, assessor: Assessor | None = None, only: tuple[str, ...] = ()) -> None:
        super().__init__("govcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.checker = Checker(assessor or Assessor(), only=only)

    def check(self, uri: str) -> Checked:
        document = self.workspace.get_text_document(uri)
        checked = self.checker.check(uri, document.source, document.version, to_fs_path(uri) or uri)
        found = diagnostics_for_client(document, diagnostics(checked))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=found)
        )
        return checked

    def checked(self, uri: str) -> Checked:
        """The file's latest version as checked (checking it now if its text has changed since)."""
        document = self.workspace.get_text_document(uri)
        known = self.checker.documents.get(uri)
        if known is not None and known.text == document.source:
            return known
        return self.check(uri)


def make_server(assessor: Assessor | None = None, only: tuple[str, ...] = ()) -> FactsServer:
    server = FactsServer(assessor, only)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @answers_nothing_on_failure
    def did_open(ls: FactsServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @answers_nothing_on_failure
    def did_change(ls: FactsServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @answers_nothing_on_failure
    def did_close(ls: FactsServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.checker.forget(uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @answers_nothing_on_failure
    def on_hover(ls: FactsServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        return hover(ls.checked(document.uri), from_client(document, params.position))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS))
    @answers_nothing_on_failure
    def on_completion(ls: FactsServer, params: types.CompletionParams) -> types.CompletionList | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        if not ls.checker.wants(to_fs_path(document.uri) or document.uri, document.source):
            return None
        found = complete(document.source.splitlines(), from_client(document, params.position))
        return completion_for_client(document, found)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    @answers_nothing_on_failure
    def on_code_action(ls: FactsServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        start, end = from_client(document, params.range.start), from_client(document, params.range.end)
        asked = types.CodeActionParams(params.text_document, types.Range(start, end), params.context)
        return actions_for_client(document, code_actions(ls.checked(document.uri), asked)) or None

    return server


def serve(assessor: Assessor | None = None, only: tuple[str, ...] = ()) -> None:
    """Serve over standard input and output until the editor says exit.

    ``assessor`` carries the pack and waivers chosen (default: the pack in force at each file's
    as_of, no waivers); ``only`` is globs of the files to check.
    """
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(message)s")
    stdin, stdout = sys.__stdin__, sys.__stdout__
    if stdin is None or stdout is None:
        raise RuntimeError("govcheck lsp talks over standard input and output, and this process has none")
    # Anything printed by mistake would corrupt the protocol's stream: it goes to standard error instead.
    sys.stdout = sys.stderr
    make_server(assessor, only).start_io(typing.cast(BinaryIO, stdin.buffer), typing.cast(BinaryIO, stdout.buffer))
