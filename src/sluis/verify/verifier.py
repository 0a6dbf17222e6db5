"""Run every check on a target against its source and policy.

The verifier shares no code with the anonymizer: it reads both databases through
``sluis.sources``, recognizes identifiers with ``sluis.discover`` and compares keyed
fingerprints of its own, so a bug in a transform cannot also hide that transform's output.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from types import ModuleType

from sluis import __version__
from sluis.heap import return_freed_memory
from sluis.model.policy import Policy
from sluis.sources import Source, open_source, redact_url
from sluis.verify.checks import CHECKS
from sluis.verify.context import VerifyContext, VerifyOptions
from sluis.verify.fingerprints import FingerprintKey
from sluis.verify.report import CheckResult, VerificationReport


def verify(
    source_url: str,
    staged_target_url: str,
    policy: Policy,
    *,
    key: bytes | None = None,
    options: VerifyOptions | None = None,
) -> VerificationReport:
    """Verify the copy at ``staged_target_url`` against ``source_url`` under ``policy``.

    ``key`` is the Sluis key's 32 bytes, from which the fingerprint key is derived; without
    it a random key is used for this run. The report's ``passed`` is true only when every
    check passed; publish the copy only then. Unreadable sources raise ``SourceError`` or
    ``SourceUrlError`` (nothing is reported as passed on bad input).
    """
    with open_source(source_url) as source, open_source(staged_target_url) as target:
        return verify_sources(source, target, policy, key=key, options=options)


def verify_sources(
    source: Source,
    target: Source,
    policy: Policy,
    *,
    key: bytes | None = None,
    options: VerifyOptions | None = None,
) -> VerificationReport:
    """Like :func:`verify` for sources that are already open."""
    return_freed_memory()
    started = datetime.now(UTC)
    clock = time.perf_counter()
    context = VerifyContext(
        source=source,
        target=target,
        policy=policy,
        source_schema=source.schema(),
        target_schema=target.schema(),
        key=FingerprintKey.derived(key) if key is not None else FingerprintKey.random(),
        options=options or VerifyOptions(),
    )
    results = _run_checks(context)
    return VerificationReport(
        source=redact_url(source.url),
        target=redact_url(target.url),
        version=__version__,
        started=started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        seconds=round(time.perf_counter() - clock, 3),
        checks=results,
    )


def _run_checks(context: VerifyContext) -> tuple[CheckResult, ...]:
    """Every check's result, in order. The leak check runs here; the others on a thread,
    reading through connections of their own: the leak check leaves a core idle for much of
    its run, and the others spend theirs in reads and polars, which let go of the
    interpreter lock."""
    leak, *others = CHECKS
    with ThreadPoolExecutor(1, thread_name_prefix="sluis-checks") as thread:
        rest = thread.submit(_run_reopened, context, others)
        first = leak.run(context)
        return (first, *rest.result())


def _run_reopened(context: VerifyContext, checks: list[ModuleType]) -> list[CheckResult]:
    with open_source(context.source.url) as source, open_source(context.target.url) as target:
        reopened = replace(context, source=source, target=target)
        return [check.run(reopened) for check in checks]
