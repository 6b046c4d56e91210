"""Headless Chromium for the browser tests: where it is, the flags that keep it quiet, and printing to PDF.

Skipped, not failed, where no Chromium is installed (CI installs Debian's ``chromium``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium")
        if (found := shutil.which(name))
    ),
    None,
)
# No network, no updates, no sync, no first-run pages: the browser sees only the file it is given.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
WAIT = 30.0  # seconds: a generous bound on a slow machine, never a measurement
PRINT_WAIT = 120.0  # seconds for one page printed whole: a long report on a busy machine


def print_to_pdf(page: Path, pdf: Path) -> Path:
    """Print an HTML file to ``pdf`` as a reader's "Print to PDF" would, with no browser header or footer."""
    if CHROMIUM is None:
        raise RuntimeError("no Chromium to print with")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                page.resolve().as_uri(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=PRINT_WAIT,
        )
    if not pdf.exists():
        raise AssertionError(f"Chromium printed nothing for {page}")
    return pdf
