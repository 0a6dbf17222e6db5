"""The handover of a copy: anonymize into staging, verify independently, then publish.

This is the one place that joins the anonymizer and the verifier; neither imports the
other, so one bug cannot hide itself. Nothing is published unless every step passed: a
failed or interrupted run leaves no target, or the previous target as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sluis.anonymize.key import Key
from sluis.anonymize.runner import ProgressHook, TableResult, plan_for, run
from sluis.errors import InputError
from sluis.model.policy import Policy
from sluis.sinks import open_sink
from sluis.sources import open_source, redact_url
from sluis.sources.base import DEFAULT_BATCH_ROWS
from sluis.sources.url import SourceKind, parse_source_url


@dataclass(frozen=True)
class HandoverResult:
    target: str
    tables: tuple[TableResult, ...]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def hand_over(
    source_url: str,
    target_url: str,
    policy: Policy,
    key: Key,
    *,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    progress: ProgressHook | None = None,
) -> HandoverResult:
    """Make an anonymized copy of ``source_url`` at ``target_url``, or nothing at all."""
    _refuse_same(source_url, target_url)
    with open_source(source_url) as source:
        plan_for(source, policy)  # every policy problem surfaces before anything is created
        with open_sink(target_url, source.schema()) as sink:
            sink.create()
            tables = run(source, sink, policy, key, batch_rows=batch_rows, progress=progress)
            sink.publish()
    return HandoverResult(redact_url(target_url), tables)


def _refuse_same(source_url: str, target_url: str) -> None:
    source, target = parse_source_url(source_url), parse_source_url(target_url)
    same = source.kind is target.kind and (
        Path(source.location).resolve() == Path(target.location).resolve()
        if source.kind is not SourceKind.POSTGRESQL
        else source.location == target.location
    )
    if same:
        raise InputError(f"the target {redact_url(target_url)} is the source; name another target")
