"""Completion offers what the facts model allows at the cursor, read from indentation, even in a broken file."""

from __future__ import annotations

from lsprotocol import types

from govcheck.lsp.completion import complete

FILE = """\
format_version: 2
as_of: 2020-03-31
bodies:
  - id: board
    kind: bo
    quorum:
      minimum_present: 5
······
people:
  - id: ann
    roles:
      - body: board
        role:·
  -·
assurance_framework:
  adopted_on: no
  coverage:
    others: not covered
  broken: [
""".replace("·", " ")  # a space a line ends with, shown
LINES = FILE.splitlines()


def offered(line: int, character: int | None = None) -> dict[str, types.CompletionItem]:
    character = len(LINES[line]) if character is None else character
    return {item.label: item for item in complete(LINES, types.Position(line, character)).items}


def written(item: types.CompletionItem) -> str:
    assert isinstance(item.text_edit, types.TextEdit)
    return item.text_edit.new_text


def test_keys_of_the_mapping_under_the_cursor() -> None:
    quorum = offered(7)
    assert "minimum_share" in quorum
    assert "minimum_present" not in quorum  # already written
    assert "kind" not in quorum  # a key of the body, one level up


def test_a_new_list_item_offers_the_items_keys_required_first() -> None:
    person = offered(13)
    assert {"id", "name", "roles", "sector"} <= set(person)
    required = sorted(label for label, item in person.items() if item.detail == "required")
    assert required
    assert sorted(person, key=lambda label: person[label].sort_text or "")[: len(required)] == required


def test_a_value_is_completed_from_its_closed_vocabulary() -> None:
    assert set(offered(12)) == {"chair", "deputy-chair", "member", "co-optee", "substitute", "observer"}
    assert set(offered(4)) == {"board"}  # what is typed so far narrows it
    assert {"not found", "not known"} <= set(offered(15))  # a date as the evidence gives it


def test_a_key_for_a_block_ends_its_line_and_a_key_for_a_value_leaves_room_for_it() -> None:
    top = offered(14, 0)
    assert written(top["documents"]) == "documents:"
    assert written(offered(7)["minimum_share"]) == "minimum_share: "


def test_what_is_typed_is_replaced_whole() -> None:
    lines = ["people:", "  - id: ann", "    roles:", "      - body: board", "        role: deputy-ch"]
    (item,) = complete(lines, types.Position(4, len(lines[4]))).items
    assert isinstance(item.text_edit, types.TextEdit)
    assert item.text_edit.new_text == "deputy-chair"
    assert item.text_edit.range == types.Range(types.Position(4, 14), types.Position(4, 23))


def test_a_top_level_key_is_offered_below_a_line_that_does_not_parse() -> None:
    lines = [*LINES, ""]
    labels = {item.label for item in complete(lines, types.Position(len(lines) - 1, 0)).items}
    assert {"policies", "meetings", "documents"} <= labels
    assert "bodies" not in labels


def test_nothing_is_offered_where_the_model_has_no_such_place() -> None:
    assert offered(18) == {}
