"""What several renderers share: grouping findings and wording statuses and counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from govcheck.engine.core.paths import PathKey
from govcheck.engine.core.results import STATUS_ORDER, Assessment, Finding, PackInfo
from govcheck.engine.core.status import SEVERITIES, Status

STATUS_WORDS = {
    Status.MET: "met",
    Status.PARTIAL: "partial",
    Status.NOT_MET: "not met",
    Status.MISSING_EVIDENCE: "missing evidence",
    Status.NOT_APPLICABLE: "not applicable",
    Status.WAIVED: "waived",
    Status.ERROR: "error",
}
# Short marks for plain-text reports: gaps in capitals so they stand out in a terminal.
MARKS = {
    Status.MET: "ok",
    Status.PARTIAL: "PARTIAL",
    Status.NOT_MET: "NOT MET",
    Status.MISSING_EVIDENCE: "MISSING",
    Status.NOT_APPLICABLE: "n/a",
    Status.WAIVED: "waived",
    Status.ERROR: "ERROR",
}


def by_topic(assessment: Assessment, findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by topic, topics in the pack's order, worst first within each."""
    order = list(assessment.topics)
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.topic, []).append(finding)
    ranked = sorted(groups, key=lambda t: (order.index(t) if t in order else len(order), t))
    return [
        (
            assessment.topics.get(topic, topic),
            sorted(groups[topic], key=lambda f: (STATUS_ORDER.index(f.status), SEVERITIES.index(f.severity))),
        )
        for topic in ranked
    ]


def status_counts(assessment: Assessment) -> list[tuple[Status, int]]:
    counts = assessment.count()
    return [(status, counts[status]) for status in STATUS_ORDER[::-1] if counts[status]]


def gap_severity_counts(assessment: Assessment) -> list[tuple[str, int]]:
    gaps = [f for f in assessment.findings if f.is_gap]
    return [(severity, sum(f.severity == severity for f in gaps)) for severity in SEVERITIES]


# National requirements are what the framework itself says a LEP must do, checked against its
# text: `must`, basis V, not a LEP's own practice, in an edition whose rules are its own. The
# rest (`should`, local practice, corroborated or unverified, carried forward unchecked) is
# good governance an auditor weighs differently, so reports count the two apart.
NATIONAL, OTHER = "national", "other"
STANDING_WORDS = {
    NATIONAL: "national requirements (must, verified)",
    OTHER: "should, local practice or unverified",
}


def standing(finding: Finding, pack: PackInfo) -> str:
    """NATIONAL for a verified national `must`, else OTHER."""
    national = (
        finding.obligation == "must"
        and finding.basis == "V"
        and pack.carried_forward_from is None
        and "local practice" not in finding.citation.lower()
    )
    return NATIONAL if national else OTHER


def gap_severity_split(assessment: Assessment) -> list[tuple[str, list[tuple[str, int]]]]:
    """Gaps by severity, national requirements apart from the rest: [(standing, [(severity, count)])]."""
    gaps = [f for f in assessment.findings if f.is_gap]
    return [
        (
            kind,
            [
                (severity, sum(f.severity == severity and standing(f, assessment.pack) == kind for f in gaps))
                for severity in SEVERITIES
            ],
        )
        for kind in (NATIONAL, OTHER)
    ]


def cited_addresses(assessment: Assessment) -> dict[str, list[str]]:
    """Each published address the findings cite, once, with the documents cited at it, in rule order."""
    found: dict[str, list[str]] = {}
    for finding in assessment.findings:
        if finding.citation_url:
            documents = found.setdefault(finding.citation_url, [])
            document = finding.citation.split(" ", 1)[0]
            if document not in documents:
                documents.append(document)
    return found


def summary_line(assessment: Assessment) -> str:
    parts = [f"{count} {STATUS_WORDS[status]}" for status, count in status_counts(assessment)]
    return f"{len(assessment.findings)} rules: " + ", ".join(parts)


def location(assessment: Assessment, line: int | None) -> str:
    return f"{assessment.facts_file}:{line}" if line else assessment.facts_file


def gaps_then_rest(findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    return [f for f in findings if f.is_gap], [f for f in findings if not f.is_gap]


def dotted(path: PathKey) -> str:
    """A facts path as a reader writes it: ``people[2].register_of_interests.published_on``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
