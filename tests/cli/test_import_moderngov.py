"""``govcheck import moderngov`` as a user runs it: against a recorded site on the loopback address, then checked."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govcheck.cli.main import cli
from tests.support.moderngov import RecordedService, Reply, serve, unused_port

BOARD = "northshire-enterprise-partnership-board"


@pytest.fixture
def site() -> Iterator[RecordedService]:
    yield from serve(RecordedService())


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def pull(site: RecordedService, *args: str) -> tuple[int, str, str]:
    return invoke(
        "import", "moderngov", site.url, "--committee", "412", "--interval", "0", "--retries", "1", *args
    )  # fmt: skip


def test_the_meetings_read_are_a_facts_file_govcheck_checks(site: RecordedService, tmp_path: Path) -> None:
    out = tmp_path / "meetings.yaml"
    code, _, err = pull(
        site, "--from", "2019-04-01", "--to", "2020-06-30", "--as-of", "2020-03-31", "--lep", "Northshire LEP",
        "-o", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "read 5 meetings of Northshire Enterprise Partnership Board (2019-04-01 to 2020-06-30)" in err
    assert "note: left out the meeting of 2019-12-12" in err
    assert "Cancelled" in err
    facts = yaml.safe_load(out.read_text())
    meetings = facts["meetings"]
    assert [m["held_on"].isoformat() for m in meetings] == ["2019-06-20", "2019-09-19", "2020-03-19", "2020-06-18"]
    for meeting in meetings:  # every meeting names the page it was read from
        assert meeting["evidence"]["url"].startswith(f"{site.url}/ieListDocuments.aspx?CId=412&MId=")
    june = meetings[0]
    assert june["attendance"] == ["jane-smith", "david-lee", "peter-brown", "amira-khan", "tom-green", "ruth-hall"]
    assert june["apologies"] == ["mary-o-neill"]
    assert june["in_attendance"] == ["Sarah Jones", "Mark Patel"]
    assert [(d["person"], d["item"], d.get("has_withdrawn")) for d in june["declarations"]] == [
        ("peter-brown", "6", True),
        ("amira-khan", "5", None),
    ]
    assert june["confidential_items"][0]["reason"].startswith("Schedule 12A paragraph 3 ")
    assert june["minutes_approved_on"].isoformat() == "2019-09-19"  # as the September minutes record
    for left_out in ("papers_published_on", "draft_minutes_published_on", "final_minutes_published_on"):
        assert all(left_out not in meeting for meeting in meetings)
    assert meetings[1]["declarations"] == []  # "There were no declarations of interest."
    assert "declarations" not in meetings[2]  # its minutes are not published: not known
    assert meetings[3]["is_scheduled"] is True
    assert "attendance" not in meetings[3]

    code, report, _ = invoke("check", str(out), "--format", "json")
    assert code == 1
    statuses = {f["rule_id"]: f["status"] for f in json.loads(report)["assessments"][0]["findings"]}
    assert statuses["transparency.declarations-standing-item"] == "met"
    assert statuses["transparency.confidential-items-state-reason"] == "met"
    # When the papers were published the service cannot tell: missing, never met nor failed.
    assert statuses["transparency.papers-5-clear-working-days-before"] == "missing_evidence"


def test_meetings_added_to_a_typed_file_keep_what_was_typed(site: RecordedService, tmp_path: Path) -> None:
    typed = tmp_path / "lep.yaml"
    typed.write_text(
        textwrap.dedent(
            """\
            format_version: 2
            as_of: 2020-03-31
            organisation: {id: northshire-lep, name: Northshire LEP}
            bodies:
              - {id: board, name: Northshire Enterprise Partnership Board, kind: board}  # hosted by the county
            people:
              - {id: jsmith, name: Cllr Jane Smith, roles: [{body: board, role: chair}]}
            meetings:
              # typed from the printed minutes
              - id: board-2019-06-20
                body: board
                held_on: 2019-06-20
                attendance: [jsmith]
            """
        )
    )
    code, out, err = pull(site, "--from", "2019-04-01", "--into", str(typed))
    assert code == 0, err
    assert out == ""
    assert (
        "note: kept meetings[0].attendance as typed: [jsmith]; ModernGov says "
        "[jsmith, david-lee, peter-brown, amira-khan, tom-green, ruth-hall]" in err
    )
    text = typed.read_text()
    assert "# typed from the printed minutes" in text
    assert "# hosted by the county" in text
    code, _, err = invoke("validate", str(typed))
    assert code == 0, err
    merged = yaml.safe_load(text)
    assert merged["meetings"][0]["attendance"] == ["jsmith"]
    assert merged["meetings"][0]["apologies"] == ["mary-o-neill"]  # left out by hand, so added
    assert [m["id"] for m in merged["meetings"]] == ["board-2019-06-20", "board-2019-09-19", "board-2020-03-19"]
    assert "jane-smith" not in [p["id"] for p in merged["people"]]  # Cllr Jane Smith is jsmith


def test_an_unknown_committee_lists_the_sites_committees(site: RecordedService) -> None:
    code, _, err = invoke("import", "moderngov", site.url, "--committee", "421", "--interval", "0")
    assert code == 2
    assert err.startswith(f"error: {site.url}/mgWebService.asmx/GetCommittees: has no committee '421'")
    assert "412 Northshire Enterprise Partnership Board" in err


def test_an_unreachable_site_is_an_input_error() -> None:
    url = f"http://127.0.0.1:{unused_port()}"
    code, out, err = invoke("import", "moderngov", url, "--committee", "412", "--interval", "0", "--retries", "0")
    assert code == 2
    assert out == ""
    assert "cannot be reached: connection refused (check the address and your connection)" in err
    assert "Traceback" not in err


def test_a_date_that_is_no_date_stops_the_import_before_anything_is_written(
    site: RecordedService, tmp_path: Path
) -> None:
    broken = (Path(__file__).parents[1] / "fixtures" / "moderngov" / "meetings-412.xml").read_bytes()
    site.answer("GetMeetings", Reply(200, broken.replace(b"19/09/2019", b"31/02/2019")))
    out = tmp_path / "meetings.yaml"
    code, _, err = pull(site, "--as-of", "2020-03-31", "-o", str(out))
    assert code == 2
    assert "meeting 2302: date '31/02/2019' is not a day of the calendar" in err
    assert not out.exists()


def test_a_list_of_more_meetings_than_a_committee_holds_is_refused_before_reading_them(site: RecordedService) -> None:
    stub = "<meeting><meetingid>{0}</meetingid><meetingdate>20/06/2019</meetingdate></meeting>"
    listed = "<getmeetings><meetings>" + "".join(stub.format(n) for n in range(1001)) + "</meetings></getmeetings>"
    site.answer("GetMeetings", Reply(200, listed.encode()))
    code, _, err = pull(site, "--as-of", "2020-03-31")
    assert code == 2
    assert "lists 1,001 meetings from 2019-04-01 to 2020-03-31" in err
    assert [r.operation for r in site.requests] == ["GetCommittees", "GetMeetings"]


def test_a_disabled_web_service_says_so(site: RecordedService) -> None:
    page = b"<!DOCTYPE html><html><body><p>The web service is disabled.</p></body></html>"
    site.answer("GetCommittees", Reply(200, page, "text/html"))
    code, _, err = pull(site)
    assert code == 2
    assert "the ModernGov web service is disabled on this site" in err


def test_without_its_packages_the_command_says_what_to_install(
    site: RecordedService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "defusedxml", None)
    code, _, err = pull(site)
    assert code == 2
    assert "pip install 'govcheck[moderngov]'" in err
    assert site.requests == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_pull_shows_its_progress_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from govcheck.cli.import_moderngov import _progress
    from govcheck.importers.moderngov.parse import MeetingStub

    stubs = [MeetingStub(str(n), "412", dt.date(2019, 6, 20), "Confirmed") for n in range(6)]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(_progress(stubs)) == stubs
    assert "reading meetings" in terminal.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    assert list(_progress(stubs)) == stubs
    assert piped.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert list(_progress(stubs[:2])) == stubs[:2]  # a few meetings are read before a bar would draw
    assert terminal.getvalue() == ""
