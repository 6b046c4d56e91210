"""Table-driven tests of the check kinds count and share, on small facts."""

from __future__ import annotations

from typing import Any

import pytest

from govcheck.checks import REGISTRY
from govcheck.engine.core.status import Status
from tests.support.checks import BOARD, MISSING, run


@pytest.mark.parametrize(
    ("params", "status", "reason"),
    [
        # D left the board in 2019, so three members count: A and B private.
        ({"of": "board_members", "where": {"person.sector": "private"}, "at_least": "2/3"}, Status.MET, "2 of 3"),
        ({"of": "board_members", "where": {"person.sector": "private"}, "at_least": "3/4"}, Status.NOT_MET, "2 of 3"),
        # B's gender is unknown: 1 or 2 women of 3 could each pass or fail a one-half bound.
        (
            {"of": "board_members", "where": {"person.gender": "woman"}, "at_least": "1/2"},
            Status.MISSING_EVIDENCE,
            "1 unknown",
        ),
        ({"of": "board_members", "where": {"person.gender": "woman"}, "at_least": "1/3"}, Status.MET, "1 of 3"),
    ],
)
def test_share(params: dict[str, Any], status: Status, reason: str) -> None:
    outcome = run("share", params, BOARD)
    assert outcome.status is status
    assert reason in outcome.reason


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"of": "board_members", "at_most": 3}, Status.MET),
        ({"of": "board_members", "at_most": 2}, Status.NOT_MET),
        ({"of": "board_members", "where": {"role.role": "chair"}, "at_least": 1, "at_most": 1}, Status.MET),
        ({"of": "board_members", "where": {"role.role": "deputy-chair"}, "at_least": 1}, Status.NOT_MET),
    ],
)
def test_count(params: dict[str, Any], status: Status) -> None:
    assert run("count", params, BOARD).status is status


@pytest.mark.parametrize(
    ("params", "local", "status"),
    [
        # Three current members (D left). A local maximum of 2 tightens a national 20...
        ({"of": "board_members", "at_most": 20, "local": "board_members_maximum"}, 2, Status.NOT_MET),
        # ...and a local 30 never loosens a national 2.
        ({"of": "board_members", "at_most": 2, "local": "board_members_maximum"}, 30, Status.NOT_MET),
        ({"of": "board_members", "at_most": 20, "local": "board_members_maximum"}, None, Status.MET),
    ],
)
def test_count_local_commitment_only_tightens(params: dict[str, Any], local: int | None, status: Status) -> None:
    facts = BOARD + (f"local_commitments: {{board_members_maximum: {local}}}\n" if local is not None else "")
    assert run("count", params, facts).status is status


@pytest.mark.parametrize(
    ("where", "status"),
    [
        # A is the only known woman; B's gender is unknown, so "at least 2" could go either way.
        ({"person.gender": "woman"}, Status.MISSING_EVIDENCE),
        # Only A and C are known private or public; B's sector is unknown but cannot lower a count already met.
        ({"person.sector": "private"}, Status.MET),
    ],
)
def test_count_with_unknown_members(where: dict[str, Any], status: Status) -> None:
    assert run("count", {"of": "board_members", "where": where, "at_least": 2}, BOARD).status is status


def test_count_local_needs_one_bound() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        REGISTRY["count"].params.model_validate(
            {"of": "board_members", "at_least": 1, "at_most": 3, "local": "board_members_maximum"}
        )


@pytest.mark.parametrize(
    ("kind", "params", "status"),
    [
        # Two of three listed members are private; with the list known to be partial, neither
        # a maximum nor a share can be decided, but a minimum already reached still holds.
        ("count", {"of": "board_members", "at_most": 20}, Status.MISSING_EVIDENCE),
        ("count", {"of": "board_members", "where": {"role.role": "deputy-chair"}, "at_least": 1}, MISSING),
        ("count", {"of": "board_members", "where": {"role.role": "chair"}, "at_least": 1}, Status.MET),
        ("share", {"of": "board_members", "where": {"person.sector": "private"}, "at_least": "1/2"}, MISSING),
    ],
)
def test_a_partly_listed_board_is_not_counted_as_the_whole(kind: str, params: dict[str, Any], status: Status) -> None:
    partial = BOARD.replace("kind: board,", "kind: board, is_membership_complete: false,")
    assert run(kind, params, partial).status is status
    assert run(kind, params, BOARD).status is not Status.MISSING_EVIDENCE
