"""The quick fix for missing evidence: insert the skeleton of each fact the rule needs and the file lacks.

The skeleton goes at the end of the nearest enclosing block the file already has, indented
as that block's keys are, with every value left blank: a blank value is read as absent, so
inserting it changes no verdict until it is filled in. A fact whose enclosing mapping is
written on one line (``agreement: {url: ...}``) or as a value (``agreement: not found``)
gets no fix, since nothing can be added there without rewriting what was written.
"""

from __future__ import annotations

from lsprotocol import types

from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.results import Finding
from govcheck.engine.core.status import Status
from govcheck.engine.reading.yamlsource import SourceMap
from govcheck.lsp.diagnostics import facts_needed
from govcheck.lsp.documents import Checked
from govcheck.lsp.fields import LIST_ITEM, shape_at, skeleton
from govcheck.lsp.places import dotted_place, read_dotted


def _model_place(path: PathKey) -> list[str | int]:
    return [LIST_ITEM if isinstance(part, int) else part for part in path]


def _absent(source: SourceMap, path: PathKey) -> bool:
    return path not in source.keys and path not in source.values


def missing_places(finding: Finding, source: SourceMap) -> list[PathKey]:
    """The facts a missing-evidence finding needs that the file does not have, each a place the model knows."""
    # The keys needed where they name one place (a key under "each entry", people[].sector, names
    # none), and the evidence the check looked for, which does.
    named = [*facts_needed(finding), *(e.path for e in finding.evidence)]
    found: list[PathKey] = []
    for text in named:
        path = read_dotted(text)
        if path and _absent(source, path) and shape_at(_model_place(path)) is not None and path not in found:
            found.append(path)
    return found


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def insertion(
    lines: list[str], source: SourceMap, path: PathKey, *, newline: str, ends_in_newline: bool
) -> types.TextEdit | None:
    """The edit that writes the skeleton of ``path`` at the end of its nearest existing enclosing mapping.

    ``newline`` is the file's own line break; ``ends_in_newline`` whether its last line has one.
    """
    depth = len(path) - 1
    while depth > 0 and _absent(source, path[:depth]):
        depth -= 1
    holder, missing = path[:depth], path[depth:]
    if any(isinstance(part, int) for part in missing):
        return None  # a list item that is not there: which item is meant cannot be told
    if not holder:
        start_line, child_indent = -1, 0
    elif isinstance(holder[-1], int):  # a list item: its first key stands after the dash
        value = source.values.get(holder)
        if value is None:
            return None
        start_line, child_indent = value[0] - 1, value[1] - 1
        if not _is_block_start(lines[start_line][child_indent:]):
            return None
    else:
        key = source.keys.get(holder)
        if key is None:
            return None
        start_line = key[0] - 1
        after = lines[start_line][key[1] - 1 :].split(":", 1)
        if len(after) < 2 or after[1].split("#", 1)[0].strip():
            return None  # the value is written on the key's own line: a word, or a one-line mapping
        child_indent = key[1] - 1 + 2
        following = next((t for t in lines[start_line + 1 :] if _is_content(t)), None)
        if following is not None and _indent(following) > key[1] - 1:
            if following.lstrip().startswith("-"):
                return None  # a list, not a mapping to add a key to
            child_indent = _indent(following)
    last = len(lines) - 1 if not holder else start_line
    for number in range(start_line + 1, len(lines) if holder else 0):
        if _is_content(lines[number]):
            if _indent(lines[number]) < child_indent:
                break
            last = number
    text_lines: list[str] = []
    for step, part in enumerate(missing[:-1]):
        text_lines.append(f"{' ' * (child_indent + 2 * step)}{part}:")
    fact = skeleton(_model_place(path), child_indent + 2 * (len(missing) - 1))
    if fact is None:
        return None
    text_lines += fact
    at = types.Position(last + 1, 0)
    new_text = newline.join(text_lines) + newline
    if last + 1 >= len(lines) and not ends_in_newline and lines:  # the last line has no line break to follow
        at = types.Position(len(lines) - 1, len(lines[-1]))
        new_text = newline + newline.join(text_lines)
    return types.TextEdit(types.Range(at, at), new_text)


def _is_block_start(text: str) -> bool:
    """Whether a list item's first line is ``key:`` with its value below (not a word, not a one-line mapping)."""
    head = text.split(":", 1)
    return len(head) == 2 and not text.lstrip().startswith(("{", "["))


def code_actions(checked: Checked, params: types.CodeActionParams) -> list[types.CodeAction]:
    if checked.assessment is None or checked.facts is None:
        return []
    wanted = {str(d.code) for d in params.context.diagnostics if d.code is not None}
    first, final = params.range.start.line + 1, params.range.end.line + 1
    lines = checked.text.splitlines()
    newline = "\r\n" if "\r\n" in checked.text else "\n"
    ends_in_newline = checked.text.endswith(("\n", "\r"))
    actions: list[types.CodeAction] = []
    offered: set[PathKey] = set()
    for finding in checked.assessment.findings:
        if finding.status is not Status.MISSING_EVIDENCE:
            continue
        if finding.rule_id not in wanted and not (finding.line and first <= finding.line <= final):
            continue
        for path in missing_places(finding, checked.facts.source):
            if path in offered:
                continue
            edit = insertion(lines, checked.facts.source, path, newline=newline, ends_in_newline=ends_in_newline)
            if edit is None:
                continue
            offered.add(path)
            actions.append(
                types.CodeAction(
                    title=f"Add {dotted_place(path)} (needed by {finding.rule_id})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d for d in params.context.diagnostics if d.code == finding.rule_id] or None,
                    edit=types.WorkspaceEdit(changes={checked.uri: [edit]}),
                )
            )
    return actions
