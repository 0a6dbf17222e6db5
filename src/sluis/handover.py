"""The handover of a copy: anonymize into staging, verify independently, then publish.

This is the one place that joins the anonymizer and the verifier; neither imports the
other, so one bug cannot hide itself. Nothing is published unless every step passed: a
failed or interrupted run leaves no target, or the previous target as it was. There is no
way to skip verification.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sluis.anonymize.runner import ProgressHook, TableResult, plan_for, run
from sluis.anonymize.spark_engine import SparkOptions, check_spark_run, run_spark
from sluis.errors import InputError, VerificationError
from sluis.keys import Key
from sluis.model.policy import Policy
from sluis.sinks import open_sink
from sluis.sources import open_source, redact_url
from sluis.sources.base import DEFAULT_BATCH_ROWS
from sluis.sources.url import SourceKind, parse_source_url
from sluis.verify import VerificationReport, verify
from sluis.verify.attestation import attest
from sluis.verify.context import VerifyOptions


@dataclass(frozen=True)
class RunOptions:
    """How a run uses memory and cores: rows per Arrow batch and worker processes.

    ``engine="spark"`` transforms on Apache Spark (Parquet only, the ``spark`` extra) at
    ``spark_master`` (None: ``$SPARK_MASTER``, else ``local[*]``); ``workers`` is then unused.
    """

    batch_rows: int = DEFAULT_BATCH_ROWS
    workers: int = 1
    engine: Literal["local", "spark"] = "local"
    spark_master: str | None = None


@dataclass(frozen=True)
class HandoverResult:
    """What was published; ``attestation`` is the signed document when a key was given."""

    target: str
    tables: tuple[TableResult, ...]
    report: VerificationReport
    attestation: dict[str, Any] | None = None

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def hand_over(
    source_url: str,
    target_url: str,
    policy: Policy,
    key: Key,
    options: RunOptions = RunOptions(),
    *,
    progress: ProgressHook | None = None,
    signing_key: Ed25519PrivateKey | None = None,
) -> HandoverResult:
    """Make an anonymized copy of ``source_url`` at ``target_url``, or nothing at all.

    Raises ``VerificationError`` (with the report) when the staged copy fails any check.
    """
    _refuse_same(source_url, target_url)
    if options.engine == "spark":
        check_spark_run(source_url, target_url)
    with open_source(source_url) as source:
        plan_for(source, policy)  # every policy problem surfaces before anything is created
        with open_sink(target_url, source.schema()) as sink:
            sink.create()
            if options.engine == "spark":
                tables = run_spark(
                    source,
                    sink,
                    policy,
                    key,
                    options=SparkOptions(options.spark_master),
                    batch_rows=options.batch_rows,
                    progress=progress,
                )
            else:
                tables = run(
                    source,
                    sink,
                    policy,
                    key,
                    batch_rows=options.batch_rows,
                    workers=options.workers,
                    progress=progress,
                )
            staged = sink.staged_url()
            report = verify(
                source_url,
                staged,
                policy,
                key=key.material,
                options=VerifyOptions(workers=options.workers),
            )
            if not report.passed:
                raise VerificationError(
                    f"the copy failed {', '.join(report.failed_checks())}; nothing was published;"
                    f" {report.fix()}, then run again",
                    report,
                )
            document = (
                attest(report, policy, source_url, staged, signing_key, published_as=target_url)
                if signing_key is not None
                else None
            )
            sink.publish()
    return HandoverResult(redact_url(target_url), tables, report, document)


def _refuse_same(source_url: str, target_url: str) -> None:
    source, target = parse_source_url(source_url), parse_source_url(target_url)
    same = source.kind is target.kind and (
        Path(source.location).resolve() == Path(target.location).resolve()
        if source.kind is not SourceKind.POSTGRESQL
        else _same_database(source.location, target.location)
    )
    if same:
        raise InputError(f"the target {redact_url(target_url)} is the source; name another target")


def _same_database(source: str, target: str) -> bool:
    """Whether two PostgreSQL URLs reach one database, however each spells its server."""
    if source == target:
        return True
    from sluis.sources.postgres import database_identity  # psycopg only for PostgreSQL runs

    identity = database_identity(source)
    return identity is not None and identity == database_identity(target)
