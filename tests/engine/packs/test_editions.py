"""Editions: which pack is in force when, how the editions relate, and reports naming the one used."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govcheck.cli.main import cli
from govcheck.engine.core.errors import InputError
from govcheck.engine.packs.catalogue import load_catalogue
from govcheck.engine.packs.editions import latest_pack, pack_specs
from govcheck.engine.packs.loading import RulePack, pack_in_force
from govcheck.engine.packs.pack_diff import diff_packs
from govcheck.engine.packs.requirement_coverage import rules_outside_edition
from tests.support.facts import REPO

CATALOGUE = load_catalogue()
SPECS = pack_specs()


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_editions_follow_each_other_without_gap_or_overlap() -> None:
    windows = [spec.in_force for spec in SPECS.values()]
    for earlier, later in itertools.pairwise(windows):
        assert earlier.until is not None
        assert earlier.until + dt.timedelta(days=1) == later.from_
    assert windows[-1].until == dt.date(2024, 3, 31)  # LEP core funding ceased from 1 April 2024
    assert latest_pack() == list(SPECS)[-1]


@pytest.mark.parametrize(
    ("day", "pack"),
    [
        ("2017-04-01", "naf-2016"),
        ("2019-03-31", "naf-2016"),
        ("2019-04-01", "naf-2019"),
        ("2021-08-31", "naf-2019"),
        ("2021-09-01", "naf-2021"),
        ("2024-03-31", "naf-2021"),
    ],
)
def test_the_pack_in_force_on_a_date(day: str, pack: str) -> None:
    assert pack_in_force(dt.date.fromisoformat(day)) == pack


def test_before_the_first_edition_no_pack_is_in_force() -> None:
    with pytest.raises(InputError, match="no bundled rule pack is in force on 2017-03-31"):
        pack_in_force(dt.date(2017, 3, 31))


def test_after_the_last_edition_ended_the_message_names_it_and_how_to_assess_anyway() -> None:
    with pytest.raises(InputError) as caught:
        pack_in_force(dt.date(2024, 4, 1))
    (problem,) = caught.value.problems
    assert problem.message == (
        "no bundled rule pack is in force on 2024-04-01: the last edition, naf-2021 (National Local Growth "
        "Assurance Framework, September 2021), ended on 31 Mar 2024 (government sponsorship and core funding "
        "of LEPs ceased from 1 April 2024)"
    )
    assert problem.hint == "to assess against naf-2021 anyway, name it: --pack naf-2021"


def test_check_after_the_last_edition_exits_2_at_the_facts_date_and_assesses_with_pack(tmp_path: Path) -> None:
    late = facts_file(tmp_path, "2024-06-30")
    code, out, err = invoke("check", str(late))
    assert code == 2
    assert out == ""
    assert err == (
        f"error: {late}:2:8: no bundled rule pack is in force on 2024-06-30: the last edition, naf-2021 "
        "(National Local Growth Assurance Framework, September 2021), ended on 31 Mar 2024 (government "
        "sponsorship and core funding of LEPs ceased from 1 April 2024) (to assess against naf-2021 anyway, "
        "name it: --pack naf-2021)\n"
    )
    code, _, err = invoke("check", str(late), "--as-of", "2024-04-01", "--fail-on", "never")
    assert code == 2
    assert f"error: {late}: no bundled rule pack is in force on 2024-04-01" in err
    code, out, _ = invoke("check", str(late), "--pack", "naf-2021", "--format", "json", "--fail-on", "never")
    assert code == 0
    assert json.loads(out)["assessments"][0]["pack"]["id"] == "naf-2021"
    # The rule commands take no date: the latest edition is still listed and shown.
    code, out, _ = invoke("rules", "list")
    assert code == 0
    assert "rules in naf-2021 (September 2021)" in out


def test_reports_say_under_the_edition_that_naf_2021_is_carried_forward_unverified(tmp_path: Path) -> None:
    lep = facts_file(tmp_path, "2022-03-31")
    said = "Every rule of this edition is carried forward from naf-2019 unverified"
    for format_ in ("text", "markdown", "html"):
        code, out, _ = invoke("check", str(lep), "--format", format_, "--fail-on", "never")
        assert code == 0
        assert said in out, format_
    (assessment,) = assessments(lep)
    assert assessment["pack"]["carried_forward_from"] == "naf-2019"
    (earlier,) = assessments(facts_file(tmp_path, "2020-03-31"))
    assert earlier["pack"]["carried_forward_from"] is None
    code, out, _ = invoke("check", str(facts_file(tmp_path, "2020-06-30")), "--fail-on", "never")
    assert said not in out


def test_every_edition_names_its_catalogue_edition_and_later_ones_say_what_they_assume(
    packs: dict[str, RulePack],
) -> None:
    assert {pack.spec.catalogue_edition for pack in packs.values()} == {16, 19, 21}
    for pack in packs.values():
        if pack.spec.extends:
            assert pack.spec.description, f"{pack.id} should say how it differs from {pack.spec.extends}"


@pytest.mark.parametrize("pack_id", list(SPECS))
def test_every_rule_of_an_edition_encodes_a_requirement_of_that_edition(
    packs: dict[str, RulePack], pack_id: str
) -> None:
    pack = packs[pack_id]
    misfits = rules_outside_edition(pack, CATALOGUE, pack.spec.catalogue_edition)
    # The message is the YAML to add under retire: in the pack's pack.yaml.
    assert not misfits, (
        f"these rules of {pack_id} encode no requirement of edition {pack.spec.catalogue_edition} "
        f"(by the catalogue's versions); retire them in rules/{pack_id}/pack.yaml:\n"
        + "\n".join(f"  - {rule.id}  # {', '.join(rule.spec.requirements)}" for rule in misfits)
    )


def test_naf_2016_retires_only_rules_with_no_2016_requirement(packs: dict[str, RulePack]) -> None:
    older, parent = packs["naf-2016"], packs[packs["naf-2016"].spec.extends or ""]
    for rule_id in older.spec.retire:
        requirements = [CATALOGUE.get(r) for r in parent.rule(rule_id).spec.requirements]
        assert not any(r is not None and r.applies_in(16) for r in requirements), (
            f"{rule_id} encodes a 2016 requirement: keep it in naf-2016"
        )
    # The requirements the 2019 edition dropped are encoded in naf-2016 itself.
    encoded = {r for rule in older.rules for r in rule.spec.requirements}
    assert {"BRD-06", "TRN-13"} <= encoded


def test_naf_2021_carries_2019_forward_while_the_catalogue_records_no_difference(
    packs: dict[str, RulePack],
) -> None:
    differing = [r.id for r in CATALOGUE if r.applies_in(19) != r.applies_in(21)]
    changes = diff_packs(packs["naf-2019"], packs["naf-2021"], CATALOGUE)
    if not differing:
        assert changes.unchanged, "the catalogue records no 2019/2021 difference; say why naf-2021 differs"
    assert list(changes.requirements_added) + list(changes.requirements_dropped) == sorted(
        differing, key=CATALOGUE.ids.index
    )


LEP = """\
format_version: 2
as_of: {as_of}
organisation: {{id: riverside-lep, name: Riverside LEP}}
assurance_framework:
  url: "https://riverside.example/assurance"
  coverage: {{decision-making: "3", others: not covered}}
bodies: [{{id: board, name: Riverside Board, kind: board}}]
people:
  - {{id: a, name: A. Ash, sector: private, roles: [{{body: board, appointed_on: 2016-05-01}}]}}
  - {{id: b, name: B. Birch, sector: private, roles: [{{body: board, appointed_on: 2016-05-01}}]}}
  - {{id: c, name: C. Cedar, sector: public, roles: [{{body: board, appointed_on: 2016-05-01}}]}}
"""


def facts_file(folder: Path, as_of: str) -> Path:
    path = folder / f"riverside-{as_of}.yaml"
    path.write_text(textwrap.dedent(LEP.format(as_of=as_of)))
    return path


def assessments(*paths: Path) -> list[dict]:  # type: ignore[type-arg]
    """Each file's assessment, a run each: one run holds one file per LEP; each finding with its rule's texts."""
    found = []
    for path in paths:
        code, out, err = invoke("check", str(path), "--format", "json", "--fail-on", "never")
        assert code == 0, err
        report = json.loads(out)
        for assessment in report["assessments"]:
            rules = report["rules"][assessment["pack"]["id"]]
            assessment["findings"] = [{**rules[f["rule_id"]], **f} for f in assessment["findings"]]
            found.append(assessment)
    return found


def test_the_same_lep_either_side_of_april_2019_is_assessed_under_each_edition(tmp_path: Path) -> None:
    before, after = facts_file(tmp_path, "2019-03-31"), facts_file(tmp_path, "2019-04-01")
    old, new = assessments(before, after)
    assert (old["pack"]["id"], old["pack"]["edition"]) == ("naf-2016", "November 2016")
    assert (new["pack"]["id"], new["pack"]["edition"]) == ("naf-2019", "January 2019")
    old_findings = {f["rule_id"]: f for f in old["findings"]}
    new_findings = {f["rule_id"]: f for f in new["findings"]}
    # Two of three from business: at least half, as the 2016 edition asked; a rule the 2019 one dropped.
    assert old_findings["board.business-at-least-half"]["status"] == "met"
    assert old_findings["board.business-at-least-half"]["requirements"] == ["BRD-06"]
    assert "board.business-at-least-half" not in new_findings
    # The access-to-information arrangements: a 2016 requirement the framework only half covers.
    assert old_findings["transparency.framework-follows-access-to-information-rules"]["status"] == "partial"
    # Rules of requirements first made in 2019 apply only after the change.
    first_in_2019 = {rule_id for rule_id in new_findings if rule_id not in old_findings}
    assert first_in_2019
    for rule_id in first_in_2019:
        assert not any(CATALOGUE.get(r).applies_in(16) for r in new_findings[rule_id]["requirements"])  # type: ignore[union-attr]
    for finding in old["findings"]:
        assert any(CATALOGUE.get(r).applies_in(16) for r in finding["requirements"]), finding["rule_id"]  # type: ignore[union-attr]


def test_the_same_lep_either_side_of_the_2021_revision_and_the_report_names_the_edition(tmp_path: Path) -> None:
    before, after = facts_file(tmp_path, "2021-08-31"), facts_file(tmp_path, "2021-09-01")
    old, new = assessments(before, after)
    assert old["pack"]["id"] == "naf-2019"
    assert new["pack"]["id"] == "naf-2021"
    assert [f["rule_id"] for f in old["findings"]] == [f["rule_id"] for f in new["findings"]]
    for path, edition in ((before, "January 2019 (naf-2019)"), (after, "September 2021 (naf-2021)")):
        code, out, _ = invoke("check", str(path), "--fail-on", "never")
        assert code == 0
        assert f"against National Local Growth Assurance Framework, {edition}" in out


def test_pack_overrides_the_date(tmp_path: Path) -> None:
    (assessment,) = assessments(facts_file(tmp_path, "2018-06-30"))
    assert assessment["pack"]["id"] == "naf-2016"
    code, out, _ = invoke("check", str(facts_file(tmp_path, "2018-07-31")), "--pack", "naf-2019", "--format", "json")
    assert code in (0, 1)
    assert json.loads(out)["assessments"][0]["pack"]["id"] == "naf-2019"


def test_the_bundled_example_frameworks_are_assessed_under_the_edition_of_their_date() -> None:
    files = sorted((REPO / "frameworks").glob("*.yaml"))
    for found in assessments(*files):
        as_of = dt.date.fromisoformat(found["as_of"])
        window = SPECS[found["pack"]["id"]].in_force
        assert window.covers(as_of), (found["organisation"]["id"], found["pack"]["id"])
    dates = {yaml.safe_load(f.read_text())["as_of"] for f in files}
    assert all(dt.date(2019, 4, 1) <= day <= dt.date(2021, 8, 31) for day in dates)  # all in naf-2019's time


def test_a_new_facts_file_is_dated_where_an_edition_can_assess_it() -> None:
    from govcheck.engine.packs.editions import last_day_assessable

    assert last_day_assessable(dt.date(2020, 6, 1)) == dt.date(2020, 6, 1)  # an edition in force that day
    assert last_day_assessable(dt.date(2026, 11, 28)) == dt.date(2024, 3, 31)  # every edition has ended
