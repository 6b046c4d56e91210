"""The HTML report in a real browser: what a person sees, and that the filters work by mouse and keyboard.

Drives headless Chromium over the DevTools protocol on a pipe (``--remote-debugging-pipe``),
so nothing listens on a port and nothing beyond the browser is needed. Skipped, not failed,
where no Chromium is installed (CI installs Debian's ``chromium``).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govcheck.reports import RENDERERS, RenderOptions
from tests.support.browser import CHROMIUM, FLAGS, WAIT
from tests.support.golden import assess, scenario_files

pytestmark = pytest.mark.browser

PIPE = "--remote-debugging-pipe"  # the DevTools protocol on fds 3 and 4, so nothing listens on a port


class Browser:
    """Just enough of the DevTools protocol: send a command on fd 3, read its answer from fd 4."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser, self._commands = os.pipe()
        self._answers, from_browser = os.pipe()

        def wire() -> None:  # in the child: the pipe ends the protocol expects
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, PIPE, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=wire,  # only dup2 between fork and exec
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + WAIT
        while True:
            while b"\0" not in self._buffer:
                if not select.select([self._answers], [], [], max(deadline - time.monotonic(), 0))[0]:
                    raise AssertionError(f"the browser did not answer {method}")
                chunk = os.read(self._answers, 1 << 16)
                if not chunk:
                    raise AssertionError("the browser closed the pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise AssertionError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer["result"]
                return result

    def evaluate(self, expression: str) -> Any:
        answer = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, self.session
        )
        if "exceptionDetails" in answer:
            raise AssertionError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def open(self, path: Path) -> None:
        self.send("Page.navigate", {"url": path.resolve().as_uri()}, self.session)
        deadline = time.monotonic() + WAIT
        while self.evaluate("document.readyState + ' ' + location.protocol") != "complete file:":
            if time.monotonic() > deadline:
                raise AssertionError(f"{path} did not load")
            time.sleep(0.05)

    def press_space(self) -> None:
        for kind in ("keyDown", "keyUp"):
            key = {"type": kind, "key": " ", "code": "Space", "windowsVirtualKeyCode": 32}
            self.send("Input.dispatchKeyEvent", {**key, "text": " "} if kind == "keyDown" else key, self.session)

    def close(self) -> None:
        with contextlib.suppress(AssertionError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._answers)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip("no Chromium found (install Debian's chromium package to run the browser tests)")
    started = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    yield started
    started.close()


@pytest.fixture(scope="module")
def gappy_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("report") / "gappy.html"
    assessment = assess(Path("tests/fixtures/gappy-lep.yaml"))
    page.write_text(RENDERERS["html"].render([assessment], RenderOptions()), encoding="utf-8")
    return page


VISIBLE_FINDINGS = """
Array.from(document.querySelectorAll('[data-status]'))
  .filter(element => element.getClientRects().length > 0)
  .map(element => element.dataset.status)
"""


def test_a_reader_sees_the_summary_a_gaps_failing_items_and_hostile_names_as_text(
    browser: Browser, gappy_page: Path
) -> None:
    browser.open(gappy_page)
    counts = browser.evaluate(
        "Array.from(document.querySelectorAll('.counts table:first-of-type tbody tr'))"
        ".map(row => [row.cells[0].innerText.trim(), row.cells[1].innerText.trim()])"
    )
    assert counts == [["✗ not met", "5"], ["◐ partial", "10"], ["? missing evidence", "8"], ["– not applicable", "1"],
                      ["✓ met", "4"]]  # fmt: skip
    gap = browser.evaluate("document.getElementById('gappy-lep--registers.published-within-28-days').innerText")
    assert "Failing items: 2 of 5" in gap
    assert "register published 14 Jul 2019, 41 days after appointment; due by 1 Jul 2019 (28 days allowed)" in gap
    assert "<script>alert(1)</script> (Gappy Valley LEP Board member)" in gap
    assert browser.evaluate("document.scripts.length") == 1
    # The page's own script ran (the policy's hash matched): the filters are shown.
    assert browser.evaluate("document.getElementById('filters').hidden") is False
    assert browser.evaluate("document.getElementById('filter-count').innerText") == "Showing 28 of 28 findings"


def test_filters_narrow_the_findings_by_mouse_and_by_keyboard(browser: Browser, gappy_page: Path) -> None:
    browser.open(gappy_page)
    browser.evaluate(
        "document.querySelectorAll('input[name=status]').forEach(box => { if (box.value !== 'not_met') box.click(); })"
    )
    assert browser.evaluate(VISIBLE_FINDINGS) == ["not_met"] * 5
    assert browser.evaluate("document.getElementById('filter-count').innerText") == "Showing 5 of 28 findings"
    # A topic with nothing left to show is hidden with its heading.
    topic = "document.getElementById('gappy-lep--topic-registers-of-interest').closest('section')"
    assert browser.evaluate(f"{topic}.getClientRects().length") == 0

    browser.evaluate("document.querySelector('input[name=severity][value=high]').focus()")
    browser.press_space()
    assert browser.evaluate("document.querySelector('input[name=severity][value=high]').checked") is False
    assert browser.evaluate(VISIBLE_FINDINGS) == ["not_met"] * 4  # the one high not-met gap is hidden

    browser.evaluate("document.querySelector('#filters button[type=reset]').click()")
    browser.evaluate("new Promise(done => setTimeout(done, 50))")
    assert len(browser.evaluate(VISIBLE_FINDINGS)) == 28


def test_the_matrix_of_several_leps_links_each_status_to_its_lep(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "all.html"
    assessments = [assess(p) for p in scenario_files("tests/fixtures")]
    page.write_text(RENDERERS["html"].render(assessments, RenderOptions()), encoding="utf-8")
    browser.open(page)
    headers = browser.evaluate("Array.from(document.querySelectorAll('table.matrix thead th')).map(th => th.innerText)")
    assert [h.split("\n")[0] for h in headers] == ["Rule", "Empty Fields LEP", "Exemplar Vale LEP", "Gappy Valley LEP",
                                                   "Pass rate"]  # fmt: skip
    link = "document.querySelector('a[href=\"#gappy-lep--quorum.quorate-after-withdrawals\"]')"
    # What a screen reader announces for the link: the LEP and rule as well as the status.
    name = browser.evaluate(f"{link}.textContent.replace(/\\s+/g, ' ').trim()")
    assert name == "Gappy Valley LEP, quorum.quorate-after-withdrawals: ✗ not met"
    browser.evaluate(f"{link}.click()")
    assert browser.evaluate("location.hash") == "#gappy-lep--quorum.quorate-after-withdrawals"
