"""The check kinds: small named functions that rules refer to by name.

Importing this package registers every kind; ``REGISTRY`` maps names to kinds.
"""

from govcheck.checks import attestation, coverage, currency, dates, periods, presence, quorum, thresholds
from govcheck.checks.base import REGISTRY, CheckContext, CheckKind

__all__ = [
    "REGISTRY",
    "CheckContext",
    "CheckKind",
    "attestation",
    "coverage",
    "currency",
    "dates",
    "periods",
    "presence",
    "quorum",
    "thresholds",
]
