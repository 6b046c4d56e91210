"""`govcheck init` writes a facts file with no traps: every key a rule reads, each section's worked example
commented out, and every example valid once uncommented.

An example is a run of indented comment lines (prose comments start at column 0); a user
uncomments it by removing the `# ` after its indent, as an editor's "toggle comment" does.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Any

from pydantic import BaseModel

from govcheck.checks import REGISTRY
from govcheck.checks.where import Where
from govcheck.engine.core import paths
from govcheck.engine.core.errors import InputError
from govcheck.engine.facts.blocks import Fact
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.facts.model import Facts, LocalCommitments
from govcheck.engine.facts.template import facts_template
from govcheck.engine.facts.views import VIEWS
from govcheck.engine.packs.checktree import CheckNode, path_base
from govcheck.engine.packs.loading import available_packs, load_pack

Key = tuple[type[BaseModel], str]


def key(model: type[BaseModel], name: str) -> Key:
    """A key as (the facts model that declares it, its name): a policy's url is any document's url."""
    declaring = next(c for c in model.__mro__ if name in getattr(c, "__annotations__", {}))
    return declaring, name


def _element(annotation: Any) -> Any:
    current = paths.strip(annotation)
    while typing.get_origin(current) is list:
        current = paths.strip(typing.get_args(current)[0])
    return current


def keys_on_path(model: type[BaseModel], path: str) -> set[Key]:
    """The facts keys a path reads: each key on the way, and every key of a record it leads to as a whole
    (a check given a policy reads its dates, address and coverage)."""
    found: set[Key] = set()
    current: Any = model
    for part in paths.split(path):
        current = _element(current)
        if not paths.is_model(current) or part not in current.model_fields:
            return found
        if issubclass(current, Fact):  # a view's own joins (a membership's person) are not keys of a file
            found.add(key(current, part))
        current = current.model_fields[part].annotation
    leaf = _element(current)
    if path and paths.is_model(leaf) and issubclass(leaf, Fact) and leaf is not Facts:
        found |= {key(leaf, name) for name in leaf.model_fields}
    return found


def keys_node_reads(node: CheckNode, subject: type[BaseModel]) -> set[Key]:
    found: set[Key] = set()
    if node.each is not None:
        subject = VIEWS[node.each].item_model
    if node.where is not None:
        for path in node.where.root:
            found |= keys_on_path(subject, path)
    if node.params is not None:
        for name, spec in REGISTRY[node.kind].path_fields.items():
            value = getattr(node.params, name)
            base = path_base(node.params, spec, subject)
            for path in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(path, str) and base is not None:
                    found |= keys_on_path(base, path)
        for name in type(node.params).model_fields:
            value = getattr(node.params, name)
            if name == "local" and value is not None:  # checks/dates.py LocalCommitment: a local_commitments key
                found.add(key(LocalCommitments, value))
            if isinstance(value, Where):
                of = getattr(node.params, "of", None)
                for path in value.root:
                    found |= keys_on_path(VIEWS[of].item_model if of in VIEWS else subject, path)
    for child in node.children:
        found |= keys_node_reads(child, subject)
    return found


def keys_rules_read() -> set[Key]:
    """Every facts key a rule of a bundled pack reads, in its check, its applies_when or their filters."""
    found: set[Key] = set()
    for name in available_packs():
        for rule in load_pack(name).rules:
            for node in (rule.check, rule.applies_when):
                if node is not None:
                    found |= keys_node_reads(node, Facts)
    return found


AS_OF = dt.date(2020, 3, 31)
# An example is a run of indented comment lines; a `# ` at column 0 is prose.
EXAMPLE_LINE = re.compile(r"^(?P<indent>[ ]+)# ?(?P<yaml>.*)$")


def template() -> str:
    return facts_template("Example LEP", AS_OF)


def example_blocks(text: str) -> list[range]:
    """The line numbers of each example: runs of indented comment lines."""
    blocks: list[range] = []
    lines = text.splitlines()
    start = None
    for number, line in enumerate([*lines, ""]):
        if EXAMPLE_LINE.match(line):
            start = number if start is None else start
        elif start is not None:
            blocks.append(range(start, number))
            start = None
    return blocks


def uncommented(text: str, blocks: list[range]) -> str:
    """``text`` with the examples of ``blocks`` uncommented, as an editor's toggle-comment does."""
    lines = text.splitlines()
    for block in blocks:
        for number in block:
            match = EXAMPLE_LINE.match(lines[number])
            assert match is not None
            lines[number] = match["indent"] + match["yaml"]
    return "\n".join(lines) + "\n"


def keys_written(value: Any) -> set[Key]:
    """Every facts key a validated value sets, as the model reads it (`quorum: not found` sets is_set)."""
    found: set[Key] = set()
    if isinstance(value, (list, tuple)):
        for item in value:
            found |= keys_written(item)
    elif isinstance(value, dict):
        for item in value.values():
            found |= keys_written(item)
    elif isinstance(value, Fact):
        for name in value.model_fields_set:
            found.add(key(type(value), name))
            found |= keys_written(getattr(value, name))
    return found


def test_every_example_uncommented_with_the_people_it_names_is_a_valid_file() -> None:
    text = template()
    blocks = example_blocks(text)
    assert len(blocks) >= 20  # one per section at least
    people = next(block for block in blocks if text.splitlines()[block.start].strip().startswith("# - id: jsmith"))
    for block in blocks:
        lines = text.splitlines()[block.start : block.stop]
        try:
            parse_facts(uncommented(text, sorted({block, people}, key=lambda b: b.start)), "uncommented.yaml")
        except InputError as error:
            raise AssertionError(f"the example at line {block.start + 1} ({lines[0].strip()}):\n{error}") from None


def test_the_file_with_every_example_uncommented_is_valid_and_has_no_empty_list_trap() -> None:
    text = template()
    parse_facts(uncommented(text, example_blocks(text)), "uncommented.yaml")
    # `people: []` with its example below would be a list and an indented item at once: an error.
    assert not re.search(r"^[a-z_]+: \[\]", text, flags=re.M)


def test_the_template_writes_every_key_a_rule_reads() -> None:
    text = template()
    written = keys_written(parse_facts(uncommented(text, example_blocks(text)), "uncommented.yaml").facts)
    read = keys_rules_read()
    assert len(read) > 100
    missing = sorted(f"{model.__name__}.{name}" for model, name in read - written)
    assert missing == [], "keys rules read that `govcheck init` does not write (engine/facts/facts-template.yaml)"


def test_a_new_init_file_is_valid_as_it_stands() -> None:
    facts_file = parse_facts(template(), "example-lep.yaml")
    assert facts_file.facts.organisation.id == "example-lep"
    assert facts_file.facts.as_of == AS_OF
    assert not facts_file.facts.meetings_recorded  # left for the user: not recorded, rather than none held


def test_the_first_lines_say_how_to_point_an_editor_at_the_schema() -> None:
    head = template().splitlines()[:8]
    assert any("yaml-language-server: $schema=facts-schema.json" in line for line in head)
    assert any("govcheck schema > facts-schema.json" in line for line in head)
