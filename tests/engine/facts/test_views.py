"""Views: the named lists of items rules go over, as they stand on the assessment date."""

from __future__ import annotations

import datetime as dt

from govcheck.engine.facts.views import VIEWS
from tests.support.facts import facts_from

FACTS = facts_from(
    """
    as_of: 2020-03-31
    bodies:
      - {id: board, name: Board, kind: board}
      - {id: panel, name: Investment Panel, kind: committee, decides_on_public_money: true}
      - {id: forum, name: Business Forum, kind: sub-group, decides_on_public_money: false}
    people:
      - {id: a, name: A. Chair, roles: [{body: board, role: chair, appointed_on: 2018-01-01}]}
      - {id: b, name: B. Gone, roles: [{body: board, appointed_on: 2018-01-01, left_on: 2019-06-30}]}
      - {id: c, name: C. Later, roles: [{body: board, appointed_on: 2020-06-01}]}
      - id: d
        name: D. Panel
        roles: [{body: panel, appointed_on: 2018-01-01}, {body: forum, appointed_on: 2018-01-01}]
    meetings:
      - {id: m1, body: board, held_on: 2020-01-15}
      - {id: m2, body: board, held_on: 2020-06-15, is_scheduled: true}
      - {id: m3, body: forum, held_on: 2020-02-01}
    """
).facts
ON = dt.date(2020, 3, 31)


def labels(view: str) -> list[str]:
    return [item.label for item in VIEWS[view].items(FACTS, ON)]


def test_board_members_are_those_seated_on_the_date() -> None:
    assert labels("board_members") == ["A. Chair (Board chair)"]


def test_decision_makers_include_deciding_committees_but_not_advisory_groups() -> None:
    found = labels("decision_makers")
    assert any("D. Panel" in label for label in found)
    assert all("Business Forum" not in label for label in found)


def test_meetings_after_the_assessment_date_are_not_yet_held() -> None:
    held = [item.value.id for item in VIEWS["meetings"].items(FACTS, ON)]
    assert held == ["m1", "m3"]
    assert [item.value.id for item in VIEWS["decision_meetings"].items(FACTS, ON)] == ["m1"]


def test_each_item_points_at_its_fact() -> None:
    first = VIEWS["meetings"].items(FACTS, ON)[0]
    assert first.path == ("meetings", 0)
