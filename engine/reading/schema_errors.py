"""Pydantic's validation errors as located problems, in the words of the person who wrote the file.

Pydantic says "Input should be a valid boolean"; the author of a facts file
needs to read "people[2].is_sme_representative: yes is not true or false
(write true for yes)", at the line and column where they wrote it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, cast

from pydantic import BaseModel, RootModel

from govcheck.engine.core.days import DATE_FORM_HINT, is_date_form
from govcheck.engine.core.errors import Problem
from govcheck.engine.core.paths import PathKey, field_named, model_at
from govcheck.engine.core.suggest import did_you_mean, nearest
from govcheck.engine.reading.yamlsource import SourceMap

YES_WORDS = {"yes": True, "y": True, "on": True, "no": False, "n": False, "off": False}
# Words people write for a word of a closed vocabulary, told as the fix when that word is one
# of the choices (a spelling slip is found by likeness instead).
SAID_FOR = {
    **dict.fromkeys(("female", "f", "women", "lady", "w"), "woman"),
    **dict.fromkeys(("male", "m", "men", "gentleman"), "man"),
    **dict.fromkeys(("nonbinary", "non binary", "nb", "enby"), "non-binary"),
    **dict.fromkeys(("prefer not to say", "not stated", "not known", "unknown", "undisclosed"), "not-stated"),
    **dict.fromkeys(("private sector", "business", "businesses", "industry", "company"), "private"),
    **dict.fromkeys(("public sector", "local authority", "council", "councillor", "government"), "public"),
    **dict.fromkeys(("voluntary", "charity", "third sector", "voluntary sector", "community"), "vcs"),
    **dict.fromkeys(("university", "college", "higher education", "further education", "education"), "he-fe"),
    **dict.fromkeys(("vice-chair", "vice chair", "deputy chair", "deputy"), "deputy-chair"),
    **dict.fromkeys(("chairman", "chairwoman", "chairperson", "chair person"), "chair"),
    **dict.fromkeys(("board member", "director", "non-executive director", "trustee"), "member"),
    **dict.fromkeys(("co-opted", "co-opted member", "coopted", "co opted"), "co-optee"),
}
_VALIDATOR_TAG = re.compile(r"^(function-(before|after|wrap|plain)|constrained-\w+|lax-or-strict)\[.*\]$")


def problems_from(model: type[BaseModel], errors: list[Any], source: SourceMap, prefix: PathKey = ()) -> list[Problem]:
    """One problem per distinct error pydantic found validating data read from ``source`` at ``prefix``."""
    found: dict[tuple[Any, ...], Problem] = {}
    for error in errors:
        problem = _problem(model, source, error, prefix)
        found.setdefault((problem.line, problem.column, problem.message), problem)
    # In the order they stand in the file, not the order of the schema's fields.
    return sorted(found.values(), key=lambda p: (p.line or 0, p.column or 0))


def dotted(loc: PathKey) -> str:
    """``people[0].roles[1].body``: a location as the author would point to it."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def read_as(value: Any) -> str:
    """What YAML read a value as, in plain words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return "text"


def _problem(model: type[BaseModel], source: SourceMap, error: Any, prefix: PathKey) -> Problem:
    loc: PathKey = tuple(part for part in error["loc"] if not _is_validator_tag(part))
    kind: str = error["type"]
    about_key = bool(loc) and loc[-1] == "[key]"  # pydantic's mark for an error in a mapping's key
    if about_key:
        loc = loc[:-1]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    where = dotted(loc)
    shown = _shown(value, source.raw.get((*prefix, *loc)))
    owner = _owner(model, loc)
    field = field_named(owner, str(loc[-1])) if owner is not None and loc else None
    hint: str | None = None
    position = source.locate((*prefix, *loc))
    if kind == "extra_forbidden":
        known = [info.alias or name for name, info in owner.model_fields.items()] if owner is not None else []
        key = loc[-1] if loc else "?"
        message = f"unknown key {key!r}" + (f" in {dotted(loc[:-1])}" if len(loc) > 1 else "")
        hint = _key_hint(str(key), known)
        position = source.locate((*prefix, *loc), prefer_key=True)
    elif kind == "missing":
        message = f"missing required key {loc[-1]!r}" + (f" in {dotted(loc[:-1])}" if len(loc) > 1 else "")
        hint = f"{loc[-1]}: {field.description}" if field is not None and field.description else None
        position = source.locate((*prefix, *loc[:-1]))
    elif value is None and loc:  # `key:` with nothing after it
        message = f"{where} has no value"
        hint = "write its value after the colon"
        if kind in ("model_type", "dict_type"):
            hint = "write its keys below it, indented"
        elif kind == "list_type":
            hint = "list its items below it, each starting with '- '"
        elif kind in ("literal_error", "enum"):
            hint = f"write one of {ctx.get('expected')}"
        if field is not None and not field.is_required():
            hint += ", or leave the key out"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"{where}: {shown} is not true or false"
        word = str(value).strip().lower() if isinstance(value, (str, int)) else ""
        hint = "write true or false"
        if word in YES_WORDS:
            hint = f"write {'true' if YES_WORDS[word] else 'false'} for {word}"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"{where}: {shown} is not a whole number"
    elif kind in ("float_type", "float_parsing"):
        message = f"{where}: {shown} is not a number"
    elif kind == "string_type":
        if isinstance(value, (bool, int, float, dt.date)):
            message = f"{where}: {shown} is read as {read_as(value)}, but text is expected here"
            hint = f'put it in quotes: "{shown}"'
        else:
            message = f"{where}: expected text, found {read_as(value)}"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{where}: expected a mapping of keys (key: value), found {read_as(value)}"
        hint = "write its keys below it, indented" if not isinstance(value, (list, dict)) else None
    elif kind == "list_type":
        message = f"{where}: expected a list, found {read_as(value)}"
        hint = "write each item on its own line starting with '- ', or as [a, b]"
    elif kind in ("literal_error", "enum", "is_instance_of"):
        expected = str(ctx.get("expected", ctx.get("class", "")))
        message = f"{where}: {shown} is not one of {expected}"
        choices = re.findall(r"'([^']*)'", expected)
        match = nearest(str(value), choices) if isinstance(value, str) else None
        hint = f"did you mean {match!r}?" if match else None
        meant = SAID_FOR.get(" ".join(value.lower().replace("_", " ").split())) if isinstance(value, str) else None
        if meant in choices:
            hint = f"write {meant} for {value.strip()}"
        if isinstance(value, str) and value.strip() in re.split(r", | or ", expected):
            hint = f"write it without quotes: {value.strip()}"
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": "more than", "greater_than_equal": "at least", "less_than": "less than"}
        limit = ctx.get({"greater_than": "gt", "greater_than_equal": "ge", "less_than": "lt"}.get(kind, "le"))
        message = f"{where}: {shown} is out of range; it must be {bound.get(kind, 'at most')} {limit}"
    elif kind in ("too_short", "too_long"):
        size = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        message = f"{where} needs {'at least' if kind == 'too_short' else 'at most'} {size} item(s)"
    elif kind == "string_pattern_mismatch":
        message = f"{where}: {shown} is not in the form required here"
        hint = field.description if field is not None and field.description else f"it must match {ctx.get('pattern')}"
    elif kind.startswith(("date_", "datetime_")):
        message = f"{where}: {shown} is not a date"
        hint = DATE_FORM_HINT
        if isinstance(value, str) and is_date_form(value):
            hint = f"write it without quotes: {value}"
    else:
        # Our own validators say "what is wrong; what to write": the second half is the hint.
        said = str(error["msg"]).removeprefix("Value error, ")
        message, _, hint_said = said.partition("; ")
        message = f"{dotted(loc[:-1]) if about_key else where}: {message}"
        hint = hint_said or None
        if about_key:
            position = source.locate((*prefix, *loc), prefer_key=True)
    line, column = position if position else (None, None)
    return Problem(source.file, message, line, column, hint)


def _owner(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model whose field the last part of ``loc`` names (through the root of a RootModel)."""
    if issubclass(model, RootModel):
        # model_at walks annotations; a RootModel's data is its `root` field's.
        root = cast(type[BaseModel], model.model_fields["root"].annotation)
        return model_at(root, loc) if loc else None
    return model_at(model, loc) if loc else model


def _key_hint(key: str, known: list[str]) -> str | None:
    # A key copied from a word processor may carry a non-breaking or zero-width space, which no editor shows.
    cleaned = "".join(c for c in unicodedata.normalize("NFKC", key) if unicodedata.category(c) != "Cf").strip()
    if cleaned != key and cleaned in known:
        return f"it contains an invisible or non-breaking space; retype it as {cleaned!r}"
    suggestion = did_you_mean(cleaned, known).removeprefix("; ")
    if suggestion:
        return suggestion
    return f"valid keys here: {', '.join(known)}" if known else None


def _shown(value: Any, raw: str | None) -> str:
    """A value as the author wrote it, shortened to fit a message."""
    if raw is not None:
        text = raw
    elif isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:60] + "...")
    elif isinstance(value, (dict, list)):
        return read_as(value)
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 60 else text[:60] + "..."


def _is_validator_tag(part: Any) -> bool:
    # Pydantic puts validator names ("function-before[...]") into locations; they are not keys.
    return isinstance(part, str) and bool(_VALIDATOR_TAG.match(part))
