"""Table-driven tests of the check kinds yearly, annual_deadline, latest and date_reached, and of financial years."""

from __future__ import annotations

import datetime as dt

import pytest

from govcheck.engine.core.errors import InputError
from govcheck.engine.core.status import Status
from govcheck.engine.facts.records import financial_year_of
from tests.support.checks import LETTERS, PLANS, SESSIONS, run
from tests.support.facts import facts_from


@pytest.mark.parametrize(
    ("day", "year"),
    [("2020-03-31", "2019-20"), ("2020-04-01", "2020-21"), ("2019-12-31", "2019-20"), ("1999-04-01", "1999-00")],
)
def test_financial_year_of(day: str, year: str) -> None:

    assert financial_year_of(dt.date.fromisoformat(day)) == year


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


@pytest.mark.parametrize(
    ("sessions", "status"),
    [
        ("{held_on: 2019-11-12, has_lep_attended: true}", Status.MET),
        ("{held_on: 2019-03-30, has_lep_attended: true}", Status.NOT_MET),  # a year and a day
        ("{held_on: 2019-03-31, has_lep_attended: true}", Status.MET),  # exactly a year
        ("{held_on: 2019-11-12, has_lep_attended: false}", Status.NOT_MET),  # held, but the LEP was absent
        ("{held_on: 2019-11-12}", Status.MISSING_EVIDENCE),  # attendance not recorded
        # An old attended session, then a recent one whose attendance is not recorded: it may be the next.
        ("{held_on: 2019-01-10, has_lep_attended: true}, {held_on: 2019-11-12}", Status.MISSING_EVIDENCE),
        (
            "{held_on: 2019-01-10, has_lep_attended: true}, {held_on: 2019-11-12, has_lep_attended: false}",
            Status.NOT_MET,
        ),
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
