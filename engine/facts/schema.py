"""The facts schema as JSON Schema, for editors (``govcheck schema``)."""

from __future__ import annotations

from typing import Any

from govcheck.engine.facts.model import FACTS_FORMAT_VERSION, Facts


def facts_schema() -> dict[str, Any]:
    schema: dict[str, Any] = Facts.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://govcheck.invalid/schema/facts-{FACTS_FORMAT_VERSION}.json"
    schema["title"] = "govcheck facts file"
    return schema
