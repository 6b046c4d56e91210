"""Table-driven tests of the check kinds about attestations, publication, yearly records and dates."""

from __future__ import annotations

from typing import Any

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.core.status import Status
from govcheck.engine.facts.records import financial_year_of
from govcheck.engine.packs.loading import load_pack
from tests.conftest import facts_from
from tests.test_check_kinds import BOARD, run

ATTESTATION = """
as_of: 2020-03-31
attestations:
  board.reflects-the-area: {attestation}
"""
MISSING = Status.MISSING_EVIDENCE
GOOD = "{judged_by: J. Judge, role: Monitoring Officer, judged_on: 2019-10-01, is_met: true, evidence: {document: d}}"


@pytest.mark.parametrize(
    ("attestation", "params", "status", "reason"),
    [
        (GOOD, {}, Status.MET, "judged met by J. Judge (Monitoring Officer) on 1 Oct 2019"),
        (GOOD.replace("is_met: true", "is_met: false, finding: no one from the east"), {}, Status.NOT_MET, "east"),
        (GOOD.replace("is_met: true, ", ""), {}, Status.MISSING_EVIDENCE, "no verdict"),
        (GOOD.replace(", evidence: {document: d}", ""), {}, Status.MISSING_EVIDENCE, "on what evidence"),
        (GOOD.replace("judged_by: J. Judge, ", ""), {}, Status.MISSING_EVIDENCE, "who judged"),
        # valid_until before the assessment date: expired, whatever the verdict.
        (GOOD.replace("is_met: true", "is_met: true, valid_until: 2020-03-30"), {}, Status.MISSING_EVIDENCE, "expired"),
        # valid until the assessment date itself: still good on that day.
        (GOOD.replace("is_met: true", "is_met: true, valid_until: 2020-03-31"), {}, Status.MET, "valid until"),
        # judged after the assessment date: it did not exist yet.
        (GOOD.replace("2019-10-01", "2020-04-01"), {}, Status.MISSING_EVIDENCE, "after the assessment date"),
        (GOOD, {"max_age": {"months": 5}}, Status.MISSING_EVIDENCE, "more than 5 months"),
        (GOOD, {"max_age": {"months": 6}}, Status.MET, "judged met"),  # 1 Oct + 6 months is 1 Apr
        (GOOD, {"max_age": {"months": 12}}, Status.MET, "judged met"),
    ],
)
def test_attested(attestation: str, params: dict[str, Any], status: Status, reason: str) -> None:
    facts = ATTESTATION.format(attestation=attestation)
    outcome = run("attested", {"subject": "board.reflects-the-area", **params}, facts)
    assert outcome.status is status
    assert reason in outcome.reason


def test_attested_absent_is_missing_evidence() -> None:
    outcome = run("attested", {"subject": "board.reflects-the-area"}, "as_of: 2020-03-31")
    assert outcome.status is Status.MISSING_EVIDENCE


def test_a_misspelt_attestation_subject_is_an_error_naming_the_one_meant() -> None:
    with pytest.raises(InputError) as error:
        facts_from(ATTESTATION.replace("board.reflects-the-area", "board.reflect-the-area").format(attestation=GOOD))
    assert "board.reflects-the-area" in str(error.value)


@pytest.mark.parametrize(
    ("document", "status"),
    [
        ("{url: u}", Status.MET),
        ("{published_on: 2019-06-01}", Status.MET),
        ("{published_on: 2020-06-01}", Status.NOT_MET),  # after the assessment date
        ("{is_in_place: false, url: u}", Status.NOT_MET),
        ("{adopted_on: 2019-06-01}", Status.MISSING_EVIDENCE),  # adopted, but not shown to be published
    ],
)
def test_published(document: str, status: Status) -> None:
    facts = f"as_of: 2020-03-31\ndocuments: {{decision_log: {document}}}"
    assert run("published", {"path": "documents.decision_log"}, facts).status is status
    assert run("published", {"path": "documents.engagement_strategy"}, facts).status is Status.MISSING_EVIDENCE


@pytest.mark.parametrize(
    ("day", "year"),
    [("2020-03-31", "2019-20"), ("2020-04-01", "2020-21"), ("2019-12-31", "2019-20"), ("1999-04-01", "1999-00")],
)
def test_financial_year_of(day: str, year: str) -> None:
    import datetime as dt

    assert financial_year_of(dt.date.fromisoformat(day)) == year


PLANS = "annual_reporting: {{delivery_plans: [{plans}]}}"


@pytest.mark.parametrize(
    ("as_of", "plans", "status", "reason"),
    [
        # Three months into 2019-20 (1 July), the 2019-20 plan is the one due.
        ("2019-07-01", "{financial_year: 2019-20, published_on: 2019-04-30}", Status.MET, "for 2019-20"),
        ("2019-07-01", "{financial_year: 2018-19, published_on: 2018-04-30}", Status.MISSING_EVIDENCE, "for 2019-20"),
        # A day earlier, last year's plan still counts.
        ("2019-06-30", "{financial_year: 2018-19, published_on: 2018-04-30}", Status.MET, "for 2018-19"),
        ("2019-07-01", "{financial_year: 2019-20, is_in_place: false}", Status.NOT_MET, "there is no"),
        ("2019-07-01", "{financial_year: 2019-20, url: u}", Status.MET, "published"),
        ("2019-07-01", "{financial_year: 2019-20}", Status.MISSING_EVIDENCE, "no date recorded"),
        ("2019-07-01", "{financial_year: 2019-20, published_on: 2019-08-01}", Status.NOT_MET, "after the assessment"),
    ],
)
def test_yearly_plan_due_after_start(as_of: str, plans: str, status: Status, reason: str) -> None:
    params = {"path": "annual_reporting.delivery_plans", "due_after": "start", "within": {"months": 3}}
    outcome = run("yearly", params, f"as_of: {as_of}\n" + PLANS.format(plans=plans))
    assert outcome.status is status
    assert reason in outcome.reason


@pytest.mark.parametrize(
    ("as_of", "year"),
    [("2020-09-30", "2019-20"), ("2020-09-29", "2018-19"), ("2020-03-31", "2018-19")],
)
def test_yearly_report_due_after_end(as_of: str, year: str) -> None:
    params = {"path": "annual_reporting.accounts", "due_after": "end", "within": {"months": 6}}
    outcome = run("yearly", params, f"as_of: {as_of}\nannual_reporting: {{accounts: []}}")
    assert outcome.status is Status.MISSING_EVIDENCE
    assert f"for {year}" in outcome.reason


def test_a_financial_year_must_be_consecutive_years() -> None:
    with pytest.raises(InputError) as error:
        facts_from("as_of: 2020-03-31\nannual_reporting: {accounts: [{financial_year: 2019-21}]}")
    assert "2019-20" in str(error.value)


LETTERS = "as_of: {as_of}\naccountable_body: {{assurance_letters: [{letters}]}}"


@pytest.mark.parametrize(
    ("as_of", "letters", "status"),
    [
        ("2020-03-31", "{year: 2020, sent_on: 2020-02-28}", Status.MET),  # on the deadline
        ("2020-03-31", "{year: 2020, sent_on: 2020-02-29}", Status.NOT_MET),  # a day late (leap year)
        ("2020-02-28", "{year: 2020}", Status.MISSING_EVIDENCE),  # due today, not recorded
        ("2020-02-27", "{year: 2019, sent_on: 2019-02-20}", Status.MET),  # the 2020 letter not yet due
        ("2020-03-31", "{year: 2019, sent_on: 2019-02-20}", Status.MISSING_EVIDENCE),
    ],
)
def test_annual_deadline(as_of: str, letters: str, status: Status) -> None:
    params = {"path": "accountable_body.assurance_letters", "month": 2, "day": 28}
    assert run("annual_deadline", params, LETTERS.format(as_of=as_of, letters=letters)).status is status


SESSIONS = "as_of: 2020-03-31\nscrutiny_sessions: [{sessions}]"


@pytest.mark.parametrize(
    ("sessions", "status"),
    [
        ("{held_on: 2019-11-12, has_lep_attended: true}", Status.MET),
        ("{held_on: 2019-03-30, has_lep_attended: true}", Status.NOT_MET),  # a year and a day
        ("{held_on: 2019-03-31, has_lep_attended: true}", Status.MET),  # exactly a year
        ("{held_on: 2019-11-12, has_lep_attended: false}", Status.NOT_MET),  # held, but the LEP was absent
        ("{held_on: 2019-11-12}", Status.MISSING_EVIDENCE),  # attendance not recorded
        ("{held_on: 2020-05-12, has_lep_attended: true}", Status.MISSING_EVIDENCE),  # after the assessment date
        ("", Status.MISSING_EVIDENCE),
    ],
)
def test_latest(sessions: str, status: Status) -> None:
    params = {
        "of": "scrutiny_sessions",
        "where": {"has_lep_attended": True},
        "date": "held_on",
        "within": {"months": 12},
    }
    assert run("latest", params, SESSIONS.format(sessions=sessions)).status is status


@pytest.mark.parametrize(
    ("date", "status"),
    [("2020-03-31", Status.MET), ("2020-04-01", Status.NOT_MET), ("2019-04-01", Status.MET)],
)
def test_date_reached(date: str, status: Status) -> None:
    assert run("date_reached", {"date": date}, "as_of: 2020-03-31").status is status


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

    from govcheck.checks import REGISTRY

    with pytest.raises(ValidationError):
        REGISTRY["count"].params.model_validate(
            {"of": "board_members", "at_least": 1, "at_most": 3, "local": "board_members_maximum"}
        )


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
