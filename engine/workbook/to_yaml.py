"""A workbook's facts as a YAML facts file (format 2), each item citing the sheet and row it came from.

An item of a row that gives no evidence of its own gets ``evidence: {document: lep.xlsx,
section: "sheet People, row 5"}``, the provenance a comment would keep. Attestations are left
as they are: their evidence is part of the judgement (an attestation without it does not
count), so a provenance note must never stand in for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from govcheck.engine.core.paths import PathKey, is_model
from govcheck.engine.facts.blocks import OTHERS
from govcheck.engine.facts.loader import FactsFile, parse_facts
from govcheck.engine.facts.records import Attestation
from govcheck.engine.workbook.columns import (
    annotation_at,
    fields_of,
    pattern_of,
)
from govcheck.engine.workbook.places import WorkbookSourceMap
from govcheck.engine.workbook.write import facts_data

# The organisation sheet's one row holds several sections; each that is present is cited.
_SECTIONS_OF_THE_FIRST_ROW = ("organisation", "accountable_body", "assurance_framework", "improvement_plan")


def facts_yaml(facts_file: FactsFile, source: WorkbookSourceMap) -> str:
    """The YAML facts file for a workbook read as ``facts_file``, in facts format 2, checked by reading it back."""
    data = facts_data(facts_file.facts)
    if data.get("format_version") == 1:
        _as_format_2(data)
    name = Path(facts_file.path).name
    for path, (sheet, row) in source.rows.items():
        for item_path in [(key,) for key in _SECTIONS_OF_THE_FIRST_ROW] if path == () else [path]:
            _cite(data, item_path, name, f"sheet {sheet}, row {row}")
    title = " ".join(str(data["organisation"]["name"]).split())  # one line, whatever the name holds
    text = f"# Facts of {title}, from the workbook {' '.join(name.split())}\n" + yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False
    )
    parse_facts(text, facts_file.path)  # what is written reads back: a defect here is never written
    return text


def _as_format_2(data: dict[str, Any]) -> None:
    """Say in format 2 what format 1 meant, as ``govcheck migrate`` does: a subject a coverage map leaves
    out is not covered, and meetings left out are none held."""

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            coverage = value.get("coverage")
            if isinstance(coverage, dict):
                coverage.setdefault(OTHERS, {"status": "not covered"})
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    data["format_version"] = 2
    data.setdefault("meetings", [])


def _cite(data: dict[str, Any], path: PathKey, document: str, section: str) -> None:
    item: Any = data
    for part in path:
        in_list = isinstance(part, int) and isinstance(item, list) and part < len(item)
        if not in_list and not (isinstance(part, str) and isinstance(item, dict) and part in item):
            return
        item = item[part]
    model = annotation_at(pattern_of(path))
    if not isinstance(item, dict) or not is_model(model) or model is Attestation or "evidence" in item:
        return
    if any(key == "evidence" for key, _ in fields_of(model)):
        item["evidence"] = {"document": document, "section": section}


# Text that YAML 1.2, as govcheck reads it, would take for a number (07912345, 1e5): quoted when written.
_NUMBER = re.compile(
    r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe writer, quoting what govcheck's YAML 1.2 reading would not read back as text,
    with lists indented under their key as ``govcheck init`` writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if _NUMBER.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)
