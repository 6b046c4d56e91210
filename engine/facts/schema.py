"""The facts schema as JSON Schema, for editors (``govcheck schema``).

It accepts what ``govcheck validate`` accepts, in both facts formats: the models
describe their own keys and the short forms their validators read
(``written_forms``); this module drops pydantic's generated titles, and builds
the format 1 variant, without format 2's forms, that a file saying
``format_version: 1`` must also match.
"""

from __future__ import annotations

import re
from typing import Any

from govcheck.engine.facts.model import FACTS_FORMAT_VERSION, Facts
from govcheck.engine.facts.written_forms import FORMAT_2_ONLY, SHARED_AS

DEFS = "$defs"
FORMAT_1 = "format-1"

# What JSON Schema cannot say, and so the schema lets through for `govcheck validate` to refuse.
BEYOND_THE_SCHEMA = (
    "ids that must be unique or name a body or person defined in the file",
    "dates and counts checked against each other (minutes before their meeting, a term ending before it starts, "
    "more women than members, a date's after and before the wrong way round)",
    "a whole number written with a decimal point, such as 6.0",
    "a date and time written in quotes, which YAML reads as text (unquoted, its day is read)",
    "an unquoted date where text is meant, which govcheck reads as a date (editors read YAML 1.2, where it is text)",
)
DESCRIPTION = (
    "A govcheck facts file: one Local Enterprise Partnership's local assurance framework as facts, as of a date. "
    "This schema accepts what `govcheck validate` accepts, in facts formats 1 and 2, except what JSON Schema "
    "cannot express, which only `govcheck validate` refuses: " + "; ".join(BEYOND_THE_SCHEMA) + "."
)


def facts_schema() -> dict[str, Any]:
    generated = _defined_once(_without_titles(Facts.model_json_schema(mode="validation")))
    # An editor names what it expected by a definition's title: "quorum rule", not "QuorumRule".
    for name, definition in generated[DEFS].items():
        definition["title"] = re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://govcheck.invalid/schema/facts-{FACTS_FORMAT_VERSION}.json",
        **_for_format_2(generated),
        "title": "govcheck facts file",
        "description": DESCRIPTION,
        # A format 1 file also matches the format 1 variant, which lacks format 2's short forms.
        "if": {"properties": {"format_version": {"const": 1}}, "required": ["format_version"]},
        "then": {"$ref": f"#/{DEFS}/{FORMAT_1}"},
    }
    format_1 = _for_format_1(generated)
    definitions = schema.pop(DEFS)
    definitions[FORMAT_1] = {key: value for key, value in format_1.items() if key != DEFS}
    definitions.update({f"{FORMAT_1}.{name}": value for name, value in format_1[DEFS].items()})
    return {**schema, DEFS: definitions}


# What stays where a shared form is used: what this use of it means, and in which formats it is read.
_OF_THE_USE = ("description", "default", FORMAT_2_ONLY)


def _defined_once(schema: dict[str, Any]) -> dict[str, Any]:
    """Each form marked ``SHARED_AS`` defined once under its name, and referred to where it recurs
    (a day's pattern is written out once, not for every date)."""
    definitions: dict[str, Any] = {}

    def refer(node: Any) -> Any:
        if isinstance(node, list):
            return [refer(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: refer(value) for key, value in node.items()}
        name = node.pop(SHARED_AS, None)
        if name is None:
            return node
        shared = {key: value for key, value in node.items() if key not in _OF_THE_USE}
        if definitions.setdefault(name, shared) != shared:
            raise ValueError(f"two different forms are shared as {name!r}")
        return {"$ref": f"#/{DEFS}/{name}", **{key: node[key] for key in _OF_THE_USE if key in node}}

    # No property or definition is named like the marker, so every mapping can be walked alike.
    referring = refer(schema)
    return {**referring, DEFS: {**referring[DEFS], **definitions}}


def _without_titles(node: Any, *, names: bool = False) -> Any:
    """Pydantic's titles ("Published On", "AnnualReporting") say less than the descriptions, and editors
    show them in place of them: dropped. Under ``properties`` and ``$defs`` the keys are names, not keywords."""
    if isinstance(node, list):
        return [_without_titles(item) for item in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {name: _without_titles(value) for name, value in node.items()}
    return {
        key: _without_titles(value, names=key in ("properties", "patternProperties", DEFS))
        for key, value in node.items()
        if key != "title"
    }


def _for_format_2(node: Any, *, names: bool = False) -> Any:
    """Every form, the marks of format 2's own removed."""
    if isinstance(node, list):
        return [_for_format_2(item) for item in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {name: _for_format_2(value) for name, value in node.items()}
    return {
        key: _for_format_2(value, names=key in ("properties", "patternProperties", DEFS))
        for key, value in node.items()
        if key != FORMAT_2_ONLY
    }


def _for_format_1(node: Any, *, names: bool = False) -> Any:
    """Without format 2's forms; its references point at the format 1 variants of the definitions."""
    if isinstance(node, list):
        return [_for_format_1(item) for item in node]
    if not isinstance(node, dict):
        return node
    if names:
        return {name: _for_format_1(value) for name, value in node.items()}
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("anyOf", "oneOf"):
            value = [form for form in value if not (isinstance(form, dict) and form.get(FORMAT_2_ONLY))]
        if key == "$ref" and isinstance(value, str) and value.startswith(f"#/{DEFS}/"):
            value = f"#/{DEFS}/{FORMAT_1}.{value.removeprefix(f'#/{DEFS}/')}"
        result[key] = _for_format_1(value, names=key in ("properties", "patternProperties", DEFS))
    return result
