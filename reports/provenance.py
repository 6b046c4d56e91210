"""How a report was made, and who signs it: the provenance and sign-off blocks of the human formats.

Provenance names what a reader needs to make the same report again and check it is the same:
the govcheck version, the edition and a digest of its rule files, the facts file and any
waiver file with the SHA-256 of their bytes, and the date assessed at. These are the values
the JSON report's manifest records; no clock time, so the same inputs give the same report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from govcheck import __version__
from govcheck.engine.core.results import Assessment
from govcheck.engine.core.wording import date_label

RULES, WAIVERS = "rules", "waivers"  # the roles engine/assess/manifest.py gives the files read


def pack_digest(assessment: Assessment) -> str | None:
    """One SHA-256 for the edition's rule files: of each file's name and digest, a line each, in order.

    Names, not paths: the same rules give the same digest wherever the pack's folder stands (an
    auditor's copy, a CI runner's checkout). None when the assessment names no rule files.
    """
    rules = sorted((PurePath(f.path).name, f.sha256) for f in assessment.inputs if f.role == RULES)
    if not rules:
        return None
    return hashlib.sha256("".join(f"{name} {sha}\n" for name, sha in rules).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Provenance:
    govcheck_version: str
    edition: str  # "naf-2019 (January 2019)"
    pack_sha256: str | None
    rule_files: int
    facts_file: str
    facts_sha256: str
    waiver_files: tuple[tuple[str, str], ...]  # (file, sha256)
    as_of: str  # ISO date

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs, as every human format lists them."""
        rules = (
            f"sha256 {self.pack_sha256} (of its {self.rule_files} rule files' digests)"
            if self.pack_sha256
            else "rule files not recorded"
        )
        found = [
            ("Made by", f"govcheck {self.govcheck_version}"),
            ("Edition", f"{self.edition}, {rules}"),
            ("Facts file", f"{self.facts_file}, sha256 {self.facts_sha256}"),
        ]
        found += [("Waiver file", f"{file}, sha256 {sha}") for file, sha in self.waiver_files]
        if not self.waiver_files:
            found.append(("Waiver file", "none"))
        found.append(("Assessed as of", self.as_of))
        return found


def provenance(assessment: Assessment) -> Provenance:
    return Provenance(
        govcheck_version=__version__,
        edition=f"{assessment.pack.id} ({assessment.pack.edition})",
        pack_sha256=pack_digest(assessment),
        rule_files=sum(f.role == RULES for f in assessment.inputs),
        facts_file=assessment.facts_file,
        facts_sha256=assessment.facts_sha256,
        waiver_files=tuple((f.path, f.sha256) for f in assessment.inputs if f.role == WAIVERS),
        as_of=f"{assessment.as_of.isoformat()} ({date_label(assessment.as_of)})",
    )


@dataclass(frozen=True)
class SignOff:
    """The reviewer who signs a report: ``--sign-off "Name, role"``."""

    name: str
    role: str | None

    @classmethod
    def parse(cls, text: str) -> SignOff:
        """``"A. Auditor, Head of Internal Audit"``: the name, then after the first comma the role.

        A ValueError when there is no name to sign under.
        """
        name, _, role = text.partition(",")
        name, role = " ".join(name.split()), " ".join(role.split())
        if not name:
            raise ValueError(f'{text!r} has no name before the role; write it as "Name, role"')
        return cls(name, role or None)

    # The lines printed for a signature and a date to be written in by hand.
    BLANK = "_" * 40

    def lines(self) -> list[tuple[str, str]]:
        found = [("Reviewed by", self.name)]
        if self.role:
            found.append(("Role", self.role))
        return [*found, ("Signature", self.BLANK), ("Date", self.BLANK)]
