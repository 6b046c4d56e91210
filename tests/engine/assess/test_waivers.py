"""Waivers: a valid one turns a gap into waived and touches nothing else; expired, unused and expiring ones are told."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govcheck.engine.assess.evaluate import Context, evaluate
from govcheck.engine.assess.waivers import EXPIRY_WARNING_WORKING_DAYS, parse_waivers
from govcheck.engine.calendar import WorkingCalendar
from govcheck.engine.core.days import LAST_DAY
from govcheck.engine.core.errors import MAX_PROBLEMS_SHOWN, InputError
from govcheck.engine.core.identity import identity, mixed_scripts
from govcheck.engine.core.results import WaiverRecord
from govcheck.engine.core.status import Status
from govcheck.engine.facts.loader import parse_facts
from govcheck.engine.packs.loading import load_pack
from tests.support.ci import AFTER, BEFORE, JSMITH, KLEE, assess, run, statuses, waiver, waiver_yaml
from tests.support.strategies import AS_OF, facts_data, names, written_differently

BOARD_REGISTERS = "registers.board-members-published"
WHISTLEBLOWING = "whistleblowing.policy-published-and-reviewed"
ON_TIME = "registers.published-within-28-days"


def test_a_rule_waiver_turns_that_gap_into_waived_and_nothing_else() -> None:
    plain = assess(BEFORE)
    waived = assess(BEFORE, waiver_yaml(waiver(WHISTLEBLOWING)))
    before, after = statuses(plain), statuses(waived)
    assert before[WHISTLEBLOWING] == "not_met"
    assert after[WHISTLEBLOWING] == "waived"
    assert {k: v for k, v in after.items() if k != WHISTLEBLOWING} == {
        k: v for k, v in before.items() if k != WHISTLEBLOWING
    }
    finding = next(f for f in waived.findings if f.rule_id == WHISTLEBLOWING)
    assert finding.status_before_waiver is Status.NOT_MET
    assert finding.waivers[0].approved_by == "S. Officer"
    (state,) = waived.waivers
    assert (state.state, state.covered) == ("applied", ("*",))


@pytest.mark.parametrize("item", [JSMITH, "jsmith"], ids=["by label", "by id"])
def test_an_item_waiver_covering_the_only_failing_item_waives_the_finding(item: str) -> None:
    assessment = assess(BEFORE, waiver_yaml(waiver(BOARD_REGISTERS, item)))
    finding = next(f for f in assessment.findings if f.rule_id == BOARD_REGISTERS)
    assert finding.status is Status.WAIVED
    assert [i.status for i in finding.items if i.label == JSMITH] == [Status.WAIVED]
    assert assessment.waivers[0].covered == (JSMITH,)


def test_an_item_waiver_leaves_the_other_failing_items_failing() -> None:
    # After: J. Smith's register went online late and K. Lee has none; only K. Lee is waived.
    assessment = assess(AFTER, waiver_yaml(waiver(ON_TIME, "klee", expires="2020-12-31")))
    plain = next(f for f in assess(AFTER).findings if f.rule_id == ON_TIME)
    finding = next(f for f in assessment.findings if f.rule_id == ON_TIME)
    assert finding.status is plain.status
    assert finding.is_gap
    assert {i.label: i.status for i in finding.items}[KLEE] is Status.WAIVED
    assert [i.label for i, _ in finding.failing_items] == [JSMITH]
    assert assessment.waivers[0].state == "applied"


def test_a_waiver_never_waives_a_met_rule_and_is_reported_unused() -> None:
    assessment = assess(BEFORE, waiver_yaml(waiver("complaints.policy-published-and-reviewed")))
    assert statuses(assessment) == statuses(assess(BEFORE))
    assert assessment.waivers[0].state == "unused"


def test_an_expired_waiver_stops_applying_and_is_reported() -> None:
    assessment = assess(BEFORE, waiver_yaml(waiver(WHISTLEBLOWING, expires="2020-03-30")))
    assert statuses(assessment)[WHISTLEBLOWING] == "not_met"
    assert assessment.waivers[0].state == "expired"


def test_a_waiver_still_applies_on_its_expiry_date() -> None:
    assessment = assess(BEFORE, waiver_yaml(waiver(WHISTLEBLOWING, expires="2020-03-31")))
    assert statuses(assessment)[WHISTLEBLOWING] == "waived"
    assert assessment.waivers[0].expiring


def test_a_waiver_granted_after_the_assessment_date_does_not_apply_yet() -> None:
    assessment = assess(BEFORE, waiver_yaml(waiver(WHISTLEBLOWING, granted="2020-04-01")))
    assert statuses(assessment)[WHISTLEBLOWING] == "not_met"
    assert assessment.waivers[0].state == "not_yet_granted"


@pytest.mark.parametrize(
    ("expires", "expiring", "left"),
    [
        # 31 Mar 2020 + 20 working days, skipping Good Friday and Easter Monday, is Thursday 30 April.
        ("2020-04-30", True, 20),
        ("2020-05-01", False, 21),
        ("2020-04-09", True, 7),
    ],
)
def test_waivers_within_20_working_days_of_expiry_are_flagged(expires: str, expiring: bool, left: int) -> None:
    assert EXPIRY_WARNING_WORKING_DAYS == 20
    (state,) = assess(BEFORE, waiver_yaml(waiver(WHISTLEBLOWING, expires=expires))).waivers
    assert (state.state, state.expiring, state.working_days_left) == ("applied", expiring, left)


def test_a_waiver_may_run_to_the_last_date_govcheck_works_with() -> None:
    (state,) = assess(BEFORE, waiver_yaml(waiver(WHISTLEBLOWING, expires=str(LAST_DAY)))).waivers
    assert (state.state, state.expiring) == ("applied", False)
    assert state.working_days_left is not None
    assert state.working_days_left > 250 * 79


def test_a_waiver_that_never_expires_is_refused_with_what_to_write() -> None:
    (problem,) = problems(waiver_yaml(waiver(WHISTLEBLOWING, expires="9999-12-31")))
    assert problem == (
        "waivers.yaml:9:17: waivers[0].expires_on: 9999-12-31 is outside the dates govcheck works with "
        "(1990-01-01 to 2099-12-31) (a waiver lasts for a time: give the date it is to be reviewed by, "
        "2099-12-31 at the latest)"
    )


def test_the_cli_applies_waivers_and_reports_expired_unused_and_expiring(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        waiver_yaml(
            waiver(WHISTLEBLOWING, expires="2020-04-20"),
            waiver(BOARD_REGISTERS, "jsmith", expires="2020-03-01"),
            waiver("complaints.policy-published-and-reviewed"),
            waiver(WHISTLEBLOWING, lep="another-lep"),
        )
    )
    result = run("check", str(BEFORE), "--waivers", str(waivers), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (finding,) = [f for f in report["assessments"][0]["findings"] if f["rule_id"] == WHISTLEBLOWING]
    assert (finding["status"], finding["status_before_waiver"]) == ("waived", "not_met")
    assert finding["waivers"][0]["justification"] == "A new member's register is being prepared"
    states = [(s["waiver"]["rule_id"], s["state"], s["expiring"]) for s in report["assessments"][0]["waivers"]]
    assert states == [
        (WHISTLEBLOWING, "applied", True),
        (BOARD_REGISTERS, "expired", False),
        ("complaints.policy-published-and-reviewed", "unused", False),
    ]
    stderr = result.stderr
    assert f"{waivers}:3: warning: waiver of {WHISTLEBLOWING} for riverside-lep expires on 2020-04-20" in stderr
    assert (
        f"{waivers}:10: warning: waiver of {BOARD_REGISTERS} for riverside-lep / jsmith expired on 2020-03-01" in stderr
    )
    assert "waiver of complaints.policy-published-and-reviewed for riverside-lep matches no gap" in stderr
    assert "for another-lep matches no LEP assessed (unused)" in stderr


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        parse_waivers(text, "waivers.yaml")
    return [str(p) for p in caught.value.problems]


def test_the_approver_must_not_be_the_requester() -> None:
    (problem,) = problems(waiver_yaml(waiver(WHISTLEBLOWING, requested_by="S. Officer", approved_by="s.  officer")))
    assert problem.startswith("waivers.yaml:7:")
    assert "approved by the person who requested it" in problem


@pytest.mark.parametrize(
    ("approver", "said"),
    [
        ("S.\u200b Officer", "is approved by the person who requested it ('S.\\u200b Officer' is 'S. Officer' written"),
        (
            "Ｓ. Ｏｆｆｉｃｅｒ",
            "is approved by the person who requested it ('Ｓ. Ｏｆｆｉｃｅｒ' is 'S. Officer' written",
        ),
        ("S. Оfficer", "approved_by: 'S. Оfficer' mixes Latin and Cyrillic letters ('О' is CYRILLIC CAPITAL LETTER O)"),
        ("\u2060", "approved_by: '\\u2060' has no visible letters"),
    ],
    ids=["zero-width space", "full-width", "cyrillic look-alike", "nothing visible"],
)
def test_the_approver_is_not_the_requester_written_differently(approver: str, said: str) -> None:
    (problem,) = problems(waiver_yaml(waiver(WHISTLEBLOWING, requested_by="S. Officer", approved_by=f'"{approver}"')))
    assert problem.startswith("waivers.yaml:7:")
    assert said in problem


def _quoted(name: str) -> str:
    """Any name as a YAML double-quoted string, every character not shown as itself escaped."""
    escaped = (c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in name)
    return '"' + "".join(escaped) + '"'


def _waiver_by(requested_by: str, approved_by: str) -> str:
    return waiver_yaml(waiver(WHISTLEBLOWING, requested_by=_quoted(requested_by), approved_by=_quoted(approved_by)))


@settings(max_examples=200, deadline=None)
@given(st.data(), names)
def test_any_name_written_differently_cannot_approve_its_own_request(data: st.DataObject, name: str) -> None:
    other = data.draw(written_differently(name))
    with pytest.raises(InputError) as caught:
        parse_waivers(_waiver_by(name, other), "waivers.yaml")
    assert any(p.line in (6, 7) for p in caught.value.problems)


@settings(max_examples=200, deadline=None)
@given(names, names)
def test_two_names_a_reader_tells_apart_are_two_people(requester: str, approver: str) -> None:
    readable = all(identity(n) and mixed_scripts(n) is None for n in (requester, approver))
    if readable and identity(requester) != identity(approver):
        parse_waivers(_waiver_by(requester, approver), "waivers.yaml")
    else:
        with pytest.raises(InputError):
            parse_waivers(_waiver_by(requester, approver), "waivers.yaml")


def test_expiry_must_follow_the_grant() -> None:
    (problem,) = problems(waiver_yaml(waiver(WHISTLEBLOWING, granted="2020-05-01", expires="2020-04-01")))
    assert problem.startswith("waivers.yaml:9:")
    assert "expires on 2020-04-01 but was granted on 2020-05-01" in problem


def test_waiver_files_are_schema_checked_with_located_messages() -> None:
    text = waiver_yaml(waiver(WHISTLEBLOWING)).replace("justification:", "justifcation:")
    found = problems(text)
    assert "waivers.yaml:5:5: unknown key 'justifcation' in waivers[0] (did you mean 'justification'?)" in found
    assert any("missing required key 'justification'" in p for p in found)
    assert any("format_version" in p for p in problems("format_version: 2\nwaivers: []\n"))
    assert any("rule" in p for p in problems(waiver_yaml(waiver("Not A Rule"))))
    duplicate = problems(waiver_yaml(waiver(WHISTLEBLOWING), waiver(WHISTLEBLOWING)))
    assert any("covers the same rule and scope as waivers[0]" in p for p in duplicate)


def test_a_bad_waiver_file_is_exit_2_with_the_location(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(waiver(WHISTLEBLOWING, requested_by="S. Officer")))
    result = run("check", str(BEFORE), "--waivers", str(waivers))
    assert result.exit_code == 2
    assert f"error: {waivers}:7:" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_of_many_bad_waivers_is_refused_in_a_screenful(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    many = [waiver(WHISTLEBLOWING, lep=f"lep-{n}", requested_by="S. Officer") for n in range(3000)]
    waivers.write_text(waiver_yaml(*many))
    result = run("check", str(BEFORE), "--waivers", str(waivers))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == (
        f"error: {waivers}: and {3000 - MAX_PROBLEMS_SHOWN:,} more problems (fix those above first; they often cause "
        "the rest)"
    )


def test_warnings_about_many_waivers_are_told_in_a_screenful(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(waiver_yaml(*(waiver(WHISTLEBLOWING, lep=f"lep-{n}") for n in range(3000))))
    result = run("check", str(BEFORE), "--waivers", str(waivers), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(waivers))]
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[0] == f"{waivers}:3: warning: waiver of {WHISTLEBLOWING} for lep-0 matches no LEP assessed (unused)"
    assert lines[-1] == f"{waivers}: and {3000 - MAX_PROBLEMS_SHOWN:,} more warnings and notes about waivers"


# --- waiver isolation, for any facts and any waivers -------------------------------------------

PACK = load_pack("naf-2019")
CALENDAR = WorkingCalendar()
ITEM_NAMES = ["p0", "p1", "m0", "Person 0 (Board member)", "Person 1 (Board chair)", "Board, 1 Jan 2019"]


@st.composite
def waiver_records(draw: st.DrawFn) -> tuple[WaiverRecord, ...]:
    records = []
    for _ in range(draw(st.integers(0, 6))):
        granted = draw(st.dates(dt.date(2019, 1, 1), AS_OF))
        records.append(
            WaiverRecord(
                rule_id=draw(st.sampled_from([r.id for r in PACK.rules])),
                lep=draw(st.sampled_from(["gen-lep", "other-lep"])),
                item=draw(st.none() | st.sampled_from(ITEM_NAMES)),
                justification="accepted for now",
                requested_by="A",
                approved_by="B",
                granted_on=granted,
                expires_on=draw(st.dates(granted + dt.timedelta(days=1), dt.date(2021, 1, 1))),
                file="waivers.yaml",
                line=None,
            )
        )
    return tuple(records)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts_data(), waiver_records())
def test_waivers_never_change_a_non_gap_nor_a_finding_they_do_not_match(
    data: dict[str, Any], waivers: tuple[WaiverRecord, ...]
) -> None:
    facts_file = parse_facts(yaml.safe_dump(data, sort_keys=False), "generated.yaml")
    plain = evaluate(PACK, facts_file, Context(None, CALENDAR))
    waived = evaluate(PACK, facts_file, Context(None, CALENDAR, waivers))
    in_force = [w for w in waivers if w.lep == "gen-lep" and w.granted_on <= AS_OF <= w.expires_on]
    for before, after in zip(plain.findings, waived.findings, strict=True):
        matching = [w for w in in_force if w.rule_id == before.rule_id]
        if not before.is_gap or not matching:
            assert after == before
        else:
            assert after.status in (before.status, Status.WAIVED)
            assert [i.label for i in after.items] == [i.label for i in before.items]
            for old, new in zip(before.items, after.items, strict=True):
                assert new.status in (old.status, Status.WAIVED)
                assert new.status is old.status or old.status.is_gap
    applied = {s.waiver for s in waived.waivers if s.state == "applied"}
    changed_rules = {a.rule_id for a, b in zip(waived.findings, plain.findings, strict=True) if a != b}
    assert {w.rule_id for w in applied} == changed_rules
