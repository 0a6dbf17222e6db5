"""Verify: prove, independently and value by value, that a copy holds no personal data.

``verify(source_url, staged_target_url, policy)`` runs five checks, each one module in
``sluis.verify.checks``: V1 leak, V2 coverage, V3 structure, V4 rescan, V5
re-identification. This package never imports ``sluis.anonymize``.
"""

from __future__ import annotations

from sluis.verify.context import VerifyOptions
from sluis.verify.report import CheckResult, Finding, VerificationReport
from sluis.verify.verifier import verify, verify_sources

__all__ = [
    "CheckResult",
    "Finding",
    "VerificationReport",
    "VerifyOptions",
    "verify",
    "verify_sources",
]
