"""Check trees: the paths and parameters a rule names are checked against the facts schema when it loads."""

from __future__ import annotations

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.packs.loading import load_pack


def test_paths_relative_to_a_list_or_a_view_are_checked_at_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "mini"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "id: mini\ntitle: Mini\nedition: t\npublisher: p\npublished_on: 2019-01-01\n"
        "in_force: {from: 2019-01-01}\ntopics: {t: T}\n"
    )
    (pack / "rules.yaml").write_text(
        """
- id: t.yearly
  title: T
  topic: t
  requirements: [ANN-01]
  basis: V
  severity: low
  obligation: must
  cite: {document: NAF19}
  check: {yearly: {path: annual_reporting.delivery_plans, on: publshed_on, due_after: start, within: {months: 3}}}
  remediation: r
- id: t.latest
  title: T
  topic: t
  requirements: [SCR-02]
  basis: V
  severity: low
  obligation: must
  cite: {document: NAF19}
  check: {latest: {of: scrutiny_sessions, date: held, within: {months: 12}}}
  remediation: r
- id: t.list
  title: T
  topic: t
  requirements: [ACB-01]
  basis: V
  severity: low
  obligation: must
  cite: {document: NAF19}
  check: {annual_deadline: {path: accountable_body.agreement, month: 2, day: 28}}
  remediation: r
"""
    )
    with pytest.raises(InputError) as error:
        load_pack(pack)
    text = str(error.value)
    assert "publshed_on" in text
    assert "published_on" in text
    assert "'held'" in text
    assert "held_on" in text
    assert "does not lead to a list of AssuranceLetter" in text
