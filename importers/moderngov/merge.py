"""Adding imported facts to a facts file typed by hand, as text, keeping every comment and every typed fact.

A meeting already in the file (the same id, or the same body on the same day) keeps what was
typed: a fact the service tells differently is reported ("kept meetings[3].held_on as typed:
2019-05-02; ModernGov says 2019-05-03"), and only facts the meeting leaves out are added. New
meetings, people and the body are appended to their lists, in the style each list is written
in. The result is read back as a facts file before it is handed over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.loader import parse_facts

_NOT_COMPARED = frozenset({"id", "body", "evidence"})


@dataclass
class Merged:
    text: str
    added: list[str] = field(default_factory=list)  # what was added, a line each
    kept: list[str] = field(default_factory=list)  # facts typed by hand that the service tells otherwise


@dataclass
class _Edits:
    text: str
    edits: list[tuple[int, int, int, str]] = field(default_factory=list)  # (start, end, order, replacement)

    def insert(self, at: int, new: str) -> None:
        self.edits.append((at, at, len(self.edits), new))

    def replace(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, len(self.edits), new))

    def applied(self) -> str:
        text = self.text
        for start, end, _, new in sorted(self.edits, key=lambda edit: (-edit[0], -edit[2])):
            text = text[:start] + new + text[end:]
        return text


def merge_into(
    text: str, name: str, *, meetings: list[dict[str, Any]], people: list[dict[str, Any]], body: dict[str, Any] | None
) -> Merged:
    """``text`` (the facts file ``name``) with ``meetings``, ``people`` and ``body`` (if new) added."""
    parse_facts(text, name)  # a file that does not load is reported as it is, before anything is added
    text = text if text.endswith("\n") else text + "\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    typed = yaml.safe_load(text)
    assert isinstance(root, yaml.MappingNode)  # the file loaded as facts, so it is a mapping
    assert isinstance(typed, dict)
    edits = _Edits(text)
    merged = Merged(text)
    typed_meetings: list[dict[str, Any]] = typed.get("meetings") or []
    meeting_nodes = _value(root, "meetings")
    new_meetings = []
    for meeting in meetings:
        index = _same_meeting(typed_meetings, meeting)
        if index is None:
            new_meetings.append(meeting)
            continue
        assert isinstance(meeting_nodes, yaml.SequenceNode)
        node = meeting_nodes.value[index]
        assert isinstance(node, yaml.MappingNode)
        missing = {}
        for key, value in meeting.items():
            if key not in typed_meetings[index]:
                missing[key] = value
            elif key not in _NOT_COMPARED and _comparable(key, typed_meetings[index][key]) != _comparable(key, value):
                merged.kept.append(
                    f"kept meetings[{index}].{key} as typed: {_words(typed_meetings[index][key])}; "
                    f"ModernGov says {_words(value)}"
                )
        if missing:
            _add_keys(edits, node, missing)
            merged.added.append(f"meetings[{index}] ({typed_meetings[index].get('id')}): added {', '.join(missing)}")
    if body is not None:
        _append(edits, root, "bodies", [body], name)
        merged.added.append(f"bodies: added {body['id']}")
    if people:
        _append(edits, root, "people", people, name)
        merged.added.append(f"people: added {', '.join(person['id'] for person in people)}")
    if new_meetings:
        _append(edits, root, "meetings", new_meetings, name)
        merged.added.append(f"meetings: added {', '.join(meeting['id'] for meeting in new_meetings)}")
    merged.text = edits.applied()
    try:
        parse_facts(merged.text, name)
    except InputError as error:
        lines = "; ".join(error.lines()[:3])
        raise InputError.single(
            name, f"the meetings from ModernGov do not fit this file ({lines})", hint="nothing was written"
        ) from None
    return merged


def _comparable(key: str, value: Any) -> Any:
    """What a fact is compared by: a date however it is written; declarations by who and which item; exempt items
    by item. Detail typed by hand that the service does not give (a note, the evidence) is no difference."""
    if isinstance(value, str) and key.endswith("_on"):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    if key == "declarations" and isinstance(value, list):
        return sorted((str(d.get("person")), str(d.get("item"))) for d in value if isinstance(d, dict))
    if key == "confidential_items" and isinstance(value, list):
        return sorted(str(c.get("item")) for c in value if isinstance(c, dict))
    return value


def _same_meeting(typed: list[dict[str, Any]], meeting: dict[str, Any]) -> int | None:
    for index, existing in enumerate(typed):
        if isinstance(existing, dict) and existing.get("id") == meeting["id"]:
            return index
    for index, existing in enumerate(typed):
        if (
            isinstance(existing, dict)
            and existing.get("body") == meeting["body"]
            and _comparable("held_on", existing.get("held_on")) == meeting["held_on"]
        ):
            return index
    return None


def _value(root: yaml.MappingNode, key: str) -> yaml.Node | None:
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found: yaml.Node = value_node
            return found
    return None


def _add_keys(edits: _Edits, node: yaml.MappingNode, values: dict[str, Any]) -> None:
    if node.flow_style:
        closing = edits.text.rindex("}", node.start_mark.index, node.end_mark.index)
        edits.insert(closing, "".join(f", {key}: {_flow(value)}" for key, value in values.items()))
        return
    indent = node.value[0][0].start_mark.column
    edits.insert(_after_line(edits.text, node.value[-1][1]), _block(values, indent))


def _append(edits: _Edits, root: yaml.MappingNode, key: str, items: list[dict[str, Any]], name: str) -> None:
    node = _value(root, key)
    text = edits.text
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")):
        if node is None:
            ending = "" if text.endswith("\n") or not text else "\n"
            edits.insert(len(text), f"{ending}{key}:\n{_block(items, 2)}")
        else:  # `people:` with nothing under it, as `govcheck init` writes a section
            edits.insert(_after_line(text, node), _block(items, 2))
        return
    if not isinstance(node, yaml.SequenceNode):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        raise InputError.single(name, f"{key} is not a list", line, column, hint="nothing was written")
    if node.flow_style and not node.value:
        # `meetings: []` becomes a block list; a comment after the brackets stays on the key's line.
        start = node.start_mark.index
        while start > 0 and text[start - 1] == " ":
            start -= 1
        edits.replace(start, node.end_mark.index, "")
        edits.insert(_after_line(text, node), _block(items, 2))
    elif node.flow_style:
        closing = text.rindex("]", node.start_mark.index, node.end_mark.index)
        edits.insert(closing, "".join(f", {_flow(item)}" for item in items))
    else:
        dash = _dash_column(text, node)
        edits.insert(_after_line(text, node.value[-1]), _block(items, dash))


def _dash_column(text: str, node: yaml.SequenceNode) -> int:
    first = node.value[0].start_mark
    line_start = text.rfind("\n", 0, first.index) + 1
    dash = text.rfind("-", line_start, first.index)
    return dash - line_start if dash >= 0 else max(first.column - 2, 0)


def _after_line(text: str, node: yaml.Node) -> int:
    """Where the line holding the end of ``node`` ends (after its newline): new lines go there."""
    end = node.end_mark.index
    if end > 0 and node.end_mark.column == 0:
        return end
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def _block(value: Any, indent: int) -> str:
    dumped = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return "".join(" " * indent + line + "\n" for line in dumped.splitlines())


def _flow(value: Any) -> str:
    dumped: str = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=True, width=10**9)
    return dumped.strip().removesuffix("...").strip()


def _words(value: Any) -> str:
    return _flow(value) if not isinstance(value, str) else value
